## Промокоды: корзина, оформление заказа, страницы сотрудников и продавцов.

coupon-field = Промокод
coupon-apply = Применить
coupon-remove = Удалить промокод
coupon-line = Промокод { $code }
coupon-entered = Промокод добавлен.
coupon-removed = Промокод удалён.
coupon-unknown = Такого промокода не существует. Проверьте, правильно ли он написан.
coupon-throttled = С этого подключения введено слишком много кодов. Подождите несколько минут и попробуйте снова.
coupon-not-yet = Этот промокод ещё не действует.
coupon-expired = Срок действия этого промокода истёк.
coupon-not-in-market = Этот промокод недоступен в вашем регионе.
coupon-used-up = Этот промокод уже использован максимально допустимое число раз.
coupon-already-used = Вы уже использовали этот промокод.
coupon-below-minimum = Этот промокод действует для заказов от { $amount }.
coupon-wrong-shop = Этот промокод действует только на товары другого магазина.
coupon-sign-in = Войдите в аккаунт, чтобы воспользоваться этим промокодом.

staff-nav-coupons = Промокоды
merchant-nav-coupons = Промокоды
coupons-title = Промокоды
coupons-intro-staff = Промокоды маркетплейса действуют во всех магазинах; скидку оплачивает маркетплейс.
coupons-intro-merchant = Ваши промокоды действуют только на товары вашего магазина; скидку оплачивает ваш магазин.
coupons-none = Промокодов пока нет.
coupon-col-code = Промокод
coupon-col-discount = Скидка
coupon-col-window = Срок действия
coupon-col-markets = Рынки
coupon-col-uses = Использовано
coupon-col-status = Статус
coupon-csv = Скачать промокоды (CSV)
coupon-over = при заказе от { $amount }
coupon-everywhere = Везде
coupon-active = Действует
coupon-inactive = Отключён
coupon-deactivate = Отключить
coupon-activate = Включить
coupon-batch-uses = { $count ->
    [one] { $n } промокод
    [few] { $n } промокода
    [many] { $n } промокодов
   *[other] { $n } промокода
}
coupon-new = Новый промокод
coupon-create = Создать
coupon-created = Промокоды созданы.
coupon-field-code = Промокод
coupon-field-code-hint = Буквы, цифры и дефисы, например BF5. Для серии промокодов — необязательный префикс длиной до 12 символов.
coupon-field-count = Количество промокодов
coupon-field-count-hint = 1 — один промокод, которым могут воспользоваться все; больше — серия уникальных промокодов (до 5000), которая выгружается в CSV.
coupon-field-kind = Тип скидки
coupon-kind-percent = Скидка в процентах
coupon-kind-amount = Скидка фиксированной суммой
coupon-field-value = Размер скидки
coupon-field-value-hint = Целое число процентов (1–90) или сумма, например 5,00.
coupon-field-currency = Валюта суммы скидки и минимальной суммы заказа
coupon-field-min-spend = Минимальная сумма заказа
coupon-field-min-spend-hint = Необязательно: стоимость товаров должна быть не меньше этой суммы. Для корзин в других валютах сумма пересчитывается.
coupon-field-max-uses = Всего использований
coupon-field-per-account = Использований на один аккаунт
coupon-field-limit-hint = Необязательно: оставьте поле пустым, чтобы не ограничивать.
coupon-field-markets = Рынки, где действует промокод (если ничего не выбрано — везде)
coupon-count-invalid = Введите целое число от 1 до 5000.
coupon-code-invalid = Используйте буквы, цифры и дефисы (не более 32 символов).
coupon-prefix-invalid = Используйте не более 12 символов: буквы, цифры и дефисы.
coupon-percent-invalid = Укажите процент целым числом от 1 до 90.
coupon-amount-invalid = Укажите сумму, например 5,00.
coupon-limit-invalid = Введите целое число не меньше 1 или оставьте поле пустым.
coupon-code-taken = Такой промокод уже существует. Придумайте другой.
