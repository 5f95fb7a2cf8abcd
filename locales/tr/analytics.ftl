## Satış istatistikleri: kampanyalar, pazaryeri ve her mağaza.

staff-nav-analytics = İstatistikler
merchant-nav-analytics = İstatistikler
analytics-campaign-title = İstatistikler: { $title }
analytics-platform-title = Pazaryeri satışları
analytics-shop-title = Satışlarınız
analytics-link = İstatistikler
analytics-period = Dönem
analytics-days = { $count ->
    [one] Son { $n } gün
   *[other] Son { $n } gün
}
analytics-currency = Rapor para birimi
analytics-show = Göster
analytics-views = Kampanya sayfası görüntülenmeleri
analytics-product-views = Ürün sayfası görüntülenmeleri
analytics-orders = Siparişler
analytics-units = Adet
analytics-revenue = Ciro
analytics-conversion = Görüntülenmeden siparişe dönüşüm
analytics-percent = %{ $value }
analytics-chart-title = Günlük ciro
analytics-chart-desc = { $days ->
    [one] { $days } günlük ciro: toplam { $total }, en iyi günde { $peak }.
   *[other] { $days } günlük ciro: toplam { $total }, en iyi günde { $peak }.
}
analytics-by-market = Pazara göre (siparişlerin teslimat ülkesi)
analytics-by-origin = Menşe ülkesine göre
analytics-by-shop = Mağazaya göre
analytics-top-products = En çok satan ürünler
analytics-daily = Gün gün
analytics-col-market = Pazar
analytics-col-origin = Menşe
analytics-col-shop = Mağaza
analytics-col-product = Ürün
analytics-col-day = Gün
analytics-csv = CSV olarak indir
analytics-none = Henüz satış yok.
