//! Merchants (shops): applications and staff review, and the merchant area where a shop runs its profile,
//! shipping, products, images, translations and CSV import/export. The catalogue reads shops through
//! `repo`.

pub mod applications;
pub mod area;
pub mod area_views;
pub mod catalog;
pub mod csv_io;
pub mod handlers;
pub mod images;
pub mod import_handlers;
pub mod model;
pub mod product_handlers;
pub mod repo;
pub mod shop;
pub mod shop_handlers;
pub mod tax_id;
pub mod views;
pub mod write;
