## Hata sayfaları.

error-not-found = Sayfa bulunamadı
error-not-found-body = Aradığınız sayfa mevcut değil veya taşınmış.
error-bad-request = Geçersiz istek
error-bad-request-body = Gönderilen bilgilerin bir kısmı geçerli değil. Geri dönüp tekrar deneyin.
error-forbidden = Erişim engellendi
error-forbidden-body = Bu sayfayı açma yetkiniz yok.
error-csrf-failed = Formun süresi doldu
error-csrf-failed-body = Güvenliğiniz için form gönderilemedi. Sayfayı yenileyip tekrar deneyin.
error-payload-too-large = Gönderilen veri çok büyük
error-payload-too-large-body = Gönderdiğiniz dosya veya form, kabul ettiğimiz boyutu aşıyor.
error-unavailable = Şu anda yoğunluk yaşıyoruz
error-unavailable-body = Hizmet geçici olarak kullanılamıyor. Lütfen bir dakika sonra tekrar deneyin.
error-internal = Bir şeyler ters gitti
error-internal-body = Bizim tarafımızda beklenmeyen bir hata oluştu. Hata kaydedildi; lütfen tekrar deneyin.
error-back-home = Ana sayfaya dön
error-too-many-requests = Çok fazla istek
error-too-many-requests-body = Lütfen tekrar denemeden önce biraz bekleyin.
error-sign-in-required = Lütfen giriş yapın
error-sign-in-required-body = Bu sayfayı görmek için giriş yapmanız gerekiyor.
error-out-of-stock = Yeterli stok yok
error-out-of-stock-body = Bazı ürünlerden seçtiğinizden daha az kaldı. Sepetinizi kontrol edip tekrar deneyin.
error-conflict = Bu az önce değişti
error-conflict-body = Siz bakarken bu içerik değiştirildi. Güncel hâlini görmek için sayfayı yenileyin.
