## Recensioni di acquirenti verificati, risposte dei negozi, segnalazioni e moderazione.

merchant-nav-reviews = Recensioni
staff-nav-reviews = Recensioni
review-heading = Recensioni
review-none = Ancora nessuna recensione.
review-none-match = Nessuna recensione corrisponde a questi filtri.
review-rated = Valutazione: { $average } su 5
review-rated-count = { $count ->
    [one] Valutazione: { $average } su 5, { $n } recensione
   *[other] Valutazione: { $average } su 5, { $n } recensioni
}
review-count = { $count ->
    [one] { $n } recensione
   *[other] { $n } recensioni
}
review-stars = { $count ->
    [one] { $n } stella
   *[other] { $n } stelle
}
review-see-all = { $count ->
    [one] Leggi la recensione
   *[other] Leggi tutte le { $n } recensioni
}
review-distribution = Distribuzione delle recensioni per numero di stelle
review-bought-in = Paese di acquisto: { $country }
review-written-in = { $lang ->
    [ru] Scritta in russo
    [tr] Scritta in turco
    [it] Scritta in italiano
    [es] Scritta in spagnolo
   *[en] Scritta in inglese
}
review-photo-alt = Foto di { $author }
review-reply-label = Risposta del negozio
review-page-title = Recensioni: { $product }
review-filter-stars = Stelle
review-filter-all-stars = Tutte le valutazioni
review-filter-lang = Lingua
review-filter-all-langs = Tutte le lingue
review-filter-photos = Solo con foto
review-filter-apply = Mostra
review-report = Segnala una recensione
review-report-which = Motivo per segnalare la recensione di { $author }
review-report-send = Segnala
review-reason-spam = Spam o pubblicità
review-reason-offensive = Contenuti offensivi o ingiuriosi
review-reason-off-topic = Non riguarda questo prodotto
review-reason-other = Altro
review-reported = Grazie. Il nostro team esaminerà questa recensione.
review-reported-already = Hai già segnalato questa recensione.
review-report-throttled = Hai inviato molte segnalazioni nell'ultima ora. Riprova più tardi.
review-write-title = Recensisci il tuo acquisto
review-order = ordine { $number }
review-field-rating = La tua valutazione
review-field-title = Titolo (facoltativo)
review-field-body = La tua recensione (facoltativa)
review-field-lang = Lingua in cui scrivi
review-field-photos = { $count ->
    [one] Foto (facoltativa, massimo { $n })
   *[other] Foto (facoltative, massimo { $n })
}
review-submit = Pubblica la recensione
review-thanks = Grazie per la tua recensione. Ora è visibile nella pagina del prodotto.
review-rating-required = Scegli da 1 a 5 stelle.
review-title-too-long = Il titolo può avere al massimo 120 caratteri.
review-text-too-long = La recensione può avere al massimo 5.000 caratteri.
review-lang-required = Scegli la lingua in cui hai scritto.
review-too-many-photos = Puoi aggiungere al massimo 4 foto.
review-not-bought = Puoi recensire solo i prodotti che hai acquistato.
review-not-delivered = Potrai recensire questo prodotto quando il tuo ordine sarà stato consegnato.
review-already = Hai già recensito questo prodotto.
review-back-to-orders = Torna ai tuoi ordini
review-invite = Recensisci questo prodotto
review-reviewed = Hai recensito questo prodotto
review-shop-title = Recensioni dei tuoi prodotti
review-shop-intro = Le recensioni degli acquirenti sui tuoi prodotti, a partire dalle più recenti. Puoi rispondere pubblicamente una sola volta a ogni recensione e modificare la risposta in seguito. Il negozio non può modificare né rimuovere le recensioni.
review-reply-write = Rispondi pubblicamente
review-reply-edit = Modifica la tua risposta pubblica
review-reply-send = Pubblica la risposta
review-reply-saved = La tua risposta è stata pubblicata.
review-reply-required = Scrivi prima una risposta.
review-reply-too-long = La risposta può avere al massimo 2.000 caratteri.
review-queue-title = Moderazione delle recensioni
review-queue-intro = Recensioni segnalate dai clienti, prima le più segnalate, poi quelle nascoste. Per nascondere una recensione serve un motivo, che resta associato alla recensione dell'acquirente; una recensione nascosta può essere ripristinata. Ogni decisione compare nel registro attività.
review-reports = { $count ->
    [one] { $n } segnalazione
   *[other] { $n } segnalazioni
}
review-hide-reason = Motivo per nascondere la recensione
review-hide = Nascondi
review-hide-reason-required = Indica il motivo per cui nascondi la recensione.
review-hidden = La recensione è nascosta e non conta più nelle valutazioni.
review-hidden-because = Nascosta: { $reason }
review-restore = Ripristina
review-restored = La recensione è di nuovo visibile.
mail-note-order-delivered-shopper = Racconta agli altri acquirenti cosa ne pensi: apri l’ordine e scegli «Recensisci questo prodotto». La recensione mostra il tuo nome, l’iniziale del cognome e il tuo paese.
