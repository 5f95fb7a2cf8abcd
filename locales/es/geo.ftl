## Países y monedas.

country-ru = Rusia
country-tr = Turquía
country-it = Italia
country-es = España
country-kz = Kazajistán
country-by = Bielorrusia
country-az = Azerbaiyán
country-uz = Uzbekistán
country-de = Alemania
country-fr = Francia
country-pt = Portugal
country-nl = Países Bajos
country-pl = Polonia
country-gb = Reino Unido
country-us = Estados Unidos
currency-eur = Euro
currency-rub = Rublo ruso
currency-try = Lira turca
currency-usd = Dólar estadounidense
currency-kzt = Tenge kazajo
currency-gbp = Libra esterlina
currency-pln = Esloti polaco
