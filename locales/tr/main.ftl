## Site çerçevesi: üst bilgi, alt bilgi, gezinme, pazar.

site-name = Caravan
site-tagline = Rusya, Türkiye, İtalya ve İspanya'dan yerel üreticiler, kapınıza kadar.
nav-skip = İçeriğe geç
nav-home = Ana sayfa
nav-language = Dil
nav-menu = Menü
nav-breadcrumbs = Sayfa yolu
search-label = Ürün ara
search-placeholder = Çanta, çay, seramik ara…
search-button = Ara
market-label = Teslimat ve para birimi
market-title = Siparişinizi nereye gönderelim, fiyatları hangi para biriminde görmek istersiniz?
market-ship-to = Teslimat ülkesi
market-currency = Para birimi
market-apply = Kaydet
footer-note = Fiyatlar, satıcının para biriminden günün kuruyla çevrilir; ödeme adımında gösterilen fiyatı ödersiniz.
market-other-country = Başka bir ülke
market-page-title = Nereye gönderelim
market-page-intro = Gönderim ülkesini ve fiyatları görmek istediğiniz para birimini seçin. Tüm ülkeler listelenir; her ürün, mağazasının oraya gönderim yapıp yapmadığını belirtir.
market-currency-default = O ülkede olağan olan
