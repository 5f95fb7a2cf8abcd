## Codici sconto: carrello, checkout, pagine dello staff e dei venditori.

coupon-field = Codice sconto
coupon-apply = Applica
coupon-remove = Rimuovi codice
coupon-line = Codice sconto { $code }
coupon-entered = Codice sconto inserito.
coupon-removed = Codice sconto rimosso.
coupon-unknown = Questo codice sconto non esiste. Controlla di averlo scritto correttamente.
coupon-throttled = Troppi codici provati da questa connessione. Attendi qualche minuto e riprova.
coupon-not-yet = Questo codice sconto non è ancora valido.
coupon-expired = Questo codice sconto è scaduto.
coupon-not-in-market = Questo codice sconto non è disponibile nella tua zona.
coupon-used-up = Questo codice sconto ha raggiunto il numero massimo di utilizzi.
coupon-already-used = Hai già usato questo codice sconto.
coupon-below-minimum = Questo codice sconto vale per ordini a partire da { $amount }.
coupon-wrong-shop = Questo codice sconto vale per i prodotti di un altro negozio.
coupon-sign-in = Accedi per usare questo codice sconto.

staff-nav-coupons = Codici sconto
merchant-nav-coupons = Codici sconto
coupons-title = Codici sconto
coupons-intro-staff = I codici del marketplace valgono in tutti i negozi; lo sconto è a carico del marketplace.
coupons-intro-merchant = I tuoi codici valgono solo sui prodotti del tuo negozio; lo sconto è a carico del tuo negozio.
coupons-none = Ancora nessun codice.
coupon-col-code = Codice
coupon-col-discount = Sconto
coupon-col-window = Validità
coupon-col-markets = Mercati
coupon-col-uses = Utilizzi
coupon-col-status = Stato
coupon-csv = Scarica i codici (CSV)
coupon-over = a partire da { $amount }
coupon-everywhere = Ovunque
coupon-active = Attivo
coupon-inactive = Disattivato
coupon-deactivate = Disattiva
coupon-activate = Attiva
coupon-batch-uses = { $count ->
    [one] { $n } codice
   *[other] { $n } codici
}
coupon-new = Nuovo codice sconto
coupon-create = Crea
coupon-created = Codici sconto creati.
coupon-field-code = Codice
coupon-field-code-hint = Lettere, cifre e trattini, ad es. BF5. Per un lotto: un prefisso facoltativo di massimo 12 caratteri.
coupon-field-count = Quanti codici
coupon-field-count-hint = 1 per un unico codice utilizzabile da tutti; di più per un lotto di codici univoci (fino a 5000), esportato in CSV.
coupon-field-kind = Tipo
coupon-kind-percent = Sconto percentuale
coupon-kind-amount = Sconto a importo fisso
coupon-field-value = Sconto
coupon-field-value-hint = Una percentuale intera (1–90) o un importo come 5,00.
coupon-field-currency = Valuta dell'importo e della spesa minima
coupon-field-min-spend = Spesa minima
coupon-field-min-spend-hint = Facoltativo: i prodotti devono raggiungere almeno questo importo. Per i carrelli in altre valute viene convertito.
coupon-field-max-uses = Utilizzi totali
coupon-field-per-account = Utilizzi per account
coupon-field-limit-hint = Facoltativo: lascia vuoto per non porre limiti.
coupon-field-markets = Mercati in cui vale il codice (nessuno: ovunque)
coupon-count-invalid = Inserisci un numero intero da 1 a 5000.
coupon-code-invalid = Usa lettere, cifre e trattini (massimo 32 caratteri).
coupon-prefix-invalid = Usa al massimo 12 caratteri tra lettere, cifre e trattini.
coupon-percent-invalid = Inserisci una percentuale intera da 1 a 90.
coupon-amount-invalid = Inserisci un importo come 5,00.
coupon-limit-invalid = Inserisci un numero intero pari ad almeno 1, oppure lascia vuoto.
coupon-code-taken = Questo codice è già in uso. Scegline un altro.
