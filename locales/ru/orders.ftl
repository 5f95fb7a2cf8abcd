## Корзина, оформление заказа, заказы и уведомления о них.

cart-link = { $count ->
    [0] Корзина
    [one] Корзина ({ $n })
    [few] Корзина ({ $n })
    [many] Корзина ({ $n })
   *[other] Корзина ({ $n })
}
orders-link = Мои заказы
cart-title = Ваша корзина
cart-empty = Ваша корзина пуста.
cart-continue = Продолжить покупки
cart-add = Добавить в корзину
cart-quantity = Количество
cart-update = Обновить
cart-remove = Удалить
cart-unit-price = Цена
cart-line-total = Сумма
cart-subtotal = Товары
cart-shipping = Доставка
cart-shop-total = Итого по магазину
cart-total = Итого
cart-merchant-total = ({ $amount } в валюте магазина)
cart-ship-to = Страна доставки: { $country }. Изменить её можно вверху страницы.
cart-does-not-ship = Этот магазин не доставляет в выбранную страну ({ $country }). Удалите его товары или выберите другую страну, чтобы оформить заказ.
cart-delivery-days = { $min ->
    [0] доставка в течение { $max } дн.
   *[other] доставка за { $min }–{ $max } дн.
}
cart-checkout = Оформить заказ
cart-cannot-checkout = Некоторые товары нельзя доставить в вашу страну, поэтому оформить заказ пока не получится.
cart-items-gone = { $count ->
    [one] { $n } товар больше не продаётся и удалён из корзины.
    [few] { $n } товара больше не продаются и удалены из корзины.
    [many] { $n } товаров больше не продаются и удалены из корзины.
   *[other] { $n } товара больше не продаются и удалены из корзины.
}
cart-added = Товар добавлен в корзину.
cart-updated = Корзина обновлена.
cart-removed = Товар удалён из корзины.
cart-capped = В наличии меньше, чем вы хотели: теперь в корзине всё, что осталось.
cart-sold-out = К сожалению, этот товар только что раскупили.

checkout-address-title = Куда доставить заказ?
checkout-step-address = Адрес
checkout-step-review = Проверка
checkout-step-done = Готово
checkout-continue = Перейти к проверке заказа
checkout-ship-to-changed = Цены и стоимость доставки теперь рассчитаны для страны из вашего адреса.
field-full-name = Имя и фамилия
field-line1 = Улица и номер дома
field-line2 = Квартира, этаж и т. п. (необязательно)
field-postal-code = Почтовый индекс
field-phone = Телефон
address-phone-hint = С кодом страны — для курьера, например +7 495 123-45-67.
address-country-invalid = Выберите страну из списка.
address-phone-invalid = Укажите номер телефона из 7–15 цифр, например +7 495 123-45-67.
address-postal-invalid-six = Этот индекс должен состоять из 6 цифр, например 101000.
address-postal-invalid-five = Этот индекс должен состоять из 5 цифр, например 50122.
address-postal-invalid-gb = Укажите индекс с пробелом, например SW1A 1AA.
address-postal-invalid-us = Укажите индекс ZIP в формате 94103 или 94103-1234.
address-postal-invalid-pt = Укажите индекс в формате 1100-148.
address-postal-invalid-pl = Укажите индекс в формате 00-950.
address-postal-invalid-nl = Укажите индекс в формате 1012 AB.
address-postal-invalid-az = Укажите индекс в формате AZ 1000.
address-postal-invalid-other = Проверьте почтовый индекс.
checkout-review-title = Проверьте заказ
checkout-ship-to = Адрес доставки
checkout-change-address = Изменить адрес
checkout-payment = Оплата
payment-bank-transfer = Банковский перевод (реквизиты будут указаны в заказе каждого магазина)
payment-card = Банковская карта (безопасная оплата через Stripe)
payment-cash-on-delivery = Оплата при получении
checkout-payment-hint = Caravan не списывает деньги с карты. Каждый магазин подтверждает оплату, а затем отправляет заказ.
checkout-payment-required = Выберите способ оплаты.
checkout-place = Подтвердить заказ
checkout-cannot-ship = Некоторые магазины из вашей корзины не доставляют по этому адресу. Сначала удалите их товары из корзины.
checkout-out-of-stock = Недостаточно товара в наличии: { $titles }. Заказ не оформлен, деньги не списаны; проверьте количество и попробуйте ещё раз.
checkout-changed = Цены или курсы валют только что изменились. Проверьте новую сумму и подтвердите заказ ещё раз.
checkout-done-title = Спасибо за заказ!
checkout-done-intro = { $count ->
    [one] Оформлен { $n } заказ:
    [few] Оформлено { $n } заказа — по одному на каждый магазин:
    [many] Оформлено { $n } заказов — по одному на каждый магазин:
   *[other] Оформлено { $n } заказа — по одному на каждый магазин:
}
checkout-done-next = Каждый магазин подтвердит оплату и отправит вам посылку. Следить за всеми заказами можно в истории заказов.
checkout-already-placed = Оформление уже завершено — вот ваши заказы.

orders-title = Заказы
orders-count = { $count ->
    [one] { $n } заказ
    [few] { $n } заказа
    [many] { $n } заказов
   *[other] { $n } заказа
}
orders-none = Заказов пока нет.
orders-from = С
orders-to = По
orders-back = Все заказы
order-title = Заказ { $number }
order-number = Номер заказа
order-placed = Дата заказа
order-shop = Магазин
order-delivery = Доставка
order-tracking = Трек-номер
order-timeline = История
order-actions = Действия
order-status-awaiting-payment = Ожидает оплаты
order-status-paid = Оплачен
order-status-shipped = Отправлен
order-status-delivered = Доставлен
order-status-cancelled = Отменён
order-action-paid = Отметить как оплаченный
order-action-shipped = Отметить как отправленный
order-action-delivered = Отметить как доставленный
order-action-cancel = Отменить заказ
order-action-cancel-mine = Отменить мой заказ
order-cancel-reason = Причина (её увидит покупатель)
order-cancel-reason-optional = Причина (необязательно)
order-cancel-reason-shown = Причина отмены
order-rate-note = Пересчитано по курсу 1 { $from } = { $rate } { $to } на момент оформления заказа.
order-updated = Заказ обновлён.
order-transition-invalid = Для заказа в этом статусе такое изменение невозможно.
order-cannot-cancel-shipped = Посылка уже отправлена, поэтому отменить заказ больше нельзя.
order-already-cancelled = Этот заказ отменён.
order-tracking-required = Укажите трек-номер, чтобы отметить заказ как отправленный.
order-reason-required = Укажите причину — её увидит покупатель.
order-changed-meanwhile = Кто-то только что изменил этот заказ. Вот его текущее состояние.

notifications-title = Сообщения о ваших заказах
notifications-none = Сообщений пока нет.
notification-order-placed = Вы оформили заказ { $number }.
notification-order-new = Поступил новый заказ { $number }.
notification-order-paid = Заказ { $number } отмечен как оплаченный.
notification-order-shipped = Заказ { $number } отправлен.
notification-order-delivered = Заказ { $number } доставлен.
notification-order-cancelled = Заказ { $number } отменён.

merchant-nav-orders = Заказы
staff-nav-orders = Заказы
time-utc = { $time } UTC
checkout-payment-hint-card = При оплате картой деньги списываются один раз за заказы всех магазинов, и Caravan хранит их, пока посылка не дойдёт до вас. При банковском переводе или оплате при получении каждый магазин подтверждает оплату, а затем отправляет заказ.
checkout-done-next-card = Оплата картой подтверждена. Каждый магазин соберёт и отправит вашу посылку; Caravan хранит деньги, пока она не придёт. Следить за каждым заказом можно в истории заказов.
notification-stock-low = После заказа { $number } заканчивается товар.
