# Date di consegna (issue #27).
delivery-arrives = arriva { $dates }
delivery-promised = Arriva { $dates } (stima al momento dell'ordine)
shipping-handling-days = Tempo di preparazione (giorni lavorativi)
shipping-handling-hint = Giorni lavorativi dall'ordine alla consegna del pacco al corriere (da 0 a 60). Con i giorni di consegna di ogni destinazione (anch'essi lavorativi) dà le date di arrivo che vedono gli acquirenti.
shipping-handling-invalid = Scrivi un numero intero di giorni lavorativi da 0 a 60.
shipping-cutoff = Orario limite degli ordini (ora locale)
shipping-cutoff-hint = Gli ordini fatti a quest'ora o dopo contano dal giorno seguente. Le festività nazionali del tuo paese non sono giorni lavorativi, e per la consegna nemmeno quelle del paese di destinazione.
shipping-cutoff-none = Nessun orario limite: conta tutta la giornata
shipping-cutoff-invalid = Scegli un orario dall'elenco.
card-delivery-dates = Spedizione { $cost } · { $dates }
