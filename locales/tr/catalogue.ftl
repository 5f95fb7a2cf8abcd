## Alışveriş kataloğu: ana sayfa, ürün listeleri, arama, ürün sayfaları.

home-title = Dört ülkeden el yapımı ve yerel ürünler
home-hero-title = Yerel üreticilerden doğrudan alışveriş yapın
home-hero-text = Gzhel ve İznik seramikleri, Floransa ve Ubrique deri ürünleri, çay, tatlılar ve çok daha fazlası — Rusya, Türkiye, İtalya ve İspanya'daki küçük dükkânlardan doğrudan size.
home-origins-title = Ülkeye göre alışveriş yapın
home-categories-title = Kategoriler
home-newest-title = Yeni ürünler
catalogue-product-count =
    { $count ->
       *[other] { $n } ürün
    }
listing-filters = Filtreler
listing-origin = Gönderim ülkesi
listing-category = Kategoriler
listing-price = Fiyat
listing-price-min = En az
listing-price-max = En çok
listing-availability = Stok durumu
listing-in-stock = Sadece stokta olanlar
listing-rating = Müşteri puanı
listing-top-rated = 4★ ve üzeri
listing-sort = Sırala
listing-apply = Uygula
listing-clear = Filtreleri temizle
listing-results = Sonuçlar
listing-page-of = Sayfa { $page } / { $pages }
listing-prev = Önceki
listing-next = Sonraki
listing-pagination = Sayfalar
listing-empty = Bu filtrelere uygun ürün bulunamadı. Filtrelerden birini kaldırmayı deneyin.
sort-relevance = En alakalı
sort-newest = En yeniler
sort-price-asc = En düşük fiyat
sort-price-desc = En yüksek fiyat
sort-rating = En yüksek puanlı
search-title = Arama
search-results-for = “{ $query }” için sonuçlar
search-no-results = “{ $query }” için sonuç bulunamadı. Yazımı kontrol edin veya daha genel bir kelime deneyin.
search-too-short = Aramak için en az iki harf yazın.
search-too-long = Bu kelime arama için çok uzun. Daha kısa bir kelime deneyin.
search-did-you-mean = Bunu mu demek istediniz: { $query }?
search-suggest-category = Kategori
search-suggest-shop = Mağaza
search-matching-categories = Eşleşen kategoriler
search-suggest-label = Öneriler
card-ships-from = { $country } çıkışlı
product-ships-from = Gönderim ülkesi: { $country }
product-merchant-price = Satıcı fiyatı: { $price }
product-in-stock =
    { $count ->
       *[other] Stokta { $n } adet
    }
product-out-of-stock = Tükendi
product-sold-by = Satıcı:
product-description = Ürün açıklaması
product-gallery = Ürün fotoğrafları
product-sku = Ürün kodu
product-listed-on = Eklenme tarihi
origin-heading-ru = Rusya'da üretildi
origin-heading-tr = Türkiye'de üretildi
origin-heading-it = İtalya'da üretildi
origin-heading-es = İspanya'da üretildi
origin-intro-ru = Rus atölyelerinden Gzhel porseleni, Pavlovo Posad şalları, Altay balı ve çok daha fazlası.
origin-intro-tr = Türk üreticilerden İznik çinileri, Bursa ipeği, Anadolu kilimleri ve lokum.
origin-intro-it = Floransa derisi, majolika, Como ipeği ve İtalyan mutfağının klasikleri.
origin-intro-es = Talavera seramikleri, Ubrique derisi, espadriller ve İspanyol lezzetleri.
product-delivery = { $country } için kargo: { $cost } · { $days }
product-free-shipping = ücretsiz
product-no-delivery = Bu mağaza şu ülkeye gönderim yapmıyor: { $country }. Kargo koşullarını görmek için sayfanın üstünden başka bir ülke seçin.
listing-ships-to-me = Gönderim yapılan ülke: { $country }
card-delivery = Kargo { $cost } · { $min ->
    [0] en fazla { $max } gün
   *[other] { $min }–{ $max } gün
}
