//! Campaigns as shoppers meet them: the schedule, which products a live campaign discounts and by how much
//! (read at request time so prices change exactly on the instant), and the tiles that announce them. Below the
//! catalogue and checkout; the promo pages and the editors live in `promos`.

pub mod model;
pub mod pages;
pub mod pricing;
pub mod repo;
pub mod schedule;
pub mod tiles;
