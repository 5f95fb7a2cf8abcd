//! The money worker of a serving instance: every few seconds it opens refunds for cancelled card orders, sends
//! the refunds that are due and releases sales whose buyer protection has ended (or whose dispute closed). Each step is safe to run on
//! several instances at once (keyed postings, unique refunds, claimed sends). Errors are logged and retried.

use std::sync::Arc;

use time::{Duration, PrimitiveDateTime};

use super::provider::PaymentProvider;
use super::{refunds, release};
use crate::db::{DbConnection, DbPool};
use crate::error::AppResult;

/// The wait between passes.
const IDLE: std::time::Duration = std::time::Duration::from_secs(5);
/// Refunds sent per pass.
const SENDS: i64 = 20;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub refunds_opened: usize,
    pub refunds_sent: usize,
    pub released: usize,
}

/// One pass of the worker (tests call it directly).
pub fn pass(
    conn: &mut DbConnection,
    provider: Option<&dyn PaymentProvider>,
    protection: Duration,
    now: PrimitiveDateTime,
) -> AppResult<Pass> {
    // Each step on its own: one that fails (logged) does not hold up the others.
    let step = |what: &str, done: AppResult<usize>| match done {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, step = what, "money worker step failed; it will be retried");
            0
        }
    };
    let refunds_opened = step("open refunds", refunds::open_new(conn, now));
    let refunds_sent = match provider {
        Some(p) => step("send refunds", refunds::send_due(conn, p, now, SENDS)),
        None => 0,
    };
    let released = step("release sales", release::release_due(conn, protection, now))
        + step(
            "release after disputes",
            release::release_after_disputes(conn, protection, now),
        );
    Ok(Pass {
        refunds_opened,
        refunds_sent,
        released,
    })
}

/// Starts the worker thread; it ends with the process.
pub fn start(
    pool: DbPool,
    provider: Option<Arc<dyn PaymentProvider>>,
    protection_days: i64,
    clock: crate::clock::Clock,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("caravan-money".into())
        .spawn(move || loop {
            let done = pool.get().map_err(|e| e.to_string()).and_then(|mut c| {
                pass(
                    &mut c,
                    provider.as_deref(),
                    Duration::days(protection_days),
                    clock.now(),
                )
                .map_err(|e| e.to_string())
            });
            match done {
                Ok(p) if p != Pass::default() => tracing::info!(?p, "money worker pass"),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "the money worker will retry"),
            }
            std::thread::sleep(IDLE);
        })
        .map(|_| ())
}
