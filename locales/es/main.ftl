## Estructura del sitio: cabecera, pie de página, navegación, mercado.

site-name = Caravan
site-tagline = Artesanos y productores locales de Rusia, Turquía, Italia y España, con envío hasta tu casa.
nav-skip = Ir al contenido
nav-home = Inicio
nav-language = Idioma
nav-menu = Menú
nav-breadcrumbs = Ruta de navegación
search-label = Buscar productos
search-placeholder = Busca bolsos, té, cerámica…
search-button = Buscar
market-label = Envío y moneda
market-title = ¿Adónde enviamos tu pedido y en qué moneda quieres ver los precios?
market-ship-to = Enviar a
market-currency = Moneda
market-apply = Guardar
footer-note = Los precios se convierten desde la moneda del vendedor al cambio de hoy; pagas el precio que ves al finalizar la compra.
market-other-country = Otro país
market-page-title = Adónde enviamos
market-page-intro = Elige el país de envío y la moneda en la que ver los precios. Están todos los países; cada producto indica si su tienda envía allí.
market-currency-default = La habitual en ese país
