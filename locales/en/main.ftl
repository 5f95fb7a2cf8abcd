## Site chrome: header, footer, navigation, market.

site-name = Caravan
site-tagline = Local makers from Russia, Turkey, Italy and Spain, shipped to you.
nav-skip = Skip to content
nav-home = Home
nav-language = Language
nav-menu = Menu
nav-breadcrumbs = Breadcrumbs
search-label = Search products
search-placeholder = Search bags, tea, ceramics…
search-button = Search
market-label = Delivery and currency
market-title = Where should we ship, and in which currency do you want to see prices?
market-ship-to = Ship to
market-currency = Currency
market-apply = Save
footer-note = Prices are converted from the merchant's currency at today's rate; you pay the price shown at checkout.
market-other-country = Another country
market-page-title = Where we ship
market-page-intro = Pick the country we ship to and the currency you want to see prices in. Every country is listed; each product says whether its shop ships there.
market-currency-default = The usual one for that country
