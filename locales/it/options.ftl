# Nomi delle opzioni e dei valori in ogni lingua (staff: l'elenco condiviso; venditori: le proprie opzioni).
staff-nav-options = Opzioni
option-shared-title = Opzioni condivise
option-shared-intro = Taglie, colori e pesi che ogni negozio può usare. I loro nomi in ogni lingua sono ciò che i clienti filtrano e cercano; le opzioni segnate come filtri compaiono negli elenchi, con i conteggi su tutti i negozi.
option-own-title = Le tue opzioni
option-own-intro = Le opzioni che hai creato per i tuoi prodotti (nell'editor delle varianti o con un'importazione) e ciò che resta da tradurre. Le opzioni condivise (taglie, colori…) le traduce Caravan.
option-own-link = Le tue opzioni e i loro valori nelle altre lingue
option-back = Torna alle opzioni
option-back-translations = Torna alle traduzioni
option-none = Ancora nessuna opzione.
option-col-name = Opzione
option-col-values = Valori
option-facet-badge = Filtro
option-missing = Manca in: { $languages }
option-value-count = { $count ->
    [one] { $n } valore:
   *[other] { $n } valori:
}
option-products = { $count ->
    [0] Nessun prodotto è ancora venduto in questa opzione.
    [one] { $n } prodotto è venduto in questa opzione.
   *[other] { $n } prodotti sono venduti in questa opzione.
}
option-names-legend = Nome dell'opzione
option-values-title = Valori
option-new-value-legend = Nuovo valore
option-new-value-hint = Compila almeno una lingua per aggiungere un valore; lascia tutto vuoto per non aggiungerne.
option-facet-label = I clienti possono filtrare gli elenchi per questa opzione
option-save = Salva i nomi
option-saved = Nomi salvati. La ricerca troverà i nuovi nomi appena i prodotti venduti in questa opzione saranno indicizzati di nuovo, in background.
option-create-title = Nuova opzione condivisa
option-create = Crea l'opzione
option-created = Opzione creata. Ora aggiungi i suoi valori.
option-error-name-needed = Indica un nome in almeno una lingua.
option-error-name-taken = Un altro valore di questa opzione ha già questo nome in questa lingua.
option-error-option-taken = Un'opzione condivisa ha già questo nome in questa lingua.
