//! Sales analytics people can read: per campaign (promo page views, orders, units, revenue in a chosen reporting
//! currency, by market, by origin, by shop and per day), for staff over 30 or 90 days, and for a shop over 30
//! or 90 days (top products, views → orders). Charts are server-rendered SVG with a title, a description and
//! the same figures as a table; every table downloads as CSV.

pub mod chart;
pub mod facts;
pub mod handlers;
pub mod report;
pub mod views;
