# Delivery dates (issue #27).
delivery-arrives = arrives { $dates }
delivery-promised = Arrives { $dates } (estimated when the order was placed)
shipping-handling-days = Handling time (business days)
shipping-handling-hint = Business days from an order to handing the parcel to the carrier (0 to 60). With each destination's delivery days (business days too) it gives the arrival dates shoppers see.
shipping-handling-invalid = Enter a whole number of business days from 0 to 60.
