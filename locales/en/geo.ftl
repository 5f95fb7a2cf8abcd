## Countries and currencies.

country-ru = Russia
country-tr = Turkey
country-it = Italy
country-es = Spain
country-kz = Kazakhstan
country-by = Belarus
country-az = Azerbaijan
country-uz = Uzbekistan
country-de = Germany
country-fr = France
country-pt = Portugal
country-nl = Netherlands
country-pl = Poland
country-gb = United Kingdom
country-us = United States
currency-eur = Euro
currency-rub = Russian ruble
currency-try = Turkish lira
currency-usd = US dollar
currency-kzt = Kazakhstani tenge
currency-gbp = British pound
currency-pln = Polish złoty
