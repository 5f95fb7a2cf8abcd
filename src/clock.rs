//! The application's clock. Production reads the system time; tests (and nothing else) pin it, so promotion
//! schedules can be checked to the second.

use std::sync::{Arc, Mutex};

use time::PrimitiveDateTime;

/// The system time in UTC. Only the clock itself, the command line (seeding, maintenance) and tests read it;
/// everything serving a request asks `AppState::clock`, so a pinned clock (tests, previews) is never bypassed.
pub fn system_now() -> PrimitiveDateTime {
    let n = time::OffsetDateTime::now_utc();
    PrimitiveDateTime::new(n.date(), n.time())
}

#[derive(Clone, Debug, Default)]
pub enum Clock {
    #[default]
    System,
    /// A clock that stands still until moved.
    Fixed(Arc<Mutex<PrimitiveDateTime>>),
}

impl Clock {
    pub fn fixed(at: PrimitiveDateTime) -> Self {
        Clock::Fixed(Arc::new(Mutex::new(at)))
    }

    /// Now, in UTC.
    pub fn now(&self) -> PrimitiveDateTime {
        match self {
            Clock::System => system_now(),
            Clock::Fixed(t) => match t.lock() {
                Ok(g) => *g,
                Err(poisoned) => *poisoned.into_inner(),
            },
        }
    }

    /// Moves a fixed clock (no effect on the system clock).
    pub fn set(&self, at: PrimitiveDateTime) {
        if let Clock::Fixed(t) = self {
            match t.lock() {
                Ok(mut g) => *g = at,
                Err(poisoned) => *poisoned.into_inner() = at,
            }
        }
    }
}

/// The wait before the next attempt of something retried after `attempts` failures (a refund, an email): 1, 2,
/// 4 … minutes, at most six hours.
pub fn backoff(attempts: i32) -> time::Duration {
    let minutes = 1i64 << attempts.clamp(1, 10).saturating_sub(1);
    time::Duration::minutes(minutes.min(360))
}
