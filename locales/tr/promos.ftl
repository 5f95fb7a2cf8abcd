## Kampanyalar: kampanya sayfaları, rozetler, personel düzenleyicisi ve satıcı görünümü.

promos-link = Fırsatlar
promos-title = Fırsatlar ve kampanyalar
promos-live = Şu an devam edenler
promos-upcoming = Yakında
promos-none-live = Şu anda devam eden bir kampanya yok.
promos-none-upcoming = Henüz duyurulan bir kampanya yok.
promos-all = Tüm fırsatlar
promo-featured = Sizin için seçtiklerimiz
promo-all-products = Bu kampanyadaki tüm ürünler
promo-badge = −%{ $percent } · { $title }
promo-discount = −%{ $percent }
price-was = Eski fiyat
promo-starts-in = { $duration } sonra başlıyor
promo-ends-in = Bitmesine { $duration } kaldı
promo-ended-on = { $date } tarihinde sona erdi
promo-ended-text = Bu kampanya sona erdi.
promo-preview-banner = Önizleme: alıcılar bu sayfayı { $at } tarihinde böyle görecek. Bu önizleme alıcılara gösterilmez.
duration-days = { $count ->
    [one] { $n } gün
   *[other] { $n } gün
}
duration-hours = { $count ->
    [one] { $n } saat
   *[other] { $n } saat
}
duration-minutes = { $count ->
    [one] { $n } dakika
   *[other] { $n } dakika
}

promos-staff-title = Kampanyalar
promos-none-staff = Henüz kampanya yok.
promo-window = Geçerlilik tarihleri
promo-preview = Önizleme
promo-preview-at-start = Bu dilde, başlangıç anındaki hâliyle önizle
promo-status-draft = Taslak
promo-status-published = Yayında
promo-new-title = Yeni kampanya
promo-edit-title = Kampanyayı düzenle
promo-publish = Yayınla
promo-unpublish = Yayından kaldır
promo-duplicated = Taslak olarak kopyalandı.
promo-deleted = Kampanya silindi.
promo-delete-published = Kampanyayı silmeden önce yayından kaldırın.
promo-hero = Banner görseli
promo-hero-file = Görsel dosyası
promo-hero-upload = Görseli yükle
promo-schedule = Tarihler ve indirim
promo-field-name = Dahili ad
promo-field-discount = İndirim (%)
promo-field-starts = Başlangıç
promo-field-ends = Bitiş
promo-field-zone = Bu saatlerin saat dilimi
promo-field-position = Ana sayfadaki sırası
promo-field-position-hint = Küçük sayılar önce gösterilir.
promo-field-title = Başlık
promo-field-subtitle = Alt başlık
promo-field-body = Metin
promo-field-body-hint = Markdown: **kalın**, *italik*, [bağlantılar](https://…), listeler. Komut dosyaları ve güvenli olmayan bağlantılar kaldırılır.
promo-field-alt = Banner görseli açıklaması
promo-targets = Kampanyadaki ürünler
promo-targets-hint = Ülkesi, mağazası, kategorisi veya kendi numarası burada seçilen ürünler kampanyaya dahil olur.
promo-target-origins = Menşe ülkeleri
promo-target-merchants = Mağazalar
promo-target-categories = Kategoriler (alt kategorileriyle birlikte)
promo-target-products = Tek tek seçilen ürünler
promo-featured-ids = Öne çıkan ürünler (gösterim sırasıyla)
promo-ids-hint = Virgülle ayrılmış ürün numaraları, ör. 12, 40, 7.
promo-discount-invalid = 1 ile 90 arasında tam sayı bir yüzde girin.
promo-zone-invalid = Bir saat dilimi seçin.
promo-date-invalid = Bir tarih ve saat girin.
promo-ends-before-start = Bitiş, başlangıçtan sonra olmalıdır.
promo-position-invalid = 0 ile 999 arasında bir tam sayı girin.
promo-ids-invalid = Ürün numaralarını virgülle ayırarak yazın.
promo-ids-unknown = Bu ürünlerden bazıları mevcut değil.
promo-title-en-required = İngilizce başlık zorunludur: çevirisi olmayan dillerde bu başlık gösterilir.
promo-slug-taken = Bu adres, bu dilde başka bir kampanya tarafından zaten kullanılıyor.
promo-targets-required = Yayınlamadan önce en az bir ülke, mağaza, kategori veya ürün seçin.

merchant-nav-promos = Kampanyalar
staff-nav-promos = Kampanyalar
merchant-promos-title = Ürünlerinizin yer aldığı kampanyalar
merchant-promos-intro = Ürünleriniz Caravan kampanyalarına otomatik olarak dahil edilir. Burada alıcıların her kampanya süresince ne ödediğini görebilirsiniz; size de kampanya fiyatı ödenir.
merchant-promos-none = Ürünlerinizden hiçbiri devam eden veya yaklaşan bir kampanyada yer almıyor.
merchant-promos-regular = Normal fiyat
merchant-promos-price = Kampanya fiyatı
merchant-promos-more = { $count ->
    [one] …ve { $n } ürün daha.
   *[other] …ve { $n } ürün daha.
}
time-in-zone = { $time } ({ $zone })
promo-field-funded-by = İndirimi kim karşılıyor
promo-field-funded-by-hint = Mağazalar fiyatlarını düşürür ya da pazaryeri her kartlı satışta indirimi mağazalara öder (hesap dökümlerinde görünür).
promo-funded-shop = Mağazalar
promo-funded-platform = Pazaryeri

## Hedef kitle, yerel saatler, indirim payları.
promo-not-here = Bu kampanya bölgenizde veya dilinizde sunulmuyor. Sizi başka fırsatlar bekliyor.
promo-funded-split = Mağaza ve pazaryeri ortaklaşa
promo-field-platform-share = İndirimde pazaryerinin payı (%)
promo-field-platform-share-hint = Yalnızca indirim paylaşıldığında geçerlidir: kampanya yüzdesinin bu kısmını pazaryeri, kalanını mağaza öder.
promo-share-invalid = 1 ile 99 arasında tam sayı bir yüzde girin.
promo-audience = Kampanyayı kimler görür
promo-audience-hint = Seçilen pazarlar ve diller dışındaki alıcılar kampanyayı, fiyatlarını ve sayfasını hiçbir zaman görmez. Herkese göstermek için hiçbirini seçmeyin.
promo-audience-markets = Pazarlar (alıcıların teslimat ülkeleri)
promo-audience-languages = Diller
promo-options = Seçenekler
promo-flag-local-times = Her pazarda yerel saate göre başlasın ve bitsin (Madrid'de 00:00 ile Moskova'da 00:00 farklı anlardır)
promo-flag-open-to-merchants = Satıcılara açık: mağazalar kendi ürünleriyle bu indirim oranında veya daha yüksek bir oranda katılabilir
promo-instants = Her pazarda kesin başlangıç ve bitiş
promo-instants-market = Pazar
promo-instants-elsewhere = Diğer tüm ülkeler (UTC)
promo-window-local = { $start } → { $end }, her pazarda yerel saatle

## Satıcılara açık kampanyalara mağazaların katılımı.
join-open-title = Katılabileceğiniz kampanyalar
join-open-none = Şu anda mağazalara açık bir kampanya yok.
join-minimum = En az { $discount }
join-joined-count = { $count ->
    [one] Kampanyada { $n } ürün
   *[other] Kampanyada { $n } ürün
}
join-open-link = Ürünleri seçin
join-search = Ürünlerinizi bulun (herhangi bir dilde veya SKU ile)
join-search-button = Ara
join-no-match = Ürünlerinizden hiçbiri eşleşmiyor.
join-products = Ürünleriniz
join-pick = Ekle
join-current = Şu an kampanyada
join-more = Başka ürünler de eşleşiyor: görmek için aramanızı daraltın.
join-percent = İndiriminiz (%)
join-submit = Seçilen ürünlerle katıl
join-leave = Kampanyadan ayrıl
join-saved = Ürünleriniz kampanyaya dahil edildi.
join-left = Kampanyadan ayrıldınız.
join-not-open = Bu kampanya artık mağazalara açık değil.
join-percent-invalid = Kampanyanın en düşük indirim oranı ile 90 arasında tam sayı bir yüzde girin.
join-no-products = Ürünlerinizden en az birini seçin.
join-leave-started = Kampanya başladı: artık kampanyadan ayrılamazsınız.

## Düzenleyici: pazara göre önizleme, gelecek yıl için kopya.
promo-duplicate-next-year = Gelecek yıl için kopyala
promo-preview-lang = Dil
promo-preview-market = Pazar
promo-preview-at = Tarih ve saat (kendi saat diliminizde)
promo-find-products = Adına göre ürün, mağaza ve kategori ekle
promo-find-label = Herhangi bir dilde bir ad
promo-find-none = Eşleşen ürün yok.
promo-find-results = Bulunan ürünler
promo-find-add = İşaretlenen ürünleri ekle
