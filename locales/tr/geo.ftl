## Ülkeler ve para birimleri.

country-ru = Rusya
country-tr = Türkiye
country-it = İtalya
country-es = İspanya
country-kz = Kazakistan
country-by = Belarus
country-az = Azerbaycan
country-uz = Özbekistan
country-de = Almanya
country-fr = Fransa
country-pt = Portekiz
country-nl = Hollanda
country-pl = Polonya
country-gb = Birleşik Krallık
country-us = Amerika Birleşik Devletleri
currency-eur = Euro
currency-rub = Rus Rublesi
currency-try = Türk Lirası
currency-usd = ABD Doları
currency-kzt = Kazakistan Tengesi
currency-gbp = İngiliz Sterlini
currency-pln = Polonya Zlotisi
