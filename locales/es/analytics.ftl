## Estadísticas de ventas: promociones, el marketplace y cada tienda.

staff-nav-analytics = Estadísticas
merchant-nav-analytics = Estadísticas
analytics-campaign-title = Estadísticas: { $title }
analytics-platform-title = Ventas del marketplace
analytics-shop-title = Tus ventas
analytics-link = Estadísticas
analytics-period = Periodo
analytics-days = { $count ->
    [one] Último { $n } día
   *[other] Últimos { $n } días
}
analytics-currency = Moneda del informe
analytics-show = Mostrar
analytics-views = Visitas a la página de la promoción
analytics-product-views = Visitas a las páginas de producto
analytics-orders = Pedidos
analytics-units = Unidades
analytics-revenue = Ingresos
analytics-conversion = Conversión de visitas en pedidos
analytics-percent = { $value } %
analytics-chart-title = Ingresos por día
analytics-chart-desc = { $days ->
    [one] Ingresos en { $days } día: { $total } en total, { $peak } el mejor día.
   *[other] Ingresos en { $days } días: { $total } en total, { $peak } el mejor día.
}
analytics-by-market = Por mercado (país al que se envían los pedidos)
analytics-by-origin = Por país de origen
analytics-by-shop = Por tienda
analytics-top-products = Productos más vendidos
analytics-daily = Día a día
analytics-col-market = Mercado
analytics-col-origin = Origen
analytics-col-shop = Tienda
analytics-col-product = Producto
analytics-col-day = Día
analytics-csv = Descargar en CSV
analytics-none = Todavía no hay ventas.
