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
