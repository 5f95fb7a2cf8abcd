//! Typed ids: a campaign's id does not fit where a product's is expected. Each is an `i64` stored as BIGINT
//! (see [`crate::id_type`]), printed and parsed as the number, so it works in paths (`web::Path<(String,
//! PromoId)>`), forms and URLs unchanged.

crate::id_type!(
    /// A campaign (`promos.id`).
    PromoId
);
crate::id_type!(
    /// A product (`products.id`).
    ProductId
);
crate::id_type!(
    /// A shop (`merchants.id`).
    ShopId
);
