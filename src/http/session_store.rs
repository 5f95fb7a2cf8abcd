//! The session store chosen by configuration: signed+encrypted cookies, or Redis for server-side sessions.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use actix_session::storage::{
    CookieSessionStore, LoadError, RedisSessionStore, SaveError, SessionKey, SessionStore,
    UpdateError,
};
use actix_web::cookie::time::Duration;

/// How long start-up waits for Redis before giving up with a clear message.
pub const REDIS_CONNECT_TIMEOUT: StdDuration = StdDuration::from_secs(4);
/// How long one request waits on Redis (for a connection, and for each command) before it is answered 503.
const REDIS_CALL_TIMEOUT: StdDuration = StdDuration::from_secs(1);

pub enum SessionBackend {
    Cookie(CookieSessionStore),
    Redis(RedisSessions),
}

/// Server-side sessions in Redis. Every call is bounded in time; while calls fail, `down` is set so the request
/// is answered with a localized 503 (`session_outage` in the web middleware). The pool replaces dead
/// connections by itself (see [`redis_pool`]), and the first call that succeeds clears the flag.
#[derive(Clone)]
pub struct RedisSessions {
    store: RedisSessionStore,
    down: Arc<AtomicBool>,
}

/// The error a Redis call ends with when Redis does not answer.
#[derive(Debug, thiserror::Error)]
#[error("session store unavailable: {0}")]
pub struct StoreUnavailable(String);

impl RedisSessions {
    async fn call<T, E: std::fmt::Display>(
        &self,
        fut: impl std::future::Future<Output = Result<T, E>>,
    ) -> Result<T, anyhow::Error> {
        let outcome = match tokio::time::timeout(REDIS_CALL_TIMEOUT, fut).await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(StoreUnavailable(e.to_string())),
            Err(_) => Err(StoreUnavailable(format!(
                "no answer within {} s",
                REDIS_CALL_TIMEOUT.as_secs()
            ))),
        };
        self.down.store(outcome.is_err(), Ordering::Relaxed);
        outcome.map_err(|e| {
            tracing::error!(error = %e, "Redis session store");
            anyhow::Error::new(e)
        })
    }
}

/// A pool of Redis connections, each checked with a `PING` when it is taken; a dead one is replaced by a new
/// connection, so the store heals as soon as Redis answers again. Every wait is bounded.
fn redis_pool(url: &str) -> Result<deadpool_redis::Pool, String> {
    deadpool_redis::Config::from_url(url)
        .builder()
        .map_err(|e| e.to_string())?
        .max_size(32)
        .runtime(deadpool_redis::Runtime::Tokio1)
        .wait_timeout(Some(REDIS_CALL_TIMEOUT))
        .create_timeout(Some(REDIS_CALL_TIMEOUT))
        .recycle_timeout(Some(REDIS_CALL_TIMEOUT))
        .build()
        .map_err(|e| e.to_string())
}

async fn ping(pool: &deadpool_redis::Pool) -> Result<(), String> {
    let mut conn = pool.get().await.map_err(|e| e.to_string())?;
    deadpool_redis::redis::cmd("PING")
        .query_async::<String>(&mut conn)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

impl SessionBackend {
    /// Connects to Redis when configured, within [`REDIS_CONNECT_TIMEOUT`], so a wrong URL or a Redis that is
    /// down fails the start at once with one clear line.
    pub async fn from_config(kind: &crate::config::SessionStoreKind) -> Result<Self, String> {
        match kind {
            crate::config::SessionStoreKind::Cookie => {
                Ok(Self::Cookie(CookieSessionStore::default()))
            }
            crate::config::SessionStoreKind::Redis(url) => {
                let secs = REDIS_CONNECT_TIMEOUT.as_secs();
                let fail =
                    |e: &dyn std::fmt::Display| format!("cannot connect to Redis at {url}: {e}");
                let pool = redis_pool(url).map_err(|e| fail(&e))?;
                match tokio::time::timeout(REDIS_CONNECT_TIMEOUT, ping(&pool)).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => return Err(fail(&e)),
                    Err(_) => return Err(fail(&format!("no answer within {secs} s"))),
                }
                let store = RedisSessionStore::new_pooled(pool)
                    .await
                    .map_err(|e| fail(&e))?;
                Ok(Self::Redis(RedisSessions {
                    store,
                    down: Arc::new(AtomicBool::new(false)),
                }))
            }
        }
    }

    /// Whether the last call to the session store failed (never for cookie sessions).
    pub fn is_down(&self) -> bool {
        match self {
            Self::Cookie(_) => false,
            Self::Redis(r) => r.down.load(Ordering::Relaxed),
        }
    }
}

impl Clone for SessionBackend {
    fn clone(&self) -> Self {
        match self {
            Self::Cookie(_) => Self::Cookie(CookieSessionStore::default()),
            Self::Redis(r) => Self::Redis(r.clone()),
        }
    }
}

impl SessionStore for SessionBackend {
    async fn load(&self, key: &SessionKey) -> Result<Option<HashMap<String, String>>, LoadError> {
        match self {
            Self::Cookie(s) => s.load(key).await,
            Self::Redis(r) => {
                // Redis answering with a state that does not parse is not an outage: the middleware starts a
                // fresh session for it.
                let answered = r
                    .call(async {
                        match r.store.load(key).await {
                            Ok(state) => Ok(Ok(state)),
                            Err(LoadError::Deserialization(e)) => Ok(Err(e)),
                            Err(other) => Err(other),
                        }
                    })
                    .await
                    .map_err(LoadError::Other)?;
                answered.map_err(LoadError::Deserialization)
            }
        }
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        match self {
            Self::Cookie(s) => s.save(state, ttl).await,
            Self::Redis(r) => r
                .call(r.store.save(state, ttl))
                .await
                .map_err(SaveError::Other),
        }
    }

    async fn update(
        &self,
        key: SessionKey,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        match self {
            Self::Cookie(s) => s.update(key, state, ttl).await,
            Self::Redis(r) => r
                .call(r.store.update(key, state, ttl))
                .await
                .map_err(UpdateError::Other),
        }
    }

    async fn update_ttl(&self, key: &SessionKey, ttl: &Duration) -> Result<(), anyhow::Error> {
        match self {
            Self::Cookie(s) => s.update_ttl(key, ttl).await,
            Self::Redis(r) => r.call(r.store.update_ttl(key, ttl)).await,
        }
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        match self {
            Self::Cookie(s) => s.delete(key).await,
            Self::Redis(r) => r.call(r.store.delete(key)).await,
        }
    }
}
