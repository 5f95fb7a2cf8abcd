## Lista de deseos.

wishlist-title = Tu lista de deseos
wishlist-save = Guardar
wishlist-count = { $count ->
    [one] { $n } producto guardado
   *[other] { $n } productos guardados
}
wishlist-empty = Aún no has guardado nada. Usa «Guardar» en cualquier producto para tenerlo aquí.
wishlist-guest-note = Inicia sesión para tener la lista en todos tus dispositivos: al hacerlo se une a la de tu cuenta.
wishlist-added = Guardado en tu lista de deseos.
wishlist-already = Este producto ya está en tu lista de deseos.
wishlist-full = Tu lista de deseos está llena. Quita algo primero.
wishlist-removed = Quitado de tu lista de deseos.
wishlist-remove = Quitar
wishlist-price-dropped = Ha bajado de precio
wishlist-in-stock = Disponible
nav-wishlist = Lista de deseos
wishlist-saved = Guardado
wishlist-away = { $count ->
    [one] { $n } producto guardado no está a la venta ahora; volverá aquí cuando su tienda lo ponga de nuevo a la venta.
   *[other] { $n } productos guardados no están a la venta ahora; volverán aquí cuando sus tiendas los pongan de nuevo a la venta.
}
