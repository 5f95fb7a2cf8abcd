## Promociones: páginas de promociones, etiquetas, editor del personal y vista del vendedor.

promos-link = Ofertas
promos-title = Ofertas y promociones
promos-live = Activas ahora
promos-upcoming = Próximamente
promos-none-live = Ahora mismo no hay ninguna promoción activa.
promos-none-upcoming = Todavía no hay nada anunciado.
promos-all = Todas las ofertas
promo-featured = Seleccionados para ti
promo-all-products = Todos los productos de la promoción
promo-badge = −{ $percent }% · { $title }
promo-discount = −{ $percent }%
price-was = Precio anterior
promo-starts-in = Empieza en { $duration }
promo-ends-in = Termina en { $duration }
promo-ended-on = Terminó el { $date }
promo-ended-text = Esta promoción ha terminado.
promo-preview-banner = Vista previa: así verán los compradores la página el { $at }. Los compradores no pueden ver esta vista previa.
duration-days = { $count ->
    [one] { $n } día
   *[other] { $n } días
}
duration-hours = { $count ->
    [one] { $n } hora
   *[other] { $n } horas
}
duration-minutes = { $count ->
    [one] { $n } minuto
   *[other] { $n } minutos
}

promos-staff-title = Promociones
promos-none-staff = Todavía no hay promociones.
promo-window = Vigencia
promo-preview = Vista previa
promo-preview-at-start = Vista previa en este idioma al inicio
promo-status-draft = Borrador
promo-status-published = Publicada
promo-new-title = Nueva promoción
promo-edit-title = Editar promoción
promo-publish = Publicar
promo-unpublish = Despublicar
promo-duplicated = Copiada como borrador.
promo-deleted = Promoción eliminada.
promo-delete-published = Despublica la promoción antes de eliminarla.
promo-hero = Imagen principal
promo-hero-file = Archivo de imagen
promo-hero-upload = Subir imagen
promo-schedule = Fechas y descuento
promo-field-name = Nombre interno
promo-field-discount = Descuento (%)
promo-field-starts = Inicio
promo-field-ends = Fin
promo-field-zone = Zona horaria de estas fechas
promo-field-position = Posición en la página de inicio
promo-field-position-hint = Los números más bajos aparecen primero.
promo-field-title = Título
promo-field-subtitle = Subtítulo
promo-field-body = Texto
promo-field-body-hint = Markdown: **negrita**, *cursiva*, [enlaces](https://…), listas. Se eliminan los scripts y los enlaces no seguros.
promo-field-alt = Descripción de la imagen principal
promo-targets = Productos de la promoción
promo-targets-hint = Un producto participa cuando aquí se elige su país, su tienda, su categoría o su propio número de producto.
promo-target-origins = Países de origen
promo-target-merchants = Tiendas
promo-target-categories = Categorías (con sus subcategorías)
promo-target-products = Productos seleccionados a mano
promo-featured-ids = Productos destacados, en orden
promo-ids-hint = Números de producto separados por comas, p. ej., 12, 40, 7.
promo-discount-invalid = Introduce un porcentaje entero entre 1 y 90.
promo-zone-invalid = Elige una zona horaria.
promo-date-invalid = Introduce una fecha y una hora.
promo-ends-before-start = El fin debe ser posterior al inicio.
promo-position-invalid = Introduce un número entero entre 0 y 999.
promo-ids-invalid = Usa números de producto separados por comas.
promo-ids-unknown = Algunos de estos productos no existen.
promo-title-en-required = El título en inglés es obligatorio: se muestra donde no hay traducción.
promo-slug-taken = Otra promoción ya usa esta dirección en este idioma.
promo-targets-required = Antes de publicar, elige al menos un país, una tienda, una categoría o un producto.

merchant-nav-promos = Promociones
staff-nav-promos = Promociones
merchant-promos-title = Promociones con tus productos
merchant-promos-intro = Las promociones de Caravan incluyen tus productos automáticamente. Aquí ves lo que pagan los compradores durante cada una; tú recibes el precio de la promoción.
merchant-promos-none = Ninguno de tus productos está en una promoción activa o próxima.
merchant-promos-regular = Precio habitual
merchant-promos-price = Precio promocional
merchant-promos-more = { $count ->
    [one] …y { $n } producto más.
   *[other] …y { $n } productos más.
}
time-in-zone = { $time } ({ $zone })
promo-field-funded-by = Quién paga el descuento
promo-field-funded-by-hint = Las tiendas bajan sus precios, o el marketplace paga a las tiendas el descuento de cada venta con tarjeta (aparece en sus extractos).
promo-funded-shop = Las tiendas
promo-funded-platform = El marketplace

## Público, horas locales, reparto del descuento.
promo-not-here = Esta promoción no está disponible en tu región o en tu idioma. Te esperan otras ofertas.
promo-funded-split = Compartido entre la tienda y el marketplace
promo-field-platform-share = Parte del descuento que paga el marketplace (%)
promo-field-platform-share-hint = Solo si el descuento es compartido: el marketplace paga esta parte del porcentaje de la promoción y la tienda, el resto.
promo-share-invalid = Introduce un porcentaje entero entre 1 y 99.
promo-audience = Quién ve la promoción
promo-audience-hint = Los compradores de fuera de los mercados e idiomas elegidos nunca ven la promoción, sus precios ni su página. No elijas ninguno para mostrarla a todo el mundo.
promo-audience-markets = Mercados (países a los que se envían los pedidos)
promo-audience-languages = Idiomas
promo-options = Opciones
promo-flag-local-times = Empezar y terminar a la hora local de cada mercado (las 00:00 en Madrid y las 00:00 en Moscú son instantes distintos)
promo-flag-open-to-merchants = Abierta a los vendedores: las tiendas pueden sumarse con sus propios productos con este descuento o uno mayor
promo-instants = Inicio y fin exactos en cada mercado
promo-instants-market = Mercado
promo-instants-elsewhere = Todos los demás destinos (UTC)
promo-window-local = { $start } → { $end }, hora local de cada mercado

## Tiendas que se suman a promociones abiertas a los vendedores.
join-open-title = Promociones a las que puedes sumarte
join-open-none = Ahora mismo no hay ninguna promoción abierta a las tiendas.
join-minimum = Al menos { $discount }
join-joined-count = { $count ->
    [one] { $n } producto incluido
   *[other] { $n } productos incluidos
}
join-open-link = Elegir productos
join-search = Busca tus productos (en cualquier idioma o por SKU)
join-search-button = Buscar
join-no-match = Ninguno de tus productos coincide.
join-products = Tus productos
join-pick = Incluir
join-current = Ahora en la promoción
join-more = Hay más productos que coinciden: acota la búsqueda para verlos.
join-percent = Tu descuento (%)
join-submit = Participar con los productos elegidos
join-leave = Salir de la promoción
join-saved = Tus productos ya están en la promoción.
join-left = Has salido de la promoción.
join-not-open = Esta promoción ya no está abierta a las tiendas.
join-percent-invalid = Introduce un porcentaje entero entre el mínimo de la promoción y 90.
join-no-products = Elige al menos uno de tus productos.
join-leave-started = La promoción ya ha empezado: ya no puedes salir de ella.

## Editor: vistas previas por mercado, copia para el año que viene.
promo-duplicate-next-year = Duplicar para el año que viene
promo-preview-lang = Idioma
promo-preview-market = Mercado
promo-preview-at = Fecha y hora (en tu zona horaria)
promo-find-products = Añadir productos, tiendas y categorías por nombre
promo-find-label = Un nombre en cualquier idioma
promo-find-none = Ningún producto coincide.
promo-find-results = Productos encontrados
promo-find-add = Añadir los productos marcados
