//! The CSV import's two steps: the check (every row validated, a clean file parked for the next step) and the
//! apply (the parked file checked again, the catalogue may have changed, and written all-or-nothing).

use time::PrimitiveDateTime;

use super::csv_io::{self, FileProblem, Plan};
use super::own_products::WriteCtx;
use crate::catalogue::service::{rates_at, tree_now};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::search::Analyzer;
use crate::shops::model::MerchantRow;

/// The check of an uploaded file: the plan (or why the file cannot be read) and, when every row is good, the
/// token of the parked file.
pub fn check(
    c: &mut DbConnection,
    shop: &MerchantRow,
    bytes: &[u8],
    now: PrimitiveDateTime,
) -> AppResult<(Result<Plan, FileProblem>, Option<String>)> {
    let tree = tree_now(c)?;
    let outcome = csv_io::plan(c, shop, &tree, bytes)?;
    let token = match &outcome {
        Ok(plan) if plan.problems.is_empty() => {
            let body = String::from_utf8_lossy(bytes).into_owned();
            Some(csv_io::park(c, shop.id, &body, now)?)
        }
        _ => None,
    };
    Ok((outcome, token))
}

fn problem(message_id: &'static str) -> FileProblem {
    FileProblem {
        message_id,
        arg: String::new(),
    }
}

/// Applies the parked file `token`: (created, updated), or why not (expired, changed since the check).
pub fn apply(
    c: &mut DbConnection,
    shop: &MerchantRow,
    token: &str,
    now: PrimitiveDateTime,
) -> AppResult<Result<(usize, usize), FileProblem>> {
    let Some(body) = csv_io::unpark(c, shop.id, token)? else {
        return Ok(Err(problem("import-expired")));
    };
    let tree = tree_now(c)?;
    match csv_io::plan(c, shop, &tree, body.as_bytes())? {
        Ok(plan) if plan.problems.is_empty() => {
            let rates = rates_at(c, now)?;
            let w = WriteCtx {
                rates: &rates,
                analyzer: &Analyzer::new(),
                now,
            };
            Ok(Ok(csv_io::apply(c, shop, &plan, &w)?))
        }
        Ok(_) => Ok(Err(problem("import-changed"))),
        Err(p) => Ok(Err(p)),
    }
}
