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
