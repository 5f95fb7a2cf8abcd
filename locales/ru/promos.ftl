## Акции: страницы акций, бейджи, редактор для сотрудников и раздел продавца.

promos-link = Скидки
promos-title = Скидки и акции
promos-live = Идут сейчас
promos-upcoming = Скоро
promos-none-live = Сейчас нет действующих акций.
promos-none-upcoming = Новых акций пока не анонсировано.
promos-all = Все акции
promo-featured = Подборка для вас
promo-all-products = Все товары акции
promo-badge = −{ $percent }% · { $title }
promo-discount = −{ $percent }%
price-was = Старая цена
promo-starts-in = Начнётся через { $duration }
promo-ends-in = Закончится через { $duration }
promo-ended-on = Завершилась { $date }
promo-ended-text = Эта акция завершилась.
promo-preview-banner = Предпросмотр: так покупатели увидят страницу { $at }. Покупателям этот предпросмотр не виден.
duration-days = { $count ->
    [one] { $n } день
    [few] { $n } дня
    [many] { $n } дней
   *[other] { $n } дня
}
duration-hours = { $count ->
    [one] { $n } час
    [few] { $n } часа
    [many] { $n } часов
   *[other] { $n } часа
}
duration-minutes = { $count ->
    [one] { $n } минуту
    [few] { $n } минуты
    [many] { $n } минут
   *[other] { $n } минуты
}

promos-staff-title = Акции
promos-none-staff = Акций пока нет.
promo-window = Период проведения
promo-preview = Предпросмотр
promo-preview-at-start = Предпросмотр на этом языке на момент старта
promo-status-draft = Черновик
promo-status-published = Опубликована
promo-new-title = Новая акция
promo-edit-title = Редактирование акции
promo-publish = Опубликовать
promo-unpublish = Снять с публикации
promo-duplicated = Копия сохранена как черновик.
promo-deleted = Акция удалена.
promo-delete-published = Прежде чем удалить акцию, снимите её с публикации.
promo-hero = Баннер
promo-hero-file = Файл изображения
promo-hero-upload = Загрузить изображение
promo-schedule = Сроки и скидка
promo-field-name = Внутреннее название
promo-field-discount = Скидка, %
promo-field-starts = Начало
promo-field-ends = Окончание
promo-field-zone = Часовой пояс для указанного времени
promo-field-position = Место на главной странице
promo-field-position-hint = Чем меньше число, тем выше в списке.
promo-field-title = Заголовок
promo-field-subtitle = Подзаголовок
promo-field-body = Текст
promo-field-body-hint = Markdown: **жирный**, *курсив*, [ссылки](https://…), списки. Скрипты и небезопасные ссылки удаляются.
promo-field-alt = Описание баннера
promo-targets = Товары, участвующие в акции
promo-targets-hint = Товар участвует в акции, если здесь выбрана его страна, магазин, категория или указан его собственный номер.
promo-target-origins = Страны происхождения
promo-target-merchants = Магазины
promo-target-categories = Категории (вместе с подкатегориями)
promo-target-products = Товары, выбранные вручную
promo-featured-ids = Рекомендуемые товары (в порядке показа)
promo-ids-hint = Номера товаров через запятую, например 12, 40, 7.
promo-discount-invalid = Укажите скидку целым числом от 1 до 90.
promo-zone-invalid = Выберите часовой пояс.
promo-date-invalid = Укажите дату и время.
promo-ends-before-start = Окончание должно быть позже начала.
promo-position-invalid = Введите целое число от 0 до 999.
promo-ids-invalid = Укажите номера товаров через запятую.
promo-ids-unknown = Некоторых из этих товаров не существует.
promo-title-en-required = Нужен заголовок на английском: он показывается там, где нет перевода.
promo-slug-taken = Этот адрес на этом языке уже использует другая акция.
promo-targets-required = Перед публикацией выберите хотя бы одну страну, магазин, категорию или товар.

merchant-nav-promos = Акции
staff-nav-promos = Акции
merchant-promos-title = Акции с вашими товарами
merchant-promos-intro = Ваши товары автоматически участвуют в акциях Caravan. Здесь видно, сколько платят покупатели во время каждой акции; вы получаете акционную цену.
merchant-promos-none = Ни один из ваших товаров не участвует в текущих или предстоящих акциях.
merchant-promos-regular = Обычная цена
merchant-promos-price = Цена по акции
merchant-promos-more = { $count ->
    [one] …и ещё { $n } товар.
    [few] …и ещё { $n } товара.
    [many] …и ещё { $n } товаров.
   *[other] …и ещё { $n } товара.
}
time-in-zone = { $time } ({ $zone })
promo-field-funded-by = Кто оплачивает скидку
promo-field-funded-by-hint = Магазины снижают цены, или маркетплейс возмещает магазинам скидку с каждой продажи по карте (это видно в их выписках).
promo-funded-shop = Магазины
promo-funded-platform = Маркетплейс

## Аудитория, местное время, доли в оплате скидки.
promo-not-here = Эта акция недоступна в вашем регионе или на вашем языке. Вас ждут другие предложения.
promo-funded-split = Магазин и маркетплейс совместно
promo-field-platform-share = Доля маркетплейса в скидке, %
promo-field-platform-share-hint = Только при совместной оплате скидки: маркетплейс оплачивает эту часть процента акции, магазин — остальное.
promo-share-invalid = Укажите процент целым числом от 1 до 99.
promo-audience = Кто видит акцию
promo-audience-hint = Покупатели за пределами выбранных рынков и языков не видят ни акцию, ни её цены, ни её страницу. Чтобы показывать акцию всем, ничего не выбирайте.
promo-audience-markets = Рынки (страны доставки покупателей)
promo-audience-languages = Языки
promo-options = Параметры
promo-flag-local-times = Начало и окончание по местному времени каждого рынка (00:00 в Мадриде и 00:00 в Москве — разные моменты)
promo-flag-open-to-merchants = Открыта для магазинов: магазины могут добавить в акцию свои товары со скидкой не меньше этой
promo-instants = Точное время начала и окончания на каждом рынке
promo-instants-market = Рынок
promo-instants-elsewhere = Все остальные страны (UTC)
promo-window-local = { $start } → { $end }, по местному времени каждого рынка

## Участие магазинов в акциях, открытых для них.
join-open-title = Акции, в которых можно участвовать
join-open-none = Сейчас нет акций, открытых для магазинов.
join-minimum = Минимум { $discount }
join-joined-count = { $count ->
    [one] В акции { $n } товар
    [few] В акции { $n } товара
    [many] В акции { $n } товаров
   *[other] В акции { $n } товара
}
join-open-link = Выбрать товары
join-search = Найти свои товары (на любом языке или по артикулу)
join-search-button = Найти
join-no-match = Ни один из ваших товаров не подходит.
join-products = Ваши товары
join-pick = Добавить
join-current = Сейчас в акции
join-more = Подходят и другие товары: уточните запрос, чтобы увидеть их.
join-percent = Ваша скидка, %
join-submit = Участвовать с выбранными товарами
join-leave = Выйти из акции
join-saved = Ваши товары участвуют в акции.
join-left = Вы вышли из акции.
join-not-open = Эта акция больше не открыта для магазинов.
join-percent-invalid = Укажите процент целым числом: от минимальной скидки акции до 90.
join-no-products = Выберите хотя бы один из своих товаров.
join-leave-started = Акция уже началась: выйти из неё больше нельзя.

## Редактор: предпросмотр для рынка, копия на следующий год.
promo-duplicate-next-year = Копия на следующий год
promo-preview-lang = Язык
promo-preview-market = Рынок
promo-preview-at = Дата и время (в вашем часовом поясе)
promo-find-products = Добавить товары, магазины и категории по названию
promo-find-label = Название на любом языке
promo-find-none = Подходящих товаров не найдено.
promo-find-results = Найденные товары
promo-find-add = Добавить отмеченные товары
