//! Test support: a fresh migrated database per test (SQLite always; PostgreSQL when `CARAVAN_TEST_PG` is set),
//! the real app behind actix's test service, a cookie-keeping client, and row builders.
#![allow(dead_code)]

pub mod builders;
pub mod client;
pub mod server;

use std::path::PathBuf;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test;
use caravan::config::Config;
use caravan::db::{build_pool, run_migrations, DatabaseUrl, DbPool};
use caravan::http::state::AppState;
use caravan::i18n::I18n;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

pub use client::TestClient;

/// One test's database and state.
pub struct TestDb {
    pub url: DatabaseUrl,
    pub pool: DbPool,
    pub dir: tempfile::TempDir,
    pg_admin: Option<(String, String)>,
}

fn random_suffix() -> String {
    let mut b = [0u8; 6];
    let _ = getrandom::fill(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// `CARAVAN_TEST_PG` is a PostgreSQL admin URL (e.g. `postgres://postgres@127.0.0.1:5432/postgres`).
pub fn pg_admin_url() -> Option<String> {
    std::env::var("CARAVAN_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
}

impl TestDb {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let (url, pg_admin) = match pg_admin_url() {
            Some(admin) => {
                let name = format!("caravan_t_{}", random_suffix());
                let mut conn = PgConnection::establish(&admin).expect("connect to CARAVAN_TEST_PG");
                conn.batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                let base = admin
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_string())
                    .unwrap_or(admin.clone());
                (
                    DatabaseUrl::Postgres(format!("{base}/{name}")),
                    Some((admin, name)),
                )
            }
            None => (
                DatabaseUrl::Sqlite(dir.path().join("test.db").to_string_lossy().into_owned()),
                None,
            ),
        };
        let pool = build_pool(&url, 4).expect("pool");
        {
            let mut conn = pool.get().expect("conn");
            run_migrations(&mut conn).expect("migrations");
        }
        Self {
            url,
            pool,
            dir,
            pg_admin,
        }
    }

    pub fn conn(&self) -> caravan::db::PooledConn {
        self.pool.get().expect("conn")
    }

    pub fn passwords(&self) -> caravan::identity::password::Passwords {
        caravan::identity::password::Passwords::new(&self.config().password).expect("passwords")
    }

    pub fn is_pg(&self) -> bool {
        self.pg_admin.is_some()
    }

    pub fn config(&self) -> Config {
        Config::for_tests(self.url.clone(), PathBuf::from(self.dir.path()))
    }

    pub fn state(&self) -> AppState {
        self.state_with(self.config())
    }

    pub fn state_with(&self, config: Config) -> AppState {
        let i18n = I18n::load().expect("i18n");
        let sessions = match &config.sessions {
            caravan::config::SessionStoreKind::Cookie => {
                caravan::http::session_store::SessionBackend::Cookie(Default::default())
            }
            caravan::config::SessionStoreKind::Redis(_) => {
                panic!("use TestApp::with_config for Redis")
            }
        };
        let mut state = AppState::new(self.pool.clone(), config, i18n, sessions).expect("state");
        share_lexicons(&mut state);
        state
    }
}

/// Every app of the test process shares one set of search dictionaries (reading the five takes seconds in a
/// debug build), unless its configuration points elsewhere.
pub fn share_lexicons(state: &mut AppState) {
    if let Some(l) = shared_lexicons(&state.config.hunspell_dir) {
        state.lexicons = l;
    }
}

/// The process's shared dictionaries, when read from `dir`.
pub fn shared_lexicons(
    dir: &Option<PathBuf>,
) -> Option<std::sync::Arc<caravan::search::lexicon::Lexicons>> {
    use caravan::search::lexicon::Lexicons;
    type Shared = (Option<PathBuf>, std::sync::Arc<Lexicons>);
    static SHARED: std::sync::OnceLock<Shared> = std::sync::OnceLock::new();
    let (d, l) =
        SHARED.get_or_init(|| (dir.clone(), std::sync::Arc::new(Lexicons::new(dir.clone()))));
    (d == dir).then(|| l.clone())
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg_admin.take() {
            if let Ok(mut conn) = PgConnection::establish(&admin) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// A running app on a fresh database.
pub struct TestApp {
    pub db: TestDb,
    pub client: TestClient,
    /// The app's clock, fixed at the real time of creation; tests move it.
    pub clock: caravan::clock::Clock,
    /// The app's messages: every page a test renders must find each message it looks up (see `Drop`).
    pub i18n: std::sync::Arc<I18n>,
    /// The app's promo page view counts (a test flushes them when it wants them in the database).
    pub views: std::sync::Arc<caravan::counters::ViewCounts>,
    /// The app's search counts (flushed by a test that wants them in the database).
    pub searches: std::sync::Arc<caravan::search::stats::SearchCounts>,
    /// The app's catalogue cache: a test that writes the database behind the app's back drops it, as every
    /// write through the app does.
    pub cache: std::sync::Arc<caravan::cache::Cache>,
}

/// No test renders a page that looks up a message defined in no locale (each such lookup shows an id to the
/// shopper and logs a warning).
impl Drop for TestApp {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            assert_eq!(
                self.i18n.messages.missing(),
                0,
                "pages looked up missing Fluent messages (see the \"missing fluent message\" warnings)"
            );
        }
    }
}

impl TestApp {
    pub async fn new() -> Self {
        let db = TestDb::new();
        let config = db.config();
        Self::with_config(db, config).await
    }

    /// An app over `db` with a tweaked configuration (limits, Redis sessions, …).
    pub async fn with_config(db: TestDb, config: Config) -> Self {
        let sessions = caravan::http::session_store::SessionBackend::from_config(&config.sessions)
            .await
            .expect("sessions");
        let i18n = I18n::load().expect("i18n");
        let mut state =
            AppState::new(db.pool.clone(), config, i18n.clone(), sessions).expect("state");
        let clock = caravan::clock::Clock::fixed(caravan::clock::system_now());
        state.clock = clock.clone();
        share_lexicons(&mut state);
        let views = state.views.clone();
        let searches = state.searches.clone();
        let cache = state.cache.clone();
        let app = test::init_service(caravan::build_app(state)).await;
        let svc = move |req: actix_http::Request| {
            let fut = app.call(req);
            Box::pin(async move {
                let res: ServiceResponse = fut.await.expect("service").map_into_boxed_body();
                res
            }) as client::ResponseFuture
        };
        Self {
            client: TestClient::new(Box::new(svc)),
            db,
            clock,
            i18n,
            views,
            searches,
            cache,
        }
    }
}

pub const TEST_PASSWORD: &str = "saffron-lantern-42";

impl TestApp {
    /// Creates an account with `role` and signs the client in as it (English pages).
    pub async fn sign_in_as(&mut self, email: &str, role: caravan::identity::model::Role) {
        let spec = caravan::accounts::service::AccountSpec {
            email,
            display_name: "Tester",
            role,
            locale: caravan::i18n::Locale::En,
            password: TEST_PASSWORD,
        };
        caravan::accounts::service::upsert_user(
            &mut self.db.conn(),
            &self.db.passwords(),
            &spec,
            caravan::clock::system_now(),
        )
        .expect("account");
        let page = self.client.get("/en/sign-in").await;
        let csrf = page.input_value("csrf").expect("csrf");
        let res = self
            .client
            .post_form(
                "/en/sign-in",
                &[
                    ("csrf", &csrf),
                    ("email", email),
                    ("password", TEST_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "sign in as {email}");
    }

    /// The token of the latest verification link mailed to `email` (read from the outbox, as the email carries it).
    pub fn verification_token(&self, email: &str) -> String {
        use caravan::db::schema::notifications;
        use diesel::prelude::*;
        let payloads: Vec<String> = notifications::table
            .filter(notifications::kind.eq("verify-email"))
            .order(notifications::id.desc())
            .select(notifications::payload)
            .load(&mut self.db.conn())
            .expect("outbox");
        payloads
            .iter()
            .filter_map(|p| serde_json::from_str::<serde_json::Value>(p).ok())
            .find(|v| v["email"] == email)
            .and_then(|v| v["token"].as_str().map(str::to_string))
            .expect("a verification link")
    }

    /// Follows the verification link mailed to `email`: the page it opens, then its button. Returns the answer.
    pub async fn verify_email(&mut self, lang: &str, email: &str) -> client::Page {
        let url = format!("/{lang}/verify-email/{}", self.verification_token(email));
        let page = self.client.get(&url).await;
        assert_eq!(page.status, 200, "{}", page.body);
        // The page's own form (the reminder banner above it has another).
        let csrf = page.input_value("csrf").expect("csrf");
        self.client.post_form(&url, &[("csrf", &csrf)]).await
    }

    /// Signs in as a merchant account and makes it the owner of `shop`.
    pub async fn sign_in_as_owner(&mut self, email: &str, shop: i64) {
        use caravan::db::schema::{merchants, users};
        use diesel::prelude::*;
        self.sign_in_as(email, caravan::identity::model::Role::Merchant)
            .await;
        let uid: i64 = users::table
            .filter(users::email_norm.eq(email))
            .select(users::id)
            .first(&mut self.db.conn())
            .expect("user");
        diesel::update(merchants::table.find(shop))
            .set(merchants::owner_user_id.eq(uid))
            .execute(&mut self.db.conn())
            .expect("owner");
    }

    /// The current CSRF token (from any page with a form).
    /// Signs in as the owner of `shop` and archives `product` through the merchant area (the storefront must
    /// stop showing it at once).
    pub async fn archive_as_owner(&mut self, email: &str, shop: i64, product: i64) {
        self.sign_in_as_owner(email, shop).await;
        let csrf = self.csrf().await;
        let res = self
            .client
            .post_form(
                &format!("/en/merchant/products/{product}/status"),
                &[("csrf", &csrf), ("status", "archived")],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
    }

    /// The session's form token: from the home page once there is a session, else from the sign-in page (shopper
    /// pages give a visitor without a session no token, and so no cookie).
    pub async fn csrf(&mut self) -> String {
        let home = self.client.get("/en/").await.input_value("csrf");
        match home.filter(|t| !t.is_empty()) {
            Some(t) => t,
            None => self
                .client
                .get("/en/sign-in")
                .await
                .input_value("csrf")
                .expect("csrf"),
        }
    }
}
