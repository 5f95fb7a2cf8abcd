## Catalogo per gli acquirenti: home, elenchi, ricerca, pagine prodotto.

home-title = Artigianato e prodotti locali da quattro Paesi
home-hero-title = Acquista direttamente dagli artigiani locali
home-hero-text = Ceramiche di Gzhel e Iznik, pelletteria di Firenze e Ubrique, tè, dolci e molto altro, direttamente da piccoli negozi in Russia, Turchia, Italia e Spagna.
home-origins-title = Acquista per Paese di origine
home-categories-title = Categorie
home-newest-title = Novità
catalogue-product-count =
    { $count ->
        [one] { $n } prodotto
       *[other] { $n } prodotti
    }
listing-filters = Filtri
listing-origin = Spedito da
listing-category = Categorie
listing-price = Prezzo
listing-price-min = Da
listing-price-max = A
listing-availability = Disponibilità
listing-in-stock = Solo articoli disponibili
listing-rating = Valutazione dei clienti
listing-top-rated = 4★ e più
listing-sort = Ordina per
listing-apply = Applica
listing-clear = Rimuovi filtri
listing-results = Risultati
listing-page-of = Pagina { $page } di { $pages }
listing-prev = Precedente
listing-next = Successiva
listing-pagination = Pagine
listing-empty = Nessun prodotto corrisponde a questi filtri. Prova a rimuoverne uno.
sort-relevance = Pertinenza
sort-newest = Più recenti
sort-price-asc = Prezzo: dal più basso al più alto
sort-price-desc = Prezzo: dal più alto al più basso
sort-rating = Più votati
search-title = Ricerca
search-results-for = Risultati per “{ $query }”
search-no-results = Nessun risultato per “{ $query }”. Controlla l'ortografia o prova con un termine più generico.
search-too-short = Scrivi almeno due lettere per cercare.
search-too-long = Questa parola è troppo lunga per la ricerca. Prova con una più breve.
search-did-you-mean = Forse cercavi: { $query }?
search-suggest-category = Categoria
search-suggest-shop = Negozio
search-matching-categories = Categorie corrispondenti
search-suggest-label = Suggerimenti
card-ships-from = Provenienza: { $country }
product-ships-from = Paese di spedizione: { $country }
product-merchant-price = Prezzo del venditore: { $price }
product-in-stock =
    { $count ->
        [one] Disponibile: { $n } pezzo
       *[other] Disponibili: { $n } pezzi
    }
product-out-of-stock = Esaurito
product-sold-by = Venduto da
product-description = Descrizione
product-gallery = Foto del prodotto
product-sku = Codice articolo
product-listed-on = Data di pubblicazione
origin-heading-ru = Fatto in Russia
origin-heading-tr = Fatto in Turchia
origin-heading-it = Fatto in Italia
origin-heading-es = Fatto in Spagna
origin-intro-ru = Porcellane di Gzhel, scialli di Pavlovskij Posad, miele dell'Altai e molto altro dai laboratori russi.
origin-intro-tr = Piastrelle di Iznik, seta di Bursa, kilim anatolici e lokum dagli artigiani turchi.
origin-intro-it = Pelletteria fiorentina, maioliche, seta di Como e i grandi classici della dispensa italiana.
origin-intro-es = Ceramiche di Talavera, pelletteria di Ubrique, espadrillas e specialità gastronomiche spagnole.
product-delivery = Spedizione in { $country }: { $cost } · { $days }
product-free-shipping = gratuita
product-no-delivery = Questo negozio non spedisce in { $country }. Scegli un altro paese in alto nella pagina per vedere la spedizione.
listing-ships-to-me = Spedizione verso: { $country }
card-delivery = Spedizione { $cost } · { $min ->
    [0] entro { $max } giorni
   *[other] { $min }–{ $max } giorni
}
