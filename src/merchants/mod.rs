//! Merchants (shops). Applications and the merchant area come with the merchants issue; the catalogue reads
//! shops through this module.

pub mod applications;
pub mod handlers;
pub mod model;
pub mod repo;
pub mod tax_id;
pub mod views;
pub mod write;
