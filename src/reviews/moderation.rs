//! What happens to a review after it is written: the shop's reply, reports from signed-in accounts (limited),
//! and staff hiding or restoring it (audited, ratings recounted in the same transaction).

use time::PrimitiveDateTime;

use super::model::Status;
use super::repo;
use crate::audit;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::limits::{allow, Scope};

/// Reports one account may make in [`REPORT_WINDOW_SECS`].
pub const REPORTS_PER_WINDOW: i64 = 10;
pub const REPORT_WINDOW_SECS: i64 = 3_600;

/// The reasons a report may give (the form's choices; anything else is "other").
pub const REASONS: [&str; 4] = ["spam", "offensive", "off-topic", "other"];

/// The shop's reply to review `id`: false when the review is not about the shop's products.
pub fn reply(
    c: &mut DbConnection,
    (id, merchant_id): (i64, i64),
    text: &str,
    lang: &str,
    (actor, now): (i64, PrimitiveDateTime),
) -> AppResult<bool> {
    crate::db::write_tx(c, |c| {
        let n = repo::set_reply(c, (id, merchant_id), text, lang, now)?;
        if n > 0 {
            audit::record(c, actor, "review.reply", &format!("review {id}"), lang, now)?;
        }
        Ok(n > 0)
    })
}

/// What a report came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    Recorded,
    Already,
    Throttled,
}

impl Reported {
    pub fn message_id(self) -> &'static str {
        match self {
            Reported::Recorded => "review-reported",
            Reported::Already => "review-reported-already",
            Reported::Throttled => "review-report-throttled",
        }
    }
}

/// Account `user_id` reports review `id` for `reason`, at most [`REPORTS_PER_WINDOW`] reports an hour.
pub fn report(
    c: &mut DbConnection,
    id: i64,
    user_id: i64,
    reason: &str,
    now: PrimitiveDateTime,
) -> AppResult<Reported> {
    let reason = if REASONS.contains(&reason) {
        reason
    } else {
        "other"
    };
    crate::db::write_tx(c, |c| {
        if repo::by_id(c, id)?.is_none() {
            return Err(AppError::not_found());
        }
        let key = user_id.to_string();
        if allow(
            c,
            (Scope::ReviewReport, &key),
            REPORTS_PER_WINDOW,
            REPORT_WINDOW_SECS,
            now,
        )?
        .is_err()
        {
            return Ok(Reported::Throttled);
        }
        Ok(if repo::report(c, id, user_id, reason, now)? {
            Reported::Recorded
        } else {
            Reported::Already
        })
    })
}

/// Staff hide review `id` with `reason`, or restore it (`reason` None); the ratings are recounted.
pub fn set_hidden(
    c: &mut DbConnection,
    id: i64,
    reason: Option<&str>,
    (actor, now): (i64, PrimitiveDateTime),
) -> AppResult<()> {
    crate::db::write_tx(c, |c| {
        let r = repo::by_id(c, id)?.ok_or_else(AppError::not_found)?;
        let (status, action) = match reason {
            Some(_) => (Status::Hidden, "review.hide"),
            None => (Status::Visible, "review.restore"),
        };
        repo::set_status(c, id, status, reason.unwrap_or_default())?;
        repo::recount(c, r.product_id, r.merchant_id)?;
        let detail = reason.unwrap_or_default();
        audit::record(c, actor, action, &format!("review {id}"), detail, now)?;
        Ok(())
    })
}

/// The moderation queue: reported reviews still shown (most reported first), then hidden ones, each with its
/// reports' reasons.
pub fn queue(c: &mut DbConnection) -> AppResult<Vec<(super::model::ReviewRow, Vec<String>)>> {
    let mut rows = repo::queue(c, false, 100)?;
    rows.extend(repo::queue(c, true, 100)?);
    rows.into_iter()
        .map(|r| {
            let reasons = repo::report_reasons(c, r.id)?;
            Ok((r, reasons))
        })
        .collect()
}
