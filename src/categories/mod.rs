//! The category tree shared by listings, campaigns' targets and checkout: rows, names per language, the
//! built tree, and the old slugs that redirect. Below the catalogue and campaigns; staff edit it in `staff`.

pub mod model;
pub mod repo;
pub mod tree;
