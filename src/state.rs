use std::sync::Arc;

use actix_web::web;

use crate::accounts::password::Passwords;
use crate::catalogue::cache::CatalogueCache;
use crate::config::Config;
use crate::db::{DbConnection, DbPool};
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::web::assets::Assets;
use crate::web::session_store::SessionBackend;

/// Shared, read-only application state handed to every handler as `web::Data<AppState>`.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub config: Arc<Config>,
    pub i18n: Arc<I18n>,
    pub assets: Arc<Assets>,
    pub passwords: Arc<Passwords>,
    pub sessions: SessionBackend,
    pub cache: Arc<CatalogueCache>,
    /// Who signed-in sessions belong to, for a moment (see [`crate::accounts::sign_ins`]).
    pub sign_ins: Arc<crate::accounts::sign_ins::SignIns>,
    /// Whole shopper pages for visitors who are not signed in.
    pub pages: Arc<crate::web::page_cache::PageCache>,
    /// Time for everything that depends on "now" being testable (promotion schedules and prices).
    pub clock: crate::clock::Clock,
    pub metrics: Arc<crate::web::telemetry::Metrics>,
    /// Image decoding for uploads, a bounded number at once.
    pub decoders: crate::media::Decoders,
}

impl AppState {
    pub fn new(
        pool: DbPool,
        config: Config,
        i18n: Arc<I18n>,
        sessions: SessionBackend,
    ) -> Result<Self, String> {
        let passwords = Arc::new(Passwords::new(&config.password)?);
        let cache = CatalogueCache::with_reloader(
            std::time::Duration::from_secs(config.cache_ttl_secs),
            pool.clone(),
        )?;
        let pages = Arc::new(crate::web::page_cache::PageCache::new(
            std::time::Duration::from_secs(config.page_cache_secs),
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
            sign_ins: crate::accounts::sign_ins::SignIns::new(crate::accounts::sign_ins::TTL),
            clock: crate::clock::Clock::System,
            metrics: Arc::new(crate::web::telemetry::Metrics::new()?),
            decoders: crate::media::Decoders::default(),
        })
    }

    /// Looks a shopper page up in the page cache for now and the current catalogue generation (see
    /// [`crate::web::page_cache`]).
    pub async fn cached_page(
        &self,
        ctx: &mut crate::web::page::PageCtx,
    ) -> crate::web::page_cache::Cached<'_> {
        // The campaign schedule is cached with the catalogue; a hit never waits on the database.
        let schedule = match self.cache.fresh_schedule() {
            Some(s) => s,
            None => {
                let cache = self.cache.clone();
                let loaded = self
                    .db(move |c| Ok(cache.schedule(c, crate::promos::pricing::Schedule::load)?))
                    .await;
                match loaded {
                    Ok(s) => s,
                    // The handler renders uncached and meets the same database error itself.
                    Err(_) => return crate::web::page_cache::Cached::Miss(None),
                }
            }
        };
        let now = self.clock.now();
        let epoch = schedule.epoch(now);
        // A shared cache may keep the page until then at most: prices change at that instant.
        let until_change = schedule
            .next_change(now)
            .map(|t| std::time::Duration::try_from(t - now).unwrap_or_default());
        self.pages
            .begin(ctx, &epoch, self.cache.generation(), until_change)
            .await
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
        let out = self.db(f).await?;
        self.cache.clear();
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
