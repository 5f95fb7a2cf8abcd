## Lista dei desideri.

wishlist-title = La tua lista dei desideri
wishlist-save = Salva
wishlist-count = { $count ->
    [one] { $n } prodotto salvato
   *[other] { $n } prodotti salvati
}
wishlist-empty = Non hai ancora salvato nulla. Usa “Salva” su un prodotto per ritrovarlo qui.
wishlist-guest-note = Accedi per avere la lista su tutti i tuoi dispositivi: quando accedi si unisce a quella del tuo account.
wishlist-added = Salvato nella lista dei desideri.
wishlist-already = Questo prodotto è già nella tua lista dei desideri.
wishlist-full = La tua lista dei desideri è piena. Togli prima qualcosa.
wishlist-removed = Tolto dalla lista dei desideri.
wishlist-remove = Togli
wishlist-price-dropped = Prezzo sceso
wishlist-in-stock = Disponibile
nav-wishlist = Lista dei desideri
wishlist-saved = Salvato
wishlist-away = { $count ->
    [one] { $n } prodotto salvato non è in vendita al momento; tornerà qui quando il negozio lo rimetterà in vendita.
   *[other] { $n } prodotti salvati non sono in vendita al momento; torneranno qui quando i negozi li rimetteranno in vendita.
}
