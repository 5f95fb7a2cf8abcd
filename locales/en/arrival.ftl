# Delivery dates (issue #27).
delivery-arrives = arrives { $dates }
delivery-promised = Arrives { $dates } (estimated when the order was placed)
shipping-handling-days = Handling time (business days)
shipping-handling-hint = Business days from an order to handing the parcel to the carrier (0 to 60). With each destination's delivery days (business days too) it gives the arrival dates shoppers see.
shipping-handling-invalid = Enter a whole number of business days from 0 to 60.
shipping-cutoff = Order cut-off (your local time)
shipping-cutoff-hint = Orders placed at or after this time count from the next day. Your country's public holidays are not working days, nor are the destination's for delivery.
shipping-cutoff-none = No cut-off: the whole day counts
shipping-cutoff-invalid = Choose a time from the list.
card-delivery-dates = Delivery { $cost } · { $dates }
