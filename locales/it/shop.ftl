## Area venditore: panoramica, profilo del negozio, spedizioni, prodotti, immagini, traduzioni, CSV.

merchant-nav-label = Il tuo negozio
merchant-nav-overview = Panoramica
merchant-nav-products = Prodotti
merchant-nav-translations = Traduzioni
merchant-nav-shipping = Spedizioni
merchant-nav-profile = Profilo del negozio
merchant-nav-import = Importa ed esporta
merchant-suspended-banner = Il tuo negozio è stato sospeso dallo staff di Caravan: gli acquirenti non possono vederlo. Puoi comunque modificare il catalogo; trovi il motivo nella pagina della tua richiesta.
merchant-saved = Salvato.
merchant-save = Salva
merchant-page-of = Pagina { $page } di { $pages }
merchant-filter-all = Tutti

merchant-dashboard-title = Panoramica del negozio
merchant-view-shop = Guarda il tuo negozio come lo vedono gli acquirenti
merchant-todo-title = Ancora da fare
merchant-todo-shipping = Indica dove spedisci e a quale prezzo
merchant-todo-product = Aggiungi il tuo primo prodotto
merchant-todo-logo = Carica il logo del tuo negozio
merchant-tile-open-orders = Ordini da gestire
merchant-tile-live = Prodotti online
merchant-tile-draft = Bozze
merchant-tile-out-of-stock = Online ma esauriti
merchant-tile-archived = Archiviati
merchant-coverage-title = Stato delle traduzioni
merchant-coverage-intro = Gli acquirenti leggono i tuoi prodotti nella propria lingua. Se manca la traduzione, vedono il prodotto nella lingua in cui l'hai scritto.
merchant-coverage-language = Lingua
merchant-coverage-translated = Prodotti tradotti
merchant-coverage-count = { $done } di { $total }

merchant-profile-title = Profilo del negozio
merchant-logo-title = Logo
merchant-logo-alt = Il tuo logo attuale
merchant-logo-file = Immagine del logo
merchant-logo-upload = Carica logo
merchant-descriptions = Informazioni sul tuo negozio, per lingua
merchant-description-in = Informazioni sul tuo negozio ({ $language })
merchant-currency-fixed = I tuoi prezzi sono in { $currency }, la valuta del tuo paese. Gli acquirenti li vedono convertiti nella propria valuta.
field-original-lang = Lingua in cui scrivi
field-name = Nome

merchant-shipping-title = Spedizioni
merchant-shipping-intro = Spunta ogni paese o zona in cui spedisci e indica una tariffa fissa per ordine e i tempi di consegna in giorni lavorativi. La riga di un paese prevale su quella della sua zona; "Resto del mondo" comprende tutti i paesi che nessuna riga indica.
shipping-currency-note = Le tariffe sono in { $currency } e si scrivono così: { $example }.
shipping-destination = Destinazione
shipping-rate = Tariffa per ordine
shipping-days-min = Minimo (giorni lavorativi)
shipping-days-max = Massimo (giorni lavorativi)
shipping-everywhere-else = Resto del mondo
shipping-zone-eu = Unione europea
shipping-zone-europe = Europa fuori dall'UE
shipping-zone-cis = CSI e Asia centrale
shipping-rate-for = Tariffa per ordine ({ $destination })
shipping-days-min-for = Giorni lavorativi di consegna minimi ({ $destination })
shipping-days-max-for = Giorni lavorativi di consegna massimi ({ $destination })
shipping-days-invalid = Inserisci un numero intero di giorni da 0 a 120.
shipping-days-order = Il numero massimo di giorni non può essere inferiore al minimo.

merchant-products-title = Prodotti
merchant-products-search = Cerca tra i tuoi prodotti (titolo o SKU)
merchant-sort-updated = Modificati di recente
merchant-sort-newest = Più recenti
merchant-sort-price-asc = Prezzo: dal più basso al più alto
merchant-sort-price-desc = Prezzo: dal più alto al più basso
merchant-sort-stock-asc = Scorte: dalle più basse
merchant-products-count = { $count ->
    [one] { $n } prodotto
   *[other] { $n } prodotti
}
merchant-products-none = Nessun prodotto corrisponde alla ricerca.
merchant-col-image = Immagine
merchant-col-product = Prodotto
merchant-col-languages = Lingue
field-sku = SKU
field-category = Categoria
field-price = Prezzo
field-stock = Scorte
field-status = Stato
product-status-draft = Bozza
product-status-active = Online
product-status-archived = Archiviato

product-new-title = Nuovo prodotto
product-edit-title = Modifica prodotto
product-view-live = Vedilo nel negozio
product-basics = Informazioni di base
product-sku-hint = Il tuo codice per questo prodotto: lettere, cifre e - _ . /
product-category-choose = Scegli una categoria
product-price-in = Prezzo in { $currency }
product-price-hint = Scrivilo come fai di solito, ad esempio { $example }.
product-weight-grams = Peso in grammi (facoltativo)
product-original-hint = La lingua in cui hai scritto questo prodotto. Gli acquirenti per la cui lingua manca la traduzione vedono questa.
product-title = Titolo
product-description-field = Descrizione
product-slug = Slug dell'indirizzo web (facoltativo)
product-slug-hint = Se lo lasci vuoto, viene ricavato dal titolo.
product-sku-invalid = Usa solo lettere, cifre e - _ . /, al massimo 64 caratteri.
product-sku-taken = Un altro dei tuoi prodotti ha già questo SKU.
product-category-invalid = Scegli una categoria dall'elenco.
product-status-invalid = Scegli uno stato.
product-price-invalid = Scrivi il prezzo come nell'esempio.
product-price-range = Il prezzo deve essere maggiore di zero e non superare i 100 milioni.
product-stock-invalid = Inserisci un numero intero da 0 a 1.000.000.
product-weight-invalid = Inserisci un numero intero di grammi o lascia vuoto il campo.
product-original-invalid = Scegli una delle lingue.
product-original-title-required = Il titolo nella lingua originale è obbligatorio.
product-title-needed = Aggiungi un titolo in questa lingua oppure svuota gli altri campi di questa lingua.
product-duplicated = Copiato come bozza. Modifica ciò che è diverso e pubblicalo.
product-deleted = Prodotto eliminato.
product-delete-ordered = Questo prodotto è già stato ordinato, quindi non può essere eliminato. Puoi invece archiviarlo.
product-more-actions = Altre azioni
product-duplicate = Duplica
product-archive = Archivia
product-unarchive = Ripristina come bozza
product-delete = Elimina
product-delete-hint = Puoi eliminare solo i prodotti che non sono mai stati ordinati; l'archiviazione nasconde il prodotto e ne conserva la cronologia.

product-images-title = Immagini
product-images-add = Aggiungi immagini
product-images-upload = Carica
product-images-added = Immagini aggiunte.
product-image-deleted = Immagine eliminata.
product-image-cover = Copertina
product-image-up = Sposta prima
product-image-down = Sposta dopo
product-image-delete = Elimina immagine
product-alt-in = Descrizione per acquirenti non vedenti ({ $language })
product-alt-save = Salva descrizioni
product-image-slots = { $count ->
    [one] Puoi aggiungere ancora { $n } immagine.
   *[other] Puoi aggiungere ancora { $n } immagini.
}
upload-rules = JPEG, PNG o WebP, fino a 10 MB ciascuno. Le immagini vengono ridimensionate e i dati nascosti (come la posizione) vengono rimossi.
upload-none = Scegli almeno un file.
upload-not-image = questo file non è un'immagine JPEG, PNG o WebP.
upload-unsupported = questo formato di immagine non è accettato; usa JPEG, PNG o WebP.
upload-too-large = questo file supera i 10 MB.
upload-too-many-pixels = questa immagine ha troppi pixel (più di 32 megapixel o più di 12.000 pixel su un lato).
upload-too-many = { $count ->
    [0] Questo prodotto ha già il numero massimo di 8 immagini.
    [one] Puoi aggiungere solo { $n } altra immagine (massimo 8).
   *[other] Puoi aggiungere solo altre { $n } immagini (massimo 8).
}

coverage-title = Traduzioni
coverage-intro = Quali dei tuoi prodotti non sono tradotti e in quali lingue. Completa le traduzioni per raggiungere gli acquirenti in ogni mercato.
coverage-filter = Mostra
coverage-all = Tutti i prodotti
coverage-missing = Traduzione mancante: { $language }

import-title = Importa ed esporta
export-title = Esporta
export-intro = Scarica tutti i tuoi prodotti come foglio di calcolo (CSV, UTF-8): una riga per prodotto, o per variante se il prodotto è venduto in taglie, colori o pesi, con colonne per ogni lingua.
export-download = Scarica CSV
import-upload-title = Importa
import-intro = Carica un file nello stesso formato per creare prodotti o aggiornarli in base allo SKU. Prima controlliamo tutto il file e ti mostriamo ogni problema; non cambia nulla finché non confermi, e a quel punto vengono applicate tutte le righe o nessuna.
import-columns = Colonne
import-columns-hint = Separatori "," ";" o tabulazione; prezzi come 1299.50 o 1.299,50; categorie indicate con chiave, slug o nome in qualsiasi lingua (chiavi qui sotto); stato draft (bozza), active (online) o archived (archiviato). Le lingue senza colonne nel file mantengono i testi attuali.
import-category-keys = Chiavi delle categorie
import-category = Categoria
import-category-key = Chiave
import-file = File CSV
import-check = Controlla file
import-apply = Applica importazione
import-ready = { $count ->
    [one] Il file è a posto. Nuovi: { $created }; aggiornati: { $updated }.
   *[other] Il file è a posto. Nuovi: { $created }; aggiornati: { $updated }.
}
import-problems = { $count ->
    [one] { $n } problema trovato
   *[other] { $n } problemi trovati
}
import-nothing-applied = Non è stato modificato nulla. Correggi il file e controllalo di nuovo.
import-col-line = Riga
import-col-column = Colonna
import-col-problem = Problema
import-line = riga { $line }
import-done = Importazione completata.
import-file-too-large = Il file supera i 20 MB.
import-not-utf8 = Il file non è un testo UTF-8. Salvalo come "CSV UTF-8" e riprova.
import-empty = Il file non contiene prodotti.
import-missing-column = Nella prima riga manca la colonna "{ $column }".
import-too-many-rows = Il file ha più di { $column } righe: dividilo in più file.
import-row-unreadable = Impossibile leggere questa riga (controlla le virgolette).
import-currency-mismatch = La valuta è diversa da quella del tuo negozio.
import-duplicate-sku = Questo SKU compare già alla riga { $line }.
import-expired = Questo controllo è scaduto o è già stato applicato. Carica di nuovo il file.
import-changed = Il tuo catalogo è cambiato dopo il controllo. Carica di nuovo il file.
