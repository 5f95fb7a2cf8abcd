# Teslim tarihleri (issue #27).
delivery-arrives = { $dates } tarihinde teslim
delivery-promised = Tahmini teslim: { $dates } (sipariş anındaki tahmin)
shipping-handling-days = Hazırlık süresi (iş günü)
shipping-handling-hint = Siparişten paketin kargoya verilmesine kadar geçen iş günü (0–60). Her varış yerinin teslimat süresiyle (o da iş günü) birlikte alıcıların gördüğü teslim tarihlerini verir.
shipping-handling-invalid = 0 ile 60 arasında tam sayı olarak iş günü yazın.
shipping-cutoff = Sipariş kesim saati (yerel saatiniz)
shipping-cutoff-hint = Bu saatte veya sonrasında verilen siparişler ertesi günden itibaren sayılır. Ülkenizin resmî tatilleri iş günü sayılmaz; teslimatta da varış ülkesinin tatilleri sayılmaz.
shipping-cutoff-none = Kesim saati yok: tüm gün sayılır
shipping-cutoff-invalid = Listeden bir saat seçin.
card-delivery-dates = Kargo { $cost } · { $dates }
