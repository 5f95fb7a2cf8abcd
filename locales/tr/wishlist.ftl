## İstek listesi.

wishlist-title = İstek listeniz
wishlist-save = Kaydet
wishlist-count = { $count ->
    [one] { $n } kayıtlı ürün
   *[other] { $n } kayıtlı ürün
}
wishlist-empty = Henüz kayıtlı ürün yok. Bir ürünü daha sonra bulmak için “Kaydet” düğmesini kullanın.
wishlist-guest-note = Listenizin tüm cihazlarınızda olması için giriş yapın; giriş yaptığınızda hesabınızın listesine eklenir.
wishlist-added = İstek listenize kaydedildi.
wishlist-already = Bu ürün zaten istek listenizde.
wishlist-full = İstek listeniz dolu. Önce bir ürünü çıkarın.
wishlist-removed = İstek listenizden çıkarıldı.
wishlist-remove = Çıkar
wishlist-price-dropped = Fiyatı düştü
wishlist-in-stock = Stokta var
nav-wishlist = İstek listesi
wishlist-saved = Kaydedildi
wishlist-away = { $count ->
    [one] Kaydettiğiniz { $n } ürün şu anda satışta değil; mağazası yeniden satışa sunduğunda burada görünecek.
   *[other] Kaydettiğiniz { $n } ürün şu anda satışta değil; mağazaları yeniden satışa sunduğunda burada görünecekler.
}
