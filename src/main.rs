//! `caravan`: serve the storefront, migrate, seed. Configuration comes from the environment (see README).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use caravan::config::Config;
use caravan::db::{build_pool, run_migrations};
use caravan::http::state::AppState;
use caravan::i18n::I18n;

#[derive(Parser)]
#[command(name = "caravan", version, about = "Caravan marketplace storefront")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// With the default `serve`: seed the demo catalogue when the database is empty.
    #[arg(long, global = true)]
    demo: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the storefront (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Seed the demo catalogue (when empty) and optionally N synthetic products.
    Seed {
        /// Add this many synthetic products for load tests.
        #[arg(long, default_value_t = 0)]
        products: usize,
    },
    /// Copy the SQLite database to a file while the storefront keeps running (PostgreSQL: use pg_dump).
    Backup {
        /// Where to write the copy (must not exist yet).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Manage accounts. Passwords are read from standard input, never from arguments.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account (or update its role and password): `echo "$PASSWORD" | caravan user create --email … --role staff`.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "shopper")]
        role: String,
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long, default_value = "en")]
        locale: String,
    },
    /// Set a new password for an account (recovery) and sign it out everywhere.
    SetPassword {
        #[arg(long)]
        email: String,
    },
}

/// Logs to standard error: human-readable, or one JSON object per line with `CARAVAN_LOG_FORMAT=json`. Lines are
/// handed to a writer thread and written in batches (a buffered standard error, flushed whenever the queue runs
/// empty), so a request never waits on the terminal or the log collector; the queue is not lossy: when it is
/// full (128k lines behind) requests wait rather than lose lines. The returned guard flushes it at exit.
fn init_tracing(json: bool) -> tracing_appender::non_blocking::WorkerGuard {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn"));
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("caravan-log")
        .finish(std::io::BufWriter::with_capacity(
            64 * 1024,
            std::io::stderr(),
        ));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(writer);
    if json {
        builder.json().with_current_span(true).init();
    } else {
        builder.init();
    }
    guard
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let _log = init_tracing(config.log_json);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config, cli.demo),
        Command::Migrate => migrate(&config)
            .map(|n| println!("applied {n} migration(s)"))
            .map_err(Failure::from),
        Command::Seed { products } => seed(&config, products).map_err(Failure::from),
        Command::User { command } => user(&config, command).map_err(Failure::from),
        Command::Backup { to } => backup(&config, &to).map_err(Failure::from),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Why a command failed, and the exit code that says so: 2 for a service the configuration names that cannot
/// be reached (as for a bad configuration value), 1 for anything else.
struct Failure {
    code: u8,
    message: String,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self { code: 1, message }
    }
}

/// An online, consistent copy of the SQLite database (`VACUUM INTO`): readers and writers carry on meanwhile.
fn backup(config: &Config, to: &std::path::Path) -> Result<(), String> {
    use diesel::connection::SimpleConnection;
    if !config.database_url.is_sqlite() {
        return Err(
            "backups of PostgreSQL are made with pg_dump (see the README's operations section)"
                .into(),
        );
    }
    if to.exists() {
        return Err(format!(
            "{} already exists; choose a new file",
            to.display()
        ));
    }
    let target = to
        .to_str()
        .ok_or_else(|| "the backup path must be valid UTF-8".to_string())?;
    let pool = build_pool(&config.database_url, 1)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let mut conn = pool
        .get()
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    let started = std::time::Instant::now();
    conn.batch_execute(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))
        .map_err(|e| format!("backup failed: {e}"))?;
    let size = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    println!(
        "backup written to {} ({} bytes in {} ms)",
        to.display(),
        size,
        started.elapsed().as_millis()
    );
    Ok(())
}

fn migrate(config: &Config) -> Result<usize, String> {
    let pool = build_pool(&config.database_url, 1)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let mut conn = pool
        .get()
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    let applied = run_migrations(&mut conn).map_err(|e| format!("migration failed: {e}"))?;
    // A bulk load killed half-way left indexes and the facet triggers dropped: finish it before anything reads.
    let restored = caravan::seed::bulk::resume(&mut conn)
        .map_err(|e| format!("finishing an interrupted bulk load failed: {e}"))?;
    if restored > 0 {
        tracing::warn!(
            restored,
            "an interrupted bulk load was finished: indexes rebuilt, facet counts recounted"
        );
    }
    let options = caravan::seed::variants::install_shared(&mut conn, caravan::clock::system_now())
        .map_err(|e| format!("installing the shared options failed: {e}"))?;
    if options > 0 {
        tracing::info!(
            options,
            "the standard shared options (sizes, colours, weights…) were installed"
        );
    }
    if applied > 0 || restored > 0 {
        // New or rebuilt indexes need planner statistics before the first query.
        caravan::db::analyze(&mut conn).map_err(|e| format!("ANALYZE failed: {e}"))?;
    }
    Ok(applied)
}

/// Reads one line (the password) from standard input without echoing it anywhere.
fn read_password() -> Result<String, String> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let pw = line.trim_end_matches(['\r', '\n']).to_string();
    if pw.is_empty() {
        return Err(
            "pipe the password on standard input, e.g. `read -s PW; echo \"$PW\" | caravan user …`"
                .into(),
        );
    }
    Ok(pw)
}

fn user(config: &Config, command: UserCommand) -> Result<(), String> {
    use caravan::accounts::service::{set_password, upsert_user, AccountSpec};
    use caravan::identity::model::Role;
    use caravan::identity::password::Passwords;
    migrate(config)?;
    let pool = build_pool(&config.database_url, 1).map_err(|e| e.to_string())?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let pw = Passwords::new(&config.password)?;
    let now = caravan::clock::system_now();
    match command {
        UserCommand::Create {
            email,
            role,
            name,
            locale,
        } => {
            let role = Role::parse(&role).ok_or("--role must be shopper or staff")?;
            if role == Role::Merchant {
                // A merchant without a shop could only see a 403 in the merchant area.
                return Err("a merchant account comes with its shop: create the account with --role shopper, \
                     sign in and apply at /en/merchant/apply; a staff approval at /en/staff/merchants makes it \
                     a merchant"
                    .to_string());
            }
            let locale = caravan::i18n::Locale::parse(&locale)
                .ok_or("--locale must be en, ru, tr, it or es")?;
            let password = read_password()?;
            let name = if name.is_empty() {
                email.split('@').next().unwrap_or("").to_string()
            } else {
                name
            };
            let spec = AccountSpec {
                email: &email,
                display_name: &name,
                role,
                locale,
                password: &password,
            };
            let id = upsert_user(&mut conn, &pw, &spec, now)?;
            println!(
                "account {id} ({email}) is ready with role {}",
                role.as_str()
            );
        }
        UserCommand::SetPassword { email } => {
            let password = read_password()?;
            set_password(&mut conn, &pw, &email, &password, now)?;
            println!("password changed for {email}; its sessions were signed out");
        }
    }
    Ok(())
}

fn seed(config: &Config, products: usize) -> Result<(), String> {
    migrate(config)?;
    let pool = build_pool(&config.database_url, 1).map_err(|e| e.to_string())?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let pw = caravan::identity::password::Passwords::new(&config.password)?;
    let report = caravan::seed::seed_demo(&mut conn, &config.media_dir, &pw)?;
    if report.skipped {
        println!("demo catalogue already present");
    } else {
        println!(
            "seeded {} merchants, {} categories, {} products",
            report.merchants, report.categories, report.products
        );
    }
    println!(
        "demo logins (password {}): shopper {}, staff {}, merchants <shop-slug>@caravan.test (e.g. {})",
        caravan::seed::DEMO_PASSWORD,
        caravan::seed::DEMO_SHOPPER,
        caravan::seed::DEMO_STAFF,
        caravan::seed::demo_merchant_email("pelletteria-ghiberti"),
    );
    if products > 0 {
        let t = std::time::Instant::now();
        let n = caravan::seed::seed_synthetic(&mut conn, products, true)?;
        println!(
            "added {n} synthetic products in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Starts the mail worker: SMTP when `CARAVAN_SMTP_URL` is set, `.eml` files under `CARAVAN_MAIL_DIR` (or, with
/// `--demo` and neither, under the data directory); without either the outbox keeps its messages.
fn start_mail(state: &caravan::http::state::AppState, demo: bool) -> Result<(), String> {
    use caravan::config::MailTransport;
    let config = &state.config;
    let transport = match &config.mail.transport {
        MailTransport::Off if demo => MailTransport::Files(config.data_dir.join("mail")),
        other => other.clone(),
    };
    let Some(mailer) = caravan::mail::transport::Mailer::from_settings(&transport)? else {
        tracing::warn!("no CARAVAN_SMTP_URL: emails wait in the outbox until one is set");
        return Ok(());
    };
    if let MailTransport::Files(dir) = &transport {
        println!("Emails are written as .eml files to {}", dir.display());
    }
    let env = caravan::mail::compose::Env::new(
        state.i18n.clone(),
        &config.public_url,
        &config.mail.from,
        &config.operator.name,
    )?;
    caravan::mail::worker::start(
        state.pool.clone(),
        mailer,
        std::sync::Arc::new(env),
        state.clock.clone(),
    )
    .map_err(|e| format!("cannot start the mail worker: {e}"))
}

fn serve(config: Config, demo: bool) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    let runtime = actix_web::rt::System::new();
    // Sessions first: a Redis that is down fails the start within seconds, before any migration runs.
    let sessions = runtime
        .block_on(caravan::http::session_store::SessionBackend::from_config(
            &config.sessions,
        ))
        .map_err(|message| Failure { code: 2, message })?;
    migrate(&config)?;
    if demo {
        seed(&config, 0)?;
    }
    // Uploads go here; a fresh data directory has none yet (the media route needs it to exist).
    std::fs::create_dir_all(&config.media_dir).map_err(|e| {
        format!(
            "cannot create the media directory {}: {e}",
            config.media_dir.display()
        )
    })?;
    let pool = build_pool(&config.database_url, config.pool_size)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let i18n = I18n::load()?;
    let bind = config.bind.clone();
    let workers = config.workers;
    let blocking_threads = (config.pool_size as usize).max(2);
    let public_url = config.public_url.clone();
    runtime.block_on(async move {
        let state = AppState::new(pool, config, i18n, sessions)?;
        let fanned: [std::sync::Arc<dyn caravan::db::fanout::Fanned>; 2] =
            [state.cache.clone(), state.sign_ins.clone()];
        caravan::db::fanout::start(&state.config.database_url, &fanned)?;
        // Search words of products whose option names changed are rebuilt here, away from requests.
        caravan::catalogue::reindex::start(state.pool.clone(), state.cache.clone())
            .map_err(|e| format!("cannot start the search indexer: {e}"))?;
        // Refunds of cancelled card orders and the end of buyer protection, away from requests.
        caravan::payments::worker::start(
            state.pool.clone(),
            caravan::payments::handlers::Payments::from_config(&state.config).provider,
            state.config.protection_days,
            state.clock.clone(),
        )
        .map_err(|e| format!("cannot start the money worker: {e}"))?;
        // Email of the notification outbox, away from requests.
        start_mail(&state, demo)?;
        // Promo page views counted in memory reach the database every few seconds.
        state
            .views
            .start_flushing(state.pool.clone())
            .map_err(|e| format!("cannot start the view counter: {e}"))?;
        state
            .searches
            .start_flushing(state.pool.clone())
            .map_err(|e| format!("cannot start the search counter: {e}"))?;
        warm_search(&state)?;
        let server = actix_web::HttpServer::new(move || caravan::build_app(state.clone()))
            .workers(workers)
            // Blocking work is mostly database work (plus image decoding and password hashing): many more
            // threads than pooled connections only wait for one, each holding its own allocator heap and
            // arena. Beyond this many per worker, work queues without a thread.
            .worker_max_blocking_threads(blocking_threads)
            .on_connect(caravan::web::no_delay)
            .shutdown_timeout(20)
            .bind(&bind)
            .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
        tracing::info!(%bind, elapsed_ms = started.elapsed().as_millis() as u64, "caravan is listening");
        println!("Caravan is serving on {public_url}/ (ready in {} ms)", started.elapsed().as_millis());
        if demo {
            println!("Demo storefront: {public_url}/en/ · {public_url}/ru/ · {public_url}/tr/ · {public_url}/it/ · {public_url}/es/");
        }
        server.run().await.map_err(|e| format!("server error: {e}"))
    })?;
    Ok(())
}

/// Reads the search dictionaries (irregular forms) and builds the search vocabulary (typo tolerance,
/// completions), each on a thread of its own at start-up, so the first search after a start does not wait for
/// them.
fn warm_search(state: &AppState) -> Result<(), String> {
    let (pool, cache) = (state.pool.clone(), state.cache.clone());
    let lexicons = state.lexicons.clone();
    std::thread::Builder::new()
        .name("caravan-dictionaries".into())
        .spawn(move || {
            lexicons.load();
        })
        .map_err(|e| format!("cannot start the dictionary reader: {e}"))?;
    std::thread::Builder::new()
        .name("caravan-vocabulary".into())
        .spawn(move || {
            let built = pool.get().map_err(|e| e.to_string()).and_then(|mut c| {
                caravan::catalogue::shopper::vocabulary(&cache, &mut c)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            });
            if let Err(error) = built {
                tracing::warn!(%error, "search vocabulary not built at start-up");
            }
        })
        .map(|_| ())
        .map_err(|e| format!("cannot start the vocabulary builder: {e}"))
}
