## The merchant area: dashboard, shop profile, shipping, products, images, translations, CSV.

merchant-nav-label = Your shop
merchant-nav-overview = Overview
merchant-nav-products = Products
merchant-nav-translations = Translations
merchant-nav-shipping = Shipping
merchant-nav-profile = Shop profile
merchant-nav-import = Import and export
merchant-suspended-banner = Your shop is suspended by Caravan staff: shoppers cannot see it. You can still edit your catalogue; see the reason on your application page.
merchant-saved = Saved.
merchant-save = Save
merchant-page-of = Page { $page } of { $pages }
merchant-filter-all = All

merchant-dashboard-title = Shop overview
merchant-view-shop = See your shop as shoppers see it
merchant-todo-title = Still to do
merchant-todo-shipping = Set where you ship and at what price
merchant-todo-product = Add your first product
merchant-todo-logo = Upload your shop logo
merchant-tile-open-orders = Orders to handle
merchant-tile-live = Live products
merchant-tile-draft = Drafts
merchant-tile-out-of-stock = Live but out of stock
merchant-tile-archived = Archived
merchant-coverage-title = Translation coverage
merchant-coverage-intro = Shoppers read your products in their own language. Products without one fall back to the language you wrote them in.
merchant-coverage-language = Language
merchant-coverage-translated = Products translated
merchant-coverage-count = { $done } of { $total }

merchant-profile-title = Shop profile
merchant-logo-title = Logo
merchant-logo-alt = Your current logo
merchant-logo-file = Logo image
merchant-logo-upload = Upload logo
merchant-descriptions = About your shop, per language
merchant-description-in = About your shop in { $language }
merchant-currency-fixed = Your prices are in { $currency }, the currency of your country. Shoppers see them converted into theirs.
field-original-lang = Language you write in
field-name = Name

merchant-shipping-title = Shipping
merchant-shipping-intro = Tick every country or zone you ship to and give a flat rate per order and the delivery time in business days. A country's own row comes first, then its zone; "Everywhere else" covers every country neither names.
shipping-currency-note = Rates are in { $currency }, written like { $example }.
shipping-destination = Destination
shipping-rate = Rate per order
shipping-days-min = Fastest (business days)
shipping-days-max = Slowest (business days)
shipping-everywhere-else = Everywhere else
shipping-zone-eu = European Union
shipping-zone-europe = Europe outside the EU
shipping-zone-cis = CIS and Central Asia
shipping-rate-for = Rate to { $destination }
shipping-days-min-for = Fastest delivery to { $destination }, business days
shipping-days-max-for = Slowest delivery to { $destination }, business days
shipping-days-invalid = Enter a whole number of days from 0 to 120.
shipping-days-order = The slowest delivery cannot be faster than the fastest.

merchant-products-title = Products
merchant-products-search = Search your products (title or SKU)
merchant-sort-updated = Recently changed
merchant-sort-newest = Newest first
merchant-sort-price-asc = Price: low to high
merchant-sort-price-desc = Price: high to low
merchant-sort-stock-asc = Stock: lowest first
merchant-products-count = { $count ->
    [one] { $n } product
   *[other] { $n } products
}
merchant-products-none = No products match.
merchant-col-image = Image
merchant-col-product = Product
merchant-col-languages = Languages
field-sku = SKU
field-category = Category
field-price = Price
field-stock = Stock
field-status = Status
product-status-draft = Draft
product-status-active = Live
product-status-archived = Archived

product-new-title = New product
product-edit-title = Edit product
product-view-live = See it in the shop
product-basics = Basics
product-sku-hint = Your own code for this product: letters, digits and - _ . /
product-category-choose = Choose a category
product-price-in = Price in { $currency }
product-price-hint = Write it the way you usually do, for example { $example }.
product-weight-grams = Weight in grams (optional)
product-original-hint = The language you wrote this product in. Shoppers whose language is missing see this one.
product-title = Title
product-description-field = Description
product-slug = Web address word (optional)
product-slug-hint = Made from the title when left empty.
product-sku-invalid = Use letters, digits and - _ . / only, at most 64.
product-sku-taken = Another of your products already has this SKU.
product-category-invalid = Choose a category from the list.
product-status-invalid = Choose a status.
product-price-invalid = Write a price like in the example.
product-price-range = The price must be more than zero and at most 100 million.
product-stock-invalid = Write a whole number from 0 to 1,000,000.
product-weight-invalid = Write a whole number of grams, or leave it empty.
product-original-invalid = Choose one of the languages.
product-original-title-required = The title in your original language is required.
product-title-needed = Add a title in this language, or clear its other fields.
product-duplicated = Copied as a draft. Change what differs and publish it.
product-deleted = Product deleted.
product-delete-ordered = This product has been ordered, so it cannot be deleted. Archive it instead.
product-more-actions = More actions
product-duplicate = Duplicate
product-archive = Archive
product-unarchive = Restore as draft
product-delete = Delete
product-delete-hint = Deleting is only possible for products that were never ordered; archive hides a product and keeps its history.

product-images-title = Images
product-images-add = Add images
product-images-upload = Upload
product-images-added = Images added.
product-image-deleted = Image deleted.
product-image-cover = Cover
product-image-up = Move earlier
product-image-down = Move later
product-image-delete = Delete image
product-alt-in = Description for blind shoppers in { $language }
product-alt-save = Save descriptions
product-image-slots = { $count ->
    [one] You can add { $n } more image.
   *[other] You can add { $n } more images.
}
upload-rules = JPEG, PNG or WebP, up to 10 MB each. Pictures are resized and their hidden data (such as location) is removed.
upload-none = Choose at least one file.
upload-not-image = this file is not a JPEG, PNG or WebP picture.
upload-unsupported = this picture format is not accepted; use JPEG, PNG or WebP.
upload-too-large = this file is larger than 10 MB.
upload-too-many-pixels = this picture has too many pixels (more than 32 megapixels, or more than 12,000 pixels on a side).
upload-too-many = { $count ->
    [0] This product already has the maximum of 8 images.
    [one] Only { $n } more image fits (8 at most).
   *[other] Only { $n } more images fit (8 at most).
}

coverage-title = Translations
coverage-intro = Which of your products miss which language. Fill them in to reach shoppers in every market.
coverage-filter = Show
coverage-all = All products
coverage-missing = Missing { $language }

import-title = Import and export
export-title = Export
export-intro = Download all your products as a spreadsheet file (CSV, UTF-8): one row per product, or per variant for a product sold in sizes, colours or weights, with columns for every language.
export-download = Download CSV
import-upload-title = Import
import-intro = Upload a file in the same format to create products or update them by SKU. We check the whole file first and show every problem; nothing changes until you confirm, and then every row is applied or none.
import-columns = Columns
import-columns-hint = Separators "," ";" or tab; prices like 1299.50 or 1.299,50; categories by key, slug or name in any language (keys below); status draft, active or archived. Languages without columns in the file keep their current texts.
import-category-keys = Category keys
import-category = Category
import-category-key = Key
import-file = CSV file
import-check = Check file
import-apply = Apply import
import-ready = { $count ->
    [one] The file is fine: { $created } new, { $updated } updated.
   *[other] The file is fine: { $created } new, { $updated } updated.
}
import-problems = { $count ->
    [one] { $n } problem found
   *[other] { $n } problems found
}
import-nothing-applied = Nothing has been changed. Fix the file and check it again.
import-col-line = Line
import-col-column = Column
import-col-problem = Problem
import-line = line { $line }
import-done = Import applied.
import-file-too-large = The file is larger than 20 MB.
import-not-utf8 = The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.
import-empty = The file has no products.
import-missing-column = The column "{ $column }" is missing from the first line.
import-too-many-rows = The file has more than { $column } rows; split it.
import-row-unreadable = This line could not be read (check its quotes).
import-currency-mismatch = The currency differs from your shop's.
import-duplicate-sku = This SKU already appears on line { $line }.
import-expired = This check has expired or was already applied. Upload the file again.
import-changed = Your catalogue changed since the check. Upload the file again.
