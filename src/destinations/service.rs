//! Closing and reopening destinations (audited), and what pages consult.

use time::PrimitiveDateTime;

use super::model::{Closed, Reason, RestrictionRow};
use super::repo;
use crate::audit;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::geo::CountryCode;

/// Longest staff note, in characters.
pub const NOTE_MAX: usize = 500;

/// The staff form as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// A checked closing: the country, its reason and the staff note.
#[derive(Debug, Clone)]
pub struct Closing {
    pub country: CountryCode,
    pub reason: Reason,
    pub note: String,
}

/// The draft checked field by field: (field, Fluent id of the problem) for each one wrong. `known` says which
/// codes are destinations shoppers can pick.
pub fn check(
    d: &Draft,
    known: impl Fn(CountryCode) -> bool,
) -> Result<Closing, Vec<(&'static str, &'static str)>> {
    let mut problems = Vec::new();
    let country = CountryCode::parse(&d.country).filter(|c| known(*c));
    if country.is_none() {
        problems.push(("country", "destination-country-invalid"));
    }
    let reason = Reason::parse(d.reason.trim());
    if reason.is_none() {
        problems.push(("reason", "destination-reason-invalid"));
    }
    let note = d.note.trim().to_string();
    if note.chars().count() > NOTE_MAX {
        problems.push(("note", "destination-note-too-long"));
    }
    match (country, reason) {
        (Some(country), Some(reason)) if problems.is_empty() => Ok(Closing {
            country,
            reason,
            note,
        }),
        _ => Err(problems),
    }
}

/// Closes (or re-reasons) a destination, audited as `destination.close`.
pub fn close(
    conn: &mut DbConnection,
    actor: i64,
    c: &Closing,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    crate::db::write_tx(conn, |tx| {
        repo::put(
            tx,
            &RestrictionRow {
                country: c.country.as_str().to_string(),
                reason: c.reason.code().to_string(),
                note: c.note.clone(),
                closed_by: Some(actor),
                closed_at: now,
            },
        )?;
        let detail = format!("{}; {}", c.reason.code(), c.note);
        audit::record(
            tx,
            actor,
            "destination.close",
            c.country.as_str(),
            &detail,
            now,
        )?;
        Ok(())
    })
}

/// Opens a closed destination again, audited as `destination.reopen`; whether it was closed.
pub fn reopen(
    conn: &mut DbConnection,
    actor: i64,
    cc: CountryCode,
    now: PrimitiveDateTime,
) -> AppResult<bool> {
    crate::db::write_tx(conn, |tx| {
        let was = repo::remove(tx, cc)?;
        if was {
            audit::record(tx, actor, "destination.reopen", cc.as_str(), "", now)?;
        }
        Ok(was)
    })
}

/// Every closed destination (the catalogue caches it with its basics).
pub fn closed(conn: &mut DbConnection) -> AppResult<Closed> {
    Ok(Closed::from_rows(&repo::all(conn)?))
}

/// Why `cc` is closed, read now (the cart and checkout, which must not sell to a destination closed a moment
/// ago).
pub fn reason_now(conn: &mut DbConnection, cc: CountryCode) -> AppResult<Option<Reason>> {
    Ok(repo::of(conn, cc)?.and_then(|r| Reason::parse(&r.reason)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_checked_field_by_field() {
        let known = |c: CountryCode| c.as_str() != "ZZ";
        let ok = check(
            &Draft {
                country: " ir ".into(),
                reason: "sanctions".into(),
                note: " EU Regulation 267/2012 ".into(),
            },
            known,
        )
        .expect("valid");
        assert_eq!(
            (ok.country.as_str(), ok.reason, ok.note.as_str()),
            ("IR", Reason::Sanctions, "EU Regulation 267/2012")
        );
        let bad = check(
            &Draft {
                country: "ZZ".into(),
                reason: "weather".into(),
                note: "x".repeat(NOTE_MAX + 1),
            },
            known,
        )
        .expect_err("invalid");
        assert_eq!(
            bad,
            vec![
                ("country", "destination-country-invalid"),
                ("reason", "destination-reason-invalid"),
                ("note", "destination-note-too-long")
            ]
        );
    }
}
