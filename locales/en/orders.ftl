## Cart, checkout, orders and their notifications.

cart-link = { $count ->
    [0] Cart
    [one] Cart ({ $n })
   *[other] Cart ({ $n })
}
orders-link = Orders
cart-title = Your cart
cart-empty = Your cart is empty.
cart-continue = Continue shopping
cart-add = Add to cart
cart-quantity = Quantity
cart-update = Update
cart-remove = Remove
cart-unit-price = Price
cart-line-total = Total
cart-subtotal = Items
cart-shipping = Shipping
cart-shop-total = Total from this shop
cart-total = Total
cart-merchant-total = ({ $amount } in the shop's currency)
cart-ship-to = Shipping to { $country }. Change the country at the top of the page.
cart-does-not-ship = This shop does not ship to { $country }. Remove its items or choose another country to check out.
cart-delivery-days = { $min ->
    [0] delivery within { $max } days
   *[other] delivery in { $min }–{ $max } days
}
cart-checkout = Check out
cart-cannot-checkout = Some items cannot be shipped to your country, so checkout is not possible yet.
cart-items-gone = { $count ->
    [one] One item is no longer sold and was removed from your cart.
   *[other] { $n } items are no longer sold and were removed from your cart.
}
cart-added = Added to your cart.
cart-updated = Cart updated.
cart-removed = Removed from your cart.
cart-capped = Not that many are in stock: your cart now holds all that are left.
cart-sold-out = Sorry, this product has just sold out.

checkout-address-title = Where should we deliver?
checkout-step-address = Address
checkout-step-review = Review
checkout-step-done = Done
checkout-continue = Continue to review
checkout-ship-to-changed = Prices and shipping now follow the country of your address.
field-full-name = Full name
field-line1 = Street and house number
field-line2 = Apartment, floor, etc. (optional)
field-postal-code = Postal code
field-phone = Phone
address-phone-hint = With the country code, for the courier, e.g. +39 055 123 4567.
address-country-invalid = Choose a country from the list.
address-phone-invalid = Write a phone number with 7 to 15 digits, e.g. +90 212 555 12 34.
address-postal-invalid-six = This postal code should have 6 digits, e.g. 101000.
address-postal-invalid-five = This postal code should have 5 digits, e.g. 50122.
address-postal-invalid-gb = Write the postcode with a space, e.g. SW1A 1AA.
address-postal-invalid-us = Write a ZIP code like 94103 or 94103-1234.
address-postal-invalid-pt = Write the postal code like 1100-148.
address-postal-invalid-pl = Write the postal code like 00-950.
address-postal-invalid-nl = Write the postal code like 1012 AB.
address-postal-invalid-az = Write the postal code like AZ 1000.
address-postal-invalid-other = Check the postal code.
checkout-review-title = Review your order
checkout-ship-to = Delivery address
checkout-change-address = Change address
checkout-payment = Payment
payment-bank-transfer = Bank transfer (details follow with each shop's order)
payment-card = Card (paid securely through Stripe)
payment-cash-on-delivery = Pay on delivery
checkout-payment-hint = No card is charged on Caravan. Each shop confirms your payment and then ships.
checkout-payment-required = Choose how you will pay.
checkout-place = Place order
checkout-cannot-ship = Some shops in your cart do not ship to this address. Remove their items from the cart first.
checkout-out-of-stock = Not enough left of: { $titles }. Your cart was not charged; check the quantities and try again.
checkout-changed = Prices or exchange rates changed a moment ago. Check the new total and place the order again.
checkout-done-title = Thank you for your order!
checkout-done-intro = { $count ->
    [one] Your order has been placed:
   *[other] Your { $n } orders have been placed, one per shop:
}
checkout-done-next = Each shop will confirm your payment and ship your parcel. You can follow every order in your order history.
checkout-already-placed = This checkout was already placed; here are its orders.

orders-title = Orders
orders-count = { $count ->
    [one] { $n } order
   *[other] { $n } orders
}
orders-none = No orders yet.
orders-from = From
orders-to = To
orders-back = All orders
order-title = Order { $number }
order-number = Order
order-placed = Placed
order-shop = Shop
order-delivery = Delivery
order-tracking = Tracking number
order-timeline = History
order-actions = Actions
order-status-awaiting-payment = Awaiting payment
order-status-paid = Paid
order-status-shipped = Shipped
order-status-delivered = Delivered
order-status-cancelled = Cancelled
order-action-paid = Mark as paid
order-action-shipped = Mark as shipped
order-action-delivered = Mark as delivered
order-action-cancel = Cancel order
order-action-cancel-mine = Cancel my order
order-cancel-reason = Reason (the shopper sees it)
order-cancel-reason-optional = Reason (optional)
order-cancel-reason-shown = Cancellation reason
order-rate-note = Converted at 1 { $from } = { $rate } { $to } when the order was placed.
order-updated = Order updated.
order-transition-invalid = This change is not possible for an order with this status.
order-cannot-cancel-shipped = The parcel has already shipped, so the order can no longer be cancelled.
order-already-cancelled = This order is cancelled.
order-tracking-required = Enter the tracking number to mark the order as shipped.
order-reason-required = Give a reason: the shopper will see it.
order-changed-meanwhile = Someone changed this order a moment ago. Here is how it stands now.

notifications-title = Messages about your orders
notifications-none = No messages yet.
notification-order-placed = You placed order { $number }.
notification-order-new = New order { $number } is waiting for you.
notification-order-paid = Order { $number } is marked as paid.
notification-order-shipped = Order { $number } has shipped.
notification-order-delivered = Order { $number } was delivered.
notification-order-cancelled = Order { $number } was cancelled.

merchant-nav-orders = Orders
staff-nav-orders = Orders
time-utc = { $time } UTC
checkout-payment-hint-card = A card is charged once for every shop's order, and Caravan holds the money until your parcel arrives. With bank transfer or pay on delivery, each shop confirms your payment and then ships.
checkout-done-next-card = Your card payment is confirmed. Each shop now prepares and ships your parcel; Caravan holds the money until it arrives. You can follow every order in your order history.
notification-stock-low = Stock is running low after order { $number }.
