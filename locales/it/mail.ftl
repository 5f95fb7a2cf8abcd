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

# Email sull'account.
mail-footer-account = Ricevi questa email per il tuo account su Caravan, un marketplace gestito da { $operator }.
mail-subject-password-reset = Reimposta la tua password di Caravan
mail-lead-password-reset = Qualcuno, probabilmente tu, ha chiesto di reimpostare la password del tuo account Caravan. Scegline una nuova con questo link: funziona una sola volta ed è valido per un'ora.
mail-reset-button = Scegli una nuova password
mail-note-password-reset = Se non l'hai chiesto tu, ignora questa email: la tua password resterà invariata.
mail-subject-password-changed = La tua password di Caravan è stata cambiata
mail-lead-password-changed = La password del tuo account Caravan è appena stata cambiata ed è stata effettuata la disconnessione da tutti gli altri dispositivi.
mail-note-password-changed = Se non hai fatto tu questa modifica, reimposta subito la password dalla pagina di accesso e scrivi al nostro supporto.
staff-mail-kind-password-reset = Link per reimpostare la password
staff-mail-kind-password-changed = Password cambiata

# Pagine per reimpostare la password.
reset-forgot = Hai dimenticato la password?
reset-title = Reimposta la password
reset-ask-intro = Inserisci l'indirizzo email del tuo account. Ti invieremo un link per scegliere una nuova password.
reset-send = Invia il link
reset-sent = Se questo indirizzo è associato a un account, vi abbiamo inviato un link per scegliere una nuova password. Il link funziona una sola volta ed è valido per un'ora. Se non arriva entro pochi minuti, controlla la cartella dello spam.
reset-back-to-sign-in = Torna all'accesso
reset-invalid = Questo link non funziona più: è già stato usato, è più vecchio di un'ora oppure è stato digitato in modo errato.
reset-ask-again = Richiedi un nuovo link
reset-limited = Troppe richieste da questa connessione. Riprova tra un'ora.
reset-choose-intro = Scegli la nuova password per il tuo account. Tutti i dispositivi su cui hai effettuato l'accesso verranno disconnessi.
reset-new-password = Nuova password
reset-save = Salva la nuova password
reset-done = La password è stata cambiata. Accedi con quella nuova.

# Email sulla richiesta di apertura di un negozio. $shop: il nome del negozio; $reason: cosa ha scritto lo staff.
mail-subject-shop-approved = Il tuo negozio { $shop } è aperto su Caravan
mail-lead-shop-approved = Buone notizie: abbiamo approvato { $shop }. Da ora il tuo negozio e i suoi prodotti pubblicati sono visibili agli acquirenti di tutti i paesi in cui spedisci.
mail-note-shop-approved = Prossimi passi: dal pannello del tuo negozio aggiungi i prodotti con le relative traduzioni e imposta le tariffe di spedizione.
mail-shop-open = Vai al pannello del tuo negozio
mail-subject-shop-rejected = La tua richiesta per il negozio { $shop }
mail-lead-shop-rejected = Ci dispiace, ma non abbiamo potuto approvare la richiesta per { $shop } nella forma attuale.
mail-note-shop-rejected = Il nostro team ha scritto: “{ $reason }”. Puoi modificare la richiesta e inviarla di nuovo.
mail-shop-apply-again = Rivedi la tua richiesta
staff-mail-kind-shop-approved = Negozio approvato
staff-mail-kind-shop-rejected = Negozio rifiutato

# Verifica dell'indirizzo email.
mail-subject-verify-email = Conferma il tuo indirizzo email per Caravan
mail-lead-verify-email = Conferma che questo è il tuo indirizzo email: così riceverai le email sui tuoi ordini e potrai aprire un negozio. Il link è valido per due giorni.
mail-verify-button = Conferma il mio indirizzo
mail-note-verify-email = Se non hai creato un account Caravan o non ne hai cambiato l'indirizzo, ignora questa email.
staff-mail-kind-verify-email = Conferma dell'indirizzo
verify-title = Conferma il tuo indirizzo email
verify-confirm-intro = Conferma questo indirizzo per il tuo account Caravan con il pulsante qui sotto.
verify-confirm = Conferma il mio indirizzo
verify-invalid = Questo link non funziona più: è già stato usato, è più vecchio di due giorni oppure è stato digitato in modo errato. Richiedine uno nuovo dal tuo account.
verify-taken = Questo indirizzo ora appartiene a un altro account, quindi non può essere confermato per il tuo.
verify-to-account = Vai al tuo account
verify-done = Grazie: il tuo indirizzo email è confermato.
verify-sent = Ti abbiamo inviato un nuovo link di conferma.
verify-not-sent = Non è stato inviato nessun nuovo link: l'indirizzo è già confermato oppure nell'ultima ora sono già stati inviati tre link.
verify-reminder = Conferma il tuo indirizzo email: apri il link che abbiamo inviato a { $email }.
verify-resend = Invia di nuovo il link
merchant-verify-first = Prima di richiedere l'apertura di un negozio, conferma il tuo indirizzo email: apri il link che ti abbiamo inviato o richiedine uno nuovo qui sopra.
account-email-title = Indirizzo email
account-new-email = Nuovo indirizzo email
account-new-email-hint = Inviamo un link di conferma al nuovo indirizzo; finché non lo apri, il tuo account mantiene quello attuale.
account-current-password = La tua password attuale
account-change-email = Cambia indirizzo
account-email-same = Questo è già il tuo indirizzo.
account-email-change-sent = Abbiamo inviato un link di conferma al nuovo indirizzo. Il tuo indirizzo cambierà quando lo aprirai.
account-email-in-use = Questo indirizzo è già usato da un altro account.

# Scorte in esaurimento, comunicate al negozio dopo un ordine. $count: pezzi rimasti (per il plurale); $n: lo stesso numero, formattato.
mail-subject-stock-low = Scorte in esaurimento dopo l'ordine { $number }
mail-lead-stock-low-merchant = Dopo l'ordine { $number } restano pochi pezzi di questi prodotti. Riforniscili dal pannello del tuo negozio prima che risultino esauriti:
mail-stock-left = { $count ->
    [0] { $title }: esaurito
    [one] { $title }: { $n } pezzo rimasto
   *[other] { $title }: { $n } pezzi rimasti
}
staff-mail-kind-stock-low = Scorte basse (al negozio)

mail-placed-on = Effettuato il { $date }

# Il vecchio indirizzo viene avvisato che l'indirizzo dell'account è cambiato. $new: il nuovo indirizzo.
mail-subject-email-changed = L'indirizzo email del tuo account Caravan è stato cambiato
mail-lead-email-changed = L'indirizzo email del tuo account Caravan ora è { $new }. Le email sul tuo account e sui tuoi ordini arriveranno lì.
mail-note-email-changed = Se non sei stato tu, reimposta subito la password dalla pagina di accesso e scrivi al nostro supporto.
staff-mail-kind-email-changed = Indirizzo cambiato (vecchio indirizzo)
staff-mail-error-stuck = L'invio dell'email non è mai stato confermato: il mittente si è fermato a ogni tentativo.
account-email-too-many = Troppi cambi di indirizzo nell'ultima ora. Riprova più tardi.
