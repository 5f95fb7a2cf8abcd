//! The staff's shared options (sizes, colours, weights…): creating one, naming it and its values in every
//! language, marking it as a facet. Every change is audited; the products sold in a renamed option are queued to
//! be indexed again.

use time::PrimitiveDateTime;

use crate::audit;
use crate::backoffice::option_names::{self, Owner, Saved, SheetInput};
use crate::catalogue::reindex;
use crate::db::{write_tx, DbConnection};
use crate::error::AppResult;
use crate::http::forms::FormErrors;
use crate::i18n::PerLocale;

/// Saves a shared option's sheet and records it in the audit log.
pub fn save(
    c: &mut DbConnection,
    actor: i64,
    id: i64,
    input: &SheetInput,
    now: PrimitiveDateTime,
) -> AppResult<Result<Saved, FormErrors>> {
    write_tx(c, |c| {
        let saved = option_names::save_sheet(c, (Owner::Shared, id), input, reindex::queue_option)?;
        if let Ok(s) = &saved {
            let detail = format!(
                "facet={} new_value={} queued={}",
                input.facet,
                s.new_value.map_or_else(|| "-".into(), |v| v.to_string()),
                s.queued
            );
            audit::record(c, actor, "option.names", &format!("#{id}"), &detail, now)?;
        }
        Ok(saved)
    })
}

/// Creates a shared option and records it in the audit log. Returns its id.
pub fn create(
    c: &mut DbConnection,
    actor: i64,
    names: &PerLocale<String>,
    facet: bool,
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, FormErrors>> {
    write_tx(c, |c| {
        let created = option_names::create_shared(c, names, facet, now)?;
        if let Ok(id) = created {
            let detail = format!("facet={facet}");
            audit::record(c, actor, "option.create", &format!("#{id}"), &detail, now)?;
        }
        Ok(created)
    })
}
