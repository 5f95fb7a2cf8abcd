use std::sync::Arc;

use actix_web::web;

use crate::cache::Cache;
use crate::config::Config;
use crate::db::{DbConnection, DbPool};
use crate::error::{AppError, AppResult};
use crate::http::assets::Assets;
use crate::http::session_store::SessionBackend;
use crate::i18n::I18n;
use crate::identity::password::Passwords;

/// What a write makes stale (see [`AppState::write_changing`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changes {
    /// Products, stock, prices, shops, categories, campaigns, rates, site pages.
    Catalogue,
    /// Sessions, users' roles and profiles.
    Identity,
    Both,
}

/// Shared, read-only application state handed to every handler as `web::Data<AppState>`.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub i18n: Arc<I18n>,
    pub assets: Arc<Assets>,
    pub passwords: Arc<Passwords>,
    pub sessions: SessionBackend,
    pub cache: Arc<Cache>,
    /// Who signed-in sessions belong to, for a moment (see [`crate::identity::sign_ins`]).
    pub sign_ins: Arc<crate::identity::sign_ins::SignIns>,
    /// Whole shopper pages for visitors who are not signed in.
    pub pages: Arc<crate::http::page_cache::PageCache>,
    /// Time for everything that depends on "now" being testable (promotion schedules and prices).
    pub clock: crate::clock::Clock,
    pub metrics: Arc<crate::http::metrics::Metrics>,
    /// Image decoding for uploads, a bounded number at once.
    pub decoders: crate::media::Decoders,
    /// Promo page views, counted in memory and flushed in batches.
    pub views: Arc<crate::counters::ViewCounts>,
    /// Searches, empty results and corrections per language, counted in memory and flushed in batches.
    pub searches: Arc<crate::search::stats::SearchCounts>,
    /// Dictionaries for irregular word forms in search, read on first use (or warmed at start-up).
    pub lexicons: Arc<crate::search::lexicon::Lexicons>,
}

impl AppState {
    pub fn new(
        pool: DbPool,
        config: Config,
        i18n: Arc<I18n>,
        sessions: SessionBackend,
    ) -> Result<Self, String> {
        let passwords = Arc::new(Passwords::new(&config.password)?);
        let cache = Cache::with_reloader(
            std::time::Duration::from_secs(config.cache_ttl_secs),
            pool.clone(),
        )?;
        let pages = Arc::new(crate::http::page_cache::PageCache::new(
            std::time::Duration::from_secs(config.page_cache_secs),
        ));
        let lexicons = Arc::new(crate::search::lexicon::Lexicons::new(
            config.hunspell_dir.clone(),
        ));
        Ok(Self {
            pages,
            pool,
            config: Arc::new(config),
            i18n,
            assets: Arc::new(Assets::embedded()),
            passwords,
            sessions,
            cache,
            sign_ins: crate::identity::sign_ins::SignIns::new(crate::identity::sign_ins::TTL),
            clock: crate::clock::Clock::System,
            metrics: Arc::new(crate::http::metrics::Metrics::new()?),
            decoders: crate::media::Decoders::default(),
            views: Arc::new(crate::counters::ViewCounts::default()),
            searches: Arc::new(crate::search::stats::SearchCounts::default()),
            lexicons,
        })
    }

    /// Runs a write that changes what shoppers see (products, stock, prices, shops, categories, campaigns, rates,
    /// site pages) like [`Self::db`], then, after its transaction has committed, drops the catalogue cache and
    /// with it every stored page, here and (through the fan-out) on the other instances. This is the one place
    /// the catalogue cache is invalidated (a structure test holds it so): a write that does not come through
    /// here is seen only once the cache's TTL has passed.
    pub async fn write<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.write_changing(Changes::Catalogue, f).await
    }

    /// Runs a write like [`Self::db`], then drops what it made stale, here and on the other instances: the
    /// catalogue cache (and stored pages) and/or who signed-in sessions belong to (a sign-out, a password or
    /// profile change, a role given with an approved shop). The one place both are invalidated.
    pub async fn write_changing<T, F>(&self, changes: Changes, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let out = self.db(f).await?;
        if matches!(changes, Changes::Catalogue | Changes::Both) {
            self.cache.clear();
        }
        if matches!(changes, Changes::Identity | Changes::Both) {
            self.sign_ins.clear();
        }
        Ok(out)
    }

    /// Runs blocking Diesel work on the blocking thread pool with a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(AppError::from)?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking pool: {e}")))?
    }
}
