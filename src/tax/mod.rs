//! Cross-border VAT: which tax a consignment bears at its destination (EU OSS and IOSS, the UK's low-value
//! rule, or duties on delivery) and the one rule that turns a shop's price into the price shown there
//! ([`rules`]); the rules in force with the shops' settings, judging a consignment ([`book`]); each destination's rule as staff keep it, with its history ([`repo`], [`service`]).

pub mod book;
pub mod repo;
pub mod rules;
pub mod service;

/// A line of VAT included at `bp` basis points, as carts, orders and emails label it ("incl. 19% VAT").
pub fn vat_line(tr: &crate::i18n::Translator, bp: i64) -> String {
    let rate = rate_text(tr, bp);
    tr.t_args("cart-vat-line", &[("rate", crate::i18n::Arg::Str(&rate))])
}

/// The notice that goods are sold without `country`'s VAT, whose import VAT and duties may be due on delivery.
pub fn duties_notice(tr: &crate::i18n::Translator, country: crate::geo::CountryCode) -> String {
    let name = tr.country(country);
    tr.t_args("cart-duties", &[("country", crate::i18n::Arg::Str(&name))])
}

/// A VAT rate as shoppers and staff read it: "19%", "25,5 %", "%20".
pub fn rate_text(tr: &crate::i18n::Translator, bp: i64) -> String {
    let number = tr.i18n().formatters.basis_points(tr.locale(), bp);
    tr.t_args(
        "tax-rate-value",
        &[("rate", crate::i18n::Arg::Str(&number))],
    )
}
