## Wishlist.

wishlist-title = Your wishlist
wishlist-save = Save
wishlist-count = { $count ->
    [one] { $n } saved product
   *[other] { $n } saved products
}
wishlist-empty = Nothing saved yet. Use “Save” on any product to keep it here for later.
wishlist-guest-note = Sign in to keep your list on every device; it joins your account's list when you do.
wishlist-added = Saved to your wishlist.
wishlist-already = This product is already in your wishlist.
wishlist-full = Your wishlist is full. Remove something first.
wishlist-removed = Removed from your wishlist.
wishlist-remove = Remove
wishlist-price-dropped = Price dropped
wishlist-in-stock = In stock
nav-wishlist = Wishlist
wishlist-saved = Saved
wishlist-away = { $count ->
    [one] { $n } saved product is not on sale right now; it comes back here when its shop lists it again.
   *[other] { $n } saved products are not on sale right now; they come back here when their shops list them again.
}
