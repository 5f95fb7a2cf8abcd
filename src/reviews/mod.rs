//! Reviews by verified buyers: written once per bought product after its order line was delivered, with stars,
//! an optional title, text and photos; read on product pages in the shopper's language first; a merchant may
//! reply once (editable); anyone signed in may report one, and staff hide (with a reason) or restore it. Rating
//! aggregates per product and shop are recounted from the visible reviews in the transaction that changes them.

pub mod eligibility;
pub mod form;
pub mod handlers;
pub mod model;
pub mod moderation;
pub mod read;
pub mod repo;
pub mod service;
pub mod views;
