# Pagos: comisiones y libro contable.
staff-nav-commissions = Comisiones
commission-title = Comisiones
commission-intro = La parte del importe de los productos (no del envío) que el marketplace retiene de cada venta, con la tasa vigente cuando se paga el pedido. La tasa propia de una tienda sustituye a la predeterminada desde el momento en que se fija; todas las tasas quedan en el historial.
commission-current = Tasa predeterminada actual: { $rate }
commission-set-title = Fijar una tasa
commission-for = Para
commission-default = Predeterminada (todas las tiendas sin tasa propia)
commission-rate = Tasa (%)
commission-rate-hint = Entre 0 y 50, con dos decimales como máximo (p. ej., 12,5). Se aplica a los pedidos pagados a partir de ahora.
commission-history = Historial
commission-since = Vigente desde
commission-rate-value = { $rate } %
commission-error-number = Escribe la tasa como número, p. ej., 12,5.
commission-error-range = La tasa debe estar entre 0 y 50 %.

merchant-nav-payouts = Liquidaciones
payouts-title = Liquidaciones
payouts-intro = Lo que Caravan debe a tu tienda por los pedidos pagados con tarjeta, en la moneda de tu tienda. Una venta queda pendiente hasta que el pedido se entrega y termina el plazo de protección del comprador; después pasa a disponible y se abona en la siguiente liquidación.
payouts-pending = pendiente
payouts-available = disponible
payouts-paid-out = abonado
payouts-statement = Extracto
payouts-none = Todavía nada: aquí aparecen las ventas pagadas con tarjeta.
payouts-col-when = Cuándo
payouts-col-what = Qué
payouts-col-order = Pedido
payouts-col-to-shop = Para tu tienda
payouts-col-commission = Comisión
ledger-kind-sale = Venta (productos y envío, menos la comisión)

# El paso de pago con tarjeta al finalizar la compra.
checkout-step-pay = Pago
pay-title = Pagar con tarjeta
pay-intro = { $count ->
    [one] Un único pago de { $amount } por tu pedido:
   *[other] Un único pago de { $amount } por tus { $count } pedidos:
}
pay-card = Tarjeta
pay-secure-note = Los datos de tu tarjeta van directamente a Stripe, nuestro proveedor de pagos; Caravan nunca ve el número de la tarjeta. El dinero queda retenido hasta que lleguen tus paquetes.
pay-submit = Pagar { $amount }
pay-busy = Pagando…
pay-noscript = Para pagar con tarjeta necesitas JavaScript. Tus pedidos se conservan: activa JavaScript y vuelve a cargar esta página, o cancela los pedidos desde tu historial de pedidos y vuelve a hacerlos con otro método de pago.
pay-authenticate = Tu banco te pide que confirmes este pago. Sigue los pasos en la ventana que se abre.
pay-processing = Tu banco todavía está procesando el pago. No tienes que hacer nada más: tus pedidos quedarán pagados en cuanto el banco lo confirme.
pay-look-again = Volver a comprobar
pay-try-again = Volver a intentarlo
pay-orders-kept = Tus pedidos se conservan sin pagar en tu historial de pedidos.
pay-declined = Tu tarjeta ha sido rechazada. No se te ha cobrado nada. Prueba con otra tarjeta o consulta a tu banco.
pay-insufficient-funds = La tarjeta no tiene fondos suficientes. No se te ha cobrado nada. Prueba con otra tarjeta.
pay-expired-card = La tarjeta ha caducado. No se te ha cobrado nada. Prueba con otra tarjeta.
pay-incorrect-cvc = El código de seguridad (CVC) no es correcto. Revisa los tres dígitos del reverso de la tarjeta.
pay-incorrect-number = El número de la tarjeta no es correcto. Revísalo y vuelve a intentarlo.
pay-auth-failed = Tu banco no ha confirmado el pago. No se te ha cobrado nada. Vuelve a intentarlo o usa otra tarjeta.
pay-processing-error = No se ha podido hacer el cargo en la tarjeta por un error de procesamiento. No se te ha cobrado nada. Vuelve a intentarlo en un momento.
pay-no-card = Introduce los datos de tu tarjeta para pagar.
pay-unreachable = No hemos podido conectar con nuestro proveedor de pagos. No se te ha cobrado nada. Vuelve a intentarlo en unos minutos.
pay-timeout = Nuestro proveedor de pagos no ha respondido a tiempo. No se te cobrará dos veces: vuelve a cargar esta página dentro de un minuto para ver si el pago se ha completado.
pay-orders-changed = Algunos pedidos de esta compra se cancelaron después de iniciarse el pago, así que este pago no puede continuar. Si se te ha cobrado algo, nuestro equipo de atención te lo reembolsará.
pay-canceled = El proveedor de pagos ha cancelado este pago. No se te ha cobrado nada.
pay-refused = No se ha podido realizar el pago por un problema de nuestra parte. No se te ha cobrado nada; nuestro equipo ya está avisado.
order-pay-now = Pagar ahora
order-event-refund-requested = Reembolso a la tarjeta solicitado
order-event-refunded = Reembolsado a la tarjeta
payouts-in-payout = en un pago en camino
ledger-kind-refund = Reembolso (venta anulada)
ledger-kind-release = Fin de la protección al comprador: disponible
ledger-kind-payout = Pago a la tienda
ledger-kind-payout_paid = Pago enviado por el banco
