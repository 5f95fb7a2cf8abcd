## Statistiche di vendita: promozioni, il marketplace e ogni negozio.

staff-nav-analytics = Statistiche
merchant-nav-analytics = Statistiche
analytics-campaign-title = Statistiche: { $title }
analytics-platform-title = Vendite del marketplace
analytics-shop-title = Le tue vendite
analytics-link = Statistiche
analytics-period = Periodo
analytics-days = { $count ->
    [one] Ultimo { $n } giorno
   *[other] Ultimi { $n } giorni
}
analytics-currency = Valuta del report
analytics-show = Mostra
analytics-views = Visualizzazioni della pagina della promozione
analytics-product-views = Visualizzazioni delle pagine dei prodotti
analytics-orders = Ordini
analytics-units = Pezzi venduti
analytics-revenue = Fatturato
analytics-conversion = Conversione da visualizzazioni a ordini
analytics-percent = { $value }%
analytics-chart-title = Fatturato giornaliero
analytics-chart-desc = { $days ->
    [one] Fatturato in { $days } giorno: { $total } in totale, { $peak } nel giorno migliore.
   *[other] Fatturato in { $days } giorni: { $total } in totale, { $peak } nel giorno migliore.
}
analytics-by-market = Per mercato (Paese in cui vengono spediti gli ordini)
analytics-by-origin = Per Paese di origine
analytics-by-shop = Per negozio
analytics-top-products = Prodotti più venduti
analytics-daily = Giorno per giorno
analytics-col-market = Mercato
analytics-col-origin = Origine
analytics-col-shop = Negozio
analytics-col-product = Prodotto
analytics-col-day = Giorno
analytics-csv = Scarica in formato CSV
analytics-none = Ancora nessuna vendita.
