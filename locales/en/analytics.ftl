## Sales analytics: campaigns, the marketplace and each shop.

staff-nav-analytics = Analytics
merchant-nav-analytics = Analytics
analytics-campaign-title = Analytics: { $title }
analytics-platform-title = Marketplace sales
analytics-shop-title = Your sales
analytics-link = Analytics
analytics-period = Period
analytics-days = { $count ->
    [one] Last { $n } day
   *[other] Last { $n } days
}
analytics-currency = Reporting currency
analytics-show = Show
analytics-views = Promo page views
analytics-product-views = Product page views
analytics-orders = Orders
analytics-units = Units
analytics-revenue = Revenue
analytics-conversion = Views to orders
analytics-percent = { $value } %
analytics-chart-title = Revenue per day
analytics-chart-desc = { $days ->
    [one] Revenue on { $days } day: { $total } in all, { $peak } on the best day.
   *[other] Revenue over { $days } days: { $total } in all, { $peak } on the best day.
}
analytics-by-market = By market (where the orders ship to)
analytics-by-origin = By country of origin
analytics-by-shop = By shop
analytics-top-products = Top products
analytics-daily = Day by day
analytics-col-market = Market
analytics-col-origin = Origin
analytics-col-shop = Shop
analytics-col-product = Product
analytics-col-day = Day
analytics-csv = Download as CSV
analytics-none = Nothing sold yet.
