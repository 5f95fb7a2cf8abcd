## Отзывы проверенных покупателей, ответы магазинов, жалобы и модерация.

merchant-nav-reviews = Отзывы
staff-nav-reviews = Отзывы
review-heading = Отзывы
review-none = Отзывов пока нет.
review-none-match = По этим фильтрам отзывов не найдено.
review-rated = Средняя оценка: { $average } из 5
review-rated-count = { $count ->
    [one] Средняя оценка: { $average } из 5, { $n } отзыв
    [few] Средняя оценка: { $average } из 5, { $n } отзыва
    [many] Средняя оценка: { $average } из 5, { $n } отзывов
   *[other] Средняя оценка: { $average } из 5, { $n } отзыва
}
review-count = { $count ->
    [one] { $n } отзыв
    [few] { $n } отзыва
    [many] { $n } отзывов
   *[other] { $n } отзыва
}
review-stars = { $count ->
    [one] { $n } звезда
    [few] { $n } звезды
    [many] { $n } звёзд
   *[other] { $n } звезды
}
review-see-all = { $count ->
    [1] Читать отзыв
    [one] Читать все { $n } отзыв
    [few] Читать все { $n } отзыва
    [many] Читать все { $n } отзывов
   *[other] Читать все { $n } отзыва
}
review-distribution = Распределение отзывов по количеству звёзд
review-bought-in = страна покупки: { $country }
review-written-in = { $lang ->
    [ru] Написан на русском
    [tr] Написан на турецком
    [it] Написан на итальянском
    [es] Написан на испанском
   *[en] Написан на английском
}
review-photo-alt = Фото из отзыва (автор: { $author })
review-reply-label = Ответ магазина
review-page-title = Отзывы: { $product }
review-filter-stars = Оценка
review-filter-all-stars = Все оценки
review-filter-lang = Язык
review-filter-all-langs = Все языки
review-filter-photos = Только с фото
review-filter-apply = Показать
review-report = Пожаловаться на отзыв
review-report-which = Причина жалобы на отзыв (автор: { $author })
review-report-send = Отправить жалобу
review-reason-spam = Спам или реклама
review-reason-offensive = Оскорбления или грубость
review-reason-off-topic = Не об этом товаре
review-reason-other = Другое
review-reported = Спасибо! Наша команда проверит этот отзыв.
review-reported-already = Вы уже пожаловались на этот отзыв.
review-report-throttled = За последний час вы отправили слишком много жалоб. Попробуйте позже.
review-write-title = Оставьте отзыв о покупке
review-order = заказ { $number }
review-field-rating = Ваша оценка
review-field-title = Заголовок (необязательно)
review-field-body = Ваш отзыв (необязательно)
review-field-lang = Язык отзыва
review-field-photos = { $count ->
    [one] Фото (необязательно, не больше { $n })
    [few] Фото (необязательно, не больше { $n })
    [many] Фото (необязательно, не больше { $n })
   *[other] Фото (необязательно, не больше { $n })
}
review-submit = Опубликовать отзыв
review-thanks = Спасибо за отзыв! Он уже опубликован на странице товара.
review-rating-required = Выберите оценку от 1 до 5 звёзд.
review-title-too-long = Заголовок должен быть не длиннее 120 символов.
review-text-too-long = Отзыв должен быть не длиннее 5000 символов.
review-lang-required = Выберите язык, на котором написан отзыв.
review-too-many-photos = Можно добавить не больше 4 фото.
review-not-bought = Оставлять отзывы можно только о купленных товарах.
review-not-delivered = Оставить отзыв об этом товаре можно будет после доставки заказа.
review-already = Вы уже оставили отзыв об этом товаре.
review-back-to-orders = Вернуться к заказам
review-invite = Оставить отзыв о товаре
review-reviewed = Вы оставили отзыв об этом товаре
review-shop-title = Отзывы о ваших товарах
review-shop-intro = Отзывы покупателей о ваших товарах, сначала новые. На каждый отзыв можно один раз ответить публично, а позже отредактировать ответ. Магазин не может изменять или удалять отзывы.
review-reply-write = Ответить публично
review-reply-edit = Изменить публичный ответ
review-reply-send = Опубликовать ответ
review-reply-saved = Ваш ответ опубликован.
review-reply-required = Сначала напишите ответ.
review-reply-too-long = Ответ должен быть не длиннее 2000 символов.
review-queue-title = Модерация отзывов
review-queue-intro = Отзывы, на которые пожаловались покупатели: сначала те, на которые жаловались чаще всего, затем скрытые. Скрыть отзыв можно только с указанием причины — она сохраняется в отзыве покупателя; скрытый отзыв можно восстановить. Каждое решение записывается в журнал действий.
review-reports = { $count ->
    [one] { $n } жалоба
    [few] { $n } жалобы
    [many] { $n } жалоб
   *[other] { $n } жалобы
}
review-hide-reason = Причина скрытия
review-hide = Скрыть
review-hide-reason-required = Укажите, почему вы скрываете отзыв.
review-hidden = Отзыв скрыт и больше не учитывается в рейтинге.
review-hidden-because = Скрыт: { $reason }
review-restore = Восстановить
review-restored = Отзыв снова показывается.
mail-note-order-delivered-shopper = Расскажите другим покупателям о своих впечатлениях: откройте заказ и нажмите «Оставить отзыв о товаре». В отзыве будут видны ваше имя, первая буква фамилии и страна.
