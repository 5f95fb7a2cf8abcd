//! Filing notices and working through them.

use std::collections::HashMap;

use time::PrimitiveDateTime;

use super::repo::{self, NewReport, ReportRow};
use super::{Reason, Status};
use crate::audit;
use crate::catalogue::service::{product_names, ProductName};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::forms::{normalize, parse_email, FormErrors};
use crate::i18n::Locale;

pub const DETAILS_MIN: usize = 10;
pub const DETAILS_MAX: usize = 4000;
pub const NOTE_MAX: usize = 2000;
/// Notices per page of the staff queue.
pub const QUEUE_PAGE: i64 = 50;

/// A notice as the reporter typed it.
#[derive(Debug, Clone, Default)]
pub struct Notice {
    pub reason: String,
    pub details: String,
    pub contact: String,
    pub good_faith: bool,
}

/// The product's name for the form's heading, or 404 when it is not listed.
pub fn reported_product(conn: &mut DbConnection, id: i64, l: Locale) -> AppResult<ProductName> {
    product_names(conn, &[id], l)?
        .remove(&id)
        .filter(|p| p.listed)
        .ok_or_else(AppError::not_found)
}

/// Validates and stores a notice. A signed-in reporter's account email is the contact when none is given. The
/// same notice sent again within a day (a double click, a reload) is stored once. Returns the product's name
/// either way (the form is shown again on errors, the product page after).
pub fn file(
    conn: &mut DbConnection,
    product_id: i64,
    notice: &Notice,
    reporter: Option<(i64, &str)>,
    l: Locale,
    now: PrimitiveDateTime,
) -> AppResult<(ProductName, Result<(), FormErrors>)> {
    let product = reported_product(conn, product_id, l)?;
    let mut errors = FormErrors::default();
    let reason = Reason::parse(&notice.reason);
    if notice.reason.is_empty() {
        errors.add("reason", "form-required");
    } else if reason.is_none() {
        errors.add("reason", "form-invalid-choice");
    }
    let details = notice.details.replace("\r\n", "\n").trim().to_string();
    errors.check_visible("details", &details, DETAILS_MAX);
    if !details.is_empty() && details.chars().count() < DETAILS_MIN {
        errors.add("details", "report-details-short");
    }
    let typed = normalize(&notice.contact);
    let contact = match (typed.is_empty(), reporter) {
        (true, Some((_, email))) => email.to_string(),
        _ => typed,
    };
    if contact.is_empty() {
        errors.add("contact", "form-required");
    } else if parse_email(&contact).is_none() {
        errors.add("contact", "account-email-invalid");
    }
    if !notice.good_faith {
        errors.add("good_faith", "report-good-faith-required");
    }
    let Some(reason) = reason.filter(|_| errors.is_empty()) else {
        return Ok((product, Err(errors)));
    };
    let new = NewReport {
        product_id,
        reason: reason.as_str(),
        details: &details,
        contact: &contact,
        reporter_id: reporter.map(|(id, _)| id),
        locale: l.code(),
    };
    crate::db::write_tx(conn, |c| {
        if !repo::duplicate(c, &new, now - time::Duration::days(1))? {
            repo::insert(c, &new, now)?;
        }
        Ok::<_, AppError>(())
    })?;
    Ok((product, Ok(())))
}

pub struct QueueItem {
    pub row: ReportRow,
    /// `None` once the product is deleted.
    pub product: Option<ProductName>,
}

/// A page of notices in `status` (oldest first) or all (newest first), with counts per status.
pub fn queue(
    conn: &mut DbConnection,
    status: Option<Status>,
    page: i64,
    l: Locale,
) -> AppResult<(Vec<QueueItem>, HashMap<String, i64>)> {
    let rows = repo::list(
        conn,
        status.map(Status::as_str),
        QUEUE_PAGE,
        (page.max(1) - 1) * QUEUE_PAGE,
    )?;
    let ids: Vec<i64> = rows.iter().map(|r| r.product_id).collect();
    let names = product_names(conn, &ids, l)?;
    let items = rows
        .into_iter()
        .map(|row| QueueItem {
            product: names.get(&row.product_id).cloned(),
            row,
        })
        .collect();
    Ok((items, repo::counts(conn)?.into_iter().collect()))
}

/// Notices no one has looked at yet (the dashboard tile).
pub fn open_count(conn: &mut DbConnection) -> AppResult<i64> {
    Ok(repo::counts(conn)?
        .into_iter()
        .find(|(s, _)| s == Status::Open.as_str())
        .map_or(0, |(_, n)| n))
}

/// Moves a notice to `to` with a staff note, audited. `Err` holds the message id of a refused change.
pub fn decide(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    to: Status,
    note: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), &'static str>> {
    let note = normalize(note);
    if note.chars().count() > NOTE_MAX {
        return Ok(Err("form-too-long"));
    }
    crate::db::write_tx(conn, |c| {
        let row = repo::by_id(c, id)?.ok_or_else(AppError::not_found)?;
        let from = Status::parse(&row.status).unwrap_or(Status::Open);
        if from == to && row.staff_note == note {
            return Ok(Ok(()));
        }
        if from != to && !from.can_move_to(to) {
            return Ok(Err("report-status-refused"));
        }
        repo::set_status(c, id, to.as_str(), &note, now)?;
        audit::record(
            c,
            actor,
            "report.status",
            &format!("report #{id} (product #{})", row.product_id),
            &format!("{} → {}: {note}", from.as_str(), to.as_str()),
            now,
        )?;
        Ok(Ok(()))
    })
}
