## Códigos de descuento: el carrito, la finalización de la compra y las páginas del personal y de los vendedores.

coupon-field = Código de descuento
coupon-apply = Aplicar
coupon-remove = Eliminar código
coupon-line = Código de descuento { $code }
coupon-entered = Código de descuento añadido.
coupon-removed = Código de descuento eliminado.
coupon-unknown = Este código de descuento no existe. Revisa cómo lo has escrito.
coupon-throttled = Se han probado demasiados códigos desde esta conexión. Espera unos minutos y vuelve a intentarlo.
coupon-not-yet = Este código de descuento todavía no es válido.
coupon-expired = Este código de descuento ha caducado.
coupon-not-in-market = Este código de descuento no está disponible en tu región.
coupon-used-up = Este código de descuento ya se ha usado el número máximo de veces permitido.
coupon-already-used = Ya has usado este código de descuento.
coupon-below-minimum = Este código de descuento es válido para pedidos a partir de { $amount }.
coupon-wrong-shop = Este código de descuento es para productos de otra tienda.
coupon-sign-in = Inicia sesión para usar este código de descuento.

staff-nav-coupons = Códigos de descuento
merchant-nav-coupons = Códigos de descuento
coupons-title = Códigos de descuento
coupons-intro-staff = Los códigos del marketplace valen en todas las tiendas; el descuento lo paga el marketplace.
coupons-intro-merchant = Tus códigos solo valen para los productos de tu tienda; el descuento lo paga tu tienda.
coupons-none = Todavía no hay códigos.
coupon-col-code = Código
coupon-col-discount = Descuento
coupon-col-window = Validez
coupon-col-markets = Mercados
coupon-col-uses = Usos
coupon-col-status = Estado
coupon-csv = Descargar los códigos (CSV)
coupon-over = a partir de { $amount }
coupon-everywhere = En todas partes
coupon-active = Activo
coupon-inactive = Desactivado
coupon-deactivate = Desactivar
coupon-activate = Activar
coupon-batch-uses = { $count ->
    [one] { $n } código
   *[other] { $n } códigos
}
coupon-new = Nuevo código de descuento
coupon-create = Crear
coupon-created = Códigos de descuento creados.
coupon-field-code = Código
coupon-field-code-hint = Letras, números y guiones, p. ej., BF5. Para un lote: un prefijo opcional de hasta 12 caracteres.
coupon-field-count = Número de códigos
coupon-field-count-hint = 1 para un único código que puede usar cualquiera; más para un lote de códigos únicos (hasta 5000), que se exporta en CSV.
coupon-field-kind = Tipo
coupon-kind-percent = Descuento porcentual
coupon-kind-amount = Descuento de importe fijo
coupon-field-value = Descuento
coupon-field-value-hint = Un porcentaje entero (1–90) o un importe como 5,00.
coupon-field-currency = Moneda del importe y del gasto mínimo
coupon-field-min-spend = Gasto mínimo
coupon-field-min-spend-hint = Opcional: los productos deben sumar al menos este importe. Se convierte para los carritos en otras monedas.
coupon-field-max-uses = Usos en total
coupon-field-per-account = Usos por cuenta
coupon-field-limit-hint = Opcional: déjalo vacío para no poner límite.
coupon-field-markets = Mercados en los que vale el código (ninguno: en todas partes)
coupon-count-invalid = Introduce un número entero entre 1 y 5000.
coupon-code-invalid = Usa letras, números y guiones (hasta 32 caracteres).
coupon-prefix-invalid = Usa hasta 12 caracteres entre letras, números y guiones.
coupon-percent-invalid = Introduce un porcentaje entero entre 1 y 90.
coupon-amount-invalid = Introduce un importe como 5,00.
coupon-limit-invalid = Introduce un número entero igual o mayor que 1, o déjalo vacío.
coupon-code-taken = Este código ya está en uso. Elige otro.
