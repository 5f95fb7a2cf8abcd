## Área del vendedor: resumen, perfil de la tienda, envíos, productos, imágenes, traducciones, CSV.

merchant-nav-label = Tu tienda
merchant-nav-overview = Resumen
merchant-nav-products = Productos
merchant-nav-translations = Traducciones
merchant-nav-shipping = Envíos
merchant-nav-profile = Perfil de la tienda
merchant-nav-import = Importar y exportar
merchant-suspended-banner = El personal de Caravan ha suspendido tu tienda: los compradores no pueden verla. Puedes seguir editando tu catálogo; consulta el motivo en la página de tu solicitud.
merchant-saved = Guardado.
merchant-save = Guardar
merchant-page-of = Página { $page } de { $pages }
merchant-filter-all = Todos

merchant-dashboard-title = Resumen de la tienda
merchant-view-shop = Ver tu tienda como la ven los compradores
merchant-todo-title = Pendiente
merchant-todo-shipping = Indica adónde envías y a qué precio
merchant-todo-product = Añade tu primer producto
merchant-todo-logo = Sube el logotipo de tu tienda
merchant-tile-open-orders = Pedidos por gestionar
merchant-tile-live = Productos publicados
merchant-tile-draft = Borradores
merchant-tile-out-of-stock = Publicados pero agotados
merchant-tile-archived = Archivados
merchant-coverage-title = Estado de las traducciones
merchant-coverage-intro = Los compradores leen tus productos en su propio idioma. Si falta la traducción, ven el producto en el idioma en el que lo escribiste.
merchant-coverage-language = Idioma
merchant-coverage-translated = Productos traducidos
merchant-coverage-count = { $done } de { $total }

merchant-profile-title = Perfil de la tienda
merchant-logo-title = Logotipo
merchant-logo-alt = Tu logotipo actual
merchant-logo-file = Imagen del logotipo
merchant-logo-upload = Subir logotipo
merchant-descriptions = Sobre tu tienda, por idioma
merchant-description-in = Sobre tu tienda ({ $language })
merchant-currency-fixed = Tus precios están en { $currency }, la moneda de tu país. Los compradores los ven convertidos a la suya.
field-original-lang = Idioma en el que escribes
field-name = Nombre

merchant-shipping-title = Envíos
merchant-shipping-intro = Marca cada país o zona al que envías e indica una tarifa fija por pedido y el plazo de entrega en días laborables. La fila de un país prevalece sobre la de su zona; "Resto del mundo" incluye todos los países que ninguna fila indica.
shipping-currency-note = Las tarifas se indican en { $currency } y se escriben así: { $example }.
shipping-destination = Destino
shipping-rate = Tarifa por pedido
shipping-days-min = Mínimo (días laborables)
shipping-days-max = Máximo (días laborables)
shipping-everywhere-else = Resto del mundo
shipping-zone-eu = Unión Europea
shipping-zone-europe = Europa fuera de la UE
shipping-zone-cis = CEI y Asia Central
shipping-rate-for = Tarifa por pedido ({ $destination })
shipping-days-min-for = Plazo mínimo de entrega en días laborables ({ $destination })
shipping-days-max-for = Plazo máximo de entrega en días laborables ({ $destination })
shipping-days-invalid = Introduce un número entero de días entre 0 y 120.
shipping-days-order = El plazo máximo de entrega no puede ser menor que el mínimo.

merchant-products-title = Productos
merchant-products-search = Busca en tus productos (título o SKU)
merchant-sort-updated = Modificados recientemente
merchant-sort-newest = Más recientes
merchant-sort-price-asc = Precio: de menor a mayor
merchant-sort-price-desc = Precio: de mayor a menor
merchant-sort-stock-asc = Stock: de menor a mayor
merchant-products-count = { $count ->
    [one] { $n } producto
   *[other] { $n } productos
}
merchant-products-none = Ningún producto coincide.
merchant-col-image = Imagen
merchant-col-product = Producto
merchant-col-languages = Idiomas
field-sku = SKU
field-category = Categoría
field-price = Precio
field-stock = Stock
field-status = Estado
product-status-draft = Borrador
product-status-active = Publicado
product-status-archived = Archivado

product-new-title = Nuevo producto
product-edit-title = Editar producto
product-view-live = Verlo en la tienda
product-basics = Datos básicos
product-sku-hint = Tu propio código para este producto: letras, números y - _ . /
product-category-choose = Elige una categoría
product-price-in = Precio en { $currency }
product-price-hint = Escríbelo como sueles hacerlo, por ejemplo { $example }.
product-weight-grams = Peso en gramos (opcional)
product-original-hint = El idioma en el que escribiste este producto. Los compradores cuyo idioma no esté disponible lo verán en este.
product-title = Título
product-description-field = Descripción
product-slug = Slug de la dirección web (opcional)
product-slug-hint = Si lo dejas vacío, se genera a partir del título.
product-sku-invalid = Usa solo letras, números y - _ . /, con un máximo de 64 caracteres.
product-sku-taken = Otro de tus productos ya tiene este SKU.
product-category-invalid = Elige una categoría de la lista.
product-status-invalid = Elige un estado.
product-price-invalid = Escribe el precio como en el ejemplo.
product-price-range = El precio debe ser mayor que cero y no superar los 100 millones.
product-stock-invalid = Escribe un número entero entre 0 y 1.000.000.
product-weight-invalid = Escribe un número entero de gramos o deja el campo vacío.
product-original-invalid = Elige uno de los idiomas.
product-original-title-required = El título en tu idioma original es obligatorio.
product-title-needed = Añade un título en este idioma o vacía los demás campos de este idioma.
product-duplicated = Copiado como borrador. Cambia lo que sea distinto y publícalo.
product-deleted = Producto eliminado.
product-delete-ordered = Este producto ya se ha pedido, así que no se puede eliminar. Archívalo en su lugar.
product-more-actions = Más acciones
product-duplicate = Duplicar
product-archive = Archivar
product-unarchive = Restaurar como borrador
product-delete = Eliminar
product-delete-hint = Solo se pueden eliminar los productos que nunca se han pedido; al archivar un producto, se oculta y se conserva su historial.

product-images-title = Imágenes
product-images-add = Añadir imágenes
product-images-upload = Subir
product-images-added = Imágenes añadidas.
product-image-deleted = Imagen eliminada.
product-image-cover = Portada
product-image-up = Mover antes
product-image-down = Mover después
product-image-delete = Eliminar imagen
product-alt-in = Descripción para compradores ciegos ({ $language })
product-alt-save = Guardar descripciones
product-image-slots = { $count ->
    [one] Puedes añadir { $n } imagen más.
   *[other] Puedes añadir { $n } imágenes más.
}
upload-rules = JPEG, PNG o WebP, de hasta 10 MB cada una. Las imágenes se redimensionan y se eliminan sus datos ocultos (como la ubicación).
upload-none = Elige al menos un archivo.
upload-not-image = este archivo no es una imagen JPEG, PNG ni WebP.
upload-unsupported = no se admite este formato de imagen; usa JPEG, PNG o WebP.
upload-too-large = este archivo ocupa más de 10 MB.
upload-too-many-pixels = esta imagen tiene demasiados píxeles (más de 32 megapíxeles o más de 12.000 píxeles por lado).
upload-too-many = { $count ->
    [0] Este producto ya tiene el máximo de 8 imágenes.
    [one] Solo cabe { $n } imagen más (8 como máximo).
   *[other] Solo caben { $n } imágenes más (8 como máximo).
}

coverage-title = Traducciones
coverage-intro = Qué productos tuyos no están traducidos y a qué idiomas. Complétalos para llegar a compradores de todos los mercados.
coverage-filter = Mostrar
coverage-all = Todos los productos
coverage-missing = Sin traducción: { $language }

import-title = Importar y exportar
export-title = Exportar
export-intro = Descarga todos tus productos como hoja de cálculo (CSV, UTF-8): una fila por producto, o por variante si el producto se vende en tallas, colores o pesos, con columnas para cada idioma.
export-download = Descargar CSV
import-upload-title = Importar
import-intro = Sube un archivo con el mismo formato para crear productos o actualizarlos según su SKU. Primero revisamos todo el archivo y te mostramos todos los problemas; no cambia nada hasta que lo confirmes, y entonces se aplican todas las filas o ninguna.
import-columns = Columnas
import-columns-hint = Separadores "," ";" o tabulador; precios como 1299.50 o 1.299,50; categorías por clave, slug o nombre en cualquier idioma (claves abajo); estado draft (borrador), active (publicado) o archived (archivado). Los idiomas sin columnas en el archivo conservan sus textos actuales.
import-category-keys = Claves de categoría
import-category = Categoría
import-category-key = Clave
import-file = Archivo CSV
import-check = Comprobar archivo
import-apply = Aplicar importación
import-ready = { $count ->
    [one] El archivo es correcto. Nuevos: { $created }; actualizados: { $updated }.
   *[other] El archivo es correcto. Nuevos: { $created }; actualizados: { $updated }.
}
import-problems = { $count ->
    [one] Se ha encontrado { $n } problema
   *[other] Se han encontrado { $n } problemas
}
import-nothing-applied = No se ha cambiado nada. Corrige el archivo y vuelve a comprobarlo.
import-col-line = Línea
import-col-column = Columna
import-col-problem = Problema
import-line = línea { $line }
import-done = Importación completada.
import-file-too-large = El archivo ocupa más de 20 MB.
import-not-utf8 = El archivo no es texto UTF-8. Guárdalo como "CSV UTF-8" e inténtalo de nuevo.
import-empty = El archivo no contiene productos.
import-missing-column = Falta la columna "{ $column }" en la primera línea.
import-too-many-rows = El archivo tiene más de { $column } filas; divídelo en varios archivos.
import-row-unreadable = No se ha podido leer esta línea (revisa las comillas).
import-currency-mismatch = La moneda no coincide con la de tu tienda.
import-duplicate-sku = Este SKU ya aparece en la línea { $line }.
import-expired = Esta comprobación ha caducado o ya se ha aplicado. Vuelve a subir el archivo.
import-changed = Tu catálogo ha cambiado desde la comprobación. Vuelve a subir el archivo.
