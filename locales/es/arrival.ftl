# Fechas de entrega (issue #27).
delivery-arrives = llega { $dates }
delivery-promised = Llega { $dates } (estimación al hacer el pedido)
shipping-handling-days = Tiempo de preparación (días laborables)
shipping-handling-hint = Días laborables desde el pedido hasta entregar el paquete al transportista (de 0 a 60). Con los días de entrega de cada destino (también laborables) da las fechas de llegada que ven los compradores.
shipping-handling-invalid = Escribe un número entero de días laborables de 0 a 60.
shipping-cutoff = Hora límite de pedidos (tu hora local)
shipping-cutoff-hint = Los pedidos hechos a esta hora o más tarde cuentan desde el día siguiente. Los festivos nacionales de tu país no son días laborables, ni, para la entrega, los del país de destino.
shipping-cutoff-none = Sin hora límite: cuenta todo el día
shipping-cutoff-invalid = Elige una hora de la lista.
card-delivery-dates = Envío { $cost } · { $dates }
