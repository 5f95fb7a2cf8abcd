# Письма о заказах. $number: номер заказа (или несколько номеров); $shop: магазин; $name и $city: кому и куда
# отправляется заказ; $amount: сумма заказа в валюте читателя; $count: количество заказов.
mail-hello = Здравствуйте, { $name }!
mail-order-heading = Заказ { $number } · { $shop }
mail-col-item = Товар
mail-col-quantity = Кол-во
mail-col-amount = Сумма
mail-shipping = Доставка
mail-total = Итого
mail-view-order = Посмотреть заказ
mail-track = Отследить посылку
mail-tracking = Трек-номер: { $tracking }
mail-cancel-reason = Причина отмены: { $reason }
mail-footer = Вы получили это письмо в связи с заказом на маркетплейсе Caravan. Оператор маркетплейса — { $operator }.
mail-subject-order-placed = { $count ->
    [one] Оформлен { $count } заказ: { $number }
    [few] Оформлено { $count } заказа: { $number }
    [many] Оформлено { $count } заказов: { $number }
   *[other] Оформлено { $count } заказа: { $number }
}
mail-lead-order-placed-shopper = { $count ->
    [one] Спасибо за заказ! Ниже — всё, что вы заказали. Мы сообщим вам об отправке.
    [few] Спасибо за заказ! Каждый магазин отправит вам свою посылку; мы будем сообщать об отправке каждой из них.
    [many] Спасибо за заказ! Каждый магазин отправит вам свою посылку; мы будем сообщать об отправке каждой из них.
   *[other] Спасибо за заказ! Каждый магазин отправит вам свою посылку; мы будем сообщать об отправке каждой из них.
}
mail-subject-order-new = Новый заказ { $number }
mail-lead-order-new-merchant = В магазин «{ $shop }» поступил новый заказ { $number }. Получатель: { $name }, { $city }. Когда заказ будет оплачен, подготовьте его к отправке.
mail-subject-order-paid = Заказ { $number } оплачен
mail-lead-order-paid-shopper = Мы получили оплату в размере { $amount } за ваш заказ { $number } в магазине «{ $shop }».
mail-lead-order-paid-merchant = Заказ { $number } оплачен ({ $amount }). Теперь его можно отправлять.
mail-subject-order-shipped = Заказ { $number } отправлен
mail-lead-order-shipped-shopper = Магазин «{ $shop }» отправил ваш заказ { $number }.
mail-subject-order-delivered = Заказ { $number } доставлен
mail-lead-order-delivered-shopper = Ваш заказ { $number } из магазина «{ $shop }» доставлен. Надеемся, покупка вам понравится.
mail-subject-order-cancelled = Заказ { $number } отменён
mail-lead-order-cancelled-shopper = Ваш заказ { $number } в магазине «{ $shop }» отменён. Если вы оплатили его картой, деньги будут возвращены автоматически.
mail-lead-order-cancelled-merchant = Покупатель отменил заказ { $number }. Товары из этого заказа снова в наличии.
mail-subject-order-refunded = Деньги за заказ { $number } возвращены
mail-lead-order-refunded-shopper = На вашу карту возвращено { $amount } за заказ { $number }.
mail-note-order-refunded-shopper = Обычно банк зачисляет возврат на карту в течение 5–10 дней.

# Сотрудники: почта.
staff-nav-mail = Почта
staff-mail-title = Почта
staff-mail-intro = Письма о заказах уходят через очередь исходящих: если почтовый сервер даёт сбой, каждое письмо отправляется повторно со всё большим интервалом, а после последней попытки попадает в этот список.
staff-mail-none = Писем пока нет.
staff-mail-state-queued = в очереди на отправку
staff-mail-state-sending = в процессе отправки
staff-mail-state-sent = отправлено
staff-mail-state-skipped = не требуется (покрыто другим письмом)
staff-mail-state-retry = к повторной отправке
staff-mail-state-failed = ошибка отправки
staff-mail-failed = Неотправленные письма
staff-mail-failed-none = Неотправленных писем нет.
staff-mail-what = Письмо
staff-mail-to = Кому
staff-mail-error = Ошибка
staff-mail-kind-order-placed = Подтверждение заказа
staff-mail-kind-order-new = Новый заказ (магазину)
staff-mail-kind-order-paid = Заказ оплачен
staff-mail-kind-order-shipped = Заказ отправлен
staff-mail-kind-order-delivered = Заказ доставлен
staff-mail-kind-order-cancelled = Заказ отменён
staff-mail-kind-order-refunded = Деньги за заказ возвращены
staff-mail-error-smtp-rejected = Почтовый сервер отклонил письмо или адрес.
staff-mail-error-smtp-unavailable = Не удалось связаться с почтовым сервером.
staff-mail-error-smtp-timeout = Почтовый сервер не ответил вовремя.
staff-mail-error-file-unwritable = Не удалось записать файл письма.
staff-mail-error-bad-address = Адрес электронной почты в аккаунте нельзя использовать.
staff-mail-error-compose-failed = Не удалось составить письмо (подробности — в журнале сервера).
staff-mail-retry-queued = Письмо скоро будет отправлено повторно.
staff-mail-retry-not-failed = Это письмо не ожидает повторной попытки.

# Письма об аккаунте.
mail-footer-account = Вы получили это письмо, потому что у вас есть аккаунт на маркетплейсе Caravan. Оператор маркетплейса — { $operator }.
mail-subject-password-reset = Сброс пароля от аккаунта Caravan
mail-lead-password-reset = Кто-то (вероятно, вы) запросил сброс пароля от вашего аккаунта Caravan. Задайте новый пароль по этой ссылке. Ссылка действует один час, и воспользоваться ей можно только один раз.
mail-reset-button = Задать новый пароль
mail-note-password-reset = Если вы не запрашивали сброс пароля, просто проигнорируйте это письмо: ваш пароль останется прежним.
mail-subject-password-changed = Пароль от аккаунта Caravan изменён
mail-lead-password-changed = Пароль от вашего аккаунта Caravan только что был изменён. На всех остальных устройствах выполнен выход из аккаунта.
mail-note-password-changed = Если это были не вы, немедленно сбросьте пароль на странице входа и напишите в нашу службу поддержки.
staff-mail-kind-password-reset = Ссылка для сброса пароля
staff-mail-kind-password-changed = Пароль изменён

# Страницы сброса пароля.
reset-forgot = Забыли пароль?
reset-title = Сброс пароля
reset-ask-intro = Введите адрес электронной почты, указанный в вашем аккаунте. Мы отправим на него ссылку, по которой можно задать новый пароль.
reset-send = Отправить ссылку
reset-sent = Если этот адрес привязан к аккаунту, мы отправили на него ссылку, по которой можно задать новый пароль. Ссылка действует один час, и воспользоваться ей можно только один раз. Если письмо не придёт в течение нескольких минут, проверьте папку «Спам».
reset-back-to-sign-in = Вернуться ко входу
reset-invalid = Эта ссылка больше не действует: она уже была использована, с момента её отправки прошло больше часа или в ней допущена опечатка.
reset-ask-again = Запросить новую ссылку
reset-limited = Слишком много запросов с этого подключения. Попробуйте ещё раз через час.
reset-choose-intro = Задайте новый пароль для вашего аккаунта. После этого на всех устройствах будет выполнен выход из аккаунта.
reset-new-password = Новый пароль
reset-save = Сохранить новый пароль
reset-done = Пароль изменён. Войдите с новым паролем.

# Письма о заявке на открытие магазина. $shop: название магазина; $reason: что написали сотрудники.
mail-subject-shop-approved = Ваш магазин «{ $shop }» открыт на Caravan
mail-lead-shop-approved = Хорошие новости: мы одобрили магазин «{ $shop }». Теперь ваш магазин и товары, выставленные в нём на продажу, видны покупателям во всех странах, куда вы доставляете.
mail-note-shop-approved = Что дальше: в кабинете магазина добавьте товары и их переводы, а также укажите стоимость доставки.
mail-shop-open = Перейти в кабинет магазина
mail-subject-shop-rejected = Ваша заявка на открытие магазина «{ $shop }»
mail-lead-shop-rejected = К сожалению, мы не можем одобрить заявку на открытие магазина «{ $shop }» в её нынешнем виде.
mail-note-shop-rejected = Комментарий нашей команды: «{ $reason }». Вы можете исправить заявку и отправить её повторно.
mail-shop-apply-again = Перейти к заявке
staff-mail-kind-shop-approved = Магазин одобрен
staff-mail-kind-shop-rejected = Магазин отклонён

# Подтверждение адреса электронной почты.
mail-subject-verify-email = Подтвердите адрес электронной почты для Caravan
mail-lead-verify-email = Пожалуйста, подтвердите, что это ваш адрес электронной почты: так письма о заказах будут доходить до вас и вы сможете открыть магазин. Ссылка действует два дня.
mail-verify-button = Подтвердить мой адрес
mail-note-verify-email = Если вы не создавали аккаунт на Caravan и не меняли в нём адрес, просто проигнорируйте это письмо.
staff-mail-kind-verify-email = Подтверждение адреса
verify-title = Подтверждение адреса электронной почты
verify-confirm-intro = Чтобы подтвердить этот адрес для вашего аккаунта Caravan, нажмите кнопку ниже.
verify-confirm = Подтвердить мой адрес
verify-invalid = Эта ссылка больше не действует: она уже была использована, с момента её отправки прошло больше двух дней или в ней допущена опечатка. Запросите новую ссылку в личном кабинете.
verify-taken = Этот адрес теперь привязан к другому аккаунту, поэтому подтвердить его для вашего аккаунта нельзя.
verify-to-account = Перейти в личный кабинет
verify-done = Спасибо! Ваш адрес электронной почты подтверждён.
verify-sent = Мы отправили новую ссылку для подтверждения.
verify-not-sent = Новая ссылка не отправлена: адрес уже подтверждён или за последний час уже было отправлено три ссылки.
verify-reminder = Подтвердите адрес электронной почты: перейдите по ссылке, которую мы отправили на { $email }.
verify-resend = Отправить ссылку ещё раз
merchant-verify-first = Прежде чем подать заявку на открытие магазина, подтвердите адрес электронной почты: перейдите по ссылке из нашего письма или запросите новую ссылку выше.
account-email-title = Адрес электронной почты
account-new-email = Новый адрес электронной почты
account-new-email-hint = Мы отправим ссылку для подтверждения на новый адрес. Пока вы не перейдёте по ней, в аккаунте останется текущий адрес.
account-current-password = Ваш текущий пароль
account-change-email = Сменить адрес
account-email-same = Это и есть ваш текущий адрес.
account-email-change-sent = Мы отправили ссылку для подтверждения на новый адрес. Адрес изменится, когда вы перейдёте по ней.
account-email-in-use = Этот адрес уже используется в другом аккаунте.
