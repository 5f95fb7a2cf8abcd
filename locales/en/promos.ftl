## Campaigns: promo pages, badges, the staff editor and the merchant view.

promos-link = Deals
promos-title = Deals and campaigns
promos-live = On now
promos-upcoming = Coming soon
promos-none-live = No campaign is running right now.
promos-none-upcoming = Nothing announced yet.
promos-all = All deals
promo-featured = Picked for you
promo-all-products = Everything in this campaign
promo-badge = −{ $percent }% · { $title }
promo-discount = −{ $percent }%
price-was = Was
promo-starts-in = Starts in { $duration }
promo-ends-in = Ends in { $duration }
promo-ended-on = Ended on { $date }
promo-ended-text = This campaign is over.
promo-preview-banner = Preview: this is how shoppers will see the page at { $at }. Shoppers cannot see this preview.
duration-days = { $count ->
    [one] { $n } day
   *[other] { $n } days
}
duration-hours = { $count ->
    [one] { $n } hour
   *[other] { $n } hours
}
duration-minutes = { $count ->
    [one] { $n } minute
   *[other] { $n } minutes
}

promos-staff-title = Campaigns
promos-none-staff = No campaigns yet.
promo-window = Runs
promo-preview = Preview
promo-preview-at-start = Preview this language at the start
promo-status-draft = Draft
promo-status-published = Published
promo-new-title = New campaign
promo-edit-title = Edit campaign
promo-publish = Publish
promo-unpublish = Unpublish
promo-duplicated = Copied as a draft.
promo-deleted = Campaign deleted.
promo-delete-published = Unpublish the campaign before deleting it.
promo-hero = Hero image
promo-hero-file = Image file
promo-hero-upload = Upload image
promo-schedule = Schedule and discount
promo-field-name = Internal name
promo-field-discount = Discount, %
promo-field-starts = Starts
promo-field-ends = Ends
promo-field-zone = Time zone of these times
promo-field-position = Place on the home page
promo-field-position-hint = Lower numbers come first.
promo-field-title = Title
promo-field-subtitle = Subtitle
promo-field-body = Text
promo-field-body-hint = Markdown: **bold**, *italic*, [links](https://…), lists. Scripts and unsafe links are removed.
promo-field-alt = Hero image description
promo-targets = Products in the campaign
promo-targets-hint = A product takes part when its country, shop, category or its own id is chosen here.
promo-target-origins = Countries of origin
promo-target-merchants = Shops
promo-target-categories = Categories (with their subcategories)
promo-target-products = Hand-picked products
promo-featured-ids = Featured products, in order
promo-ids-hint = Product numbers separated by commas, e.g. 12, 40, 7.
promo-discount-invalid = Enter a whole percentage from 1 to 90.
promo-zone-invalid = Choose a time zone.
promo-date-invalid = Enter a date and time.
promo-ends-before-start = The end must come after the start.
promo-position-invalid = Enter a whole number from 0 to 999.
promo-ids-invalid = Use product numbers separated by commas.
promo-ids-unknown = Some of these products do not exist.
promo-title-en-required = An English title is required: it is shown where no translation exists.
promo-slug-taken = Another campaign already uses this address in this language.
promo-targets-required = Choose at least one country, shop, category or product before publishing.

merchant-nav-promos = Campaigns
staff-nav-promos = Campaigns
merchant-promos-title = Campaigns with your products
merchant-promos-intro = Caravan's campaigns include your products automatically. Here is what shoppers pay during each one; you receive the campaign price.
merchant-promos-none = None of your products is in a current or upcoming campaign.
merchant-promos-regular = Regular price
merchant-promos-price = Campaign price
merchant-promos-more = { $count ->
    [one] …and { $n } more product.
   *[other] …and { $n } more products.
}
time-in-zone = { $time } ({ $zone })
promo-field-funded-by = Who pays the discount
promo-field-funded-by-hint = The shops lower their prices, or the marketplace pays the shops the discount on every card sale (it is in their statements).
promo-funded-shop = The shops
promo-funded-platform = The marketplace

## Audience, local times, funding shares.
promo-not-here = This campaign is not available in your region or language. Other deals are waiting for you.
promo-funded-split = Shared by the shop and the marketplace
promo-field-platform-share = Marketplace's share of the discount, %
promo-field-platform-share-hint = Only when the discount is shared: the marketplace pays this part of the campaign's percentage, the shop the rest.
promo-share-invalid = Enter a whole percentage from 1 to 99.
promo-audience = Who sees the campaign
promo-audience-hint = Shoppers outside the chosen markets and languages never see the campaign, its prices or its page. Choose none to show it to everyone.
promo-audience-markets = Markets (where shoppers ship to)
promo-audience-languages = Languages
promo-options = Options
promo-flag-local-times = Start and end at local time in each market (00:00 in Madrid and 00:00 in Moscow are different instants)
promo-flag-open-to-merchants = Open to merchants: shops may join with their own products at this discount or more
promo-instants = Exact start and end in each market
promo-instants-market = Market
promo-instants-elsewhere = Every other destination (UTC)
promo-window-local = { $start } → { $end }, local time in each market

## Shops joining campaigns open to merchants.
join-open-title = Campaigns you can join
join-open-none = No campaign is open to shops right now.
join-minimum = At least { $discount }
join-joined-count = { $count ->
    [one] { $n } product joined
   *[other] { $n } products joined
}
join-open-link = Choose products
join-search = Find your products (any language, or SKU)
join-search-button = Search
join-no-match = None of your products match.
join-products = Your products
join-pick = Join
join-current = Now in the campaign
join-more = More products match: narrow the search to see them.
join-percent = Your discount, %
join-submit = Join with the chosen products
join-leave = Leave the campaign
join-saved = Your products are in the campaign.
join-left = You left the campaign.
join-not-open = This campaign is not open to shops any more.
join-percent-invalid = Enter a whole percentage from the campaign's minimum to 90.
join-no-products = Choose at least one of your products.
join-leave-started = The campaign has started: you can no longer leave it.

## The editor: previews for a market, next year's copy.
promo-duplicate-next-year = Copy for next year
promo-preview-lang = Language
promo-preview-market = Market
promo-preview-at = At (your time zone)
promo-find-products = Add products, shops and categories by name
promo-find-label = A name in any language
promo-find-none = No product matches.
promo-find-results = Products found
promo-find-add = Add the ticked products
