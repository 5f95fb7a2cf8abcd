# Nombres de las opciones y sus valores en cada idioma (personal: la lista compartida; vendedores: sus opciones).
staff-nav-options = Opciones
option-shared-title = Opciones compartidas
option-shared-intro = Tallas, colores y pesos que cualquier tienda puede usar. Sus nombres en cada idioma son lo que los compradores filtran y buscan; las opciones marcadas como filtros aparecen en los listados, con recuentos de todas las tiendas.
option-own-title = Tus opciones
option-own-intro = Las opciones que creaste para tus productos (en el editor de variantes o con una importación) y lo que queda por traducir. Las opciones compartidas (tallas, colores…) las traduce Caravan.
option-own-link = Tus opciones y sus valores en otros idiomas
option-back = Volver a las opciones
option-back-translations = Volver a las traducciones
option-none = Todavía no hay opciones.
option-col-name = Opción
option-col-values = Valores
option-facet-badge = Filtro
option-missing = Falta en: { $languages }
option-value-count = { $count ->
    [one] { $n } valor:
   *[other] { $n } valores:
}
option-products = { $count ->
    [0] Todavía no se vende ningún producto en esta opción.
    [one] { $n } producto se vende en esta opción.
   *[other] { $n } productos se venden en esta opción.
}
option-names-legend = Nombre de la opción
option-values-title = Valores
option-new-value-legend = Valor nuevo
option-new-value-hint = Rellena al menos un idioma para añadir un valor; déjalos todos vacíos para no añadir ninguno.
option-facet-label = Los compradores pueden filtrar los listados por esta opción
option-save = Guardar los nombres
option-saved = Nombres guardados. La búsqueda encontrará los nombres nuevos en cuanto los productos de esta opción se vuelvan a indexar, en segundo plano.
option-create-title = Nueva opción compartida
option-create = Crear la opción
option-created = Opción creada. Ahora añade sus valores.
option-error-name-needed = Indica un nombre en al menos un idioma.
option-error-name-taken = Otro valor de esta opción ya tiene este nombre en este idioma.
option-error-option-taken = Una opción compartida ya tiene este nombre en este idioma.
