//! Coupon codes: the marketplace's (staff, `/staff/coupons`, the marketplace pays) and each shop's (merchants,
//! `/merchant/coupons`, the shop pays). Percent or a fixed amount, a minimum spend, a window, markets, and limits
//! in total and per account that hold under concurrency: the use is counted in the transaction that places the
//! orders, with a conditional update. Below the checkout: the cart and the order apply the terms (the
//! orders' coupon totals).

pub mod form;
pub mod handlers;
pub mod model;
pub mod repo;
pub mod service;
pub mod views;
