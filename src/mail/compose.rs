//! Turning a claimed outbox row into an email: the letter the orders feature gives for that reader, written in the
//! reader's language (the account's saved language, else the order's), with absolute links to the site. `None`
//! when there is nothing to send.

use std::sync::Arc;

use askama::Template;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::Message;

use super::outbox::Claimed;
use super::views::{
    AccountHtml, AccountMail, AccountText, HtmlPart, Labels, MailLine, MailOrder, MailView,
    TextPart,
};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, I18n, Locale, Translator};
use crate::money::{Currency, Money};
use crate::orders::letters::{self, Letter, LetterOrder, Reader};
use crate::routes;

/// What every email shares: messages, the site's address, the sender.
pub struct Env {
    pub i18n: Arc<I18n>,
    /// `https://caravan.example` (no trailing slash).
    pub public_url: String,
    pub from: Mailbox,
    /// The host of `Message-ID`s.
    pub host: String,
    /// Who runs the marketplace (the footer).
    pub operator: String,
}

impl Env {
    pub fn new(
        i18n: Arc<I18n>,
        public_url: &str,
        from: &str,
        operator: &str,
    ) -> Result<Self, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("CARAVAN_MAIL_FROM `{from}` is not an address: {e}"))?;
        let host = public_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|h| !h.is_empty())
            .unwrap_or("localhost")
            .to_string();
        Ok(Self {
            i18n,
            public_url: public_url.trim_end_matches('/').to_string(),
            from,
            host,
            operator: if operator.trim().is_empty() {
                "Caravan".to_string()
            } else {
                operator.to_string()
            },
        })
    }
}

/// What a claimed row comes to.
pub enum Made {
    Mail(Box<Message>),
    /// Nothing to send (another email covers it, or the reader may no longer see the order).
    Nothing,
    /// It cannot be sent (an error code for staff): the recipient's address is unusable.
    Unsendable(&'static str),
}

fn money(tr: &Translator, minor: i64, code: &str) -> String {
    let currency = Currency::parse(code).unwrap_or(Currency::BASE);
    tr.i18n()
        .formatters
        .money(tr.locale(), Money::new(minor, currency))
}

fn order_view(tr: &Translator, env: &Env, o: &LetterOrder, reader: Reader) -> MailOrder {
    let l = tr.locale();
    let path = match reader {
        Reader::Shopper => routes::order(l, &o.number),
        Reader::Merchant => routes::merchant(l, &format!("/orders/{}", o.number)),
    };
    // The day it was placed where the parcel goes (the shopper's day; near midnight a shop abroad may differ).
    let zone =
        crate::geo::CountryCode::parse(&o.ship_country).map_or("UTC", crate::zones::of_country);
    let day = crate::zones::local(o.placed_at, zone)
        .unwrap_or(o.placed_at)
        .date();
    let date = tr.i18n().formatters.date(l, day);
    MailOrder {
        placed: tr.t_args("mail-placed-on", &[("date", Arg::Str(&date))]),
        heading: tr.t_args(
            "mail-order-heading",
            &[("number", Arg::Str(&o.number)), ("shop", Arg::Str(&o.shop))],
        ),
        lines: o
            .lines
            .iter()
            .map(|x| MailLine {
                title: if x.variant.is_empty() {
                    x.title.clone()
                } else {
                    format!("{} ({})", x.title, x.variant)
                },
                quantity: tr.i18n().formatters.number(l, i64::from(x.quantity)),
                amount: money(tr, x.amount_minor, &o.currency),
            })
            .collect(),
        shipping: money(tr, o.shipping_minor, &o.currency),
        coupon: o.coupon.as_ref().map(|(code, off)| {
            (
                tr.t_args("coupon-line", &[("code", Arg::Str(code))]),
                format!("−{}", money(tr, *off, &o.currency)),
            )
        }),
        total: money(tr, o.total_minor, &o.currency),
        vat: o
            .vat
            .iter()
            .map(|(bp, minor)| {
                (
                    crate::tax::vat_line(tr, i64::from(*bp)),
                    money(tr, *minor, &o.currency),
                )
            })
            .collect(),
        duties: o
            .duties_country
            .as_deref()
            .and_then(crate::geo::CountryCode::parse)
            .map(|cc| crate::tax::duties_notice(tr, cc)),
        url: format!("{}{path}", env.public_url),
    }
}

/// The footer naming the operator; a name that ends with a full stop ("S.L.") does not get a second one.
fn footer(tr: &Translator, id: &str, operator: &str) -> String {
    let mut text = tr.t_args(id, &[("operator", Arg::Str(operator))]);
    if text.ends_with("..") {
        text.pop();
    }
    text
}

/// A parcel tracking link for a tracking number made of letters and digits (17TRACK follows most postal and
/// courier numbers across borders).
fn tracking_url(l: Locale, tracking: &str) -> Option<String> {
    (!tracking.is_empty() && tracking.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| format!("https://t.17track.net/{}#nums={tracking}", l.code()))
}

/// The products an order left low in stock, from the row's payload: one note each.
fn stock_notes(tr: &Translator, payload: &str) -> Vec<String> {
    let items: Vec<serde_json::Value> = serde_json::from_str(payload).unwrap_or_default();
    items
        .iter()
        .filter_map(|i| Some((i["title"].as_str()?, i["left"].as_i64()?)))
        .map(|(title, left)| {
            let n = tr.i18n().formatters.number(tr.locale(), left);
            tr.t_args(
                "mail-stock-left",
                &[
                    ("title", Arg::Str(title)),
                    ("count", Arg::Num(left)),
                    ("n", Arg::Str(&n)),
                ],
            )
        })
        .collect()
}

/// The email's view for a letter.
fn view(
    tr: &Translator,
    env: &Env,
    (kind, payload): (&str, &str),
    name: &str,
    letter: &Letter,
) -> Option<MailView> {
    let first = letter.orders.first()?;
    let reader = match letter.reader {
        Reader::Shopper => "shopper",
        Reader::Merchant => "merchant",
    };
    let numbers: Vec<&str> = letter.orders.iter().map(|o| o.number.as_str()).collect();
    let numbers = numbers.join(", ");
    let total = money(tr, first.total_minor, &first.currency);
    let args = [
        ("number", Arg::Str(&numbers)),
        ("shop", Arg::Str(&first.shop)),
        ("name", Arg::Str(&first.ship_name)),
        ("city", Arg::Str(&first.ship_city)),
        ("amount", Arg::Str(&total)),
        (
            "count",
            Arg::Num(i64::try_from(letter.orders.len()).unwrap_or(1)),
        ),
    ];
    // A kind this reader is not written to about (none today) sends nothing rather than a half-written email.
    let lead_id = format!("mail-lead-{kind}-{reader}");
    tr.try_t(&lead_id)?;
    let l = tr.locale();
    let mut notes = Vec::new();
    if kind == "order-shipped" && !first.tracking.is_empty() {
        notes.push(tr.t_args("mail-tracking", &[("tracking", Arg::Str(&first.tracking))]));
    }
    if kind == "order-cancelled" && !first.cancel_reason.is_empty() {
        notes.push(tr.t_args(
            "mail-cancel-reason",
            &[("reason", Arg::Str(&first.cancel_reason))],
        ));
    }
    if kind == "stock-low" {
        notes.extend(stock_notes(tr, payload));
    }
    if let Some(note) = tr.try_t(&format!("mail-note-{kind}-{reader}")) {
        notes.push(note);
    }
    let action_path = match (letter.reader, letter.orders.len()) {
        (Reader::Shopper, 1) => routes::order(l, &first.number),
        (Reader::Shopper, _) => routes::orders(l),
        (Reader::Merchant, _) => routes::merchant(l, &format!("/orders/{}", first.number)),
    };
    Some(MailView {
        lang: l.code(),
        subject: tr.t_args(&format!("mail-subject-{kind}"), &args),
        hello: tr.t_args("mail-hello", &[("name", Arg::Str(name))]),
        lead: tr.t_args(&lead_id, &args),
        notes,
        orders: letter
            .orders
            .iter()
            .map(|o| order_view(tr, env, o, letter.reader))
            .collect(),
        action: (
            tr.t("mail-view-order"),
            format!("{}{action_path}", env.public_url),
        ),
        track: (kind == "order-shipped")
            .then(|| tracking_url(l, &first.tracking))
            .flatten()
            .map(|url| (tr.t("mail-track"), url)),
        footer: footer(tr, "mail-footer", &env.operator),
        labels: Labels {
            item: tr.t("mail-col-item"),
            quantity: tr.t("mail-col-quantity"),
            amount: tr.t("mail-col-amount"),
            shipping: tr.t("mail-shipping"),
            total: tr.t("mail-total"),
        },
    })
}

/// An email about the account: a password-reset link (the row's payload is its token), a changed password, a
/// staff decision on the reader's shop application (the payload names the shop and the reason).
fn account_view(tr: &Translator, env: &Env, row: &Claimed, name: &str) -> Option<AccountMail> {
    let l = tr.locale();
    // Shop decisions carry the shop's name and the reason given.
    let facts: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let shop = facts["shop"].as_str().unwrap_or_default();
    let reason = facts["reason"].as_str().unwrap_or_default();
    let new = facts["new"].as_str().unwrap_or_default();
    let args = [
        ("shop", Arg::Str(shop)),
        ("reason", Arg::Str(reason)),
        ("new", Arg::Str(new)),
    ];
    let action = match row.kind.as_str() {
        "shop-approved" | "shop-rejected" if shop.is_empty() => return None,
        "shop-approved" => Some((
            tr.t("mail-shop-open"),
            format!("{}{}", env.public_url, routes::merchant(l, "")),
        )),
        "shop-rejected" => Some((
            tr.t("mail-shop-apply-again"),
            format!("{}{}", env.public_url, routes::merchant_apply(l)),
        )),
        // A reset whose token is gone (sent, or failed for good and emptied) is not sent again without it.
        "password-reset" if row.payload.is_empty() => return None,
        "password-reset" => Some((
            tr.t("mail-reset-button"),
            format!(
                "{}{}/{}",
                env.public_url,
                routes::password_reset(l),
                row.payload
            ),
        )),
        "password-changed" => None,
        "email-changed" if new.is_empty() => return None,
        "email-changed" => None,
        "verify-email" => {
            let token = facts["token"].as_str().filter(|t| !t.is_empty())?;
            Some((
                tr.t("mail-verify-button"),
                format!("{}{}/{token}", env.public_url, routes::verify_email(l)),
            ))
        }
        _ => return None,
    };
    Some(AccountMail {
        lang: l.code(),
        subject: tr.t_args(&format!("mail-subject-{}", row.kind), &args),
        hello: tr.t_args("mail-hello", &[("name", Arg::Str(name))]),
        lead: tr.t_args(&format!("mail-lead-{}", row.kind), &args),
        action,
        note: tr.t_args(&format!("mail-note-{}", row.kind), &args),
        footer: footer(tr, "mail-footer-account", &env.operator),
    })
}

/// The message itself, from the two rendered parts.
fn message(
    env: &Env,
    row: &Claimed,
    to: Mailbox,
    subject: &str,
    (text, html): (String, String),
) -> AppResult<Message> {
    Message::builder()
        .from(env.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(format!(
            "<caravan-notification-{}@{}>",
            row.id, env.host
        )))
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(text),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html),
                ),
        )
        .map_err(|e| AppError::internal(e.to_string()))
}

/// The email for a claimed outbox row, or `None` when there is nothing to send.
pub fn compose(conn: &mut DbConnection, row: &Claimed, env: &Env) -> AppResult<Made> {
    let Some(user) = crate::identity::repo::by_id(conn, row.user_id)? else {
        return Ok(Made::Nothing);
    };
    // A verification goes to the address it proves (a new one, on a change); everything else to the account's.
    let facts: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let recipient = match (row.kind.as_str(), facts["email"].as_str()) {
        ("verify-email" | "email-changed", Some(email)) => email,
        _ => &user.email,
    };
    let Ok(address) = recipient.parse() else {
        return Ok(Made::Unsendable("bad_address"));
    };
    let to = Mailbox::new(Some(user.display_name.clone()), address);
    let fail = |e: askama::Error| AppError::internal(e.to_string());
    let Some(order) = row.order_id else {
        let locale = Locale::parse(&user.locale).unwrap_or(Locale::En);
        let tr = Translator::new(env.i18n.clone(), locale);
        let Some(v) = account_view(&tr, env, row, &user.display_name) else {
            return Ok(Made::Nothing);
        };
        let parts = (
            AccountText { m: &v }.render().map_err(fail)?,
            AccountHtml { m: &v }.render().map_err(fail)?,
        );
        return Ok(Made::Mail(Box::new(message(
            env, row, to, &v.subject, parts,
        )?)));
    };
    let Some(letter) = letters::about(conn, order, row.user_id, &row.kind)? else {
        return Ok(Made::Nothing);
    };
    let locale = Locale::parse(&user.locale)
        .or_else(|| letter.orders.first().and_then(|o| Locale::parse(&o.locale)))
        .unwrap_or(Locale::En);
    let tr = Translator::new(env.i18n.clone(), locale);
    let Some(v) = view(
        &tr,
        env,
        (&row.kind, &row.payload),
        &user.display_name,
        &letter,
    ) else {
        return Ok(Made::Nothing);
    };
    let parts = (
        TextPart { m: &v }.render().map_err(fail)?,
        HtmlPart { m: &v }.render().map_err(fail)?,
    );
    Ok(Made::Mail(Box::new(message(
        env, row, to, &v.subject, parts,
    )?)))
}
