//! Cart, checkout and orders: the cart in the database, one pure totals function, placing a checkout as one
//! order per merchant in one transaction, the order status machine and the notification outbox.

pub mod address;
pub mod card;
pub mod carriers;
pub mod cart;
pub mod cart_handlers;
pub mod checkout;
pub mod checkout_handlers;
pub mod coupon_totals;
pub mod letters;
pub mod manage;
pub mod model;
pub mod notify;
pub mod order_handlers;
pub mod order_views;
pub mod place;
pub mod priced;
pub mod slip;
pub mod totals;
pub mod vat_handlers;
pub mod vat_report;
pub mod vat_totals;
pub mod vat_views;
pub mod views;
