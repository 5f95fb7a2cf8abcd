//! Merchants (shops). Applications and the merchant area come with the merchants issue; the catalogue reads
//! shops through this module.

pub mod model;
pub mod repo;
pub mod write;
