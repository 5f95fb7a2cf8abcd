## Избранное.

wishlist-title = Избранное
wishlist-save = В избранное
wishlist-count = { $count ->
    [one] { $n } товар в избранном
    [few] { $n } товара в избранном
    [many] { $n } товаров в избранном
   *[other] { $n } товара в избранном
}
wishlist-empty = Здесь пока пусто. Нажмите «В избранное» на странице товара, чтобы вернуться к нему позже.
wishlist-guest-note = Войдите, чтобы список был на всех ваших устройствах: при входе он добавится к списку вашей учётной записи.
wishlist-added = Товар добавлен в избранное.
wishlist-already = Этот товар уже в избранном.
wishlist-full = В избранном нет места. Сначала удалите что-нибудь.
wishlist-removed = Товар удалён из избранного.
wishlist-remove = Удалить
wishlist-price-dropped = Цена снизилась
wishlist-in-stock = В наличии
nav-wishlist = Избранное
