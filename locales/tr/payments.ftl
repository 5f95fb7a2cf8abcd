# Ödemeler: komisyonlar ve muhasebe defteri.
staff-nav-commissions = Komisyonlar
commission-title = Komisyonlar
commission-intro = Pazar yerinin her satışta ürün bedelinden (kargodan değil) aldığı pay; siparişin ödendiği anda geçerli olan oranla hesaplanır. Bir mağazanın kendi oranı, belirlendiği andan itibaren varsayılan oranın yerini alır; belirlenen her oran geçmişte kalır.
commission-current = Şu anki varsayılan oran: { $rate }
commission-set-title = Oran belirle
commission-for = Kimin için
commission-default = Varsayılan (kendi oranı olmayan tüm mağazalar)
commission-rate = Oran (%)
commission-rate-hint = 0 ile 50 arasında, en fazla iki ondalık basamak (ör. 12,5). Bundan sonra ödenen siparişlere uygulanır.
commission-history = Geçmiş
commission-since = Geçerlilik başlangıcı
commission-rate-value = %{ $rate }
commission-error-number = Oranı sayı olarak yazın, ör. 12,5.
commission-error-range = Oran %0 ile %50 arasında olmalıdır.

merchant-nav-payouts = Ödemeler
payouts-title = Ödemeler
payouts-intro = Kartla ödenen siparişler için Caravan'ın mağazanıza borcu, mağazanızın para biriminde. Bir satış, sipariş teslim edilip alıcı koruma süresi dolana kadar beklemede kalır; ardından kullanılabilir olur ve bir sonraki ödemede aktarılır.
payouts-pending = beklemede
payouts-available = kullanılabilir
payouts-paid-out = ödendi
payouts-statement = Hesap dökümü
payouts-none = Henüz bir şey yok: kartla ödenen satışlar burada görünür.
payouts-col-when = Tarih
payouts-col-what = İşlem
payouts-col-order = Sipariş
payouts-col-to-shop = Mağazanıza
payouts-col-commission = Komisyon
ledger-kind-sale = Satış (ürünler ve kargo, komisyon düşülerek)

# Alışverişi tamamlarken kartla ödeme adımı.
checkout-step-pay = Ödeme
pay-title = Kartla ödeme
pay-intro = { $count ->
    [one] Siparişiniz için { $amount } tutarında tek ödeme:
   *[other] { $count } siparişiniz için { $amount } tutarında tek ödeme:
}
pay-card = Kart
pay-secure-note = Kart bilgileriniz doğrudan ödeme hizmeti sağlayıcımız Stripe'a iletilir; Caravan kart numaranızı hiçbir zaman görmez. Ödemeniz, paketleriniz size ulaşana kadar Caravan'da tutulur.
pay-submit = { $amount } öde
pay-busy = Ödeme yapılıyor…
pay-noscript = Kartla ödeme için JavaScript gerekir. Siparişleriniz kayıtlı: JavaScript'i açıp bu sayfayı yeniden yükleyin ya da siparişleri sipariş geçmişinizden iptal edip başka bir ödeme yöntemiyle yeniden sipariş verin.
pay-authenticate = Bankanız bu ödemeyi onaylamanızı istiyor. Açılan penceredeki adımları izleyin.
pay-processing = Bankanız ödemeyi hâlâ işliyor. Başka bir şey yapmanıza gerek yok: banka onaylar onaylamaz siparişleriniz ödendi olarak işaretlenir.
pay-look-again = Tekrar kontrol et
pay-try-again = Tekrar dene
pay-orders-kept = Siparişleriniz, sipariş geçmişinizde ödenmemiş olarak duruyor.
pay-declined = Kartınız reddedildi. Sizden ödeme alınmadı. Başka bir kart deneyin veya bankanıza danışın.
pay-insufficient-funds = Kartta yeterli bakiye yok. Sizden ödeme alınmadı. Başka bir kart deneyin.
pay-expired-card = Kartın son kullanma tarihi geçmiş. Sizden ödeme alınmadı. Başka bir kart deneyin.
pay-incorrect-cvc = Güvenlik kodu (CVC) hatalı. Kartın arkasındaki üç haneyi kontrol edin.
pay-incorrect-number = Kart numarası hatalı. Kontrol edip tekrar deneyin.
pay-auth-failed = Bankanız ödemeyi onaylamadı. Sizden ödeme alınmadı. Tekrar deneyin veya başka bir kart kullanın.
pay-processing-error = Bir işlem hatası nedeniyle karttan tahsilat yapılamadı. Sizden ödeme alınmadı. Biraz sonra tekrar deneyin.
pay-no-card = Ödeme yapmak için kart bilgilerinizi girin.
pay-unreachable = Ödeme hizmeti sağlayıcımıza ulaşılamadı. Sizden ödeme alınmadı. Birkaç dakika sonra tekrar deneyin.
pay-timeout = Ödeme hizmeti sağlayıcımız zamanında yanıt vermedi. Sizden iki kez ödeme alınmaz: ödemenin gerçekleşip gerçekleşmediğini görmek için bir dakika sonra bu sayfayı yeniden yükleyin.
pay-orders-changed = Bu alışverişteki bazı siparişler ödeme başladıktan sonra iptal edildiği için ödeme devam edemiyor. Sizden ödeme alındıysa destek ekibimiz iade eder.
pay-canceled = Bu ödeme, ödeme hizmeti sağlayıcısı tarafından iptal edildi. Sizden ödeme alınmadı.
pay-refused = Bizden kaynaklanan bir sorun nedeniyle ödeme yapılamadı. Sizden ödeme alınmadı; ekibimiz bilgilendirildi.
order-pay-now = Şimdi öde
order-event-refund-requested = Karta iade istendi
order-event-refunded = Karta iade edildi
payouts-in-payout = yolda olan bir ödemede
ledger-kind-refund = İade (satış geri alındı)
ledger-kind-release = Alıcı koruması sona erdi: kullanılabilir
ledger-kind-payout = Ödeme
ledger-kind-payout_paid = Ödeme banka tarafından gönderildi
