## Раздел продавца: обзор, профиль магазина, доставка, товары, изображения, переводы, CSV.

merchant-nav-label = Ваш магазин
merchant-nav-overview = Обзор
merchant-nav-products = Товары
merchant-nav-translations = Переводы
merchant-nav-shipping = Доставка
merchant-nav-profile = Профиль магазина
merchant-nav-import = Импорт и экспорт
merchant-suspended-banner = Сотрудники Caravan приостановили работу вашего магазина: покупатели его не видят. Редактировать каталог по-прежнему можно; причина указана на странице вашей заявки.
merchant-saved = Сохранено.
merchant-save = Сохранить
merchant-page-of = Страница { $page } из { $pages }
merchant-filter-all = Все

merchant-dashboard-title = Обзор магазина
merchant-view-shop = Посмотреть магазин глазами покупателя
merchant-todo-title = Что ещё нужно сделать
merchant-todo-shipping = Укажите, куда вы доставляете и по какой цене
merchant-todo-product = Добавьте первый товар
merchant-todo-logo = Загрузите логотип магазина
merchant-tile-open-orders = Заказы в работе
merchant-tile-live = Товары в продаже
merchant-tile-draft = Черновики
merchant-tile-out-of-stock = В продаже, но нет в наличии
merchant-tile-archived = В архиве
merchant-coverage-title = Готовность переводов
merchant-coverage-intro = Покупатели читают описания товаров на своём языке. Если перевода нет, товар показывается на том языке, на котором вы его заполнили.
merchant-coverage-language = Язык
merchant-coverage-translated = Переведено товаров
merchant-coverage-count = { $done } из { $total }

merchant-profile-title = Профиль магазина
merchant-logo-title = Логотип
merchant-logo-alt = Текущий логотип
merchant-logo-file = Файл логотипа
merchant-logo-upload = Загрузить логотип
merchant-descriptions = Описание магазина на разных языках
merchant-description-in = О вашем магазине ({ $language })
merchant-currency-fixed = Цены указываются в валюте вашей страны — { $currency }. Покупатели видят их в пересчёте на свою валюту.
field-original-lang = Язык, на котором вы пишете
field-name = Название

merchant-shipping-title = Доставка
merchant-shipping-intro = Отметьте страны и зоны, куда вы доставляете, и укажите для каждой фиксированную стоимость доставки за заказ и срок в рабочих днях. Строка страны важнее строки её зоны; «Остальные страны» — все страны, которых нет ни в одной отмеченной строке.
shipping-currency-note = Стоимость указывается в валюте { $currency }, например: { $example }.
shipping-destination = Куда
shipping-rate = Стоимость за заказ
shipping-days-min = Срок от (рабочих дней)
shipping-days-max = Срок до (рабочих дней)
shipping-everywhere-else = Остальные страны
shipping-zone-eu = Европейский союз
shipping-zone-europe = Европа вне ЕС
shipping-zone-cis = СНГ и Центральная Азия
shipping-rate-for = Стоимость доставки: { $destination }
shipping-days-min-for = Минимальный срок доставки в рабочих днях: { $destination }
shipping-days-max-for = Максимальный срок доставки в рабочих днях: { $destination }
shipping-days-invalid = Введите целое число дней от 0 до 120.
shipping-days-order = Максимальный срок доставки не может быть меньше минимального.

merchant-products-title = Товары
merchant-products-search = Поиск по товарам (название или артикул)
merchant-sort-updated = Недавно изменённые
merchant-sort-newest = Сначала новые
merchant-sort-price-asc = Сначала дешевле
merchant-sort-price-desc = Сначала дороже
merchant-sort-stock-asc = Сначала с наименьшим остатком
merchant-products-count = { $count ->
    [one] { $n } товар
    [few] { $n } товара
    [many] { $n } товаров
   *[other] { $n } товара
}
merchant-products-none = Подходящих товаров не найдено.
merchant-col-image = Изображение
merchant-col-product = Товар
merchant-col-languages = Языки
field-sku = Артикул (SKU)
field-category = Категория
field-price = Цена
field-stock = Остаток
field-status = Статус
product-status-draft = Черновик
product-status-active = В продаже
product-status-archived = В архиве

product-new-title = Новый товар
product-edit-title = Редактирование товара
product-view-live = Посмотреть в магазине
product-basics = Основное
product-sku-hint = Ваш собственный код товара: буквы, цифры и символы - _ . /
product-category-choose = Выберите категорию
product-price-in = Цена, { $currency }
product-price-hint = Укажите цену в привычном формате, например { $example }.
product-weight-grams = Вес в граммах (необязательно)
product-original-hint = Язык, на котором вы заполнили этот товар. Его увидят покупатели, для чьего языка нет перевода.
product-title = Название
product-description-field = Описание
product-slug = Адрес страницы в URL (необязательно)
product-slug-hint = Если оставить поле пустым, адрес будет составлен из названия.
product-sku-invalid = Используйте только буквы, цифры и символы - _ . /, не более 64 символов.
product-sku-taken = Этот артикул уже указан у другого вашего товара.
product-category-invalid = Выберите категорию из списка.
product-status-invalid = Выберите статус.
product-price-invalid = Укажите цену в формате, как в примере.
product-price-range = Цена должна быть больше нуля и не больше 100 миллионов.
product-stock-invalid = Введите целое число от 0 до 1 000 000.
product-weight-invalid = Укажите вес целым числом граммов или оставьте поле пустым.
product-original-invalid = Выберите один из языков.
product-original-title-required = Укажите название на исходном языке — это обязательно.
product-title-needed = Добавьте название на этом языке или очистите остальные поля для него.
product-duplicated = Копия сохранена как черновик. Измените то, что отличается, и опубликуйте её.
product-deleted = Товар удалён.
product-delete-ordered = Этот товар уже заказывали, поэтому удалить его нельзя. Вместо этого переместите его в архив.
product-more-actions = Другие действия
product-duplicate = Создать копию
product-archive = В архив
product-unarchive = Вернуть в черновики
product-delete = Удалить
product-delete-hint = Удалить можно только товар, который ни разу не заказывали; при архивации товар скрывается, а его история сохраняется.

product-images-title = Изображения
product-images-add = Добавить изображения
product-images-upload = Загрузить
product-images-added = Изображения добавлены.
product-image-deleted = Изображение удалено.
product-image-cover = Обложка
product-image-up = Сдвинуть к началу
product-image-down = Сдвинуть к концу
product-image-delete = Удалить изображение
product-alt-in = Описание для незрячих покупателей ({ $language })
product-alt-save = Сохранить описания
product-image-slots = { $count ->
    [one] Можно добавить ещё { $n } изображение.
    [few] Можно добавить ещё { $n } изображения.
    [many] Можно добавить ещё { $n } изображений.
   *[other] Можно добавить ещё { $n } изображения.
}
upload-rules = JPEG, PNG или WebP, не больше 10 МБ каждый файл. Мы уменьшаем изображения и удаляем из них скрытые данные (например, геолокацию).
upload-none = Выберите хотя бы один файл.
upload-not-image = этот файл не является изображением JPEG, PNG или WebP.
upload-unsupported = этот формат изображений не поддерживается; используйте JPEG, PNG или WebP.
upload-too-large = этот файл больше 10 МБ.
upload-too-many-pixels = в этом изображении слишком много пикселей (больше 32 мегапикселей или больше 12 000 пикселей по одной из сторон).
upload-too-many = { $count ->
    [0] У этого товара уже максимальное число изображений — 8.
    [one] Можно добавить ещё только { $n } изображение (максимум 8).
    [few] Можно добавить ещё только { $n } изображения (максимум 8).
    [many] Можно добавить ещё только { $n } изображений (максимум 8).
   *[other] Можно добавить ещё только { $n } изображения (максимум 8).
}

coverage-title = Переводы
coverage-intro = Здесь видно, каким товарам не хватает перевода и на какие языки. Заполните переводы, чтобы ваши товары видели покупатели на всех рынках.
coverage-filter = Показать
coverage-all = Все товары
coverage-missing = Нет перевода: { $language }

import-title = Импорт и экспорт
export-title = Экспорт
export-intro = Скачайте все свои товары в виде таблицы (CSV, UTF-8): по одной строке на товар (или на вариант, если товар продаётся в размерах, цветах или весе) и по столбцу для каждого языка.
export-download = Скачать CSV
import-upload-title = Импорт
import-intro = Загрузите файл в том же формате, чтобы создать новые товары или обновить существующие по артикулу. Сначала мы проверим весь файл и покажем все ошибки. Пока вы не подтвердите импорт, ничего не изменится, а после подтверждения будут применены либо все строки, либо ни одной.
import-columns = Столбцы
import-columns-hint = Разделители: "," ";" или табуляция; цены в формате 1299.50 или 1.299,50; категории — по ключу, адресу (slug) или названию на любом языке (ключи ниже); статус — draft (черновик), active (в продаже) или archived (в архиве). Если для языка в файле нет столбцов, его текущие тексты сохранятся.
import-category-keys = Ключи категорий
import-category = Категория
import-category-key = Ключ
import-file = Файл CSV
import-check = Проверить файл
import-apply = Применить импорт
import-ready = { $count ->
    [one] Файл в порядке: новых — { $created }, обновлённых — { $updated }.
    [few] Файл в порядке: новых — { $created }, обновлённых — { $updated }.
    [many] Файл в порядке: новых — { $created }, обновлённых — { $updated }.
   *[other] Файл в порядке: новых — { $created }, обновлённых — { $updated }.
}
import-problems = { $count ->
    [one] Найдена { $n } ошибка
    [few] Найдено { $n } ошибки
    [many] Найдено { $n } ошибок
   *[other] Найдено { $n } ошибки
}
import-nothing-applied = Ничего не изменилось. Исправьте файл и проверьте его ещё раз.
import-col-line = Строка
import-col-column = Столбец
import-col-problem = Ошибка
import-line = строка { $line }
import-done = Импорт выполнен.
import-file-too-large = Файл больше 20 МБ.
import-not-utf8 = Файл не в кодировке UTF-8. Сохраните его в формате «CSV UTF-8» и попробуйте ещё раз.
import-empty = В файле нет товаров.
import-missing-column = В первой строке нет столбца «{ $column }».
import-too-many-rows = В файле больше { $column } строк — разделите его на части.
import-row-unreadable = Не удалось прочитать эту строку (проверьте кавычки).
import-currency-mismatch = Валюта не совпадает с валютой вашего магазина.
import-duplicate-sku = Этот артикул уже встречается в строке { $line }.
import-expired = Срок действия проверки истёк, или импорт уже применён. Загрузите файл ещё раз.
import-changed = После проверки ваш каталог изменился. Загрузите файл ещё раз.
