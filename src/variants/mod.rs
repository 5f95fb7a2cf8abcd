//! Product options and variants. A product varies by up to three options (Size, Colour, Weight); each
//! combination in use is a variant with its own SKU, price, stock, weight, active flag and image. A product
//! without options has one variant with no option values, so every cart and order line names a variant.
//!
//! The product row keeps a summary of its active variants (lowest price, total stock; [`write::rollup`]), which
//! listings, sorting, price and stock filters and the facet summary read as before. Option names and values are
//! translated like titles; the staff's shared options are the ones shoppers filter by across shops.

pub mod model;
pub mod repo;
pub mod texts;
pub mod write;

pub use model::{VariantRow, MAX_OPTIONS, MAX_VARIANTS};
pub use texts::OptionTexts;
