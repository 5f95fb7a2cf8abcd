# Payments: commissions and the ledger.
staff-nav-commissions = Commissions
commission-title = Commissions
commission-intro = What the marketplace keeps of each sale's goods (not of shipping), at the rate in force when the order is paid. A shop's own rate replaces the default from the moment it is set; every rate set stays in the history.
commission-current = Default rate now: { $rate }
commission-set-title = Set a rate
commission-for = For
commission-default = Default (every shop without its own)
commission-rate = Rate (%)
commission-rate-hint = Between 0 and 50, up to two decimals (e.g. 12.5). It applies to orders paid from now on.
commission-history = History
commission-since = In force from
commission-rate-value = { $rate } %
commission-error-number = Type the rate as a number, e.g. 12.5.
commission-error-range = The rate must be between 0 and 50 %.

merchant-nav-payouts = Payouts
payouts-title = Payouts
payouts-intro = What Caravan owes your shop for orders paid by card, in your shop's currency. A sale stays pending until the order is delivered and the buyer-protection window has passed; then it is available and paid out in the next payout.
payouts-pending = pending
payouts-available = available
payouts-paid-out = paid out
payouts-statement = Statement
payouts-none = Nothing yet: sales paid by card appear here.
payouts-col-when = When
payouts-col-what = What
payouts-col-order = Order
payouts-col-to-shop = For your shop
payouts-col-commission = Commission
ledger-kind-sale = Sale (goods and shipping, less commission)

# The card payment step of a checkout.
checkout-step-pay = Payment
pay-title = Pay by card
pay-intro = { $count ->
    [one] One payment of { $amount } for your order:
   *[other] One payment of { $amount } for your { $count } orders:
}
pay-card = Card
pay-secure-note = Your card details go straight to Stripe, our payment provider; Caravan never sees the card number. The money is held until your parcels arrive.
pay-submit = Pay { $amount }
pay-busy = Paying…
pay-noscript = Paying by card needs JavaScript. Your orders are kept: switch JavaScript on and reload this page, or cancel the orders from your order history and order again with another payment method.
pay-authenticate = Your bank asks you to confirm this payment. Follow the steps in the window that opens.
pay-processing = Your bank is still processing the payment. Nothing more is needed from you: your orders become paid as soon as the bank confirms.
pay-look-again = Look again
pay-try-again = Try again
pay-orders-kept = Your orders are kept unpaid in your order history.
pay-declined = Your card was declined. No money was taken. Try another card or ask your bank.
pay-insufficient-funds = The card has insufficient funds. No money was taken. Try another card.
pay-expired-card = The card has expired. No money was taken. Try another card.
pay-incorrect-cvc = The security code (CVC) is not right. Check the three digits on the back of the card.
pay-incorrect-number = The card number is not right. Check it and try again.
pay-auth-failed = Your bank did not confirm the payment. No money was taken. Try again or use another card.
pay-processing-error = The card could not be charged because of a processing error. No money was taken. Try again in a moment.
pay-no-card = Enter your card details to pay.
pay-unreachable = We could not reach our payment provider. No money was taken. Try again in a few minutes.
pay-timeout = Our payment provider did not answer in time. You will not be charged twice: reload this page in a minute to see whether the payment went through.
pay-orders-changed = Some orders of this checkout were cancelled after the payment started, so this payment cannot go on. If money was taken, our support team refunds it.
pay-canceled = This payment was cancelled by the payment provider. No money was taken.
pay-refused = The payment could not be made because of a problem on our side. No money was taken; our team has been told.
order-pay-now = Pay now
order-event-refund-requested = Refund to the card requested
order-event-refunded = Refunded to the card
payouts-in-payout = in a payout on its way
ledger-kind-refund = Refund (sale reversed)
ledger-kind-release = Buyer protection ended: available
ledger-kind-payout = Payout
ledger-kind-payout_paid = Payout sent by the bank
