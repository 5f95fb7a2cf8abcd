//! The frames of the two back offices, shared by every feature that serves a page in them: the merchant area
//! (the signed-in merchant's shop, its navigation and paging) and the staff menu. Below the features that
//! serve those pages (orders, merchants, campaigns, reports, site pages, staff).

pub mod merchant;
pub mod option_names;
pub mod option_sheet;
pub mod staff;
