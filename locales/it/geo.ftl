## Paesi e valute.

country-ru = Russia
country-tr = Turchia
country-it = Italia
country-es = Spagna
country-kz = Kazakistan
country-by = Bielorussia
country-az = Azerbaigian
country-uz = Uzbekistan
country-de = Germania
country-fr = Francia
country-pt = Portogallo
country-nl = Paesi Bassi
country-pl = Polonia
country-gb = Regno Unito
country-us = Stati Uniti
currency-eur = Euro
currency-rub = Rublo russo
currency-try = Lira turca
currency-usd = Dollaro statunitense
currency-kzt = Tenge kazako
currency-gbp = Sterlina britannica
currency-pln = Złoty polacco
