# Naming options and values in every language (staff: the shared list; merchants: their own options).
staff-nav-options = Options
option-shared-title = Shared options
option-shared-intro = Sizes, colours and weights every shop can use. Their names in every language are what shoppers filter by and search for; options marked as filters appear on listings, with counts across all shops.
option-own-title = Your options
option-own-intro = The options you made for your products (in the variant editor or by an import), and what is left to translate. The shared options (sizes, colours…) are translated by Caravan.
option-own-link = Your options and their values in other languages
option-back = Back to the options
option-back-translations = Back to translations
option-none = No options yet.
option-col-name = Option
option-col-values = Values
option-facet-badge = Filter
option-missing = Missing in: { $languages }
option-value-count = { $count ->
    [one] { $n } value:
   *[other] { $n } values:
}
option-products = { $count ->
    [0] No product is sold in this option yet.
    [one] { $n } product is sold in this option.
   *[other] { $n } products are sold in this option.
}
option-names-legend = Name of the option
option-values-title = Values
option-new-value-legend = New value
option-new-value-hint = Fill in at least one language to add a value; leave all empty to add none.
option-facet-label = Shoppers can filter listings by this option
option-save = Save names
option-saved = Names saved. Search finds the new names as soon as the products sold in this option are indexed again, in the background.
option-create-title = New shared option
option-create = Create option
option-created = Option created. Now add its values.
option-error-name-needed = Give a name in at least one language.
option-error-name-taken = Another value of this option already has this name in this language.
option-error-option-taken = A shared option already has this name in this language.
