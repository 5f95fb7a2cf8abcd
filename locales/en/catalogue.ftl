## Shopper catalogue: home, listings, search, product pages.

home-title = Handmade and local, from four countries
home-hero-title = Buy directly from local makers
home-hero-text = Ceramics from Gzhel and İznik, leather from Florence and Ubrique, tea, sweets and more — straight from small shops in Russia, Turkey, Italy and Spain.
home-origins-title = Shop by country of origin
home-categories-title = Categories
home-newest-title = New arrivals
catalogue-product-count =
    { $count ->
        [one] { $n } product
       *[other] { $n } products
    }
listing-filters = Filters
listing-origin = Ships from
listing-category = Categories
listing-price = Price
listing-price-min = From
listing-price-max = To
listing-availability = Availability
listing-in-stock = In stock only
listing-rating = Customer rating
listing-top-rated = 4★ and up
listing-sort = Sort by
listing-apply = Apply
listing-clear = Clear filters
listing-results = Results
listing-page-of = Page { $page } of { $pages }
listing-prev = Previous
listing-next = Next
listing-pagination = Pages
listing-empty = No products match these filters. Try removing one.
sort-relevance = Best match
sort-newest = Newest
sort-price-asc = Price: low to high
sort-price-desc = Price: high to low
sort-rating = Best rated
search-title = Search
search-results-for = Results for “{ $query }”
search-no-results = Nothing found for “{ $query }”. Check the spelling or try a more general word.
search-too-short = Type at least two letters to search.
search-too-long = That word is too long to search for. Try a shorter one.
search-did-you-mean = Did you mean: { $query }?
search-suggest-category = Category
search-suggest-shop = Shop
search-matching-categories = Categories that match
search-suggest-label = Suggestions
card-ships-from = From { $country }
product-ships-from = Ships from { $country }
product-merchant-price = Merchant's price: { $price }
product-in-stock =
    { $count ->
        [one] In stock: { $n } item
       *[other] In stock: { $n } items
    }
product-out-of-stock = Sold out
product-sold-by = Sold by
product-description = Description
product-gallery = Product photos
product-sku = Article number
product-listed-on = Listed on
origin-heading-ru = Made in Russia
origin-heading-tr = Made in Turkey
origin-heading-it = Made in Italy
origin-heading-es = Made in Spain
origin-intro-ru = Gzhel porcelain, Pavlovo Posad shawls, Altai honey and more from Russian workshops.
origin-intro-tr = İznik tiles, Bursa silk, Anatolian kilims and Turkish delight from Turkish makers.
origin-intro-it = Florentine leather, majolica, Como silk and Italian pantry classics.
origin-intro-es = Talavera ceramics, Ubrique leather, espadrilles and Spanish delicacies.
product-delivery = Shipping to { $country }: { $cost } · { $days }
product-free-shipping = free
product-no-delivery = This shop does not ship to { $country }. Choose another country at the top of the page to see its shipping.
listing-ships-to-me = Ships to { $country }
card-delivery = Delivery { $cost } · { $min ->
    [0] up to { $max } days
   *[other] { $min }–{ $max } days
}
