//! Cross-border VAT: which tax a consignment bears at its destination (EU OSS and IOSS, the UK's low-value
//! rule, or duties on delivery) and the one rule that turns a shop's price into the price shown there
//! ([`rules`]); each destination's rule as staff keep it, with its history ([`repo`], [`service`]).

pub mod repo;
pub mod rules;
pub mod service;
