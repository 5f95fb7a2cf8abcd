# Seçeneklerin ve değerlerin her dilde adları (personel: ortak liste; satıcılar: kendi seçenekleri).
staff-nav-options = Seçenekler
option-shared-title = Ortak seçenekler
option-shared-intro = Her mağazanın kullanabileceği bedenler, renkler ve ağırlıklar. Alışverişçiler her dildeki adlarına göre filtreler ve arar; filtre olarak işaretlenen seçenekler listelerde tüm mağazalardaki sayılarıyla görünür.
option-own-title = Seçenekleriniz
option-own-intro = Ürünleriniz için oluşturduğunuz seçenekler (varyant düzenleyicide ya da içe aktarmayla) ve çevrilmesi gerekenler. Ortak seçenekleri (beden, renk…) Caravan çevirir.
option-own-link = Seçenekleriniz ve değerleri diğer dillerde
option-back = Seçeneklere dön
option-back-translations = Çevirilere dön
option-none = Henüz seçenek yok.
option-col-name = Seçenek
option-col-values = Değerler
option-facet-badge = Filtre
option-missing = Eksik diller: { $languages }
option-value-count = { $count ->
    [one] { $n } değer:
   *[other] { $n } değer:
}
option-products = { $count ->
    [0] Bu seçenekle henüz satılan ürün yok.
   *[other] Bu seçenekle { $n } ürün satılıyor.
}
option-names-legend = Seçeneğin adı
option-values-title = Değerler
option-new-value-legend = Yeni değer
option-new-value-hint = Değer eklemek için en az bir dili doldurun; eklememek için hepsini boş bırakın.
option-facet-label = Alışverişçiler listeleri bu seçeneğe göre filtreleyebilir
option-save = Adları kaydet
option-saved = Adlar kaydedildi. Bu seçenekle satılan ürünler arka planda yeniden dizinlendiğinde arama yeni adları bulur.
option-create-title = Yeni ortak seçenek
option-create = Seçenek oluştur
option-created = Seçenek oluşturuldu. Şimdi değerlerini ekleyin.
option-error-name-needed = En az bir dilde ad girin.
option-error-name-taken = Bu seçeneğin başka bir değeri bu dilde zaten bu adı taşıyor.
option-error-option-taken = Bir ortak seçenek bu dilde zaten bu adı taşıyor.
