## Страны и валюты.

country-ru = Россия
country-tr = Турция
country-it = Италия
country-es = Испания
country-kz = Казахстан
country-by = Беларусь
country-az = Азербайджан
country-uz = Узбекистан
country-de = Германия
country-fr = Франция
country-pt = Португалия
country-nl = Нидерланды
country-pl = Польша
country-gb = Великобритания
country-us = США
currency-eur = Евро
currency-rub = Российский рубль
currency-try = Турецкая лира
currency-usd = Доллар США
currency-kzt = Казахстанский тенге
currency-gbp = Британский фунт стерлингов
currency-pln = Польский злотый
