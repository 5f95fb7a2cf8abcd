//! Destinations staff closed: while a country is closed no shop ships to it (sanctions, carriers that stopped
//! delivering, customs rules), and shoppers who pick it see why in their language. Kept by staff
//! (`staff::destination_handlers`), audited; read by the catalogue (cached with its basics), the cart and the
//! checkout's address form.

pub mod model;
pub mod repo;
pub mod service;
