//! The mail worker of a serving instance: every few seconds it claims due outbox rows, composes each email and
//! hands it to the transport, recording what happened. Requests never wait for it.

use std::sync::Arc;

use time::PrimitiveDateTime;

use super::compose::{self, Env, Made};
use super::outbox::{self, Outcome};
use super::transport::Mailer;
use crate::db::{DbConnection, DbPool};
use crate::error::AppResult;

/// The wait between passes.
const IDLE: std::time::Duration = std::time::Duration::from_secs(3);
/// Rows claimed per pass.
const BATCH: i64 = 20;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub skipped: usize,
    pub failed: usize,
}

/// One pass (tests call it directly): claims due rows, sends them, records each outcome.
pub fn pass(
    conn: &mut DbConnection,
    mailer: &Mailer,
    env: &Env,
    now: PrimitiveDateTime,
) -> AppResult<Pass> {
    let mut done = Pass::default();
    for row in outbox::claim(conn, BATCH, now)? {
        let outcome = match compose::compose(conn, &row, env) {
            Ok(Made::Mail(message)) => match mailer.send(&message) {
                Ok(()) => Outcome::Sent,
                Err(e) => Outcome::Failed(e.code, !e.permanent),
            },
            Ok(Made::Nothing) => Outcome::Skipped,
            Ok(Made::Unsendable(code)) => Outcome::Failed(code, false),
            Err(e) => {
                tracing::warn!(error = %e, notification = row.id, "email could not be composed");
                Outcome::Failed("compose_failed", true)
            }
        };
        match outcome {
            Outcome::Sent => done.sent += 1,
            Outcome::Skipped => done.skipped += 1,
            Outcome::Failed(..) => done.failed += 1,
        }
        outbox::finish(conn, &row, outcome, now)?;
    }
    Ok(done)
}

/// Starts the worker thread; it ends with the process.
pub fn start(
    pool: DbPool,
    mailer: Mailer,
    env: Arc<Env>,
    clock: crate::clock::Clock,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("caravan-mail".into())
        .spawn(move || loop {
            // A message that makes composing panic must not stop this instance's email for good.
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pool.get().map_err(|e| e.to_string()).and_then(|mut c| {
                    pass(&mut c, &mailer, &env, clock.now()).map_err(|e| e.to_string())
                })
            }))
            .unwrap_or_else(|_| Err("a pass panicked".into()));
            match done {
                Ok(p) if p != Pass::default() => tracing::info!(?p, "mail worker pass"),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "the mail worker will retry"),
            }
            std::thread::sleep(IDLE);
        })
        .map(|_| ())
}
