## Opiniones de compradores verificados, respuestas de las tiendas, denuncias y moderación.

merchant-nav-reviews = Opiniones
staff-nav-reviews = Opiniones
review-heading = Opiniones
review-none = Todavía no hay opiniones.
review-none-match = Ninguna opinión coincide con estos filtros.
review-rated = Valoración: { $average } de 5
review-rated-count = { $count ->
    [one] Valoración: { $average } de 5, { $n } opinión
   *[other] Valoración: { $average } de 5, { $n } opiniones
}
review-count = { $count ->
    [one] { $n } opinión
   *[other] { $n } opiniones
}
review-stars = { $count ->
    [one] { $n } estrella
   *[other] { $n } estrellas
}
review-see-all = { $count ->
    [one] Leer la opinión
   *[other] Leer las { $n } opiniones
}
review-distribution = Distribución de las opiniones por número de estrellas
review-bought-in = comprado en { $country }
review-written-in = { $lang ->
    [ru] Escrita en ruso
    [tr] Escrita en turco
    [it] Escrita en italiano
    [es] Escrita en español
   *[en] Escrita en inglés
}
review-photo-alt = Foto de { $author }
review-reply-label = Respuesta de la tienda
review-page-title = Opiniones sobre { $product }
review-filter-stars = Estrellas
review-filter-all-stars = Todas las valoraciones
review-filter-lang = Idioma
review-filter-all-langs = Todos los idiomas
review-filter-photos = Solo con fotos
review-filter-apply = Mostrar
review-report = Denunciar una opinión
review-report-which = Motivo para denunciar la opinión de { $author }
review-report-send = Denunciar
review-reason-spam = Spam o publicidad
review-reason-offensive = Contenido ofensivo o insultante
review-reason-off-topic = No trata sobre este producto
review-reason-other = Otro motivo
review-reported = Gracias. Nuestro equipo revisará esta opinión.
review-reported-already = Ya has denunciado esta opinión.
review-report-throttled = Has enviado muchas denuncias en la última hora. Vuelve a intentarlo más tarde.
review-write-title = Valora tu compra
review-order = pedido { $number }
review-field-rating = Tu valoración
review-field-title = Título (opcional)
review-field-body = Tu opinión (opcional)
review-field-lang = Idioma en el que escribes
review-field-photos = { $count ->
    [one] Foto (opcional, máximo { $n })
   *[other] Fotos (opcional, hasta { $n })
}
review-submit = Publicar opinión
review-thanks = Gracias por tu opinión. Ya aparece en la página del producto.
review-rating-required = Elige de 1 a 5 estrellas.
review-title-too-long = El título puede tener como máximo 120 caracteres.
review-text-too-long = Tu opinión puede tener como máximo 5.000 caracteres.
review-lang-required = Elige el idioma en el que has escrito.
review-too-many-photos = Añade como máximo 4 fotos.
review-not-bought = Solo puedes valorar productos que hayas comprado.
review-not-delivered = Podrás valorar este producto cuando se haya entregado tu pedido.
review-already = Ya has valorado este producto.
review-back-to-orders = Volver a tus pedidos
review-invite = Valorar este producto
review-reviewed = Has valorado este producto
review-shop-title = Opiniones sobre tus productos
review-shop-intro = Opiniones de los compradores sobre tus productos, de la más reciente a la más antigua. Puedes responder una vez a cada opinión, de forma pública, y editar tu respuesta más adelante. La tienda no puede modificar ni eliminar las opiniones.
review-reply-write = Responder públicamente
review-reply-edit = Editar tu respuesta pública
review-reply-send = Publicar respuesta
review-reply-saved = Tu respuesta se ha publicado.
review-reply-required = Primero escribe una respuesta.
review-reply-too-long = La respuesta puede tener como máximo 2.000 caracteres.
review-queue-title = Moderación de opiniones
review-queue-intro = Opiniones denunciadas por los clientes: primero las que tienen más denuncias y después las ocultas. Para ocultar una opinión hay que indicar un motivo, que queda guardado con la opinión del comprador; una opinión oculta se puede restaurar. Todas las decisiones quedan en el registro de actividad.
review-reports = { $count ->
    [one] { $n } denuncia
   *[other] { $n } denuncias
}
review-hide-reason = Motivo para ocultar la opinión
review-hide = Ocultar
review-hide-reason-required = Indica el motivo para ocultar la opinión.
review-hidden = La opinión está oculta y ya no cuenta en las valoraciones.
review-hidden-because = Oculta: { $reason }
review-restore = Restaurar
review-restored = La opinión vuelve a mostrarse.
mail-note-order-delivered-shopper = Cuéntales a otros compradores qué te ha parecido: abre tu pedido y elige «Valorar este producto». Tu opinión muestra tu nombre, la inicial de tu apellido y tu país.
