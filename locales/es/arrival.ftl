# Fechas de entrega (issue #27).
delivery-arrives = llega { $dates }
delivery-promised = Llega { $dates } (estimación al hacer el pedido)
shipping-handling-days = Tiempo de preparación (días laborables)
shipping-handling-hint = Días laborables desde el pedido hasta entregar el paquete al transportista (de 0 a 60). Con los días de entrega de cada destino (también laborables) da las fechas de llegada que ven los compradores.
shipping-handling-invalid = Escribe un número entero de días laborables de 0 a 60.
