//! Shop applications and the staff decisions on them (approve, reject, suspend, reinstate).

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::audit;
use crate::catalogue::write::slugify;
use crate::db::schema::{merchant_translations, merchants, users};
use crate::db::{Db, DbConnection};
use crate::error::{AppError, AppResult};
use crate::geo::{CountryCode, ORIGINS};
use crate::http::forms::{normalize, parse_email, FormErrors};
use crate::i18n::Locale;
use crate::identity::model::Role;
use crate::shops::model::{MerchantRow, MerchantStatus};
use crate::shops::tax_id;

/// The application fields beyond the shop row itself.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = merchants)]
pub struct ApplicationExtra {
    pub legal_name: String,
    pub tax_id: String,
    pub contact: String,
    pub status_reason: String,
    pub address: String,
}

#[derive(Debug, Clone, Default)]
pub struct ApplicationInput {
    pub shop_name: String,
    pub legal_name: String,
    pub address: String,
    pub country: String,
    pub city: String,
    pub contact: String,
    pub tax_id: String,
    pub description: String,
    pub description_lang: String,
}

pub fn mine(
    conn: &mut DbConnection,
    user_id: i64,
) -> QueryResult<Option<(MerchantRow, ApplicationExtra)>> {
    merchants::table
        .filter(merchants::owner_user_id.eq(user_id))
        .select((MerchantRow::as_select(), ApplicationExtra::as_select()))
        .first(conn)
        .optional()
}

fn unique_slug(conn: &mut DbConnection, name: &str, except: Option<i64>) -> QueryResult<String> {
    let base = slugify(name);
    for n in 1..1000 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let owner: Option<i64> = merchants::table
            .filter(merchants::slug.eq(&candidate))
            .select(merchants::id)
            .first(conn)
            .optional()?;
        if owner.is_none() || owner == except {
            return Ok(candidate);
        }
    }
    Ok(format!("{base}-{}", fastrand::u32(..)))
}

/// Files (or, after a rejection, re-files) the signed-in user's application as pending.
/// A refused application: what is wrong, and the applicant's current application (a rejected one may be re-filed).
pub type Refused = (FormErrors, Option<(MerchantRow, ApplicationExtra)>);

/// [`apply`], or what the form shows again when it is refused.
pub fn apply_or_refused(
    conn: &mut DbConnection,
    user_id: i64,
    (input, allowed): (&ApplicationInput, &[CountryCode]),
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, Refused>> {
    Ok(match apply(conn, user_id, input, allowed, now)? {
        Ok(id) => Ok(id),
        Err(e) => Err((e, mine(conn, user_id)?)),
    })
}

pub fn apply(
    conn: &mut DbConnection,
    user_id: i64,
    input: &ApplicationInput,
    allowed: &[CountryCode],
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, FormErrors>> {
    let mut errors = FormErrors::default();
    let shop_name = normalize(&input.shop_name);
    let legal_name = normalize(&input.legal_name);
    let city = normalize(&input.city);
    let address = normalize(&input.address);
    let contact = normalize(&input.contact);
    let description = normalize(&input.description);
    errors.check_len("shop_name", &shop_name, true, 80);
    errors.check_len("legal_name", &legal_name, true, 160);
    errors.check_len("address", &address, true, 200);
    errors.check_len("city", &city, true, 80);
    errors.check_len("contact", &contact, true, 120);
    errors.check_len("description", &description, true, 2000);
    if !contact.is_empty()
        && parse_email(&contact).is_none()
        && !contact.chars().any(|c| c.is_ascii_digit())
    {
        errors.add("contact", "merchant-contact-invalid");
    }
    let country = CountryCode::parse(&input.country);
    match country {
        None if input.country.trim().is_empty() => errors.add("country", "form-required"),
        // "Another country" and anything unknown: a polite explanation, not a technical error.
        None => errors.add("country", "merchant-country-not-yet"),
        Some(cc) if !allowed.contains(&cc) => errors.add("country", "merchant-country-not-yet"),
        Some(_) => {}
    }
    let tax = country.map(|cc| (cc, tax_id::normalize(&input.tax_id, cc)));
    match &tax {
        _ if input.tax_id.trim().is_empty() => errors.add("tax_id", "form-required"),
        Some((cc, t)) if allowed.contains(cc) && !tax_id::valid(*cc, t) => {
            errors.add("tax_id", &format!("merchant-tax-id-invalid-{}", cc.lower()))
        }
        _ => {}
    }
    let lang = Locale::parse(&input.description_lang);
    if lang.is_none() {
        errors.add("description_lang", "form-invalid-choice");
    }
    let existing = mine(conn, user_id)?;
    if let Some((m, _)) = &existing {
        if m.status != MerchantStatus::Rejected {
            errors.add("shop_name", "merchant-already-applied");
        }
    }
    let (Some((cc, tax)), Some(lang), true) = (tax, lang, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let currency = ORIGINS
        .iter()
        .find(|(c, _)| *c == cc)
        .map(|(_, cur)| *cur)
        .ok_or_else(AppError::not_found)?;
    crate::db::write_tx(conn, |c| {
        let id = match &existing {
            Some((m, _)) => {
                let slug = unique_slug(c, &shop_name, Some(m.id))?;
                diesel::update(merchants::table.find(m.id))
                    .set((
                        merchants::slug.eq(slug),
                        merchants::name.eq(&shop_name),
                        merchants::country.eq(cc.as_str()),
                        merchants::city.eq(&city),
                        merchants::currency.eq(currency.code()),
                        merchants::status.eq(MerchantStatus::Pending.as_str()),
                        merchants::original_lang.eq(lang.code()),
                        merchants::legal_name.eq(&legal_name),
                        merchants::address.eq(&address),
                        merchants::tax_id.eq(&tax),
                        merchants::contact.eq(&contact),
                        merchants::status_reason.eq(""),
                    ))
                    .execute(c)?;
                diesel::delete(
                    merchant_translations::table
                        .filter(merchant_translations::merchant_id.eq(m.id)),
                )
                .execute(c)?;
                m.id
            }
            None => {
                let slug = unique_slug(c, &shop_name, None)?;
                diesel::insert_into(merchants::table)
                    .values((
                        merchants::slug.eq(slug),
                        merchants::name.eq(&shop_name),
                        merchants::country.eq(cc.as_str()),
                        merchants::city.eq(&city),
                        merchants::currency.eq(currency.code()),
                        merchants::status.eq(MerchantStatus::Pending.as_str()),
                        merchants::original_lang.eq(lang.code()),
                        merchants::created_at.eq(now),
                        merchants::owner_user_id.eq(user_id),
                        merchants::legal_name.eq(&legal_name),
                        merchants::address.eq(&address),
                        merchants::tax_id.eq(&tax),
                        merchants::contact.eq(&contact),
                    ))
                    .returning(merchants::id)
                    .get_result(c)?
            }
        };
        diesel::insert_into(merchant_translations::table)
            .values((
                merchant_translations::merchant_id.eq(id),
                merchant_translations::locale.eq(lang.code()),
                merchant_translations::description.eq(&description),
            ))
            .execute(c)?;
        Ok(Ok(id))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
    Suspend,
    Reinstate,
}

impl Decision {
    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "suspend" => Some(Decision::Suspend),
            "reinstate" => Some(Decision::Reinstate),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::Suspend => "suspend",
            Decision::Reinstate => "reinstate",
        }
    }
}

/// Applies a staff decision if the shop's status allows it. Suspension hides every product at once;
/// approval and reinstatement list the active ones again. Approval makes the owner a merchant.
pub fn decide(
    conn: &mut DbConnection,
    actor: i64,
    merchant_id: i64,
    decision: Decision,
    reason: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), &'static str>> {
    let reason = normalize(reason);
    if matches!(decision, Decision::Reject | Decision::Suspend) && reason.is_empty() {
        return Ok(Err("merchant-reason-required"));
    }
    if reason.chars().count() > 500 {
        return Ok(Err("form-too-long"));
    }
    crate::db::write_tx(conn, |c| {
        let m: MerchantRow = merchants::table
            .find(merchant_id)
            .select(MerchantRow::as_select())
            .first(c)
            .optional()?
            .ok_or_else(AppError::not_found)?;
        use MerchantStatus::*;
        let from = m.status.as_str();
        let to = match (decision, from) {
            (Decision::Approve, "pending") => Approved,
            (Decision::Reject, "pending") => Rejected,
            (Decision::Suspend, "approved") => Suspended,
            (Decision::Reinstate, "suspended") => Approved,
            _ => return Ok(Err("merchant-transition-invalid")),
        };
        diesel::update(merchants::table.find(merchant_id))
            .set((
                merchants::status.eq(to.as_str()),
                merchants::status_reason.eq(&reason),
            ))
            .execute(c)?;
        crate::catalogue::write::relist_shop(c, merchant_id, to)?;
        if decision == Decision::Approve {
            if let Some(owner) = m.owner_user_id {
                crate::identity::repo::promote(c, owner, Role::Shopper, Role::Merchant)?;
            }
        }
        if let (Some(owner), Decision::Approve | Decision::Reject) = (m.owner_user_id, decision) {
            // The applicant hears of the decision by email, in their language.
            let kind = format!("shop-{}", to.as_str());
            let facts = serde_json::json!({ "shop": m.name, "reason": reason }).to_string();
            crate::mail::outbox::enqueue(c, owner, &kind, &facts, now)?;
        }
        let detail = format!(
            "{from} → {}{}",
            to.as_str(),
            if reason.is_empty() {
                String::new()
            } else {
                format!(": {reason}")
            }
        );
        audit::record(
            c,
            actor,
            &format!("merchant.{}", decision.as_str()),
            &m.slug,
            &detail,
            now,
        )?;
        Ok(Ok(()))
    })
}

/// Shops for the staff queue, newest first, optionally by status, with the owner's email.
/// A shop in the review queue: the row, its legal details, and the owner's email.
pub type QueueRow = (MerchantRow, ApplicationExtra, Option<String>);

pub fn queue(conn: &mut DbConnection, status: Option<&str>) -> QueryResult<Vec<QueueRow>> {
    let mut q = merchants::table
        .left_join(users::table)
        .select((
            MerchantRow::as_select(),
            ApplicationExtra::as_select(),
            users::email.nullable(),
        ))
        .into_boxed::<Db>();
    if let Some(s) = status {
        q = q.filter(merchants::status.eq(s.to_string()));
    }
    q.order((merchants::created_at.desc(), merchants::id.desc()))
        .limit(200)
        .load(conn)
}
