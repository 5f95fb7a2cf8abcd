//! The session store chosen by configuration: signed+encrypted cookies, or Redis for server-side sessions.

use std::collections::HashMap;

use actix_session::storage::{
    CookieSessionStore, LoadError, RedisSessionStore, SaveError, SessionKey, SessionStore,
    UpdateError,
};
use actix_web::cookie::time::Duration;

pub enum SessionBackend {
    Cookie(CookieSessionStore),
    Redis(RedisSessionStore),
}

impl SessionBackend {
    /// Connects to Redis when configured (checked at start-up, so a wrong URL fails early and clearly).
    pub async fn from_config(kind: &crate::config::SessionStoreKind) -> Result<Self, String> {
        match kind {
            crate::config::SessionStoreKind::Cookie => {
                Ok(Self::Cookie(CookieSessionStore::default()))
            }
            crate::config::SessionStoreKind::Redis(url) => RedisSessionStore::new(url.clone())
                .await
                .map(Self::Redis)
                .map_err(|e| format!("cannot connect to Redis at {url}: {e}")),
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
            Self::Redis(s) => s.load(key).await,
        }
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        match self {
            Self::Cookie(s) => s.save(state, ttl).await,
            Self::Redis(s) => s.save(state, ttl).await,
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
            Self::Redis(s) => s.update(key, state, ttl).await,
        }
    }

    async fn update_ttl(&self, key: &SessionKey, ttl: &Duration) -> Result<(), anyhow::Error> {
        match self {
            Self::Cookie(s) => s.update_ttl(key, ttl).await,
            Self::Redis(s) => s.update_ttl(key, ttl).await,
        }
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        match self {
            Self::Cookie(s) => s.delete(key).await,
            Self::Redis(s) => s.delete(key).await,
        }
    }
}
