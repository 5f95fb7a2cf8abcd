## Satıcı paneli: genel bakış, mağaza profili, kargo, ürünler, görseller, çeviriler, CSV.

merchant-nav-label = Mağazanız
merchant-nav-overview = Genel bakış
merchant-nav-products = Ürünler
merchant-nav-translations = Çeviriler
merchant-nav-shipping = Kargo
merchant-nav-profile = Mağaza profili
merchant-nav-import = İçe ve dışa aktarma
merchant-suspended-banner = Mağazanız Caravan ekibi tarafından askıya alındı: alıcılar mağazanızı göremiyor. Kataloğunuzu düzenlemeye devam edebilirsiniz; gerekçeyi başvuru sayfanızda bulabilirsiniz.
merchant-saved = Kaydedildi.
merchant-save = Kaydet
merchant-page-of = Sayfa { $page } / { $pages }
merchant-filter-all = Tümü

merchant-dashboard-title = Mağazaya genel bakış
merchant-view-shop = Mağazanızı alıcıların gördüğü gibi görün
merchant-todo-title = Yapılacaklar
merchant-todo-shipping = Nereye ve hangi ücretle kargo gönderdiğinizi belirleyin
merchant-todo-product = İlk ürününüzü ekleyin
merchant-todo-logo = Mağaza logonuzu yükleyin
merchant-tile-open-orders = İşlem bekleyen siparişler
merchant-tile-live = Yayındaki ürünler
merchant-tile-draft = Taslaklar
merchant-tile-out-of-stock = Yayında ama stokta yok
merchant-tile-archived = Arşivlenenler
merchant-coverage-title = Çeviri durumu
merchant-coverage-intro = Alıcılar ürünlerinizi kendi dillerinde okur. Alıcının dilinde çevirisi olmayan ürünler, yazdığınız dilde gösterilir.
merchant-coverage-language = Dil
merchant-coverage-translated = Çevrilen ürünler
merchant-coverage-count = { $done } / { $total }

merchant-profile-title = Mağaza profili
merchant-logo-title = Logo
merchant-logo-alt = Mevcut logonuz
merchant-logo-file = Logo görseli
merchant-logo-upload = Logo yükle
merchant-descriptions = Mağazanız hakkında (dillere göre)
merchant-description-in = Mağazanız hakkında ({ $language })
merchant-currency-fixed = Fiyatlarınız ülkenizin para birimi olan { $currency } cinsindendir. Alıcılar fiyatları kendi para birimlerine çevrilmiş olarak görür.
field-original-lang = Yazdığınız dil
field-name = Ad

merchant-shipping-title = Kargo
merchant-shipping-intro = Kargo gönderdiğiniz her ülkeyi veya bölgeyi işaretleyin; sipariş başına sabit bir ücret ve iş günü cinsinden teslimat süresi girin. Bir ülkenin kendi satırı bölgesinin satırından önce gelir; "Diğer tüm ülkeler" hiçbir satırda yer almayan bütün ülkeleri kapsar.
shipping-currency-note = Ücretler { $currency } cinsindendir; { $example } şeklinde yazın.
shipping-destination = Teslimat yeri
shipping-rate = Sipariş başına ücret
shipping-days-min = En kısa (iş günü)
shipping-days-max = En uzun (iş günü)
shipping-everywhere-else = Diğer tüm ülkeler
shipping-zone-eu = Avrupa Birliği
shipping-zone-europe = AB dışındaki Avrupa
shipping-zone-cis = BDT ve Orta Asya
shipping-rate-for = { $destination } için kargo ücreti
shipping-days-min-for = { $destination } için en kısa teslimat süresi (iş günü)
shipping-days-max-for = { $destination } için en uzun teslimat süresi (iş günü)
shipping-days-invalid = 0 ile 120 arasında tam sayı olarak bir gün sayısı girin.
shipping-days-order = En uzun teslimat süresi, en kısa teslimat süresinden az olamaz.

merchant-products-title = Ürünler
merchant-products-search = Ürünlerinizde arayın (ürün adı veya SKU)
merchant-sort-updated = Son değiştirilenler
merchant-sort-newest = Önce en yeniler
merchant-sort-price-asc = Fiyat: düşükten yükseğe
merchant-sort-price-desc = Fiyat: yüksekten düşüğe
merchant-sort-stock-asc = Stok: önce en az olanlar
merchant-products-count = { $count ->
    [one] { $n } ürün
   *[other] { $n } ürün
}
merchant-products-none = Eşleşen ürün yok.
merchant-col-image = Görsel
merchant-col-product = Ürün
merchant-col-languages = Diller
field-sku = SKU (stok kodu)
field-category = Kategori
field-price = Fiyat
field-stock = Stok
field-status = Durum
product-status-draft = Taslak
product-status-active = Yayında
product-status-archived = Arşivlendi

product-new-title = Yeni ürün
product-edit-title = Ürünü düzenle
product-view-live = Mağazada görüntüle
product-basics = Temel bilgiler
product-sku-hint = Bu ürün için kendi kodunuz: harfler, rakamlar ve - _ . /
product-category-choose = Bir kategori seçin
product-price-in = Fiyat ({ $currency })
product-price-hint = Alıştığınız şekilde yazın, örneğin { $example }.
product-weight-grams = Gram cinsinden ağırlık (isteğe bağlı)
product-original-hint = Bu ürünü yazdığınız dil. Kendi dilinde çevirisi olmayan alıcılar ürünü bu dilde görür.
product-title = Ürün adı
product-description-field = Açıklama
product-slug = URL adresi (isteğe bağlı)
product-slug-hint = Boş bırakırsanız ürün adından oluşturulur.
product-sku-invalid = Yalnızca harf, rakam ve - _ . / kullanın; en fazla 64 karakter.
product-sku-taken = Bu SKU başka bir ürününüzde zaten kullanılıyor.
product-category-invalid = Listeden bir kategori seçin.
product-status-invalid = Bir durum seçin.
product-price-invalid = Fiyatı örnekteki gibi yazın.
product-price-range = Fiyat sıfırdan büyük ve en fazla 100 milyon olmalıdır.
product-stock-invalid = 0 ile 1.000.000 arasında bir tam sayı girin.
product-weight-invalid = Ağırlığı gram cinsinden tam sayı olarak girin veya boş bırakın.
product-original-invalid = Dillerden birini seçin.
product-original-title-required = Ürün adının asıl dilinizde girilmesi zorunludur.
product-title-needed = Bu dilde bir ürün adı ekleyin veya bu dildeki diğer alanları temizleyin.
product-duplicated = Taslak olarak kopyalandı. Farklı olan bilgileri değiştirip yayınlayın.
product-deleted = Ürün silindi.
product-delete-ordered = Bu ürün sipariş edildiği için silinemez. Bunun yerine arşivleyebilirsiniz.
product-more-actions = Diğer işlemler
product-duplicate = Kopyasını oluştur
product-archive = Arşivle
product-unarchive = Taslak olarak geri yükle
product-delete = Sil
product-delete-hint = Yalnızca hiç sipariş edilmemiş ürünler silinebilir; arşivleme ise ürünü gizler ve geçmişini korur.

product-images-title = Görseller
product-images-add = Görsel ekle
product-images-upload = Yükle
product-images-added = Görseller eklendi.
product-image-deleted = Görsel silindi.
product-image-cover = Kapak
product-image-up = Öne taşı
product-image-down = Arkaya taşı
product-image-delete = Görseli sil
product-alt-in = Görme engelli alıcılar için açıklama ({ $language })
product-alt-save = Açıklamaları kaydet
product-image-slots = { $count ->
    [one] { $n } görsel daha ekleyebilirsiniz.
   *[other] { $n } görsel daha ekleyebilirsiniz.
}
upload-rules = JPEG, PNG veya WebP; her biri en fazla 10 MB. Görseller yeniden boyutlandırılır ve gizli verileri (ör. konum bilgisi) silinir.
upload-none = En az bir dosya seçin.
upload-not-image = bu dosya bir JPEG, PNG veya WebP görseli değil.
upload-unsupported = bu görsel biçimi kabul edilmiyor; JPEG, PNG veya WebP kullanın.
upload-too-large = bu dosya 10 MB'tan büyük.
upload-too-many-pixels = bu görselde çok fazla piksel var (32 megapikselden fazla veya bir kenarı 12.000 pikselden uzun).
upload-too-many = { $count ->
    [0] Bu ürün zaten en fazla görsel sayısına (8) ulaştı.
    [one] Yalnızca { $n } görsel daha eklenebilir (en fazla 8).
   *[other] Yalnızca { $n } görsel daha eklenebilir (en fazla 8).
}

coverage-title = Çeviriler
coverage-intro = Hangi ürününüzde hangi dilin eksik olduğunu burada görebilirsiniz. Her pazardaki alıcılara ulaşmak için eksikleri tamamlayın.
coverage-filter = Göster
coverage-all = Tüm ürünler
coverage-missing = Eksik dil: { $language }

import-title = İçe ve dışa aktarma
export-title = Dışa aktar
export-intro = Tüm ürünlerinizi tablo dosyası (CSV, UTF-8) olarak indirin: her ürün için bir satır (beden, renk ya da ağırlıkla satılan ürünlerde her varyant için bir satır) ve her dil için sütunlar.
export-download = CSV indir
import-upload-title = İçe aktar
import-intro = Ürün oluşturmak veya ürünleri SKU'ya göre güncellemek için aynı biçimde bir dosya yükleyin. Önce dosyanın tamamını kontrol eder ve tüm sorunları gösteririz; siz onaylayana kadar hiçbir şey değişmez, onayladığınızda ise ya tüm satırlar uygulanır ya da hiçbiri.
import-columns = Sütunlar
import-columns-hint = Ayırıcılar: "," ";" veya sekme; fiyatlar 1299.50 ya da 1.299,50 şeklinde; kategoriler anahtarı, adresi (slug) veya herhangi bir dildeki adıyla (anahtarlar aşağıda); durum draft (taslak), active (yayında) veya archived (arşivlendi). Dosyada sütunu olmayan dillerin mevcut metinleri korunur.
import-category-keys = Kategori anahtarları
import-category = Kategori
import-category-key = Anahtar
import-file = CSV dosyası
import-check = Dosyayı kontrol et
import-apply = İçe aktarmayı uygula
import-ready = { $count ->
    [one] Dosyada sorun yok: { $created } yeni ürün eklenecek, { $updated } ürün güncellenecek.
   *[other] Dosyada sorun yok: { $created } yeni ürün eklenecek, { $updated } ürün güncellenecek.
}
import-problems = { $count ->
    [one] { $n } sorun bulundu
   *[other] { $n } sorun bulundu
}
import-nothing-applied = Hiçbir şey değiştirilmedi. Dosyayı düzeltip yeniden kontrol edin.
import-col-line = Satır
import-col-column = Sütun
import-col-problem = Sorun
import-line = satır { $line }
import-done = İçe aktarma tamamlandı.
import-file-too-large = Dosya 20 MB'tan büyük.
import-not-utf8 = Dosya UTF-8 biçiminde değil. Dosyayı "CSV UTF-8" olarak kaydedip yeniden deneyin.
import-empty = Dosyada hiç ürün yok.
import-missing-column = İlk satırda "{ $column }" sütunu eksik.
import-too-many-rows = Dosyada { $column } satırdan fazla var; lütfen dosyayı bölün.
import-row-unreadable = Bu satır okunamadı (tırnak işaretlerini kontrol edin).
import-currency-mismatch = Para birimi mağazanızınkinden farklı.
import-duplicate-sku = Bu SKU { $line }. satırda zaten var.
import-expired = Bu kontrolün süresi doldu veya kontrol zaten uygulandı. Dosyayı yeniden yükleyin.
import-changed = Kontrolden sonra kataloğunuz değişti. Dosyayı yeniden yükleyin.
