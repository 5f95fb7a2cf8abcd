## Страницы ошибок.

error-not-found = Страница не найдена
error-not-found-body = Страница, которую вы ищете, не существует или была перемещена.
error-bad-request = Некорректный запрос
error-bad-request-body = Часть отправленных данных некорректна. Вернитесь назад и попробуйте ещё раз.
error-forbidden = Доступ запрещён
error-forbidden-body = У вас нет прав на просмотр этой страницы.
error-csrf-failed = Срок действия формы истёк
error-csrf-failed-body = В целях безопасности форму не удалось отправить. Обновите страницу и попробуйте ещё раз.
error-payload-too-large = Слишком большой объём данных
error-payload-too-large-body = Отправленный файл или форма превышает допустимый размер.
error-unavailable = Сайт сейчас перегружен
error-unavailable-body = Сервис временно недоступен. Попробуйте ещё раз через минуту.
error-internal = Что-то пошло не так
error-internal-body = На нашей стороне произошла непредвиденная ошибка. Мы её зафиксировали — попробуйте ещё раз.
error-back-home = На главную
error-too-many-requests = Слишком много запросов
error-too-many-requests-body = Подождите немного и попробуйте ещё раз.
error-sign-in-required = Войдите в аккаунт
error-sign-in-required-body = Чтобы просмотреть эту страницу, нужно войти в аккаунт.
