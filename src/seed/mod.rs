//! Demo catalogue and synthetic load-test data (`caravan seed`).

pub mod art;
pub mod bulk;
mod data;
mod demo;
mod reviews;
mod synthetic;
pub mod variants;

pub use demo::{
    demo_merchant_email, seed_demo, DemoReport, DEMO_PASSWORD, DEMO_RATES, DEMO_SHOPPER, DEMO_STAFF,
};
pub use synthetic::seed_synthetic;
