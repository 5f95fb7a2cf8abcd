# Siparişlerle ilgili e-postalar. $number: sipariş numarası (veya numaraları); $shop: mağaza; $name ve $city: siparişin
# kime ve nereye gönderildiği; $amount: okuyucunun para biriminde sipariş toplamı; $count: sipariş sayısı.
mail-hello = Merhaba { $name },
mail-order-heading = Sipariş { $number } · { $shop }
mail-col-item = Ürün
mail-col-quantity = Adet
mail-col-amount = Tutar
mail-shipping = Kargo
mail-total = Toplam
mail-view-order = Siparişi görüntüle
mail-track = Kargoyu takip et
mail-tracking = Kargo takip numarası: { $tracking }
mail-cancel-reason = Belirtilen iptal nedeni: { $reason }
mail-footer = Bu e-postayı Caravan'da verilen bir siparişle ilgili olarak alıyorsunuz. Caravan, { $operator } tarafından işletilen bir pazaryeridir.
mail-subject-order-placed = { $count ->
    [one] { $number } numaralı siparişiniz alındı
   *[other] { $number } numaralı siparişleriniz alındı
}
mail-lead-order-placed-shopper = { $count ->
    [one] Siparişiniz için teşekkür ederiz. Sipariş ettiğiniz ürünleri aşağıda bulabilirsiniz; siparişiniz kargoya verildiğinde size yeniden haber vereceğiz.
   *[other] Siparişiniz için teşekkür ederiz. Her mağaza kendi paketini ayrı gönderir; her paket kargoya verildiğinde size yeniden haber vereceğiz.
}
mail-subject-order-new = Yeni sipariş: { $number }
mail-lead-order-new-merchant = { $shop } mağazanıza { $number } numaralı yeni bir sipariş geldi. Alıcı: { $name }, { $city }. Ödemesi yapıldığında siparişi kargoya hazırlayın.
mail-subject-order-paid = { $number } numaralı sipariş ödendi
mail-lead-order-paid-shopper = { $shop } mağazasından verdiğiniz { $number } numaralı sipariş için { $amount } tutarındaki ödemenizi aldık.
mail-lead-order-paid-merchant = { $number } numaralı siparişin ödemesi yapıldı ({ $amount }). Siparişi artık kargoya verebilirsiniz.
mail-subject-order-shipped = { $number } numaralı sipariş kargoya verildi
mail-lead-order-shipped-shopper = { $shop } mağazası { $number } numaralı siparişinizi kargoya verdi.
mail-subject-order-delivered = { $number } numaralı sipariş teslim edildi
mail-lead-order-delivered-shopper = { $shop } mağazasından verdiğiniz { $number } numaralı sipariş teslim edildi. Güle güle kullanmanızı dileriz.
mail-subject-order-cancelled = { $number } numaralı sipariş iptal edildi
mail-lead-order-cancelled-shopper = { $shop } mağazasından verdiğiniz { $number } numaralı sipariş iptal edildi. Kartla ödeme yaptıysanız ödemeniz otomatik olarak iade edilir.
mail-lead-order-cancelled-merchant = Alıcı { $number } numaralı siparişi iptal etti. Siparişteki ürünler stoğa geri eklendi.
mail-subject-order-refunded = { $number } numaralı siparişin ücreti iade edildi
mail-lead-order-refunded-shopper = { $number } numaralı siparişiniz için { $amount } kartınıza iade edildi.
mail-note-order-refunded-shopper = İadenin bankanızda görünmesi genellikle 5 ila 10 gün sürer.

# Personel: e-posta.
staff-nav-mail = E-posta
staff-mail-title = E-posta
staff-mail-intro = Sipariş e-postaları giden kutusu üzerinden gönderilir: posta sunucusu hata verdiğinde her e-posta giderek uzayan aralıklarla yeniden denenir ve son denemeden sonra burada listelenir.
staff-mail-none = Henüz e-posta yok.
staff-mail-state-queued = gönderilmeyi bekliyor
staff-mail-state-sending = gönderiliyor
staff-mail-state-sent = gönderildi
staff-mail-state-skipped = gerek yok (başka bir e-posta kapsıyor)
staff-mail-state-retry = yeniden denenecek
staff-mail-state-failed = başarısız
staff-mail-failed = Gönderilemeyen e-postalar
staff-mail-failed-none = Gönderilemeyen e-posta yok.
staff-mail-what = E-posta
staff-mail-to = Alıcı
staff-mail-error = Hata
staff-mail-kind-order-placed = Sipariş onayı
staff-mail-kind-order-new = Yeni sipariş (mağazaya)
staff-mail-kind-order-paid = Sipariş ödendi
staff-mail-kind-order-shipped = Sipariş kargoya verildi
staff-mail-kind-order-delivered = Sipariş teslim edildi
staff-mail-kind-order-cancelled = Sipariş iptal edildi
staff-mail-kind-order-refunded = Sipariş ücreti iade edildi
staff-mail-error-smtp-rejected = Posta sunucusu iletiyi veya adresi reddetti.
staff-mail-error-smtp-unavailable = Posta sunucusuna ulaşılamadı.
staff-mail-error-smtp-timeout = Posta sunucusu zamanında yanıt vermedi.
staff-mail-error-file-unwritable = E-posta dosyası yazılamadı.
staff-mail-error-bad-address = Hesaptaki e-posta adresi kullanılamıyor.
staff-mail-error-compose-failed = E-posta oluşturulamadı (ayrıntılar sunucu günlüğünde).
staff-mail-retry-queued = E-posta birazdan yeniden gönderilecek.
staff-mail-retry-not-failed = Bu e-posta yeniden denenmeyi beklemiyor.

# Hesapla ilgili e-postalar.
mail-footer-account = Bu e-postayı Caravan'daki hesabınızla ilgili olarak alıyorsunuz. Caravan, { $operator } tarafından işletilen bir pazaryeridir.
mail-subject-password-reset = Caravan şifrenizi sıfırlayın
mail-lead-password-reset = Birisi (muhtemelen siz) Caravan hesabınızın şifresinin sıfırlanmasını istedi. Bu bağlantıyla yeni bir şifre belirleyin; bağlantı bir saat geçerlidir ve yalnızca bir kez kullanılabilir.
mail-reset-button = Yeni şifre belirle
mail-note-password-reset = Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; şifreniz değişmeden kalır.
mail-subject-password-changed = Caravan şifreniz değiştirildi
mail-lead-password-changed = Caravan hesabınızın şifresi az önce değiştirildi ve diğer tüm cihazlardaki oturumlarınız kapatıldı.
mail-note-password-changed = Bu değişikliği siz yapmadıysanız hemen giriş sayfasından şifrenizi sıfırlayın ve destek ekibimize yazın.
staff-mail-kind-password-reset = Şifre sıfırlama bağlantısı
staff-mail-kind-password-changed = Şifre değiştirildi

# Şifre sıfırlama sayfaları.
reset-forgot = Şifrenizi mi unuttunuz?
reset-title = Şifrenizi sıfırlayın
reset-ask-intro = Hesabınızın e-posta adresini yazın. Yeni bir şifre belirlemeniz için size bir bağlantı göndereceğiz.
reset-send = Bağlantıyı gönder
reset-sent = Bu adres bir hesaba aitse, yeni bir şifre belirlemeniz için bu adrese bir bağlantı gönderdik. Bağlantı bir saat geçerlidir ve yalnızca bir kez kullanılabilir. E-posta birkaç dakika içinde gelmezse istenmeyen e-posta (spam) klasörünüzü kontrol edin.
reset-back-to-sign-in = Giriş sayfasına dön
reset-invalid = Bu bağlantı artık geçerli değil: daha önce kullanılmış, bir saatten eski ya da hatalı yazılmış olabilir.
reset-ask-again = Yeni bağlantı iste
reset-limited = Bu ağdan çok fazla istek geldi. Lütfen bir saat sonra tekrar deneyin.
reset-choose-intro = Hesabınız için yeni şifreyi belirleyin. Hesabınıza giriş yapılmış tüm cihazlardaki oturumlar kapatılacaktır.
reset-new-password = Yeni şifre
reset-save = Yeni şifreyi kaydet
reset-done = Şifreniz değiştirildi. Yeni şifrenizle giriş yapın.

# Mağaza başvurusuyla ilgili e-postalar. $shop: mağazanın adı; $reason: personelin yazdığı not.
mail-subject-shop-approved = { $shop } mağazanız Caravan'da açıldı
mail-lead-shop-approved = Güzel bir haberimiz var: { $shop } mağazanızı onayladık. Mağazanız ve yayındaki ürünleriniz artık kargo gönderdiğiniz tüm ülkelerdeki alıcılara görünüyor.
mail-note-shop-approved = Sıradaki adım: Mağaza panelinizden ürünlerinizi ve çevirilerini ekleyin, kargo ücretlerinizi belirleyin.
mail-shop-open = Mağaza paneline git
mail-subject-shop-rejected = { $shop } için mağaza başvurunuz
mail-lead-shop-rejected = Üzgünüz, { $shop } mağazanızı bu hâliyle onaylayamadık.
mail-note-shop-rejected = Ekibimizin notu: “{ $reason }”. Başvurunuzu düzenleyip yeniden gönderebilirsiniz.
mail-shop-apply-again = Başvuruyu gözden geçir
staff-mail-kind-shop-approved = Mağaza onaylandı
staff-mail-kind-shop-rejected = Mağaza reddedildi

# E-posta adresi doğrulama.
mail-subject-verify-email = Caravan için e-posta adresinizi doğrulayın
mail-lead-verify-email = Sipariş e-postalarınızın size ulaşması ve mağaza açabilmeniz için lütfen bu e-posta adresinin size ait olduğunu doğrulayın. Bağlantı iki gün geçerlidir.
mail-verify-button = Adresimi doğrula
mail-note-verify-email = Caravan hesabı oluşturmadıysanız veya hesabınızın adresini değiştirmediyseniz bu e-postayı dikkate almayın.
staff-mail-kind-verify-email = Adres doğrulama
verify-title = E-posta adresinizi doğrulayın
verify-confirm-intro = Aşağıdaki düğmeyle bu adresi Caravan hesabınız için doğrulayın.
verify-confirm = Adresimi doğrula
verify-invalid = Bu bağlantı artık geçerli değil: daha önce kullanılmış, iki günden eski ya da hatalı yazılmış olabilir. Hesabınızdan yeni bir bağlantı isteyin.
verify-taken = Bu adres artık başka bir hesaba ait olduğundan sizin hesabınız için doğrulanamaz.
verify-to-account = Hesabıma git
verify-done = Teşekkürler, e-posta adresiniz doğrulandı.
verify-sent = Yeni bir doğrulama bağlantısı gönderdik.
verify-not-sent = Yeni bağlantı gönderilmedi: adres zaten doğrulanmış ya da son bir saat içinde üç bağlantı gönderilmiş.
verify-reminder = Lütfen e-posta adresinizi doğrulayın: { $email } adresine gönderdiğimiz bağlantıya tıklayın.
verify-resend = Bağlantıyı yeniden gönder
merchant-verify-first = Mağaza başvurusu yapmadan önce e-posta adresinizi doğrulayın: size gönderdiğimiz bağlantıya tıklayın veya yukarıdan yeni bir bağlantı isteyin.
account-email-title = E-posta adresi
account-new-email = Yeni e-posta adresi
account-new-email-hint = Yeni adrese bir doğrulama bağlantısı göndeririz; bağlantıya tıklayana kadar hesabınızda mevcut adresiniz kullanılmaya devam eder.
account-current-password = Mevcut şifreniz
account-change-email = Adresi değiştir
account-email-same = Bu zaten sizin adresiniz.
account-email-change-sent = Yeni adrese bir doğrulama bağlantısı gönderdik. Bağlantıya tıkladığınızda adresiniz değişecek.
account-email-in-use = Bu adres başka bir hesap tarafından kullanılıyor.

# Bir siparişten sonra mağazaya gönderilen düşük stok bildirimi. $count: kalan adet (çoğul için); $n: aynı sayı, biçimlendirilmiş.
mail-subject-stock-low = { $number } numaralı siparişten sonra stok azaldı
mail-lead-stock-low-merchant = { $number } numaralı siparişten sonra bu ürünlerin stoğu azaldı. Ürünler “Tükendi” olarak görünmeden önce mağaza panelinizden stoklarını yenileyin:
mail-stock-left = { $count ->
    [0] { $title }: tükendi
    [one] { $title }: { $n } adet kaldı
   *[other] { $title }: { $n } adet kaldı
}
staff-mail-kind-stock-low = Düşük stok (mağazaya)

mail-placed-on = Sipariş tarihi: { $date }

# Eski adres, hesabın adresinin değiştiğini öğrenir. $new: yeni adres.
mail-subject-email-changed = Caravan hesabınızın e-posta adresi değiştirildi
mail-lead-email-changed = Caravan hesabınızın e-posta adresi artık { $new }. Hesabınız ve siparişlerinizle ilgili e-postalar bundan sonra oraya gönderilecek.
mail-note-email-changed = Bunu siz yapmadıysanız hemen giriş sayfasından şifrenizi sıfırlayın ve destek ekibimize yazın.
staff-mail-kind-email-changed = Adres değişti (eski adrese)
staff-mail-error-stuck = E-postanın gönderildiği hiç doğrulanamadı; gönderici her denemede durdu.
account-email-too-many = Son bir saatte çok fazla adres değişikliği denendi. Lütfen daha sonra tekrar deneyin.
