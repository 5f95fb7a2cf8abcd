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
