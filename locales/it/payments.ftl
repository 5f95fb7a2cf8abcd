# Pagamenti: commissioni e libro contabile.
staff-nav-commissions = Commissioni
commission-title = Commissioni
commission-intro = La parte del valore della merce (non della spedizione) che il marketplace trattiene su ogni vendita, all'aliquota in vigore quando l'ordine viene pagato. L'aliquota propria di un negozio sostituisce quella predefinita dal momento in cui viene impostata; ogni aliquota resta nello storico.
commission-current = Aliquota predefinita attuale: { $rate }
commission-set-title = Imposta un'aliquota
commission-for = Per
commission-default = Predefinita (ogni negozio senza un'aliquota propria)
commission-rate = Aliquota (%)
commission-rate-hint = Tra 0 e 50, al massimo due decimali (es. 12,5). Si applica agli ordini pagati da ora in poi.
commission-history = Storico
commission-since = In vigore dal
commission-rate-value = { $rate } %
commission-error-number = Scrivi l'aliquota come numero, es. 12,5.
commission-error-range = L'aliquota deve essere tra 0 e 50 %.

merchant-nav-payouts = Pagamenti
payouts-title = Pagamenti
payouts-intro = Quanto Caravan deve al tuo negozio per gli ordini pagati con carta, nella valuta del negozio. Una vendita resta in attesa finché l'ordine non è consegnato e non è trascorso il periodo di protezione dell'acquirente; poi è disponibile e viene versata con il pagamento successivo.
payouts-pending = in attesa
payouts-available = disponibile
payouts-paid-out = versato
payouts-statement = Estratto conto
payouts-none = Ancora nulla: qui compaiono le vendite pagate con carta.
payouts-col-when = Quando
payouts-col-what = Cosa
payouts-col-order = Ordine
payouts-col-to-shop = Al tuo negozio
payouts-col-commission = Commissione
ledger-kind-sale = Vendita (merce e spedizione, meno la commissione)

# Il passaggio del checkout per il pagamento con carta.
checkout-step-pay = Pagamento
pay-title = Paga con carta
pay-intro = { $count ->
    [one] Un unico pagamento di { $amount } per il tuo ordine:
   *[other] Un unico pagamento di { $amount } per i tuoi { $count } ordini:
}
pay-card = Carta
pay-secure-note = I dati della tua carta vanno direttamente a Stripe, il nostro gestore dei pagamenti; Caravan non vede mai il numero della carta. Custodiamo l'importo finché i tuoi pacchi non arrivano.
pay-submit = Paga { $amount }
pay-busy = Pagamento in corso…
pay-noscript = Per pagare con carta serve JavaScript. I tuoi ordini restano salvati: attiva JavaScript e ricarica questa pagina, oppure annulla gli ordini dallo storico ordini e ordina di nuovo con un altro metodo di pagamento.
pay-authenticate = La tua banca ti chiede di confermare questo pagamento. Segui i passaggi nella finestra che si apre.
pay-processing = La tua banca sta ancora elaborando il pagamento. Non devi fare nient'altro: i tuoi ordini risulteranno pagati non appena la banca conferma.
pay-look-again = Controlla di nuovo
pay-try-again = Riprova
pay-orders-kept = I tuoi ordini restano nello storico ordini, non ancora pagati.
pay-declined = La tua carta è stata rifiutata. Non ti è stato addebitato nulla. Prova con un'altra carta o rivolgiti alla tua banca.
pay-insufficient-funds = Fondi insufficienti sulla carta. Non ti è stato addebitato nulla. Prova con un'altra carta.
pay-expired-card = La carta è scaduta. Non ti è stato addebitato nulla. Prova con un'altra carta.
pay-incorrect-cvc = Il codice di sicurezza (CVC) non è corretto. Controlla le tre cifre sul retro della carta.
pay-incorrect-number = Il numero della carta non è corretto. Controllalo e riprova.
pay-auth-failed = La tua banca non ha confermato il pagamento. Non ti è stato addebitato nulla. Riprova o usa un'altra carta.
pay-processing-error = Non è stato possibile addebitare la carta per un errore di elaborazione. Non ti è stato addebitato nulla. Riprova tra poco.
pay-no-card = Inserisci i dati della carta per pagare.
pay-unreachable = Non siamo riusciti a contattare il nostro gestore dei pagamenti. Non ti è stato addebitato nulla. Riprova tra qualche minuto.
pay-timeout = Il nostro gestore dei pagamenti non ha risposto in tempo. Non ti verrà addebitato due volte: ricarica questa pagina tra un minuto per vedere se il pagamento è andato a buon fine.
pay-orders-changed = Alcuni ordini di questo acquisto sono stati annullati dopo l'inizio del pagamento, quindi il pagamento non può proseguire. Se ti è stato addebitato qualcosa, il nostro servizio clienti ti rimborserà.
pay-canceled = Questo pagamento è stato annullato dal gestore dei pagamenti. Non ti è stato addebitato nulla.
pay-refused = Non è stato possibile effettuare il pagamento per un problema da parte nostra. Non ti è stato addebitato nulla; il nostro team è già stato avvisato.
order-pay-now = Paga ora
order-event-refund-requested = Rimborso sulla carta richiesto
order-event-refunded = Rimborsato sulla carta
payouts-in-payout = in un pagamento in arrivo
ledger-kind-refund = Rimborso (vendita stornata)
ledger-kind-release = Protezione acquirente terminata: disponibile
ledger-kind-payout = Pagamento al negozio
ledger-kind-payout_paid = Pagamento inviato dalla banca
