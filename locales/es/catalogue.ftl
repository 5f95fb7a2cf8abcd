## Catálogo para compradores: inicio, listados, búsqueda, páginas de producto.

home-title = Artesanía y productos locales de cuatro países
home-hero-title = Compra directamente a artesanos locales
home-hero-text = Cerámica de Gzhel e Iznik, piel de Florencia y Ubrique, té, dulces y mucho más, directamente de pequeñas tiendas de Rusia, Turquía, Italia y España.
home-origins-title = Compra por país de origen
home-categories-title = Categorías
home-newest-title = Novedades
catalogue-product-count =
    { $count ->
        [one] { $n } producto
       *[other] { $n } productos
    }
listing-filters = Filtros
listing-origin = Enviado desde
listing-category = Categorías
listing-price = Precio
listing-price-min = Desde
listing-price-max = Hasta
listing-availability = Disponibilidad
listing-in-stock = Solo disponibles
listing-rating = Valoración de los clientes
listing-top-rated = 4★ o más
listing-sort = Ordenar por
listing-apply = Aplicar
listing-clear = Borrar filtros
listing-results = Resultados
listing-page-of = Página { $page } de { $pages }
listing-prev = Anterior
listing-next = Siguiente
listing-pagination = Páginas
listing-empty = Ningún producto coincide con estos filtros. Prueba a quitar alguno.
sort-relevance = Más relevantes
sort-newest = Más recientes
sort-price-asc = Precio: de menor a mayor
sort-price-desc = Precio: de mayor a menor
sort-rating = Mejor valorados
search-title = Búsqueda
search-results-for = Resultados de «{ $query }»
search-no-results = No hemos encontrado nada para «{ $query }». Revisa la ortografía o prueba con una palabra más general.
search-too-short = Escribe al menos dos letras para buscar.
search-too-long = Esa palabra es demasiado larga para buscarla. Prueba con una más corta.
search-did-you-mean = ¿Quisiste decir: { $query }?
search-suggest-category = Categoría
search-suggest-shop = Tienda
search-matching-categories = Categorías que coinciden
search-suggest-label = Sugerencias
card-ships-from = Desde { $country }
product-ships-from = Se envía desde { $country }
product-merchant-price = Precio del vendedor: { $price }
product-in-stock =
    { $count ->
        [one] En stock: { $n } unidad
       *[other] En stock: { $n } unidades
    }
product-out-of-stock = Agotado
product-sold-by = Vendido por
product-description = Descripción
product-gallery = Fotos del producto
product-sku = Referencia
product-listed-on = Fecha de publicación
origin-heading-ru = Hecho en Rusia
origin-heading-tr = Hecho en Turquía
origin-heading-it = Hecho en Italia
origin-heading-es = Hecho en España
origin-intro-ru = Porcelana de Gzhel, chales de Pávlovski Posad, miel del Altái y mucho más de talleres rusos.
origin-intro-tr = Azulejos de Iznik, seda de Bursa, kilims de Anatolia y delicias turcas de artesanos turcos.
origin-intro-it = Piel florentina, mayólica, seda de Como y los clásicos de la despensa italiana.
origin-intro-es = Cerámica de Talavera, piel de Ubrique, alpargatas y delicatessen españolas.
product-delivery = Envío a { $country }: { $cost } · { $days }
product-free-shipping = gratis
product-no-delivery = Esta tienda no envía a { $country }. Elige otro país en la parte superior de la página para ver el envío.
listing-ships-to-me = Envían a { $country }
card-delivery = Envío { $cost } · { $min ->
    [0] hasta { $max } días
   *[other] { $min }–{ $max } días
}
