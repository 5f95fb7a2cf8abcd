## Struttura del sito: intestazione, piè di pagina, navigazione, mercato.

site-name = Caravan
site-tagline = Artigiani e produttori locali di Russia, Turchia, Italia e Spagna, con spedizione fino a te.
nav-skip = Vai al contenuto
nav-home = Home
nav-language = Lingua
nav-menu = Menu
nav-breadcrumbs = Percorso di navigazione
search-label = Cerca prodotti
search-placeholder = Cerca borse, tè, ceramiche…
search-button = Cerca
market-label = Spedizione e valuta
market-title = Dove spediamo e in quale valuta vuoi vedere i prezzi?
market-ship-to = Spedisci in
market-currency = Valuta
market-apply = Salva
footer-note = I prezzi sono convertiti dalla valuta del venditore al cambio di oggi; paghi il prezzo indicato al momento dell'acquisto.
market-other-country = Un altro paese
market-page-title = Dove spediamo
market-page-intro = Scegli il paese di spedizione e la valuta in cui vedere i prezzi. Ci sono tutti i paesi; ogni prodotto indica se il suo negozio spedisce lì.
market-currency-default = Quella abituale per quel paese
