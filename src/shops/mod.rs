//! Shops as everyone reads them: merchant rows and their translations, legal identity and tax ids, shipping
//! rates and quotes. Below the catalogue, checkout and the merchant area.

pub mod bank;
pub mod model;
pub mod repo;
pub mod shipping_zones;
pub mod shop;
pub mod tax_id;
