## Carrito, finalización de la compra, pedidos y sus notificaciones.

cart-link = { $count ->
    [0] Carrito
    [one] Carrito ({ $n })
   *[other] Carrito ({ $n })
}
orders-link = Mis pedidos
cart-title = Tu carrito
cart-empty = Tu carrito está vacío.
cart-continue = Seguir comprando
cart-add = Añadir al carrito
cart-quantity = Cantidad
cart-update = Actualizar
cart-remove = Eliminar
cart-unit-price = Precio
cart-line-total = Total
cart-subtotal = Productos
cart-shipping = Envío
cart-shop-total = Total de esta tienda
cart-total = Total
cart-merchant-total = ({ $amount } en la moneda de la tienda)
cart-ship-to = Envío a { $country }. Puedes cambiar el país en la parte superior de la página.
cart-does-not-ship = Esta tienda no envía a { $country }. Elimina sus productos o elige otro país para finalizar la compra.
cart-delivery-days = { $min ->
    [0] entrega en un máximo de { $max } días
   *[other] entrega en { $min }–{ $max } días
}
cart-checkout = Finalizar compra
cart-cannot-checkout = Algunos productos no se pueden enviar a tu país, así que todavía no puedes finalizar la compra.
cart-items-gone = { $count ->
    [one] Un producto ya no está a la venta y se ha eliminado de tu carrito.
   *[other] { $n } productos ya no están a la venta y se han eliminado de tu carrito.
}
cart-added = Añadido a tu carrito.
cart-updated = Carrito actualizado.
cart-removed = Eliminado de tu carrito.
cart-capped = No quedan tantas unidades: tu carrito tiene ahora todas las que quedaban.
cart-sold-out = Lo sentimos, este producto se acaba de agotar.

checkout-address-title = ¿Dónde te entregamos el pedido?
checkout-step-address = Dirección
checkout-step-review = Revisión
checkout-step-done = Listo
checkout-continue = Continuar y revisar el pedido
checkout-ship-to-changed = Ahora los precios y el envío corresponden al país de tu dirección.
field-full-name = Nombre y apellidos
field-line1 = Calle y número
field-line2 = Piso, puerta, etc. (opcional)
field-postal-code = Código postal
field-phone = Teléfono
address-phone-hint = Con el prefijo del país, para el repartidor; por ejemplo, +34 912 345 678.
address-country-invalid = Elige un país de la lista.
address-phone-invalid = Escribe un número de teléfono de 7 a 15 dígitos; por ejemplo, +34 912 345 678.
address-postal-invalid-six = Este código postal debe tener 6 dígitos; por ejemplo, 101000.
address-postal-invalid-five = Este código postal debe tener 5 dígitos; por ejemplo, 50122.
address-postal-invalid-gb = Escribe el código postal con un espacio; por ejemplo, SW1A 1AA.
address-postal-invalid-us = Escribe el código ZIP así: 94103 o 94103-1234.
address-postal-invalid-pt = Escribe el código postal así: 1100-148.
address-postal-invalid-pl = Escribe el código postal así: 00-950.
address-postal-invalid-nl = Escribe el código postal así: 1012 AB.
address-postal-invalid-az = Escribe el código postal así: AZ 1000.
address-postal-invalid-other = Revisa el código postal.
checkout-review-title = Revisa tu pedido
checkout-ship-to = Dirección de entrega
checkout-change-address = Cambiar dirección
checkout-payment = Pago
payment-bank-transfer = Transferencia bancaria (recibirás los datos con el pedido de cada tienda)
payment-card = Tarjeta (pago seguro a través de Stripe)
payment-cash-on-delivery = Contra reembolso
checkout-payment-hint = Caravan no hace ningún cargo en tu tarjeta. Cada tienda confirma tu pago y después envía el pedido.
checkout-payment-required = Elige cómo vas a pagar.
checkout-place = Realizar pedido
checkout-cannot-ship = Algunas tiendas de tu carrito no envían a esta dirección. Primero elimina sus productos del carrito.
checkout-out-of-stock = No quedan suficientes unidades de: { $titles }. No se te ha cobrado nada; revisa las cantidades y vuelve a intentarlo.
checkout-changed = Los precios o los tipos de cambio acaban de cambiar. Revisa el nuevo total y vuelve a realizar el pedido.
checkout-done-title = ¡Gracias por tu pedido!
checkout-done-intro = { $count ->
    [one] Tu pedido se ha realizado:
   *[other] Se han realizado tus { $n } pedidos, uno por tienda:
}
checkout-done-next = Cada tienda confirmará tu pago y te enviará el paquete. Puedes seguir todos tus pedidos en tu historial de pedidos.
checkout-already-placed = Esta compra ya se había realizado; aquí tienes sus pedidos.

orders-title = Pedidos
orders-count = { $count ->
    [one] { $n } pedido
   *[other] { $n } pedidos
}
orders-none = Todavía no hay pedidos.
orders-from = Desde
orders-to = Hasta
orders-back = Todos los pedidos
order-title = Pedido { $number }
order-number = N.º de pedido
order-placed = Fecha del pedido
order-shop = Tienda
order-delivery = Entrega
order-tracking = Número de seguimiento
order-timeline = Historial
order-actions = Acciones
order-status-awaiting-payment = Pendiente de pago
order-status-paid = Pagado
order-status-shipped = Enviado
order-status-delivered = Entregado
order-status-cancelled = Cancelado
order-action-paid = Marcar como pagado
order-action-shipped = Marcar como enviado
order-action-delivered = Marcar como entregado
order-action-cancel = Cancelar pedido
order-action-cancel-mine = Cancelar mi pedido
order-cancel-reason = Motivo (lo verá el comprador)
order-cancel-reason-optional = Motivo (opcional)
order-cancel-reason-shown = Motivo de la cancelación
order-rate-note = Convertido al cambio de 1 { $from } = { $rate } { $to } vigente al realizar el pedido.
order-updated = Pedido actualizado.
order-transition-invalid = Este cambio no es posible para un pedido en este estado.
order-cannot-cancel-shipped = El paquete ya se ha enviado, así que el pedido ya no se puede cancelar.
order-already-cancelled = Este pedido está cancelado.
order-tracking-required = Introduce el número de seguimiento para marcar el pedido como enviado.
order-reason-required = Indica un motivo: el comprador lo verá.
order-changed-meanwhile = Alguien acaba de modificar este pedido. Así es como está ahora.

notifications-title = Mensajes sobre tus pedidos
notifications-none = Todavía no hay mensajes.
notification-order-placed = Has realizado el pedido { $number }.
notification-order-new = Tienes un nuevo pedido: { $number }.
notification-order-paid = El pedido { $number } se ha marcado como pagado.
notification-order-shipped = El pedido { $number } se ha enviado.
notification-order-delivered = El pedido { $number } se ha entregado.
notification-order-cancelled = El pedido { $number } se ha cancelado.

merchant-nav-orders = Pedidos
staff-nav-orders = Pedidos
time-utc = { $time } UTC
checkout-payment-hint-card = Con tarjeta se hace un único cargo por los pedidos de todas las tiendas, y Caravan retiene el dinero hasta que llegue tu paquete. Con transferencia bancaria o contra reembolso, cada tienda confirma tu pago y después envía el pedido.
checkout-done-next-card = Tu pago con tarjeta está confirmado. Cada tienda prepara y envía ahora tu paquete; Caravan retiene el dinero hasta que llegue. Puedes seguir cada pedido en tu historial de pedidos.
notification-stock-low = Queda poco stock tras el pedido { $number }.
