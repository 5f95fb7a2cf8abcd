//! An email as the recipient reads it: every text already in their language, every amount formatted with CLDR;
//! the HTML and the plain-text part render the same view.

use askama::Template;

/// One line of an order.
pub struct MailLine {
    pub title: String,
    pub quantity: String,
    pub amount: String,
}

/// One order in the email.
pub struct MailOrder {
    pub heading: String,
    /// "Placed on 5 Dec 2026", in the reader's language.
    pub placed: String,
    pub lines: Vec<MailLine>,
    pub shipping: String,
    /// ("Code AUTUMN10", "−€5.00"), when a code was used.
    pub coupon: Option<(String, String)>,
    pub total: String,
    /// ("incl. 19% VAT", amount) per rate.
    pub vat: Vec<(String, String)>,
    /// "Import VAT and duties may be due on delivery in Chile…", when they are.
    pub duties: Option<String>,
    pub url: String,
}

/// Column and row labels.
pub struct Labels {
    pub item: String,
    pub quantity: String,
    pub amount: String,
    pub shipping: String,
    pub total: String,
}

/// The email.
pub struct MailView {
    pub lang: &'static str,
    pub subject: String,
    pub hello: String,
    pub lead: String,
    pub notes: Vec<String>,
    pub orders: Vec<MailOrder>,
    /// The main link: (label, absolute URL).
    pub action: (String, String),
    /// A parcel tracking link, when there is a tracking number.
    pub track: Option<(String, String)>,
    pub footer: String,
    pub labels: Labels,
}

#[derive(Template)]
#[template(path = "mail/order.html")]
pub struct HtmlPart<'a> {
    pub m: &'a MailView,
}

#[derive(Template)]
#[template(path = "mail/order.txt")]
pub struct TextPart<'a> {
    pub m: &'a MailView,
}

/// An email about the account itself (a reset link, a changed password).
pub struct AccountMail {
    pub lang: &'static str,
    pub subject: String,
    pub hello: String,
    pub lead: String,
    /// The link to follow, if any: (label, absolute URL).
    pub action: Option<(String, String)>,
    pub note: String,
    pub footer: String,
}

#[derive(Template)]
#[template(path = "mail/account.html")]
pub struct AccountHtml<'a> {
    pub m: &'a AccountMail,
}

#[derive(Template)]
#[template(path = "mail/account.txt")]
pub struct AccountText<'a> {
    pub m: &'a AccountMail,
}
