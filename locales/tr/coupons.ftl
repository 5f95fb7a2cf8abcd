## İndirim kodları: sepet, ödeme adımı, personel ve satıcı sayfaları.

coupon-field = İndirim kodu
coupon-apply = Uygula
coupon-remove = Kodu kaldır
coupon-line = İndirim kodu { $code }
coupon-entered = İndirim kodu eklendi.
coupon-removed = İndirim kodu kaldırıldı.
coupon-unknown = Böyle bir indirim kodu yok. Doğru yazdığınızı kontrol edin.
coupon-throttled = Bu bağlantıdan çok fazla kod denendi. Birkaç dakika bekleyip yeniden deneyin.
coupon-not-yet = Bu indirim kodu henüz geçerli değil.
coupon-expired = Bu indirim kodunun süresi doldu.
coupon-not-in-market = Bu indirim kodu bölgenizde kullanılamıyor.
coupon-used-up = Bu indirim kodu izin verilen kullanım sayısına ulaştı.
coupon-already-used = Bu indirim kodunu zaten kullandınız.
coupon-below-minimum = Bu indirim kodu { $amount } ve üzeri siparişlerde geçerlidir.
coupon-wrong-shop = Bu indirim kodu başka bir mağazanın ürünleri için geçerlidir.
coupon-sign-in = Bu indirim kodunu kullanmak için giriş yapın.

staff-nav-coupons = İndirim kodları
merchant-nav-coupons = İndirim kodları
coupons-title = İndirim kodları
coupons-intro-staff = Pazaryeri kodları tüm mağazalarda geçerlidir; indirimi pazaryeri öder.
coupons-intro-merchant = Kodlarınız yalnızca mağazanızın ürünlerinde geçerlidir; indirimi mağazanız öder.
coupons-none = Henüz indirim kodu yok.
coupon-col-code = Kod
coupon-col-discount = İndirim
coupon-col-window = Geçerlilik
coupon-col-markets = Pazarlar
coupon-col-uses = Kullanım
coupon-col-status = Durum
coupon-csv = Kodları indir (CSV)
coupon-over = { $amount } ve üzeri
coupon-everywhere = Her yerde
coupon-active = Etkin
coupon-inactive = Devre dışı
coupon-deactivate = Devre dışı bırak
coupon-activate = Etkinleştir
coupon-batch-uses = { $count ->
    [one] { $n } kod
   *[other] { $n } kod
}
coupon-new = Yeni indirim kodu
coupon-create = Oluştur
coupon-created = İndirim kodları oluşturuldu.
coupon-field-code = Kod
coupon-field-code-hint = Harf, rakam ve tire; ör. BF5. Toplu oluşturmada: en fazla 12 karakterlik isteğe bağlı bir ön ek.
coupon-field-count = Kod sayısı
coupon-field-count-hint = Herkesin kullanabileceği tek bir kod için 1; CSV olarak dışa aktarılan, benzersiz kodlardan oluşan bir grup için daha fazlası (en fazla 5000).
coupon-field-kind = İndirim türü
coupon-kind-percent = Yüzde indirim
coupon-kind-amount = Tutar indirimi
coupon-field-value = İndirim
coupon-field-value-hint = Tam sayı bir yüzde (1–90) veya 5,00 gibi bir tutar.
coupon-field-currency = İndirim tutarının ve minimum sepet tutarının para birimi
coupon-field-min-spend = Minimum sepet tutarı
coupon-field-min-spend-hint = İsteğe bağlı: ürünlerin toplamı en az bu tutar olmalıdır. Başka para birimlerindeki sepetler için çevrilir.
coupon-field-max-uses = Toplam kullanım
coupon-field-per-account = Hesap başına kullanım
coupon-field-limit-hint = İsteğe bağlı: sınır koymamak için boş bırakın.
coupon-field-markets = Kodun geçerli olduğu pazarlar (hiçbiri seçilmezse her yerde)
coupon-count-invalid = 1 ile 5000 arasında bir tam sayı girin.
coupon-code-invalid = Harf, rakam ve tire kullanın (en fazla 32 karakter).
coupon-prefix-invalid = En fazla 12 karakter kullanın: harf, rakam ve tire.
coupon-percent-invalid = 1 ile 90 arasında tam sayı bir yüzde girin.
coupon-amount-invalid = 5,00 gibi bir tutar girin.
coupon-limit-invalid = En az 1 olan bir tam sayı girin veya boş bırakın.
coupon-code-taken = Bu kod zaten kullanılıyor. Başka bir kod seçin.
