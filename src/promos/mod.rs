//! Campaigns (11.11, Black Friday, "Made in Italy week"): schedule, targets, localized content, and the
//! discount they give while live, read at request time so prices change exactly on the instant.

pub mod editor;
pub mod form;
pub mod handlers;
pub mod merchant_handlers;
pub mod participation;
pub mod participation_handlers;
pub mod participation_views;
pub mod repo;
pub mod service;
pub mod staff_handlers;
pub mod staff_views;
pub mod views;
