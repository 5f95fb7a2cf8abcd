# Emails about orders. $number: order number(s); $shop: the shop; $name and $city: who and where the order
# goes; $amount: the order's total in the reader's currency; $count: how many orders.
mail-hello = Hello { $name },
mail-order-heading = Order { $number } · { $shop }
mail-col-item = Item
mail-col-quantity = Qty
mail-col-amount = Amount
mail-shipping = Shipping
mail-total = Total
mail-view-order = View the order
mail-track = Track the parcel
mail-tracking = Tracking number: { $tracking }
mail-cancel-reason = Reason given: { $reason }
mail-footer = You receive this email because of an order at Caravan, a marketplace run by { $operator }.
mail-subject-order-placed = { $count ->
    [one] Your order { $number } is placed
   *[other] Your orders { $number } are placed
}
mail-lead-order-placed-shopper = { $count ->
    [one] Thank you for your order. Here is what you ordered; we will write again when it ships.
   *[other] Thank you for your order. Each shop sends its own parcel; we will write again as each one ships.
}
mail-subject-order-new = New order { $number }
mail-lead-order-new-merchant = { $shop } has a new order { $number } for { $name } in { $city }. Prepare it for shipping once it is paid.
mail-subject-order-paid = Order { $number } is paid
mail-lead-order-paid-shopper = We have received the payment of { $amount } for your order { $number } from { $shop }.
mail-lead-order-paid-merchant = Order { $number } is paid ({ $amount }). You can ship it now.
mail-subject-order-shipped = Order { $number } has shipped
mail-lead-order-shipped-shopper = { $shop } has shipped your order { $number }.
mail-subject-order-delivered = Order { $number } was delivered
mail-lead-order-delivered-shopper = Your order { $number } from { $shop } was delivered. We hope you enjoy it.
mail-subject-order-cancelled = Order { $number } was cancelled
mail-lead-order-cancelled-shopper = Your order { $number } from { $shop } was cancelled. If you paid by card, the money is refunded automatically.
mail-lead-order-cancelled-merchant = The shopper cancelled order { $number }. Its items were put back in stock.
mail-subject-order-refunded = Order { $number } was refunded
mail-lead-order-refunded-shopper = { $amount } for your order { $number } was refunded to your card.
mail-note-order-refunded-shopper = Banks usually show a refund within 5 to 10 days.

# Staff: email.
staff-nav-mail = Email
staff-mail-title = Email
staff-mail-intro = Order emails go out through the outbox: each is tried again after a growing wait when the mail server fails, and after the last attempt it is listed here.
staff-mail-none = No emails yet.
staff-mail-state-queued = waiting to be sent
staff-mail-state-sending = being sent
staff-mail-state-sent = sent
staff-mail-state-skipped = not needed (covered by another email)
staff-mail-state-retry = to be tried again
staff-mail-state-failed = failed
staff-mail-failed = Emails that failed
staff-mail-failed-none = No email has failed.
staff-mail-what = Email
staff-mail-to = To
staff-mail-error = Error
staff-mail-kind-order-placed = Order confirmation
staff-mail-kind-order-new = New order (shop)
staff-mail-kind-order-paid = Order paid
staff-mail-kind-order-shipped = Order shipped
staff-mail-kind-order-delivered = Order delivered
staff-mail-kind-order-cancelled = Order cancelled
staff-mail-kind-order-refunded = Order refunded
staff-mail-error-smtp-rejected = The mail server refused the message or the address.
staff-mail-error-smtp-unavailable = The mail server could not be reached.
staff-mail-error-smtp-timeout = The mail server did not answer in time.
staff-mail-error-file-unwritable = The email file could not be written.
staff-mail-error-bad-address = The account's email address cannot be used.
staff-mail-error-compose-failed = The email could not be written (see the server log).
staff-mail-retry-queued = The email will be sent again in a moment.
staff-mail-retry-not-failed = This email is not waiting for a retry.

# Emails about the account.
mail-footer-account = You receive this email because of your account at Caravan, a marketplace run by { $operator }.
mail-subject-password-reset = Reset your Caravan password
mail-lead-password-reset = Someone, probably you, asked to reset the password of your Caravan account. Choose a new one with this link; it works once, for one hour.
mail-reset-button = Choose a new password
mail-note-password-reset = If you did not ask for this, ignore this email: your password stays as it is.
mail-subject-password-changed = Your Caravan password was changed
mail-lead-password-changed = The password of your Caravan account was just changed, and every other device was signed out.
mail-note-password-changed = If you did not do this, reset your password at once from the sign-in page and write to our support.
staff-mail-kind-password-reset = Password reset link
staff-mail-kind-password-changed = Password changed

# Password reset pages.
reset-forgot = Forgot your password?
reset-title = Reset your password
reset-ask-intro = Type the email address of your account. We will send you a link to choose a new password.
reset-send = Send the link
reset-sent = If an account uses this address, we have sent it a link to choose a new password. The link works once, for one hour. Check your spam folder if it does not arrive in a few minutes.
reset-back-to-sign-in = Back to sign in
reset-invalid = This link does not work any more: it was already used, it is older than one hour, or it was mistyped.
reset-ask-again = Ask for a new link
reset-limited = Too many requests from this connection. Try again in an hour.
reset-choose-intro = Choose the new password for your account. Every device signed in to it will be signed out.
reset-new-password = New password
reset-save = Save the new password
reset-done = Your password was changed. Sign in with the new one.

# Emails about a shop application. $shop: the shop's name; $reason: what staff wrote.
mail-subject-shop-approved = Your shop { $shop } is open on Caravan
mail-lead-shop-approved = Good news: we have approved { $shop }. Your shop and its active products are now visible to shoppers in every market you ship to.
mail-note-shop-approved = Next: add your products and their translations, and your shipping rates, from your shop area.
mail-shop-open = Go to your shop area
mail-subject-shop-rejected = Your shop application for { $shop }
mail-lead-shop-rejected = We are sorry: we could not approve { $shop } as it stands.
mail-note-shop-rejected = Our team wrote: “{ $reason }” You can change your application and send it again.
mail-shop-apply-again = Review your application
staff-mail-kind-shop-approved = Shop approved
staff-mail-kind-shop-rejected = Shop rejected

# Email address verification.
mail-subject-verify-email = Confirm your email address for Caravan
mail-lead-verify-email = Please confirm that this is your email address, so that your order emails reach you and you can open a shop. The link works for two days.
mail-verify-button = Confirm my address
mail-note-verify-email = If you did not create a Caravan account or change its address, ignore this email.
staff-mail-kind-verify-email = Address confirmation
verify-title = Confirm your email address
verify-confirm-intro = Confirm this address for your Caravan account with the button below.
verify-confirm = Confirm my address
verify-invalid = This link does not work any more: it was already used, it is older than two days, or it was mistyped. Ask for a new one from your account.
verify-taken = This address now belongs to another account, so it cannot be confirmed for yours.
verify-to-account = Go to your account
verify-done = Thank you: your email address is confirmed.
verify-sent = We have sent a new confirmation link.
verify-not-sent = No new link was sent: the address is already confirmed, or three links were sent in the last hour.
verify-reminder = Please confirm your email address: follow the link we sent to { $email }.
verify-resend = Send the link again
merchant-verify-first = Confirm your email address before applying for a shop: follow the link we sent you, or ask for a new one above.
account-email-title = Email address
account-new-email = New email address
account-new-email-hint = We send a confirmation link to the new address; your account keeps the current one until you follow it.
account-current-password = Your current password
account-change-email = Change the address
account-email-same = This is already your address.
account-email-change-sent = We have sent a confirmation link to the new address. Your address changes once you follow it.
account-email-in-use = Another account uses this address.

# Low stock, told to the shop after an order. $count: units left (plural); $n: the same, formatted.
mail-subject-stock-low = Stock running low after order { $number }
mail-lead-stock-low-merchant = Order { $number } leaves little stock of these products. Restock them in your shop area before they show as sold out:
mail-stock-left = { $count ->
    [0] { $title }: sold out
    [one] { $title }: { $n } left
   *[other] { $title }: { $n } left
}
staff-mail-kind-stock-low = Low stock (shop)
mail-placed-on = Placed on { $date }

# The old address hears that the account's address changed. $new: the new address.
mail-subject-email-changed = The email address of your Caravan account was changed
mail-lead-email-changed = The email address of your Caravan account is now { $new }. Emails about your account and orders go there from now on.
mail-note-email-changed = If you did not do this, reset your password from the sign-in page at once and write to our support.
staff-mail-kind-email-changed = Address changed (old address)
staff-mail-error-stuck = The email was never confirmed sent; its sender stopped on every attempt.
account-email-too-many = Too many address changes in the last hour. Try again later.
