//! Demo catalogue and synthetic load-test data (`caravan seed`).

pub mod art;
mod data;
mod demo;
mod synthetic;

pub use demo::{seed_demo, DemoReport, DEMO_RATES};
pub use synthetic::seed_synthetic;
