//! Cross-border VAT: which tax a consignment bears at its destination (EU OSS and IOSS, the UK's low-value
//! rule, or duties on delivery) and the one rule that turns a shop's price into the price shown there
//! ([`rules`]). The destinations' rates and schemes kept by staff, the checkout and the reports build on it.

pub mod rules;
