## Doğrulanmış alıcıların değerlendirmeleri, mağaza yanıtları, şikâyetler ve moderasyon.

merchant-nav-reviews = Değerlendirmeler
staff-nav-reviews = Değerlendirmeler
review-heading = Değerlendirmeler
review-none = Henüz değerlendirme yok.
review-none-match = Bu filtrelere uyan değerlendirme yok.
review-rated = 5 üzerinden { $average } puan
review-rated-count = { $count ->
    [one] 5 üzerinden { $average } puan, { $n } değerlendirme
   *[other] 5 üzerinden { $average } puan, { $n } değerlendirme
}
review-count = { $count ->
    [one] { $n } değerlendirme
   *[other] { $n } değerlendirme
}
review-stars = { $count ->
    [one] { $n } yıldız
   *[other] { $n } yıldız
}
review-see-all = { $count ->
    [one] Değerlendirmeyi oku
   *[other] { $n } değerlendirmenin tümünü oku
}
review-distribution = Değerlendirmelerin yıldız sayısına göre dağılımı
review-bought-in = satın alındığı ülke: { $country }
review-written-in = { $lang ->
    [ru] Rusça yazılmış
    [tr] Türkçe yazılmış
    [it] İtalyanca yazılmış
    [es] İspanyolca yazılmış
   *[en] İngilizce yazılmış
}
review-photo-alt = { $author } tarafından eklenen fotoğraf
review-reply-label = Mağazanın yanıtı
review-page-title = { $product } değerlendirmeleri
review-filter-stars = Yıldız
review-filter-all-stars = Tüm puanlar
review-filter-lang = Dil
review-filter-all-langs = Tüm diller
review-filter-photos = Yalnızca fotoğraflı olanlar
review-filter-apply = Göster
review-report = Değerlendirmeyi şikâyet et
review-report-which = { $author } adlı alıcının değerlendirmesi için şikâyet nedeni
review-report-send = Şikâyet et
review-reason-spam = Spam veya reklam
review-reason-offensive = Saldırgan veya hakaret içeren
review-reason-off-topic = Bu ürünle ilgili değil
review-reason-other = Başka bir neden
review-reported = Teşekkür ederiz. Ekibimiz bu değerlendirmeyi inceleyecek.
review-reported-already = Bu değerlendirmeyi zaten şikâyet ettiniz.
review-report-throttled = Son bir saat içinde çok sayıda şikâyet gönderdiniz. Lütfen daha sonra tekrar deneyin.
review-write-title = Satın aldığınız ürünü değerlendirin
review-order = { $number } numaralı sipariş
review-field-rating = Puanınız
review-field-title = Başlık (isteğe bağlı)
review-field-body = Değerlendirmeniz (isteğe bağlı)
review-field-lang = Yazdığınız dil
review-field-photos = { $count ->
    [one] Fotoğraf (isteğe bağlı, en fazla { $n })
   *[other] Fotoğraflar (isteğe bağlı, en fazla { $n })
}
review-submit = Değerlendirmeyi yayınla
review-thanks = Değerlendirmeniz için teşekkür ederiz. Değerlendirmeniz artık ürün sayfasında yayında.
review-rating-required = 1 ile 5 arasında yıldız seçin.
review-title-too-long = Başlık en fazla 120 karakter olabilir.
review-text-too-long = Değerlendirmeniz en fazla 5.000 karakter olabilir.
review-lang-required = Değerlendirmenizi hangi dilde yazdığınızı seçin.
review-too-many-photos = En fazla 4 fotoğraf ekleyebilirsiniz.
review-not-bought = Yalnızca satın aldığınız ürünleri değerlendirebilirsiniz.
review-not-delivered = Bu ürünü siparişiniz teslim edildikten sonra değerlendirebilirsiniz.
review-already = Bu ürünü zaten değerlendirdiniz.
review-back-to-orders = Siparişlerime dön
review-invite = Bu ürünü değerlendir
review-reviewed = Bu ürünü değerlendirdiniz
review-shop-title = Ürünlerinize yapılan değerlendirmeler
review-shop-intro = Alıcıların ürünlerinize yaptığı değerlendirmeler, en yeniden başlayarak. Her değerlendirmeye bir kez, herkese açık olarak yanıt verebilir ve yanıtınızı daha sonra düzenleyebilirsiniz. Değerlendirmeler mağaza tarafından değiştirilemez veya kaldırılamaz.
review-reply-write = Herkese açık yanıt ver
review-reply-edit = Herkese açık yanıtınızı düzenleyin
review-reply-send = Yanıtı yayınla
review-reply-saved = Yanıtınız yayınlandı.
review-reply-required = Önce bir yanıt yazın.
review-reply-too-long = Yanıt en fazla 2.000 karakter olabilir.
review-queue-title = Değerlendirme moderasyonu
review-queue-intro = Kullanıcıların şikâyet ettiği değerlendirmeler: önce en çok şikâyet edilenler, ardından gizlenmiş değerlendirmeler. Gizlemek için bir neden belirtmek gerekir ve bu neden alıcının değerlendirmesiyle birlikte saklanır; gizlenen bir değerlendirme geri yüklenebilir. Her karar denetim kaydına işlenir.
review-reports = { $count ->
    [one] { $n } şikâyet
   *[other] { $n } şikâyet
}
review-hide-reason = Gizleme nedeni
review-hide = Gizle
review-hide-reason-required = Değerlendirmeyi neden gizlediğinizi yazın.
review-hidden = Değerlendirme gizlendi ve artık puanlara dahil edilmiyor.
review-hidden-because = Gizlendi: { $reason }
review-restore = Geri yükle
review-restored = Değerlendirme yeniden gösteriliyor.
mail-note-order-delivered-shopper = Diğer alışverişçilere ne düşündüğünüzü anlatın: siparişinizi açıp “Bu ürünü değerlendir” bağlantısını seçin. Değerlendirmenizde adınız, soyadınızın baş harfi ve ülkeniz görünür.
