## Sepet, ödeme, siparişler ve sipariş bildirimleri.

cart-link = { $count ->
    [0] Sepet
    [one] Sepet ({ $n })
   *[other] Sepet ({ $n })
}
orders-link = Siparişlerim
cart-title = Sepetiniz
cart-empty = Sepetiniz boş.
cart-continue = Alışverişe devam et
cart-add = Sepete ekle
cart-quantity = Adet
cart-update = Güncelle
cart-remove = Kaldır
cart-unit-price = Fiyat
cart-line-total = Tutar
cart-subtotal = Ürünler
cart-shipping = Kargo
cart-shop-total = Bu mağazanın toplamı
cart-total = Toplam
cart-merchant-total = (mağazanın para biriminde { $amount })
cart-ship-to = Teslimat ülkesi: { $country }. Ülkeyi sayfanın üst kısmından değiştirebilirsiniz.
cart-does-not-ship = Bu mağaza şu ülkeye gönderim yapmıyor: { $country }. Alışverişi tamamlamak için mağazanın ürünlerini kaldırın veya başka bir ülke seçin.
cart-delivery-days = { $min ->
    [0] { $max } gün içinde teslimat
   *[other] { $min }–{ $max } günde teslimat
}
cart-checkout = Alışverişi tamamla
cart-cannot-checkout = Bazı ürünler ülkenize gönderilemediği için alışverişi henüz tamamlayamazsınız.
cart-items-gone = { $count ->
    [one] Bir ürün artık satışta olmadığı için sepetinizden çıkarıldı.
   *[other] { $n } ürün artık satışta olmadığı için sepetinizden çıkarıldı.
}
cart-added = Sepetinize eklendi.
cart-updated = Sepetiniz güncellendi.
cart-removed = Sepetinizden çıkarıldı.
cart-capped = Stokta istediğiniz kadar ürün yok; kalanların tamamı artık sepetinizde.
cart-sold-out = Üzgünüz, bu ürün az önce tükendi.

checkout-address-title = Siparişinizi nereye teslim edelim?
checkout-step-address = Adres
checkout-step-review = Özet
checkout-step-done = Tamamlandı
checkout-continue = Sipariş özetine geç
checkout-ship-to-changed = Fiyatlar ve kargo artık adresinizdeki ülkeye göre hesaplanıyor.
field-full-name = Ad soyad
field-line1 = Cadde/sokak ve bina numarası
field-line2 = Daire, kat vb. (isteğe bağlı)
field-postal-code = Posta kodu
field-phone = Telefon
address-phone-hint = Kurye için ülke koduyla birlikte yazın, ör. +90 212 555 12 34.
address-country-invalid = Listeden bir ülke seçin.
address-phone-invalid = 7 ila 15 haneli bir telefon numarası yazın, ör. +90 212 555 12 34.
address-postal-invalid-six = Bu posta kodu 6 haneli olmalıdır, ör. 101000.
address-postal-invalid-five = Bu posta kodu 5 haneli olmalıdır, ör. 50122.
address-postal-invalid-gb = Posta kodunu bir boşlukla yazın, ör. SW1A 1AA.
address-postal-invalid-us = ZIP kodunu 94103 veya 94103-1234 biçiminde yazın.
address-postal-invalid-pt = Posta kodunu 1100-148 biçiminde yazın.
address-postal-invalid-pl = Posta kodunu 00-950 biçiminde yazın.
address-postal-invalid-nl = Posta kodunu 1012 AB biçiminde yazın.
address-postal-invalid-az = Posta kodunu AZ 1000 biçiminde yazın.
address-postal-invalid-other = Posta kodunu kontrol edin.
checkout-review-title = Siparişinizi kontrol edin
checkout-ship-to = Teslimat adresi
checkout-change-address = Adresi değiştir
checkout-payment = Ödeme
payment-bank-transfer = Havale/EFT (banka bilgileri her mağazanın siparişiyle birlikte iletilir)
payment-card = Kredi/banka kartı (Stripe ile güvenli ödeme)
payment-cash-on-delivery = Kapıda ödeme
checkout-payment-hint = Caravan'da kartınızdan ödeme alınmaz. Her mağaza ödemenizi onaylar ve ardından kargoya verir.
checkout-payment-required = Bir ödeme yöntemi seçin.
checkout-place = Siparişi onayla
checkout-cannot-ship = Sepetinizdeki bazı mağazalar bu adrese gönderim yapmıyor. Önce bu mağazaların ürünlerini sepetten kaldırın.
checkout-out-of-stock = Şu ürünlerde yeterli stok kalmadı: { $titles }. Sizden herhangi bir ödeme alınmadı; adetleri kontrol edip tekrar deneyin.
checkout-changed = Fiyatlar veya döviz kurları az önce değişti. Yeni toplamı kontrol edip siparişi yeniden onaylayın.
checkout-done-title = Siparişiniz için teşekkür ederiz!
checkout-done-intro = { $count ->
    [one] Siparişiniz alındı:
   *[other] Her mağaza için ayrı olmak üzere { $n } siparişiniz alındı:
}
checkout-done-next = Her mağaza ödemenizi onaylayıp paketinizi kargoya verecek. Tüm siparişlerinizi sipariş geçmişinizden takip edebilirsiniz.
checkout-already-placed = Bu alışveriş zaten tamamlandı; siparişleriniz aşağıda.

orders-title = Siparişler
orders-count = { $count ->
    [one] { $n } sipariş
   *[other] { $n } sipariş
}
orders-none = Henüz sipariş yok.
orders-from = Başlangıç
orders-to = Bitiş
orders-back = Tüm siparişler
order-title = Sipariş { $number }
order-number = Sipariş no.
order-placed = Sipariş tarihi
order-shop = Mağaza
order-delivery = Teslimat
order-tracking = Kargo takip numarası
order-timeline = Sipariş geçmişi
order-actions = İşlemler
order-status-awaiting-payment = Ödeme bekleniyor
order-status-paid = Ödendi
order-status-shipped = Kargoya verildi
order-status-delivered = Teslim edildi
order-status-cancelled = İptal edildi
order-action-paid = Ödendi olarak işaretle
order-action-shipped = Kargoya verildi olarak işaretle
order-action-delivered = Teslim edildi olarak işaretle
order-action-cancel = Siparişi iptal et
order-action-cancel-mine = Siparişimi iptal et
order-cancel-reason = Neden (alıcıya gösterilir)
order-cancel-reason-optional = Neden (isteğe bağlı)
order-cancel-reason-shown = İptal nedeni
order-rate-note = Sipariş verildiği andaki 1 { $from } = { $rate } { $to } kuruyla çevrildi.
order-updated = Sipariş güncellendi.
order-transition-invalid = Bu durumdaki bir siparişte bu değişiklik yapılamaz.
order-cannot-cancel-shipped = Paket kargoya verildiği için sipariş artık iptal edilemez.
order-already-cancelled = Bu sipariş iptal edildi.
order-tracking-required = Siparişi kargoya verildi olarak işaretlemek için kargo takip numarasını girin.
order-reason-required = Bir neden yazın: alıcı bunu görecek.
order-changed-meanwhile = Bu sipariş az önce başka biri tarafından değiştirildi. Güncel durumu aşağıda görebilirsiniz.

notifications-title = Siparişlerinizle ilgili mesajlar
notifications-none = Henüz mesaj yok.
notification-order-placed = { $number } numaralı siparişiniz alındı.
notification-order-new = { $number } numaralı yeni sipariş sizi bekliyor.
notification-order-paid = { $number } numaralı sipariş ödendi olarak işaretlendi.
notification-order-shipped = { $number } numaralı sipariş kargoya verildi.
notification-order-delivered = { $number } numaralı sipariş teslim edildi.
notification-order-cancelled = { $number } numaralı sipariş iptal edildi.

merchant-nav-orders = Siparişler
staff-nav-orders = Siparişler
time-utc = { $time } UTC
checkout-payment-hint-card = Kartla ödemede tüm mağazaların siparişleri için kartınızdan tek seferde ödeme alınır ve Caravan bu parayı paketiniz size ulaşana kadar tutar. Havale/EFT veya kapıda ödemede ise her mağaza ödemenizi onaylar ve ardından kargoya verir.
checkout-done-next-card = Kartla ödemeniz onaylandı. Her mağaza şimdi paketinizi hazırlayıp kargoya verir; Caravan parayı paketiniz ulaşana kadar tutar. Tüm siparişlerinizi sipariş geçmişinizden takip edebilirsiniz.
notification-stock-low = { $number } numaralı siparişten sonra stok azaldı.
