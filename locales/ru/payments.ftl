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
