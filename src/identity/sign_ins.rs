//! Who a sign-in session belongs to, kept for a moment: every page a signed-in shopper opens needs the user
//! behind the session cookie, and asking the database each time costs a thread hop and (on PostgreSQL) two
//! round trips per request.
//!
//! An entry is used for at most [`TTL`] and never past the session's own expiry. Whatever changes a user or
//! a session through this instance (sign-out, profile, password, role) clears the cache at once, and tells the
//! other instances through the database's fan-out (see [`crate::db::fanout`]); a change made elsewhere (the
//! command line, an instance whose fan-out is down) is seen within [`TTL`].

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::Arc;
use std::time::{Duration, Instant};

use time::PrimitiveDateTime;

use super::model::AuthUser;
use crate::db::fanout::Fanned;

/// The longest a cached sign-in is trusted without asking the database again.
pub const TTL: Duration = Duration::from_secs(2);

/// Sessions kept at most (a few hundred bytes each).
const CAPACITY: usize = 50_000;

#[derive(Clone)]
struct Entry {
    at: Instant,
    expires: PrimitiveDateTime,
    user: Arc<AuthUser>,
}

pub struct SignIns {
    ttl: Duration,
    generation: AtomicU64,
    entries: quick_cache::sync::Cache<String, Entry>,
    announce: crate::db::fanout::Announcer,
}

impl SignIns {
    pub fn new(ttl: Duration) -> Arc<Self> {
        Arc::new(Self {
            ttl,
            generation: AtomicU64::new(0),
            entries: quick_cache::sync::Cache::new(CAPACITY),
            announce: Default::default(),
        })
    }

    /// The user of session `sid` if it was read less than the TTL ago and has not expired since.
    pub fn get(&self, sid: &str, now: PrimitiveDateTime) -> Option<AuthUser> {
        let e = self.entries.get(sid)?;
        if e.at.elapsed() < self.ttl && now < e.expires {
            Some((*e.user).clone())
        } else {
            None
        }
    }

    /// The generation to hand to [`SignIns::store`] with what is read from the database after this call.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps what the database said of the user's session, unless a clear happened since it was read (it may
    /// predate a sign-out or a role change).
    pub fn store(&self, generation: u64, user: &AuthUser, expires: PrimitiveDateTime) {
        if self.ttl.is_zero() || generation != self.generation() {
            return;
        }
        let entry = Entry {
            at: Instant::now(),
            expires,
            user: Arc::new(user.clone()),
        };
        self.entries.insert(user.session_id.clone(), entry);
    }

    /// Forgets every sign-in here (after a user or session write) and tells the other instances.
    pub fn clear(&self) {
        self.clear_local();
        self.announce.send();
    }
}

impl crate::db::fanout::Fanned for SignIns {
    fn announce_to(&self, tx: SyncSender<()>) {
        self.announce.set(tx);
    }

    fn clear_local(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::model::Role;
    use time::macros::datetime;

    fn row(name: &str) -> AuthUser {
        AuthUser {
            id: 7,
            email: "a@b.test".into(),
            display_name: name.into(),
            role: Role::Shopper,
            locale: "en".into(),
            session_id: "sid".into(),
            time_zone: String::new(),
            verified: true,
        }
    }

    #[test]
    fn kept_until_ttl_expiry_or_clear_and_never_across_a_clear() {
        let s = SignIns::new(Duration::from_secs(60));
        let now = datetime!(2026-06-01 12:00);
        let g = s.generation();
        s.store(g, &row("Ada"), datetime!(2026-06-02 0:00));
        assert_eq!(
            s.get("sid", now).map(|u| u.display_name),
            Some("Ada".into())
        );
        assert!(
            s.get("sid", datetime!(2026-06-02 0:00)).is_none(),
            "expired session"
        );
        s.clear_local();
        assert!(s.get("sid", now).is_none());
        // Read before the clear, stored after it: not kept.
        s.store(g, &row("Old"), datetime!(2026-06-02 0:00));
        assert!(s.get("sid", now).is_none());
        let zero = SignIns::new(Duration::ZERO);
        zero.store(zero.generation(), &row("Ada"), datetime!(2026-06-02 0:00));
        assert!(zero.get("sid", now).is_none());
    }
}
