## Carrello, checkout, ordini e relative notifiche.

cart-link = { $count ->
    [0] Carrello
    [one] Carrello ({ $n })
   *[other] Carrello ({ $n })
}
orders-link = I miei ordini
cart-title = Il tuo carrello
cart-empty = Il tuo carrello è vuoto.
cart-continue = Continua lo shopping
cart-add = Aggiungi al carrello
cart-quantity = Quantità
cart-update = Aggiorna
cart-remove = Rimuovi
cart-unit-price = Prezzo
cart-line-total = Totale
cart-subtotal = Articoli
cart-shipping = Spedizione
cart-shop-total = Totale per questo negozio
cart-total = Totale
cart-merchant-total = ({ $amount } nella valuta del negozio)
cart-ship-to = Paese di spedizione: { $country }. Puoi cambiarlo in cima alla pagina.
cart-does-not-ship = Questo negozio non spedisce in questo Paese ({ $country }). Rimuovi i suoi articoli o scegli un altro Paese per completare l'ordine.
cart-delivery-days = { $min ->
    [0] consegna entro { $max } giorni
   *[other] consegna in { $min }–{ $max } giorni
}
cart-checkout = Procedi all'ordine
cart-cannot-checkout = Alcuni articoli non possono essere spediti nel tuo Paese, quindi per ora non puoi completare l'ordine.
cart-items-gone = { $count ->
    [one] Un articolo non è più in vendita ed è stato rimosso dal carrello.
   *[other] { $n } articoli non sono più in vendita e sono stati rimossi dal carrello.
}
cart-added = Aggiunto al carrello.
cart-updated = Carrello aggiornato.
cart-removed = Rimosso dal carrello.
cart-capped = Non ce ne sono così tanti disponibili: ora nel carrello hai tutti i pezzi rimasti.
cart-sold-out = Ci dispiace, questo prodotto è appena andato esaurito.

checkout-address-title = Dove consegniamo il tuo ordine?
checkout-step-address = Indirizzo
checkout-step-review = Riepilogo
checkout-step-done = Completato
checkout-continue = Vai al riepilogo
checkout-ship-to-changed = Ora prezzi e spedizione si basano sul Paese del tuo indirizzo.
field-full-name = Nome e cognome
field-line1 = Via e numero civico
field-line2 = Interno, piano, ecc. (facoltativo)
field-postal-code = Codice postale (CAP)
field-phone = Telefono
address-phone-hint = Con il prefisso internazionale, per il corriere, ad es. +39 055 123 4567.
address-country-invalid = Scegli un Paese dall'elenco.
address-phone-invalid = Inserisci un numero di telefono da 7 a 15 cifre, ad es. +39 055 123 4567.
address-postal-invalid-six = Questo codice postale deve avere 6 cifre, ad es. 101000.
address-postal-invalid-five = Questo codice postale deve avere 5 cifre, ad es. 50122.
address-postal-invalid-gb = Scrivi il codice postale con uno spazio, ad es. SW1A 1AA.
address-postal-invalid-us = Scrivi lo ZIP code nel formato 94103 o 94103-1234.
address-postal-invalid-pt = Scrivi il codice postale nel formato 1100-148.
address-postal-invalid-pl = Scrivi il codice postale nel formato 00-950.
address-postal-invalid-nl = Scrivi il codice postale nel formato 1012 AB.
address-postal-invalid-az = Scrivi il codice postale nel formato AZ 1000.
address-postal-invalid-other = Controlla il codice postale.
checkout-review-title = Controlla il tuo ordine
checkout-ship-to = Indirizzo di consegna
checkout-change-address = Cambia indirizzo
checkout-payment = Pagamento
payment-bank-transfer = Bonifico bancario (riceverai i dati con l'ordine di ciascun negozio)
payment-card = Carta (pagamento sicuro tramite Stripe)
payment-cash-on-delivery = Pagamento alla consegna
checkout-payment-hint = Caravan non addebita nulla sulla tua carta. Ogni negozio conferma il pagamento e poi spedisce.
checkout-payment-required = Scegli come vuoi pagare.
checkout-place = Conferma l'ordine
checkout-cannot-ship = Alcuni negozi nel tuo carrello non spediscono a questo indirizzo. Prima rimuovi i loro articoli dal carrello.
checkout-out-of-stock = Disponibilità insufficiente per: { $titles }. Non ti è stato addebitato nulla; controlla le quantità e riprova.
checkout-changed = I prezzi o i tassi di cambio sono appena cambiati. Controlla il nuovo totale e conferma di nuovo l'ordine.
checkout-done-title = Grazie per il tuo ordine!
checkout-done-intro = { $count ->
    [one] Il tuo ordine è stato effettuato:
   *[other] I tuoi { $n } ordini sono stati effettuati, uno per negozio:
}
checkout-done-next = Ogni negozio confermerà il pagamento e spedirà il tuo pacco. Puoi seguire tutti i tuoi ordini nello storico ordini.
checkout-already-placed = Questo acquisto è già stato completato: ecco i relativi ordini.

orders-title = Ordini
orders-count = { $count ->
    [one] { $n } ordine
   *[other] { $n } ordini
}
orders-none = Ancora nessun ordine.
orders-from = Dal
orders-to = Al
orders-back = Tutti gli ordini
order-title = Ordine { $number }
order-number = N. ordine
order-placed = Data dell'ordine
order-shop = Negozio
order-delivery = Consegna
order-tracking = Codice di tracciamento
order-timeline = Cronologia
order-actions = Azioni
order-status-awaiting-payment = In attesa di pagamento
order-status-paid = Pagato
order-status-shipped = Spedito
order-status-delivered = Consegnato
order-status-cancelled = Annullato
order-action-paid = Segna come pagato
order-action-shipped = Segna come spedito
order-action-delivered = Segna come consegnato
order-action-cancel = Annulla ordine
order-action-cancel-mine = Annulla il mio ordine
order-cancel-reason = Motivo (visibile all'acquirente)
order-cancel-reason-optional = Motivo (facoltativo)
order-cancel-reason-shown = Motivo dell'annullamento
order-rate-note = Convertito al cambio di 1 { $from } = { $rate } { $to } in vigore al momento dell'ordine.
order-updated = Ordine aggiornato.
order-transition-invalid = Questa modifica non è possibile per un ordine in questo stato.
order-cannot-cancel-shipped = Il pacco è già stato spedito, quindi l'ordine non può più essere annullato.
order-already-cancelled = Questo ordine è stato annullato.
order-tracking-required = Inserisci il codice di tracciamento per segnare l'ordine come spedito.
order-reason-required = Indica un motivo: l'acquirente lo vedrà.
order-changed-meanwhile = Qualcuno ha appena modificato questo ordine. Ecco la sua situazione attuale.

notifications-title = Messaggi sui tuoi ordini
notifications-none = Ancora nessun messaggio.
notification-order-placed = Hai effettuato l'ordine { $number }.
notification-order-new = Hai un nuovo ordine: { $number }.
notification-order-paid = L'ordine { $number } è stato segnato come pagato.
notification-order-shipped = L'ordine { $number } è stato spedito.
notification-order-delivered = L'ordine { $number } è stato consegnato.
notification-order-cancelled = L'ordine { $number } è stato annullato.

merchant-nav-orders = Ordini
staff-nav-orders = Ordini
time-utc = { $time } UTC
checkout-payment-hint-card = Con la carta paghi una sola volta per gli ordini di tutti i negozi, e Caravan custodisce l'importo finché il tuo pacco non arriva. Con bonifico bancario o pagamento alla consegna, ogni negozio conferma il pagamento e poi spedisce.
checkout-done-next-card = Il pagamento con carta è confermato. Ogni negozio ora prepara e spedisce il tuo pacco; Caravan trattiene il denaro finché non arriva. Puoi seguire ogni ordine nella cronologia degli ordini.
notification-stock-low = Dopo l'ordine { $number } le scorte si stanno esaurendo.
