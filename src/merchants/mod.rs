//! Merchants (shops): applications and staff review, and the merchant area where a shop runs its profile,
//! shipping, products, images, translations and CSV import/export. Shops themselves (rows, shipping, tax
//! ids) live in `shops`, below the catalogue.

pub mod applications;
pub mod area_views;
pub mod csv_io;
pub mod csv_variants;
pub mod handlers;
pub mod images;
pub mod import;
pub mod import_handlers;
pub mod import_views;
pub mod option_handlers;
pub mod own_products;
pub mod payout_handlers;
pub mod product_handlers;
pub mod product_input;
pub mod product_list;
pub mod product_views;
pub mod shipping_handlers;
pub mod shop_handlers;
pub mod statement_csv;
pub mod uploads;
pub mod variant_editor;
pub mod variant_handlers;
pub mod variant_input;
pub mod variant_views;
pub mod views;
pub mod write;
