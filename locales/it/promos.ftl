## Promozioni: pagine delle promozioni, badge, editor per lo staff e vista venditore.

promos-link = Offerte
promos-title = Offerte e promozioni
promos-live = In corso
promos-upcoming = In arrivo
promos-none-live = Al momento non ci sono promozioni in corso.
promos-none-upcoming = Nessuna promozione annunciata per ora.
promos-all = Tutte le offerte
promo-featured = Scelti per te
promo-all-products = Tutti i prodotti in promozione
promo-badge = −{ $percent }% · { $title }
promo-discount = −{ $percent }%
price-was = Prezzo precedente
promo-starts-in = Inizia tra { $duration }
promo-ends-in = Termina tra { $duration }
promo-ended-on = Terminata il { $date }
promo-ended-text = Questa promozione è terminata.
promo-preview-banner = Anteprima: ecco come gli acquirenti vedranno la pagina il { $at }. Gli acquirenti non possono vedere questa anteprima.
duration-days = { $count ->
    [one] { $n } giorno
   *[other] { $n } giorni
}
duration-hours = { $count ->
    [one] { $n } ora
   *[other] { $n } ore
}
duration-minutes = { $count ->
    [one] { $n } minuto
   *[other] { $n } minuti
}

promos-staff-title = Promozioni
promos-none-staff = Ancora nessuna promozione.
promo-window = Periodo
promo-preview = Anteprima
promo-preview-at-start = Anteprima in questa lingua all'inizio della promozione
promo-status-draft = Bozza
promo-status-published = Pubblicata
promo-new-title = Nuova promozione
promo-edit-title = Modifica promozione
promo-publish = Pubblica
promo-unpublish = Annulla pubblicazione
promo-duplicated = Copiata come bozza.
promo-deleted = Promozione eliminata.
promo-delete-published = Annulla la pubblicazione della promozione prima di eliminarla.
promo-hero = Immagine principale
promo-hero-file = File immagine
promo-hero-upload = Carica immagine
promo-schedule = Date e sconto
promo-field-name = Nome interno
promo-field-discount = Sconto (%)
promo-field-starts = Inizio
promo-field-ends = Fine
promo-field-zone = Fuso orario di queste date
promo-field-position = Posizione nella home page
promo-field-position-hint = I numeri più bassi vengono mostrati per primi.
promo-field-title = Titolo
promo-field-subtitle = Sottotitolo
promo-field-body = Testo
promo-field-body-hint = Markdown: **grassetto**, *corsivo*, [link](https://…), elenchi. Script e link non sicuri vengono rimossi.
promo-field-alt = Descrizione dell'immagine principale
promo-targets = Prodotti in promozione
promo-targets-hint = Un prodotto partecipa se qui è selezionato il suo Paese, il suo negozio, la sua categoria o il suo numero di prodotto.
promo-target-origins = Paesi di origine
promo-target-merchants = Negozi
promo-target-categories = Categorie (incluse le sottocategorie)
promo-target-products = Prodotti scelti a mano
promo-featured-ids = Prodotti in evidenza, in ordine
promo-ids-hint = Numeri di prodotto separati da virgole, ad es. 12, 40, 7.
promo-discount-invalid = Inserisci una percentuale intera da 1 a 90.
promo-zone-invalid = Scegli un fuso orario.
promo-date-invalid = Inserisci data e ora.
promo-ends-before-start = La fine deve essere successiva all'inizio.
promo-position-invalid = Inserisci un numero intero da 0 a 999.
promo-ids-invalid = Usa numeri di prodotto separati da virgole.
promo-ids-unknown = Alcuni di questi prodotti non esistono.
promo-title-en-required = Il titolo in inglese è obbligatorio: viene mostrato dove manca una traduzione.
promo-slug-taken = Un'altra promozione usa già questo indirizzo in questa lingua.
promo-targets-required = Prima di pubblicare, scegli almeno un Paese, un negozio, una categoria o un prodotto.

merchant-nav-promos = Promozioni
staff-nav-promos = Promozioni
merchant-promos-title = Promozioni con i tuoi prodotti
merchant-promos-intro = I tuoi prodotti vengono inclusi automaticamente nelle promozioni di Caravan. Qui vedi quanto pagano gli acquirenti durante ciascuna promozione; tu ricevi il prezzo promozionale.
merchant-promos-none = Nessuno dei tuoi prodotti fa parte di una promozione in corso o in arrivo.
merchant-promos-regular = Prezzo normale
merchant-promos-price = Prezzo promozionale
merchant-promos-more = { $count ->
    [one] …e { $n } altro prodotto.
   *[other] …e altri { $n } prodotti.
}
time-in-zone = { $time } ({ $zone })
promo-field-funded-by = Chi paga lo sconto
promo-field-funded-by-hint = I negozi abbassano i prezzi, oppure il marketplace rimborsa ai negozi lo sconto su ogni vendita con carta (compare nei loro estratti conto).
promo-funded-shop = I negozi
promo-funded-platform = Il marketplace

## Pubblico, orari locali, ripartizione dello sconto.
promo-not-here = Questa promozione non è disponibile nella tua zona o nella tua lingua. Ti aspettano altre offerte.
promo-funded-split = Il negozio e il marketplace insieme
promo-field-platform-share = Quota dello sconto a carico del marketplace (%)
promo-field-platform-share-hint = Solo se lo sconto è condiviso: il marketplace paga questa parte della percentuale della promozione, il negozio il resto.
promo-share-invalid = Inserisci una percentuale intera da 1 a 99.
promo-audience = Chi vede la promozione
promo-audience-hint = Gli acquirenti al di fuori dei mercati e delle lingue scelti non vedono mai la promozione, i suoi prezzi né la sua pagina. Non selezionare nulla per mostrarla a tutti.
promo-audience-markets = Mercati (Paesi in cui gli acquirenti ricevono gli ordini)
promo-audience-languages = Lingue
promo-options = Opzioni
promo-flag-local-times = Inizio e fine all'ora locale di ogni mercato (le 00:00 a Madrid e le 00:00 a Mosca sono istanti diversi)
promo-flag-open-to-merchants = Aperta ai venditori: i negozi possono aderire con i propri prodotti con questo sconto o uno maggiore
promo-instants = Inizio e fine esatti in ogni mercato
promo-instants-market = Mercato
promo-instants-elsewhere = Tutte le altre destinazioni (UTC)
promo-window-local = { $start } → { $end }, ora locale di ogni mercato

## Adesione dei negozi alle promozioni aperte ai venditori.
join-open-title = Promozioni a cui puoi aderire
join-open-none = Al momento nessuna promozione è aperta ai negozi.
join-minimum = Almeno { $discount }
join-joined-count = { $count ->
    [one] { $n } prodotto in promozione
   *[other] { $n } prodotti in promozione
}
join-open-link = Scegli i prodotti
join-search = Trova i tuoi prodotti (in qualsiasi lingua o per SKU)
join-search-button = Cerca
join-no-match = Nessuno dei tuoi prodotti corrisponde.
join-products = I tuoi prodotti
join-pick = Includi
join-current = Attualmente in promozione
join-more = Ci sono altri prodotti corrispondenti: restringi la ricerca per vederli.
join-percent = Il tuo sconto (%)
join-submit = Aderisci con i prodotti scelti
join-leave = Lascia la promozione
join-saved = I tuoi prodotti partecipano alla promozione.
join-left = Hai lasciato la promozione.
join-not-open = Questa promozione non è più aperta ai negozi.
join-percent-invalid = Inserisci una percentuale intera compresa tra il minimo della promozione e 90.
join-no-products = Scegli almeno uno dei tuoi prodotti.
join-leave-started = La promozione è iniziata: non puoi più lasciarla.

## Editor: anteprime per mercato, copia per l'anno prossimo.
promo-duplicate-next-year = Duplica per l'anno prossimo
promo-preview-lang = Lingua
promo-preview-market = Mercato
promo-preview-at = Data e ora (nel tuo fuso orario)
promo-find-products = Aggiungi prodotti, negozi e categorie per nome
promo-find-label = Un nome in qualsiasi lingua
promo-find-none = Nessun prodotto corrisponde.
promo-find-results = Prodotti trovati
promo-find-add = Aggiungi i prodotti selezionati
