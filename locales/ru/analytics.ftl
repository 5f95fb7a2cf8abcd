## Аналитика продаж: по акциям, по маркетплейсу в целом и по каждому магазину.

staff-nav-analytics = Аналитика
merchant-nav-analytics = Аналитика
analytics-campaign-title = Аналитика: { $title }
analytics-platform-title = Продажи маркетплейса
analytics-shop-title = Ваши продажи
analytics-link = Аналитика
analytics-period = Период
analytics-days = { $count ->
    [one] Последний { $n } день
    [few] Последние { $n } дня
    [many] Последние { $n } дней
   *[other] Последние { $n } дня
}
analytics-currency = Валюта отчёта
analytics-show = Показать
analytics-views = Просмотры страницы акции
analytics-product-views = Просмотры страниц товаров
analytics-orders = Заказы
analytics-units = Продано, шт.
analytics-revenue = Выручка
analytics-conversion = Конверсия просмотров в заказы
analytics-percent = { $value } %
analytics-chart-title = Выручка по дням
analytics-chart-desc = { $days ->
    [one] Выручка за { $days } день: всего { $total }, в лучший день — { $peak }.
    [few] Выручка за { $days } дня: всего { $total }, в лучший день — { $peak }.
    [many] Выручка за { $days } дней: всего { $total }, в лучший день — { $peak }.
   *[other] Выручка за { $days } дня: всего { $total }, в лучший день — { $peak }.
}
analytics-by-market = По рынкам (страны доставки заказов)
analytics-by-origin = По странам происхождения
analytics-by-shop = По магазинам
analytics-top-products = Самые продаваемые товары
analytics-daily = По дням
analytics-col-market = Рынок
analytics-col-origin = Страна происхождения
analytics-col-shop = Магазин
analytics-col-product = Товар
analytics-col-day = День
analytics-csv = Скачать в CSV
analytics-none = Продаж пока нет.
