# Email sugli ordini. $number: numero (o numeri) d'ordine; $shop: il negozio; $name e $city: a chi e dove va
# l'ordine; $amount: il totale dell'ordine nella valuta di chi legge; $count: quanti ordini.
mail-hello = Ciao { $name },
mail-order-heading = Ordine { $number } · { $shop }
mail-col-item = Articolo
mail-col-quantity = Q.tà
mail-col-amount = Importo
mail-shipping = Spedizione
mail-total = Totale
mail-view-order = Visualizza l'ordine
mail-track = Traccia il pacco
mail-tracking = Codice di tracciamento: { $tracking }
mail-cancel-reason = Motivo indicato: { $reason }
mail-footer = Ricevi questa email per un ordine su Caravan, un marketplace gestito da { $operator }.
mail-subject-order-placed = { $count ->
    [one] Il tuo ordine { $number } è stato effettuato
   *[other] I tuoi ordini { $number } sono stati effettuati
}
mail-lead-order-placed-shopper = { $count ->
    [one] Grazie per il tuo ordine. Ecco cosa hai ordinato; ti scriveremo di nuovo quando verrà spedito.
   *[other] Grazie per il tuo ordine. Ogni negozio spedisce il proprio pacco; ti scriveremo di nuovo man mano che ciascuno verrà spedito.
}
mail-subject-order-new = Nuovo ordine { $number }
mail-lead-order-new-merchant = Il tuo negozio { $shop } ha ricevuto il nuovo ordine { $number } per { $name } ({ $city }). Preparalo per la spedizione non appena sarà pagato.
mail-subject-order-paid = L'ordine { $number } è stato pagato
mail-lead-order-paid-shopper = Abbiamo ricevuto il pagamento di { $amount } per il tuo ordine { $number } presso { $shop }.
mail-lead-order-paid-merchant = L'ordine { $number } è stato pagato ({ $amount }). Ora puoi spedirlo.
mail-subject-order-shipped = L'ordine { $number } è stato spedito
mail-lead-order-shipped-shopper = { $shop } ha spedito il tuo ordine { $number }.
mail-subject-order-delivered = L'ordine { $number } è stato consegnato
mail-lead-order-delivered-shopper = Il tuo ordine { $number } presso { $shop } è stato consegnato. Speriamo che ti piaccia!
mail-subject-order-cancelled = L'ordine { $number } è stato annullato
mail-lead-order-cancelled-shopper = Il tuo ordine { $number } presso { $shop } è stato annullato. Se hai pagato con carta, l'importo ti verrà rimborsato automaticamente.
mail-lead-order-cancelled-merchant = L'acquirente ha annullato l'ordine { $number }. Gli articoli dell'ordine sono di nuovo disponibili.
mail-subject-order-refunded = L'ordine { $number } è stato rimborsato
mail-lead-order-refunded-shopper = L'importo di { $amount } per il tuo ordine { $number } è stato rimborsato sulla tua carta.
mail-note-order-refunded-shopper = In genere le banche rendono visibile il rimborso entro 5-10 giorni.

# Staff: email.
staff-nav-mail = Email
staff-mail-title = Email
staff-mail-intro = Le email sugli ordini partono dalla coda di uscita: se il server di posta non risponde, ogni email viene ritentata a intervalli sempre più lunghi e, dopo l'ultimo tentativo, compare in questo elenco.
staff-mail-none = Ancora nessuna email.
staff-mail-state-queued = in attesa di invio
staff-mail-state-sending = invio in corso
staff-mail-state-sent = invio completato
staff-mail-state-skipped = invio non necessario (già coperto da un'altra email)
staff-mail-state-retry = da ritentare
staff-mail-state-failed = invio non riuscito
staff-mail-failed = Email non inviate
staff-mail-failed-none = Nessun invio non riuscito.
staff-mail-what = Email
staff-mail-to = Destinatario
staff-mail-error = Errore
staff-mail-kind-order-placed = Conferma d'ordine
staff-mail-kind-order-new = Nuovo ordine (al negozio)
staff-mail-kind-order-paid = Ordine pagato
staff-mail-kind-order-shipped = Ordine spedito
staff-mail-kind-order-delivered = Ordine consegnato
staff-mail-kind-order-cancelled = Ordine annullato
staff-mail-kind-order-refunded = Ordine rimborsato
staff-mail-error-smtp-rejected = Il server di posta ha rifiutato il messaggio o l'indirizzo.
staff-mail-error-smtp-unavailable = Non è stato possibile contattare il server di posta.
staff-mail-error-smtp-timeout = Il server di posta non ha risposto in tempo.
staff-mail-error-file-unwritable = Non è stato possibile scrivere il file dell'email.
staff-mail-error-bad-address = L'indirizzo email dell'account non è utilizzabile.
staff-mail-error-compose-failed = Non è stato possibile comporre l'email (vedi il log del server).
staff-mail-retry-queued = L'email verrà inviata di nuovo tra poco.
staff-mail-retry-not-failed = Questa email non è in attesa di un nuovo tentativo.
