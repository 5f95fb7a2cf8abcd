//! Typed configuration from the environment, validated once at start-up.

use std::path::PathBuf;

use crate::db::DatabaseUrl;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub bind: String,
    pub workers: usize,
    pub pool_size: u32,
    pub data_dir: PathBuf,
    pub media_dir: PathBuf,
    /// Absolute origin used in canonical links and the sitemap, without a trailing slash.
    pub public_url: String,
    /// Key material for signing and encrypting session cookies (at least 64 bytes).
    pub secret_key: Vec<u8>,
    /// Mark cookies `Secure` (and send HSTS) because the site is served over HTTPS.
    pub https: bool,
    pub sessions: SessionStoreKind,
    pub password: PasswordPolicy,
    pub limits: AuthLimits,
    /// Staff see a warning when a current exchange rate is older than this.
    pub rate_max_age_days: i64,
    /// How long facet counts, the category tree and rates may be served from memory (0 disables the cache).
    pub cache_ttl_secs: u64,
    /// How long a whole shopper page may be served from memory to visitors who are not signed in (0 = off; at
    /// most 60, as pages are also keyed by the minute).
    pub page_cache_secs: u64,
    /// Countries whose businesses may apply for a shop (`CARAVAN_MERCHANT_COUNTRIES`, default `RU,TR,IT,ES`).
    pub merchant_countries: Vec<crate::geo::CountryCode>,
    /// Bearer token that lets non-loopback scrapers read `/metrics` (`CARAVAN_METRICS_TOKEN`).
    pub metrics_token: Option<String>,
    /// `json` for one JSON object per log line (`CARAVAN_LOG_FORMAT`), else human-readable text.
    pub log_json: bool,
    /// Who runs the marketplace, for the legal notice and the contact page (`CARAVAN_OPERATOR_*`).
    pub operator: Operator,
    /// Card payments through Stripe (`CARAVAN_STRIPE_*`); without a secret key the card option is hidden and
    /// bank transfer and pay on delivery work as before.
    pub stripe: Option<StripeSettings>,
    /// Email of the notification outbox (`CARAVAN_SMTP_URL`, `CARAVAN_MAIL_DIR`, `CARAVAN_MAIL_FROM`).
    pub mail: MailSettings,
    /// Buyer protection: days after delivery before a card sale becomes available to the shop
    /// (`CARAVAN_PROTECTION_DAYS`, default 14).
    pub protection_days: i64,
    /// Where the Hunspell dictionaries for irregular word forms in search are (`CARAVAN_HUNSPELL_DIR`, default
    /// Debian's `/usr/share/hunspell`; `off` searches without them). A language whose files are missing has none.
    pub hunspell_dir: Option<PathBuf>,
}

/// Stripe's keys and where its API is (`CARAVAN_STRIPE_API_BASE`, default Stripe's; tests point it at localstripe).
#[derive(Clone)]
pub struct StripeSettings {
    pub secret_key: String,
    pub publishable_key: String,
    pub webhook_secret: String,
    /// Without a trailing slash, e.g. `https://api.stripe.com`.
    pub api_base: String,
    /// Longest wait for one call to Stripe (`CARAVAN_STRIPE_TIMEOUT_MS`, default 15 s).
    pub timeout: std::time::Duration,
}

impl std::fmt::Debug for StripeSettings {
    /// Keys stay out of logs and panics.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeSettings")
            .field("publishable_key", &self.publishable_key)
            .field("api_base", &self.api_base)
            .finish_non_exhaustive()
    }
}

impl StripeSettings {
    /// Stripe's own API.
    pub const API_BASE: &'static str = "https://api.stripe.com";
    /// Default longest wait for one call.
    pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

    fn from_env() -> Result<Option<Self>, ConfigError> {
        let Some(secret_key) = var("CARAVAN_STRIPE_SECRET_KEY") else {
            return Ok(None);
        };
        let need = |name: &str| {
            var(name).ok_or_else(|| {
                ConfigError(format!("{name} must be set with CARAVAN_STRIPE_SECRET_KEY"))
            })
        };
        let api_base = var("CARAVAN_STRIPE_API_BASE").unwrap_or_else(|| Self::API_BASE.into());
        if !(api_base.starts_with("https://") || api_base.starts_with("http://")) {
            return Err(ConfigError(format!(
                "CARAVAN_STRIPE_API_BASE `{api_base}` must be an http(s) URL"
            )));
        }
        let timeout = match var("CARAVAN_STRIPE_TIMEOUT_MS") {
            None => Self::TIMEOUT,
            Some(ms) => ms
                .parse::<u64>()
                .ok()
                .filter(|ms| (100..=120_000).contains(ms))
                .map(std::time::Duration::from_millis)
                .ok_or_else(|| {
                    ConfigError(format!(
                        "CARAVAN_STRIPE_TIMEOUT_MS `{ms}` must be milliseconds between 100 and 120000"
                    ))
                })?,
        };
        Ok(Some(StripeSettings {
            timeout,
            secret_key,
            publishable_key: need("CARAVAN_STRIPE_PUBLISHABLE_KEY")?,
            webhook_secret: need("CARAVAN_STRIPE_WEBHOOK_SECRET")?,
            api_base: api_base.trim_end_matches('/').to_string(),
        }))
    }
}

/// The marketplace operator's identity as the law asks it to be published (EU e-Commerce Directive art. 5, DSA
/// art. 11–12, Turkish Law 6563, Russian consumer law): name, postal address, company registration, VAT number
/// and a contact point. Every field is optional; the legal notice shows what is set.
/// Where email goes.
#[derive(Clone, PartialEq, Eq)]
pub enum MailTransport {
    /// An SMTP server by URL: `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://…:465` (TLS),
    /// `smtp://host:25` (plain, for a local relay).
    Smtp(String),
    /// Each message written as an `.eml` file in this directory (development; `--demo` without SMTP).
    Files(PathBuf),
    /// Not sent: the outbox keeps the messages (shown in accounts) until a transport is configured.
    Off,
}

impl std::fmt::Debug for MailTransport {
    // The SMTP URL may carry a password: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailTransport::Smtp(_) => f.write_str("Smtp(…)"),
            MailTransport::Files(p) => write!(f, "Files({})", p.display()),
            MailTransport::Off => f.write_str("Off"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettings {
    pub transport: MailTransport,
    /// The sender (`Caravan <no-reply@example.com>`).
    pub from: String,
}

impl MailSettings {
    fn from_env(public_url: &str) -> Result<Self, ConfigError> {
        let transport = match (var("CARAVAN_SMTP_URL"), var("CARAVAN_MAIL_DIR")) {
            (Some(url), _) => {
                if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                    return Err(ConfigError(
                        "CARAVAN_SMTP_URL must start with smtp:// or smtps://".into(),
                    ));
                }
                MailTransport::Smtp(url)
            }
            (None, Some(dir)) => MailTransport::Files(PathBuf::from(dir)),
            (None, None) => MailTransport::Off,
        };
        let host = public_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|h| !h.is_empty())
            .unwrap_or("localhost");
        let from = var("CARAVAN_MAIL_FROM").unwrap_or_else(|| format!("Caravan <no-reply@{host}>"));
        Ok(Self { transport, from })
    }

    /// No email (tests and tools that build a configuration by hand).
    pub fn off() -> Self {
        Self {
            transport: MailTransport::Off,
            from: "Caravan <no-reply@localhost>".into(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Operator {
    pub name: String,
    pub address: String,
    pub registration: String,
    pub vat_id: String,
    pub email: String,
    pub phone: String,
}

impl Operator {
    fn from_env() -> Self {
        let get = |k: &str| var(k).unwrap_or_default();
        Operator {
            name: get("CARAVAN_OPERATOR_NAME"),
            address: get("CARAVAN_OPERATOR_ADDRESS"),
            registration: get("CARAVAN_OPERATOR_REGISTRATION"),
            vat_id: get("CARAVAN_OPERATOR_VAT_ID"),
            email: get("CARAVAN_OPERATOR_EMAIL"),
            phone: get("CARAVAN_OPERATOR_PHONE"),
        }
    }
}

/// Where sessions live: signed+encrypted cookies (default) or Redis (server-side revocation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStoreKind {
    Cookie,
    Redis(String),
}

/// argon2id cost parameters and password rules.
#[derive(Debug, Clone)]
pub struct PasswordPolicy {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub min_length: usize,
}

/// Abuse limits for sign-in and sign-up.
#[derive(Debug, Clone)]
pub struct AuthLimits {
    /// Failed sign-ins allowed per account from one client and window (ten times as many from all clients).
    pub signin_failures_per_account: i64,
    /// Failed sign-ins allowed per IP address and window.
    pub signin_failures_per_ip: i64,
    /// Sign-ups allowed per IP address and window.
    pub signups_per_ip: i64,
    pub window_secs: i64,
}

/// Pilot countries for shops; each must be one whose tax ids and currency Caravan knows.
fn merchant_countries() -> Result<Vec<crate::geo::CountryCode>, ConfigError> {
    let raw = var("CARAVAN_MERCHANT_COUNTRIES").unwrap_or_else(|| "RU,TR,IT,ES".into());
    raw.split(',')
        .map(|c| {
            crate::geo::CountryCode::parse(c)
                .filter(|cc| crate::geo::is_origin(*cc))
                .ok_or_else(|| {
                    ConfigError(format!(
                        "CARAVAN_MERCHANT_COUNTRIES: `{}` is not one of RU, TR, IT, ES",
                        c.trim()
                    ))
                })
        })
        .collect()
}

fn number<T: std::str::FromStr + PartialOrd + Copy + std::fmt::Display>(
    name: &str,
    default: T,
    min: T,
    max: T,
) -> Result<T, ConfigError> {
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .parse::<T>()
            .ok()
            .filter(|n| *n >= min && *n <= max)
            .ok_or_else(|| {
                ConfigError(format!("{name} `{v}` must be a number from {min} to {max}"))
            }),
    }
}

/// A configuration problem, shown as one line before exiting with code 2.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {0}")]
pub struct ConfigError(pub String);

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let data_dir = PathBuf::from(var("CARAVAN_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = match var("DATABASE_URL") {
            Some(raw) => DatabaseUrl::parse(&raw).map_err(ConfigError)?,
            None => DatabaseUrl::Sqlite(data_dir.join("caravan.db").to_string_lossy().into_owned()),
        };
        let bind = var("CARAVAN_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        if bind.parse::<std::net::SocketAddr>().is_err() {
            return Err(ConfigError(format!(
                "CARAVAN_BIND `{bind}` is not an address like 127.0.0.1:8080"
            )));
        }
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let workers = match var("CARAVAN_WORKERS") {
            Some(w) => w
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or_else(|| {
                    ConfigError(format!(
                        "CARAVAN_WORKERS `{w}` must be a number from 1 to 256"
                    ))
                })?,
            None => cores,
        };
        let pool_size = match var("CARAVAN_DB_POOL") {
            Some(p) => p
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=512).contains(n))
                .ok_or_else(|| {
                    ConfigError(format!(
                        "CARAVAN_DB_POOL `{p}` must be a number from 1 to 512"
                    ))
                })?,
            None => (workers as u32 * 2).clamp(4, 16),
        };
        let media_dir = var("CARAVAN_MEDIA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("media"));
        let https = matches!(var("CARAVAN_HTTPS").as_deref(), Some("1" | "true" | "yes"));
        let public_url = var("CARAVAN_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError(format!(
                "CARAVAN_PUBLIC_URL `{public_url}` must start with http:// or https://"
            )));
        }
        let secret_key = match var("CARAVAN_SECRET_KEY") {
            Some(k) if k.len() < 64 => {
                return Err(ConfigError(
                    "CARAVAN_SECRET_KEY must be at least 64 characters".into(),
                ))
            }
            Some(k) => k.into_bytes(),
            None => load_or_create_key(&data_dir)?,
        };
        let sessions = match var("CARAVAN_SESSION_STORE").as_deref() {
            None | Some("cookie") => SessionStoreKind::Cookie,
            Some("redis") => {
                let url =
                    var("CARAVAN_REDIS_URL").unwrap_or_else(|| "redis://127.0.0.1:6379".into());
                if !(url.starts_with("redis://") || url.starts_with("rediss://")) {
                    return Err(ConfigError(format!(
                        "CARAVAN_REDIS_URL `{url}` must start with redis://"
                    )));
                }
                SessionStoreKind::Redis(url)
            }
            Some(other) => {
                return Err(ConfigError(format!(
                    "CARAVAN_SESSION_STORE `{other}` must be cookie or redis"
                )))
            }
        };
        let password = PasswordPolicy {
            memory_kib: number("CARAVAN_ARGON2_MEMORY_KIB", 19_456, 1_024, 4_194_304)?,
            iterations: number("CARAVAN_ARGON2_ITERATIONS", 2, 1, 64)?,
            parallelism: number("CARAVAN_ARGON2_PARALLELISM", 1, 1, 16)?,
            min_length: number("CARAVAN_PASSWORD_MIN_LENGTH", 10, 8, 128)?,
        };
        let limits = AuthLimits {
            signin_failures_per_account: number("CARAVAN_SIGNIN_MAX_FAILURES", 5, 1, 10_000)?,
            signin_failures_per_ip: number("CARAVAN_SIGNIN_MAX_FAILURES_PER_IP", 30, 1, 100_000)?,
            signups_per_ip: number("CARAVAN_SIGNUP_MAX_PER_IP", 10, 1, 100_000)?,
            window_secs: number("CARAVAN_AUTH_WINDOW_SECS", 900, 1, 86_400)?,
        };
        let mail = MailSettings::from_env(&public_url)?;
        Ok(Self {
            database_url,
            bind,
            workers,
            pool_size,
            data_dir,
            media_dir,
            public_url,
            secret_key,
            https,
            sessions,
            password,
            limits,
            rate_max_age_days: number("CARAVAN_RATE_MAX_AGE_DAYS", 7, 1, 3650)?,
            cache_ttl_secs: number("CARAVAN_CACHE_TTL_SECS", 30, 0, 86_400)?,
            page_cache_secs: number("CARAVAN_PAGE_CACHE_SECS", 10, 0, 60)?,
            merchant_countries: merchant_countries()?,
            metrics_token: var("CARAVAN_METRICS_TOKEN").filter(|t| !t.is_empty()),
            operator: Operator::from_env(),
            stripe: StripeSettings::from_env()?,
            mail,
            protection_days: number("CARAVAN_PROTECTION_DAYS", 14, 0, 365)?,
            hunspell_dir: match hunspell_dir() {
                Some(dir) if var("CARAVAN_HUNSPELL_DIR").is_some() && !dir.is_dir() => {
                    return Err(ConfigError(format!(
                        "CARAVAN_HUNSPELL_DIR `{}` is not a directory (use `off` to search without dictionaries)",
                        dir.display()
                    )))
                }
                dir => dir,
            },
            log_json: match var("CARAVAN_LOG_FORMAT").as_deref() {
                None | Some("text") => false,
                Some("json") => true,
                Some(other) => {
                    return Err(ConfigError(format!(
                        "CARAVAN_LOG_FORMAT `{other}` must be text or json"
                    )))
                }
            },
        })
    }

    /// A configuration for tests and tools: the given database, a temporary data directory, a random key.
    pub fn for_tests(database_url: DatabaseUrl, data_dir: PathBuf) -> Self {
        let mut key = vec![0u8; 64];
        let _ = getrandom::fill(&mut key);
        Self {
            database_url,
            bind: "127.0.0.1:0".into(),
            workers: 1,
            pool_size: 4,
            media_dir: data_dir.join("media"),
            data_dir,
            public_url: "http://localhost".into(),
            secret_key: key,
            https: false,
            sessions: SessionStoreKind::Cookie,
            // Real argon2id, cheaper parameters so the suite stays quick.
            password: PasswordPolicy {
                memory_kib: 1_024,
                iterations: 1,
                parallelism: 1,
                min_length: 10,
            },
            limits: AuthLimits {
                signin_failures_per_account: 5,
                signin_failures_per_ip: 30,
                signups_per_ip: 10,
                window_secs: 900,
            },
            rate_max_age_days: 7,
            cache_ttl_secs: 30,
            page_cache_secs: 10,
            merchant_countries: crate::geo::ORIGINS.iter().map(|(c, _)| *c).collect(),
            metrics_token: None,
            log_json: false,
            stripe: None,
            mail: MailSettings::off(),
            protection_days: 14,
            hunspell_dir: hunspell_dir(),
            operator: Operator {
                name: "Caravan Marketplace S.L.".into(),
                address: "Carrer de Pau Claris 100, 08009 Barcelona, Spain".into(),
                registration: "Registro Mercantil de Barcelona, hoja B-000000".into(),
                vat_id: "ESB00000000".into(),
                email: "help@caravan.example".into(),
                phone: String::new(),
            },
        }
    }
}

/// `CARAVAN_HUNSPELL_DIR`, Debian's directory when unset, none when `off`.
fn hunspell_dir() -> Option<PathBuf> {
    match var("CARAVAN_HUNSPELL_DIR").as_deref() {
        Some("off") => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => Some(PathBuf::from("/usr/share/hunspell")),
    }
}

/// The embedded default keeps a generated key under the data directory (mode 0600), so sessions survive restarts.
fn load_or_create_key(data_dir: &std::path::Path) -> Result<Vec<u8>, ConfigError> {
    let path = data_dir.join("secret.key");
    if let Ok(bytes) = std::fs::read(&path) {
        if bytes.len() >= 64 {
            return Ok(bytes);
        }
        return Err(ConfigError(format!(
            "{} is shorter than 64 bytes; delete it to regenerate",
            path.display()
        )));
    }
    std::fs::create_dir_all(data_dir).map_err(|e| {
        ConfigError(format!(
            "cannot create data directory {}: {e}",
            data_dir.display()
        ))
    })?;
    let mut key = vec![0u8; 64];
    getrandom::fill(&mut key)
        .map_err(|e| ConfigError(format!("no randomness for the secret key: {e}")))?;
    write_private(&path, &key)
        .map_err(|e| ConfigError(format!("cannot write {}: {e}", path.display())))?;
    Ok(key)
}

#[cfg(unix)]
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
