## Coupon codes: the cart, the checkout, and the staff and merchant pages.

coupon-field = Coupon code
coupon-apply = Apply
coupon-remove = Remove code
coupon-line = Code { $code }
coupon-entered = Code entered.
coupon-removed = Code removed.
coupon-unknown = This code does not exist. Check the spelling.
coupon-throttled = Too many codes tried from this connection. Wait a few minutes and try again.
coupon-not-yet = This code is not valid yet.
coupon-expired = This code has expired.
coupon-not-in-market = This code is not available in your region.
coupon-used-up = This code has been used as many times as it allows.
coupon-already-used = You have already used this code.
coupon-below-minimum = This code applies to orders of { $amount } or more.
coupon-wrong-shop = This code is for another shop's products.
coupon-sign-in = Sign in to use this code.

staff-nav-coupons = Coupons
merchant-nav-coupons = Coupons
coupons-title = Coupon codes
coupons-intro-staff = Marketplace codes work in every shop; the marketplace pays the discount.
coupons-intro-merchant = Your codes work on your shop's products only; your shop pays the discount.
coupons-none = No codes yet.
coupon-col-code = Code
coupon-col-discount = Discount
coupon-col-window = Valid
coupon-col-markets = Markets
coupon-col-uses = Uses
coupon-col-status = Status
coupon-csv = Download the codes (CSV)
coupon-over = over { $amount }
coupon-everywhere = Everywhere
coupon-active = Active
coupon-inactive = Switched off
coupon-deactivate = Switch off
coupon-activate = Switch on
coupon-batch-uses = { $count ->
    [one] { $n } code
   *[other] { $n } codes
}
coupon-new = New code
coupon-create = Create
coupon-created = Codes created.
coupon-field-code = Code
coupon-field-code-hint = Letters, digits and dashes, e.g. BF5. For a batch: an optional prefix of up to 12 characters.
coupon-field-count = How many codes
coupon-field-count-hint = 1 for one code everyone can use; more for a batch of unique codes (up to 5000), exported as CSV.
coupon-field-kind = Kind
coupon-kind-percent = Percent off
coupon-kind-amount = Amount off
coupon-field-value = Discount
coupon-field-value-hint = A whole percentage (1–90), or an amount such as 5.00.
coupon-field-currency = Currency of the amount and the minimum spend
coupon-field-min-spend = Minimum spend
coupon-field-min-spend-hint = Optional: the goods must come to at least this much. Converted for carts in other currencies.
coupon-field-max-uses = Uses in total
coupon-field-per-account = Uses per account
coupon-field-limit-hint = Optional: leave empty for no limit.
coupon-field-markets = Markets where the code works (none: everywhere)
coupon-count-invalid = Enter a whole number from 1 to 5000.
coupon-code-invalid = Use letters, digits and dashes (up to 32).
coupon-prefix-invalid = Use up to 12 letters, digits and dashes.
coupon-percent-invalid = Enter a whole percentage from 1 to 90.
coupon-amount-invalid = Enter an amount such as 5.00.
coupon-limit-invalid = Enter a whole number of at least 1, or leave empty.
coupon-code-taken = This code is already in use. Choose another.
