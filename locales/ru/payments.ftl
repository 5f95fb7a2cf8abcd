# Платежи: комиссии и учёт.
staff-nav-commissions = Комиссии
commission-title = Комиссии
commission-intro = Доля стоимости товаров (не доставки), которую маркетплейс удерживает с каждой продажи, по ставке, действующей на момент оплаты заказа. Собственная ставка магазина заменяет ставку по умолчанию с момента её установки; все ставки сохраняются в истории.
commission-current = Ставка по умолчанию сейчас: { $rate }
commission-set-title = Установить ставку
commission-for = Для кого
commission-default = По умолчанию (для всех магазинов без своей ставки)
commission-rate = Ставка (%)
commission-rate-hint = От 0 до 50, не более двух знаков после запятой (например, 12,5). Применяется к заказам, оплаченным с этого момента.
commission-history = История
commission-since = Действует с
commission-rate-value = { $rate } %
commission-error-number = Введите ставку числом, например 12,5.
commission-error-range = Ставка должна быть от 0 до 50 %.

merchant-nav-payouts = Выплаты
payouts-title = Выплаты
payouts-intro = Сколько Caravan должен вашему магазину за заказы, оплаченные картой, в валюте магазина. Продажа остаётся в ожидании, пока заказ не доставлен и не истёк срок защиты покупателя; затем сумма становится доступной и уходит в ближайшую выплату.
payouts-pending = в ожидании
payouts-available = доступно
payouts-paid-out = выплачено
payouts-statement = Выписка
payouts-none = Пока ничего нет: здесь появятся продажи, оплаченные картой.
payouts-col-when = Когда
payouts-col-what = Что
payouts-col-order = Заказ
payouts-col-to-shop = Вашему магазину
payouts-col-commission = Комиссия
ledger-kind-sale = Продажа (товары и доставка за вычетом комиссии)

# Шаг оплаты картой при оформлении заказа.
checkout-step-pay = Оплата
pay-title = Оплата картой
pay-intro = { $count ->
    [1] Один платёж на сумму { $amount } за ваш заказ:
    [one] Один платёж на сумму { $amount } за ваши { $count } заказ:
    [few] Один платёж на сумму { $amount } за ваши { $count } заказа:
    [many] Один платёж на сумму { $amount } за ваши { $count } заказов:
   *[other] Один платёж на сумму { $amount } за ваши { $count } заказов:
}
pay-card = Карта
pay-secure-note = Данные карты передаются напрямую в Stripe, наш платёжный сервис; Caravan никогда не видит номер карты. Деньги хранятся у нас, пока посылки не дойдут до вас.
pay-submit = Оплатить { $amount }
pay-busy = Идёт оплата…
pay-noscript = Для оплаты картой нужен JavaScript. Ваши заказы сохранены: включите JavaScript и обновите страницу или отмените заказы в истории заказов и оформите их заново с другим способом оплаты.
pay-authenticate = Ваш банк просит подтвердить этот платёж. Следуйте инструкциям в открывшемся окне.
pay-processing = Банк ещё обрабатывает платёж. От вас больше ничего не требуется: заказы будут отмечены как оплаченные, как только банк подтвердит платёж.
pay-look-again = Проверить ещё раз
pay-try-again = Попробовать ещё раз
pay-orders-kept = Ваши заказы сохранены в истории заказов как неоплаченные.
pay-declined = Карта отклонена. Деньги не списаны. Попробуйте другую карту или обратитесь в свой банк.
pay-insufficient-funds = На карте недостаточно средств. Деньги не списаны. Попробуйте другую карту.
pay-expired-card = Срок действия карты истёк. Деньги не списаны. Попробуйте другую карту.
pay-incorrect-cvc = Неверный код безопасности (CVC). Проверьте три цифры на обратной стороне карты.
pay-incorrect-number = Неверный номер карты. Проверьте его и попробуйте ещё раз.
pay-auth-failed = Банк не подтвердил платёж. Деньги не списаны. Попробуйте ещё раз или воспользуйтесь другой картой.
pay-processing-error = Не удалось провести оплату картой из-за ошибки обработки платежа. Деньги не списаны. Попробуйте ещё раз чуть позже.
pay-no-card = Введите данные карты, чтобы оплатить заказ.
pay-unreachable = Не удалось связаться с нашим платёжным сервисом. Деньги не списаны. Попробуйте ещё раз через несколько минут.
pay-timeout = Наш платёжный сервис не ответил вовремя. Дважды деньги не спишутся: обновите эту страницу через минуту, чтобы узнать, прошёл ли платёж.
pay-orders-changed = Некоторые заказы из этой покупки были отменены после начала оплаты, поэтому продолжить платёж нельзя. Если деньги были списаны, наша служба поддержки их вернёт.
pay-canceled = Платёжный сервис отменил этот платёж. Деньги не списаны.
pay-refused = Не удалось провести платёж из-за проблемы на нашей стороне. Деньги не списаны; наша команда уже в курсе.
order-pay-now = Оплатить
order-event-refund-requested = Запрошен возврат на карту
order-event-refunded = Деньги возвращены на карту
payouts-in-payout = в выплате, уже в пути
ledger-kind-refund = Возврат (продажа отменена)
ledger-kind-release = Защита покупателя закончилась: доступно
ledger-kind-payout = Выплата
ledger-kind-payout_paid = Выплата отправлена банком

# Раздел для сотрудников: платежи, возвраты и выплаты.
staff-nav-payments = Платежи
staff-nav-payouts = Выплаты
payout-title = Выплаты магазинам
payout-intro = Магазинам выплачивается доступная им сумма: продажи по картам, у которых истёк срок защиты покупателя, за вычетом комиссии и возвратов. В пакет выплат попадают все балансы в одной валюте, равные заданному минимуму или превышающие его; выгрузите пакет для банка, а когда банк отправит деньги, отметьте его как выплаченный.
payout-owed = Доступно к выплате сейчас
payout-owed-none = Ни у одного магазина нет средств, доступных к выплате.
payout-shops = { $count ->
    [one] { $count } магазин
    [few] { $count } магазина
    [many] { $count } магазинов
   *[other] { $count } магазинов
}
payout-batch-create = Создать пакет выплат
payout-currency = Валюта
payout-minimum = Минимум на магазин
payout-minimum-hint = Меньшие балансы останутся до одного из следующих пакетов. Оставьте поле пустым, чтобы выплатить все балансы.
payout-error-minimum = Введите минимум в виде суммы не меньше нуля, например 50.
payout-error-nothing = Ни у одного магазина нет доступной суммы в этой валюте не меньше указанной.
payout-batches = Пакеты выплат
payout-batches-none = Пакетов пока нет.
payout-col-batch = Пакет
payout-col-created = Дата создания
payout-col-payouts = Выплаты
payout-col-total = Сумма
payout-col-actions = Действия
payout-export = Выгрузить для банка (CSV)
payout-mark-paid = Отметить как выплаченный
payout-batch-open = Открыт: ожидает отправки банком
payout-batch-paid = Выплачен
payout-flash-created = Пакет выплат создан.
payout-flash-paid = Пакет отмечен как выплаченный.
payout-flash-not-open = Этот пакет уже отмечен как выплаченный.
staff-payments-title = Платежи
staff-payments-search = Найти платёж
staff-payments-search-hint = Идентификатор платежа в Stripe (pi_…), номер заказа (CV-…) или часть названия магазина.
staff-payments-found = Платежи
staff-payments-none = Платежи не найдены.
staff-payment-reference = Идентификатор в платёжном сервисе
staff-payment-orders = Заказы
staff-payment-refunds = Возвраты
staff-refunds-open = Незавершённые возвраты
staff-refunds-none = Все возвраты завершены.
staff-refund-attempts = Попытки
staff-refund-failure = Последняя ошибка
staff-refund-retry = Повторить сейчас
staff-webhooks-odd = События вебхуков, не связанные ни с одним платежом
staff-webhooks-none = Таких нет.
staff-webhook-event = Событие
staff-webhook-kind = Тип
staff-webhook-outcome = Результат
refund-status-pending = Ожидает отправки
refund-status-sending = Отправляется
refund-status-failed = Ошибка, будет повторён
refund-status-succeeded = Деньги возвращены
payment-status-pending = Ожидает оплаты картой
payment-status-succeeded = Оплачен
payment-status-canceled = Отменён
refund-retry-queued = Возврат скоро будет отправлен повторно.
refund-retry-not-failed = Этот возврат не ожидает повторной попытки.
payouts-from = С
payouts-to = По
payouts-download = Скачать выписку (CSV)
payouts-download-hint = Все операции за период — для вашей бухгалтерии. Оставьте даты пустыми, чтобы получить выписку за текущий месяц.

# Контроль возвратов, споры, периоды выписок.
refund-status-processing = Отправлен; банк завершает обработку
refund-failure-provider-failed = Stripe сообщил, что возврат не прошёл. При следующей попытке будет отправлен новый возврат.
refund-failure-unreachable = Не удалось связаться со Stripe.
refund-failure-timeout = Stripe не ответил вовремя. Следующая попытка использует тот же ключ, поэтому двойного возврата не будет.
refund-failure-refused = Stripe отклонил запрос. Подробности — в журнале сервера.
refund-failure-unreadable = Не удалось прочитать ответ Stripe. Подробности — в журнале сервера.
refund-failure-declined = Stripe отказал в возврате.
staff-payment-orders-changed = оплачен после отмены заказов, и разница не совпадает ни с одним отменённым заказом: верните её вручную в Stripe
staff-payment-card-refused = карта отклонена: { $code }
staff-disputes = Споры
staff-disputes-none = Нет открытых или проигранных споров.
staff-disputes-hint = Пока спор открыт, продажи по его заказам остаются в ожидании. Проигранный спор отменяет их (чарджбэк). Отвечайте на споры в панели управления Stripe.
staff-dispute-reason = Причина
dispute-status-open = Открыт: на рассмотрении в банке
dispute-status-won = Выигран
dispute-status-lost = Проигран: деньги возвращены на карту
ledger-kind-chargeback = Чарджбэк (продажа отменена после проигранного спора)
order-event-dispute-opened = Банк покупателя открыл спор по платежу
order-event-dispute-won = Спор решён в пользу магазина
order-event-dispute-lost = Спор проигран: платёж возвращён на карту
payouts-error-date = Введите дату, например 2026-12-31.
payouts-error-order = Дата окончания раньше даты начала.
payouts-error-too-long = Выписка охватывает не больше одного года: выберите период короче.
payouts-error-too-many = За этот период слишком много строк для одного файла: выберите период короче.
