## Каталог для покупателей: главная, списки товаров, поиск, страницы товаров.

home-title = Ручная работа и местные товары из четырёх стран
home-hero-title = Покупайте напрямую у местных мастеров
home-hero-text = Керамика из Гжели и Изника, кожа из Флоренции и Убрике, чай, сладости и многое другое — прямо из небольших магазинов России, Турции, Италии и Испании.
home-origins-title = Товары по странам происхождения
home-categories-title = Категории
home-newest-title = Новинки
catalogue-product-count =
    { $count ->
        [one] { $n } товар
        [few] { $n } товара
        [many] { $n } товаров
       *[other] { $n } товара
    }
listing-filters = Фильтры
listing-origin = Страна отправки
listing-category = Категории
listing-price = Цена
listing-price-min = От
listing-price-max = До
listing-availability = Наличие
listing-in-stock = Только в наличии
listing-rating = Оценка покупателей
listing-top-rated = 4★ и выше
listing-sort = Сортировка
listing-apply = Применить
listing-clear = Сбросить фильтры
listing-results = Результаты
listing-page-of = Страница { $page } из { $pages }
listing-prev = Назад
listing-next = Далее
listing-pagination = Страницы
listing-empty = По выбранным фильтрам ничего не нашлось. Попробуйте убрать один из них.
sort-relevance = По релевантности
sort-newest = Сначала новые
sort-price-asc = Сначала дешевле
sort-price-desc = Сначала дороже
sort-rating = Сначала с высокой оценкой
search-title = Поиск
search-results-for = Результаты по запросу «{ $query }»
search-no-results = По запросу «{ $query }» ничего не найдено. Проверьте написание или попробуйте более общее слово.
search-too-short = Введите хотя бы две буквы, чтобы начать поиск.
search-too-long = Слово слишком длинное для поиска. Попробуйте слово покороче.
search-did-you-mean = Возможно, вы искали: { $query }?
search-suggest-category = Категория
search-suggest-shop = Магазин
search-matching-categories = Подходящие категории
search-suggest-label = Подсказки
card-ships-from = Страна: { $country }
product-ships-from = Страна отправки: { $country }
product-merchant-price = Цена продавца: { $price }
product-in-stock =
    { $count ->
        [one] В наличии: { $n } штука
        [few] В наличии: { $n } штуки
        [many] В наличии: { $n } штук
       *[other] В наличии: { $n } штуки
    }
product-out-of-stock = Нет в наличии
product-sold-by = Продавец:
product-description = Описание
product-gallery = Фотографии товара
product-sku = Артикул
product-listed-on = Дата размещения
origin-heading-ru = Сделано в России
origin-heading-tr = Сделано в Турции
origin-heading-it = Сделано в Италии
origin-heading-es = Сделано в Испании
origin-intro-ru = Гжельский фарфор, павловопосадские платки, алтайский мёд и многое другое из российских мастерских.
origin-intro-tr = Изникская плитка, шёлк из Бурсы, анатолийские килимы и рахат-лукум от турецких мастеров.
origin-intro-it = Флорентийская кожа, майолика, шёлк из Комо и классические итальянские продукты.
origin-intro-es = Керамика из Талаверы, кожа из Убрике, эспадрильи и испанские деликатесы.
product-delivery = Доставка — { $country }: { $cost } · { $days }
product-free-shipping = бесплатно
product-no-delivery = Этот магазин не доставляет в выбранную страну ({ $country }). Выберите другую страну вверху страницы, чтобы увидеть условия доставки.
listing-ships-to-me = Доставляют в страну: { $country }
card-delivery = Доставка { $cost } · { $min ->
    [0] до { $max } дн.
   *[other] { $min }–{ $max } дн.
}
