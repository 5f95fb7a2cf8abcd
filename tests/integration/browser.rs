//! Browser journeys in headless Chromium (Debian `chromium` + `chromium-driver`, driven with fantoccini), each
//! key page checked with axe-core (WCAG 2.1 A/AA) and screenshotted under `target/browser-artifacts/`.
//!
//! The HTML each visited page was served with is kept too (`html/`) and checked with the Nu Html Checker (vnu, the
//! W3C validator) when the journey closes: any error fails the journey.
//!
//! The journeys run when `chromedriver`, `chromium`, axe-core, vnu.jar and Java are present (`.ci/run` installs
//! them). Without them they are skipped with a note, unless `CARAVAN_BROWSER_TESTS=require` (set by CI), which
//! turns a missing tool into a failure.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use caravan::db::schema::{orders, products};
use caravan::identity::model::Role;
use diesel::prelude::*;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::support::builders::{self, Fixture};
use crate::support::TestDb;

mod pay;
mod reviews;

const WCAG: &str = "['wcag2a','wcag2aa','wcag21a','wcag21aa']";

fn axe_source() -> Option<String> {
    let candidates = [
        std::env::var("CARAVAN_AXE_JS").ok(),
        Some("node_modules/axe-core/axe.min.js".into()),
        std::env::var("HOME")
            .ok()
            .map(|h| format!("{h}/.cache/caravan-ci/node_modules/axe-core/axe.min.js")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|p| std::fs::read_to_string(p).ok())
}

/// The Nu Html Checker's jar (`CARAVAN_VNU_JAR`, else npm's `vnu-jar` in CI's cache).
fn vnu_jar() -> Option<PathBuf> {
    let candidates = [
        std::env::var("CARAVAN_VNU_JAR").ok(),
        std::env::var("HOME")
            .ok()
            .map(|h| format!("{h}/.cache/caravan-ci/node_modules/vnu-jar/build/dist/vnu.jar")),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// vnu's errors in the pages under `dir` (`None`: vnu or Java is not installed).
fn vnu_errors(dir: &std::path::Path) -> Option<Vec<String>> {
    let jar = vnu_jar()?;
    let out = Command::new("java")
        .args(["-Xss2m", "-jar"])
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--skip-non-html"])
        .arg(dir)
        .output()
        .ok()?;
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu output is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    Some(
        messages
            .iter()
            .filter(|m| m["type"] != "info")
            .map(|m| {
                let file = m["url"].as_str().unwrap_or_default();
                let file = file.rsplit('/').next().unwrap_or(file);
                format!(
                    "{file}:{}: {} [{}]",
                    m["lastLine"],
                    m["message"].as_str().unwrap_or_default(),
                    m["extract"].as_str().unwrap_or_default().trim()
                )
            })
            .collect(),
    )
}

fn required() -> bool {
    std::env::var("CARAVAN_BROWSER_TESTS").as_deref() == Ok("require")
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Browser {
    c: Client,
    _driver: Driver,
    _profile: tempfile::TempDir,
    base: String,
    shots: PathBuf,
    n: usize,
    axe: String,
    started: Instant,
}

/// A fresh Chromium with this Accept-Language, or `None` (skip) when the tools are missing.
async fn open(base: &str, accept_lang: &str, journey: &str) -> Option<Browser> {
    open_with(base, accept_lang, journey, (1280, 1000), true).await
}

/// [`open`] with a window size and, with `js` false, JavaScript switched off for every page (the WebDriver's
/// own scripts, which the checks use, still run).
async fn open_with(
    base: &str,
    accept_lang: &str,
    journey: &str,
    (width, height): (u32, u32),
    js: bool,
) -> Option<Browser> {
    let tools = ["/usr/bin/chromedriver", "/usr/bin/chromium"];
    let axe = axe_source();
    let java = Command::new("java")
        .arg("-version")
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if tools.iter().any(|t| !std::path::Path::new(t).exists())
        || axe.is_none()
        || vnu_jar().is_none()
        || !java
    {
        assert!(
            !required(),
            "CARAVAN_BROWSER_TESTS=require but chromium, chromedriver, axe-core, vnu.jar or java is missing"
        );
        eprintln!(
            "browser journey {journey} skipped: chromium/chromedriver/axe-core/vnu/java not installed"
        );
        return None;
    }
    let port = free_port();
    let driver = Driver(
        Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver"),
    );
    let profile = tempfile::tempdir().unwrap();
    let caps = json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.path().display()),
                format!("--accept-lang={accept_lang}"),
            ],
            "prefs": {
                "intl.accept_languages": accept_lang,
                "profile.managed_default_content_settings.javascript": if js { 1 } else { 2 },
            }
        }
    });
    let caps = match caps {
        serde_json::Value::Object(m) => m,
        _ => unreachable!(),
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let c = loop {
        match ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => break c,
            Err(e) if Instant::now() > deadline => panic!("chromedriver: {e}"),
            Err(_) => tokio_sleep(200).await,
        }
    };
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/browser-artifacts")
        .join(journey);
    let _ = std::fs::remove_dir_all(&shots);
    std::fs::create_dir_all(shots.join("html")).unwrap();
    Some(Browser {
        c,
        _driver: driver,
        _profile: profile,
        base: base.to_string(),
        shots,
        n: 0,
        axe: axe.unwrap_or_default(),
        started: Instant::now(),
    })
}

async fn tokio_sleep(ms: u64) {
    actix_web::rt::time::sleep(Duration::from_millis(ms)).await;
}

impl Browser {
    async fn go(&mut self, path: &str) {
        self.c.goto(&format!("{}{path}", self.base)).await.unwrap();
    }

    async fn path(&self) -> String {
        let url = self.c.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    async fn text(&self) -> String {
        self.c
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    async fn html(&self) -> String {
        self.c.source().await.unwrap()
    }

    /// Marks the current document, so a navigation can be awaited.
    async fn mark(&self) {
        self.c
            .execute("window.__caravanOld = true;", vec![])
            .await
            .unwrap();
    }

    /// Waits until a new document has replaced the marked one and finished loading.
    async fn settle(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let done = self
                .c
                .execute(
                    "return window.__caravanOld === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if done {
                return;
            }
            assert!(Instant::now() < deadline, "no navigation after the action");
            tokio_sleep(50).await;
        }
    }

    /// Clicks something that navigates (a link or a form button) and waits for the new page.
    async fn click(&self, css: &str) {
        self.mark().await;
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap();
        self.settle().await;
    }

    /// Chooses a 320×240 photo of one colour (a file written for the purpose) in file input `css`, then submits
    /// the page's upload form and waits for the next page.
    async fn upload_photo(&self, css: &str, name: &str, rgba: [u8; 4]) {
        let img = std::env::temp_dir().join(format!("caravan-{name}-{}.png", std::process::id()));
        image::RgbaImage::from_pixel(320, 240, image::Rgba(rgba))
            .save(&img)
            .unwrap();
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .send_keys(img.to_str().unwrap())
            .await
            .unwrap();
        self.click("form[enctype='multipart/form-data'] button[type=submit]")
            .await;
        let _ = std::fs::remove_file(img);
    }

    /// Clicks something that stays on the page (opening a disclosure, ticking a box).
    async fn toggle(&self, css: &str) {
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap();
    }

    async fn fill(&self, css: &str, value: &str) {
        let e = self
            .c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        e.clear().await.unwrap();
        e.send_keys(value).await.unwrap();
    }

    /// Sets a value by script (date-time and select inputs whose typing depends on the browser's locale).
    async fn set(&self, css: &str, value: &str) {
        self.c
            .execute(
                "const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('change'));",
                vec![json!(css), json!(value)],
            )
            .await
            .unwrap();
    }

    /// Keeps the HTML the current page's URL is served with (fetched again with the browser's cookies, so it is
    /// the server's markup, not the DOM after scripts), for vnu at the journey's end.
    async fn keep_source(&self, name: &str) {
        let html = self
            .c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(location.href, { credentials: 'same-origin' }).then(r => r.text()).then(done)
                   .catch(e => done(''));",
                vec![],
            )
            .await
            .unwrap();
        let html = html.as_str().unwrap_or_default();
        if html.starts_with("<!doctype html>") {
            std::fs::write(self.shots.join("html").join(format!("{name}.html")), html).unwrap();
        }
    }

    /// Screenshot for the CI artefacts, then the axe-core WCAG 2.1 A/AA check (any violation fails).
    async fn check(&mut self, name: &str) {
        self.n += 1;
        let png = self.c.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{:02}-{name}.png", self.n)), png).unwrap();
        self.keep_source(&format!("{:02}-{name}", self.n)).await;
        self.c.execute(&self.axe, vec![]).await.unwrap();
        let script = format!(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {{ runOnly: {{ type: 'tag', values: {WCAG} }} }})
               .then(r => done(JSON.stringify(r.violations.map(v => ({{ id: v.id, impact: v.impact,
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')) }})))))
               .catch(e => done('axe error: ' + e));"
        );
        let out = self.c.execute_async(&script, vec![]).await.unwrap();
        let out = out.as_str().unwrap_or_default().to_string();
        let path = self.path().await;
        assert_eq!(
            out, "[]",
            "axe-core WCAG 2.1 AA violations on {path} ({name}): {out}"
        );
    }

    /// Ends the session, then validates every kept page with vnu (any error fails the journey).
    async fn close(self, journey: &str) {
        let _ = self.c.close().await;
        let html = self.shots.join("html");
        let kept = std::fs::read_dir(&html).map_or(0, |d| d.count());
        let errors = vnu_errors(&html).expect("vnu");
        eprintln!(
            "browser journey {journey}: {} pages checked in {:.1} s, {kept} validated by vnu; screenshots in {}",
            self.n,
            self.started.elapsed().as_secs_f64(),
            self.shots.display()
        );
        assert!(
            errors.is_empty(),
            "{} vnu errors in {journey}:\n{}",
            errors.len(),
            errors
                .iter()
                .take(40)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// The app on a real port, in this test's runtime.
async fn serve(db: &TestDb) -> (String, actix_web::dev::ServerHandle, caravan::clock::Clock) {
    serve_with(db, db.config()).await
}

/// [`serve`] with a configuration of the test's own.
async fn serve_with(
    db: &TestDb,
    config: caravan::config::Config,
) -> (String, actix_web::dev::ServerHandle, caravan::clock::Clock) {
    let mut state = db.state_with(config);
    let clock = caravan::clock::Clock::fixed(caravan::clock::system_now());
    state.clock = clock.clone();
    let server = actix_web::HttpServer::new(move || caravan::build_app(state.clone()))
        .workers(1)
        .bind(("127.0.0.1", 0))
        .unwrap();
    let port = server.addrs()[0].port();
    let server = server.run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (format!("http://127.0.0.1:{port}"), handle, clock)
}

fn ship_everywhere(db: &TestDb, f: &Fixture) {
    for shop in [f.it_shop, f.tr_shop, f.ru_shop, f.es_shop] {
        builders::ship(&mut db.conn(), shop, "*", 1_200, (4, 9));
    }
}

fn account(db: &TestDb, email: &str, role: Role) {
    caravan::accounts::service::upsert_user(
        &mut db.conn(),
        &db.passwords(),
        &caravan::accounts::service::AccountSpec {
            email,
            display_name: "Staff",
            role,
            locale: caravan::i18n::Locale::En,
            password: crate::support::TEST_PASSWORD,
        },
        caravan::clock::system_now(),
    )
    .unwrap();
}

impl Browser {
    async fn sign_in(&mut self, lang: &str, email: &str, password: &str) {
        self.go(&format!("/{lang}/sign-in")).await;
        self.fill("#f-email", email).await;
        self.fill("#f-password", password).await;
        self.click("form.form-page button[type=submit], main form button[type=submit]")
            .await;
    }

    async fn sign_out(&mut self) {
        // On a narrow window the sign-out button is in the closed menu.
        self.c
            .execute(
                "document.querySelector('details.nav-menu').open = true;",
                vec![],
            )
            .await
            .unwrap();
        self.click("form.sign-out button").await;
    }

    /// Tabs through the page until the focused element's text is `label`, then presses Enter.
    async fn keyboard_press(&self, label: &str) {
        for _ in 0..80 {
            let active = self.c.active_element().await.unwrap();
            if active.text().await.unwrap_or_default().trim() == label {
                self.mark().await;
                active.send_keys("\u{E007}").await.unwrap();
                self.settle().await;
                return;
            }
            active.send_keys("\u{E004}").await.unwrap();
        }
        panic!("no focusable element labelled {label}");
    }
}

/// (a) A shopper with a Russian browser: `/` → `/ru/`, market Kazakhstan/KZT, search, filter by origin Italy,
/// products from two shops, sign-up, checkout by keyboard, order history.
#[actix_web::test]
async fn journey_a_russian_shopper_buys_from_two_shops_in_tenge() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    ship_everywhere(&db, &f);
    // The shops' owners read Italian and Turkish: each is emailed its own order in its language.
    let stamp = caravan::clock::system_now()
        .assume_utc()
        .unix_timestamp_nanos();
    let owners = [
        (f.it_shop, format!("giulia-{stamp}@bottega.example"), "it"),
        (f.tr_shop, format!("mehmet-{stamp}@kayseri.example"), "tr"),
    ];
    for (shop, email, locale) in &owners {
        let uid = builders::shopper(&mut db.conn(), email, locale);
        diesel::update(caravan::db::schema::merchants::table.find(*shop))
            .set(caravan::db::schema::merchants::owner_user_id.eq(uid))
            .execute(&mut db.conn())
            .unwrap();
    }
    let (base, server, _clock) = serve(&db).await;
    let Some(mut b) = open(&base, "ru-RU,ru", "a-shopper").await else {
        return;
    };
    b.go("/").await;
    assert!(b.path().await.starts_with("/ru/"), "{}", b.path().await);
    b.check("home").await;
    b.toggle("details.market summary").await;
    b.set("#market-ship-to", "KZ").await;
    b.set("#market-currency", "KZT").await;
    b.click("form.market-form button").await;
    assert!(b.text().await.contains("KZT"));
    b.fill("#site-q", "сумка").await;
    b.click("form.search-form button").await;
    assert!(b.path().await.starts_with("/ru/search"));
    b.check("search").await;
    b.toggle("#origin-IT").await;
    b.click("form.facet-form button[type=submit]").await;
    assert!(b.path().await.contains("origin=IT"), "{}", b.path().await);
    b.check("search-italy").await;
    b.click(".card-add-button").await;
    assert!(b.text().await.contains("Корзина (1)"), "{}", b.text().await);
    b.go(&format!("/ru/p/{}-x", f.tr_bag)).await;
    b.check("product").await;
    b.click(".add-to-cart button").await;
    assert!(b.text().await.contains("Корзина (2)"));
    b.go("/ru/cart").await;
    b.check("cart").await;
    let cart = b.text().await;
    assert!(
        cart.contains("Bottega Test") && cart.contains("İstanbul Test"),
        "{cart}"
    );
    // Register, then check out using the keyboard only.
    b.go("/ru/sign-up").await;
    b.check("sign-up").await;
    b.fill("#f-email", "anna@example.kz").await;
    b.fill("#f-display-name", "Анна").await;
    b.fill("#f-password", "stepnoi-veter-2026").await;
    b.click("main form button[type=submit]").await;
    b.go("/ru/checkout").await;
    b.check("checkout-address").await;
    b.fill("#f-full-name", "Анна Сергеевна").await;
    b.fill("#f-line1", "пр. Абая, 10, кв. 5").await;
    b.fill("#f-city", "Алматы").await;
    b.fill("#f-postal-code", "050000").await;
    b.set("#f-country", "KZ").await;
    b.fill("#f-phone", "+7 727 123 45 67").await;
    b.mark().await;
    b.c.find(Locator::Css("#f-phone"))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    b.settle().await;
    assert!(
        b.path().await.starts_with("/ru/checkout/review"),
        "{}",
        b.path().await
    );
    b.check("checkout-review").await;
    let place =
        b.c.find(Locator::Css(
            "form[action$='/checkout/place'] button[type=submit]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    b.keyboard_press(place.trim()).await;
    assert!(
        b.path().await.starts_with("/ru/checkout/done"),
        "{}",
        b.path().await
    );
    b.check("checkout-done").await;
    b.go("/ru/orders").await;
    b.check("orders").await;
    let n: i64 = orders::table.count().get_result(&mut db.conn()).unwrap();
    assert_eq!(n, 2);
    let currency: String = orders::table
        .select(orders::currency)
        .first(&mut db.conn())
        .unwrap();
    assert_eq!(currency, "KZT");
    b.close("a-shopper").await;
    server.stop(true).await;
    journey_a_emails(&db, &owners).await;
}

/// The emails of journey (a)'s order, sent through the SMTP server (when the tests have one): the shopper's in
/// Russian listing both orders in tenge, and each shop's own order in Italian and in Turkish.
async fn journey_a_emails(db: &TestDb, owners: &[(i64, String, &str); 2]) {
    let Some((url, dir)) = crate::mail::smtp() else {
        return;
    };
    let shopper: String = caravan::db::schema::users::table
        .inner_join(orders::table)
        .select(caravan::db::schema::users::email)
        .first(&mut db.conn())
        .unwrap();
    let i18n = caravan::i18n::I18n::load().unwrap();
    let env = caravan::mail::compose::Env::new(
        i18n,
        "https://caravan.example",
        "Caravan <no-reply@caravan.example>",
        "Caravan",
    )
    .unwrap();
    let done = caravan::mail::worker::pass(
        &mut db.conn(),
        &crate::mail::mailer(&url),
        &env,
        caravan::clock::system_now(),
    )
    .unwrap();
    // The address confirmation of the sign-up, the order confirmation, a new order for each shop.
    assert_eq!(done.sent, 4, "{done:?}");
    let to_shopper = crate::mail::wait_for(&dir, &shopper, 2);
    let confirmation = to_shopper
        .iter()
        .find(|m| m.text.contains("KZT"))
        .unwrap_or_else(|| panic!("{to_shopper:?}"));
    assert!(confirmation.html.contains("<html lang=\"ru\">"));
    for (_, email, lang) in owners {
        let got = crate::mail::wait_for(&dir, email, 1);
        assert_eq!(got.len(), 1, "{email}");
        assert!(
            got[0].html.contains(&format!("<html lang=\"{lang}\">")),
            "{}",
            got[0].html
        );
    }
}

/// (b) A Turkish user applies for a shop, staff approve it, the merchant adds a product in Turkish and
/// Spanish with an image, and it appears in Spanish search.
#[actix_web::test]
async fn journey_b_a_turkish_shop_opens_and_sells_in_spanish() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    account(&db, "staff@example.com", Role::Staff);
    let (base, server, _clock) = serve(&db).await;
    let Some(mut b) = open(&base, "tr-TR,tr", "b-merchant").await else {
        return;
    };
    b.go("/tr/sign-up").await;
    b.fill("#f-email", "ayse@kapadokya.example").await;
    b.fill("#f-display-name", "Ayşe").await;
    b.fill("#f-password", "kapadokya-seramik-2026").await;
    b.click("main form button[type=submit]").await;
    // She confirms her address with the link mailed to her (read from the outbox, as the email carries it).
    let token = verification_token(&db, "ayse@kapadokya.example");
    b.go(&format!("/tr/verify-email/{token}")).await;
    b.check("verify-email").await;
    b.click("#verify-confirm button").await;
    b.go("/tr/merchant/apply").await;
    b.check("apply").await;
    b.fill("#f-shop-name", "Kapadokya Seramik").await;
    b.fill("#f-legal-name", "Kapadokya Seramik Ltd. Şti.").await;
    b.set("#f-country", "TR").await;
    b.fill("#f-city", "Avanos").await;
    b.fill("#f-address", "Yeni Mah. Atatürk Cad. No: 5, 50500")
        .await;
    b.fill("#f-contact", "ayse@kapadokya.example").await;
    b.fill("#f-tax-id", "1234567890").await;
    b.fill("#f-description", "Avanos'tan el yapımı seramikler.")
        .await;
    b.click("main form button[type=submit]").await;
    b.check("applied").await;
    b.sign_out().await;
    b.sign_in("tr", "staff@example.com", crate::support::TEST_PASSWORD)
        .await;
    b.go("/tr/staff/merchants?status=pending").await;
    b.check("staff-queue").await;
    b.click("button[name=decision][value=approve]").await;
    b.sign_out().await;
    b.sign_in("tr", "ayse@kapadokya.example", "kapadokya-seramik-2026")
        .await;
    b.go("/tr/merchant").await;
    b.check("merchant-dashboard").await;
    b.go("/tr/merchant/products/new").await;
    b.check("product-new").await;
    b.fill("#f-sku", "KS-TESTI-01").await;
    b.set("#f-category", &f.ceramics.to_string()).await;
    b.fill("#f-price", "1.250,00").await;
    b.fill("#f-stock", "6").await;
    b.set("#f-status", "active").await;
    b.set("#f-original-lang", "tr").await;
    b.fill("#f-title-tr", "El yapımı Avanos testisi").await;
    b.fill("#f-title-es", "Cántaro artesanal de Avanos").await;
    b.fill("#f-description-es", "Barro rojo del río Kızılırmak.")
        .await;
    b.click("form.product-form button[type=submit]").await;
    assert!(b.path().await.ends_with("/edit"), "{}", b.path().await);
    b.upload_photo("#f-images", "jug", [190, 80, 40, 255]).await;
    b.check("product-edit-with-image").await;
    assert!(b.html().await.contains("/media/uploads/products/"));
    b.go("/es/search?q=c%C3%A1ntaro").await;
    b.check("spanish-search").await;
    assert!(b.text().await.contains("Cántaro artesanal de Avanos"));
    let listed: bool = products::table
        .filter(products::sku.eq("KS-TESTI-01"))
        .select(products::listed)
        .first(&mut db.conn())
        .unwrap();
    assert!(listed);
    b.close("b-merchant").await;
    server.stop(true).await;
}

/// (c) Staff build a campaign, preview it at a future instant in Turkish, publish it, and at that instant a
/// shopper sees the discount.
#[actix_web::test]
async fn journey_c_staff_build_a_campaign_and_shoppers_see_it() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    account(&db, "marketing@example.com", Role::Staff);
    let (base, server, clock) = serve(&db).await;
    clock.set(time::macros::datetime!(2026-11-01 09:00));
    let Some(mut b) = open(&base, "en-GB,en", "c-campaign").await else {
        return;
    };
    b.sign_in("en", "marketing@example.com", crate::support::TEST_PASSWORD)
        .await;
    b.go("/en/staff/promos/new").await;
    b.check("promo-new").await;
    b.fill("#f-name", "11.11").await;
    b.fill("#f-discount", "20").await;
    b.set("#f-starts", "2026-11-11T00:00").await;
    b.set("#f-ends", "2026-11-12T00:00").await;
    b.set("#f-time-zone", "Europe/Istanbul").await;
    b.toggle("input[name=origin][value=IT]").await;
    b.fill("#f-title-en", "11.11 Singles' Day").await;
    b.fill("#f-title-tr", "11.11 Bekarlar Günü").await;
    b.fill("#f-body-tr", "**Tüm İtalyan ürünlerinde %20 indirim.**")
        .await;
    b.click("form.product-form button[type=submit]").await;
    assert!(b.path().await.ends_with("/edit"), "{}", b.path().await);
    b.check("promo-edit").await;
    b.click("fieldset[lang=tr] a").await;
    assert!(
        b.path().await.contains("?at=2026-11-10T21:00:00Z"),
        "{}",
        b.path().await
    );
    b.check("promo-preview-tr").await;
    let preview = b.text().await;
    assert!(preview.contains("11.11 Bekarlar Günü"), "{preview}");
    b.go("/en/staff/promos").await;
    b.click("table.data a").await;
    b.click("button[name=status][value=published]").await;
    b.sign_out().await;
    clock.set(time::macros::datetime!(2026-11-10 21:00));
    b.go(&format!("/en/p/{}-florentine-leather-bag", f.it_bag))
        .await;
    b.check("product-discounted").await;
    let page = b.html().await;
    assert!(
        page.contains("price-old") && page.contains("11.11 Singles"),
        "{page}"
    );
    b.go("/en/promos").await;
    b.check("promos").await;
    b.close("c-campaign").await;
    server.stop(true).await;
}

/// (d) Phones: every page a shopper, a merchant and staff open, in every language, at 360 and 390 px wide, fits
/// the screen (no sideways scrolling: `scrollWidth` ≤ the viewport). A screenshot of each page at 390 px is kept.
#[actix_web::test]
async fn journey_d_every_page_fits_a_phone_in_every_language() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    ship_everywhere(&db, &f);
    crate::faults::merchant_owning(&db, "owner@phone.example", f.it_shop);
    account(&db, "staff@phone.example", Role::Staff);
    account(&db, "shopper@phone.example", Role::Shopper);
    let (base, server, _clock) = serve(&db).await;
    let Some(mut b) = open(&base, "en-US,en", "d-phones").await else {
        return;
    };
    let shopper_pages = |l: &str| {
        vec![
            format!("/{l}/"),
            format!("/{l}/search?q=a"),
            format!("/{l}/origin/it"),
            format!("/{l}/p/{}-x", f.it_bag),
            format!("/{l}/p/{}-x", f.apricots),
            format!("/{l}/shop/bottega-test"),
            format!("/{l}/promos"),
            format!("/{l}/cart"),
            format!("/{l}/info/legal"),
            format!("/{l}/info/help"),
            format!("/{l}/p/{}/report", f.it_bag),
        ]
    };
    let mut too_wide = Vec::new();
    let mut pages = 0;
    // A shared option and one of the shop's own, for the option pages of both back offices.
    let colour = crate::variants::shared(&mut db.conn()).colour;
    let own = caravan::variants::write::create_option(
        &mut db.conn(),
        Some(f.it_shop),
        "finitura",
        &[(caravan::i18n::Locale::It, "Finitura".into())],
        caravan::clock::system_now(),
    )
    .unwrap();
    let (staff_option, own_option) = (
        format!("/staff/options/{colour}"),
        format!("/merchant/options/{own}"),
    );
    let roles: [(&str, Option<&str>, Vec<&str>); 4] = [
        (
            "guest",
            None,
            vec!["/sign-in", "/sign-up", "/password-reset"],
        ),
        (
            "shopper",
            Some("shopper@phone.example"),
            vec!["/account", "/orders", "/cart"],
        ),
        (
            "merchant",
            Some("owner@phone.example"),
            vec![
                "/merchant",
                "/merchant/products",
                "/merchant/products/new",
                "/merchant/import",
                "/merchant/shipping",
                "/merchant/profile",
                "/merchant/translations",
                "/merchant/options",
                &own_option,
                "/merchant/payouts",
            ],
        ),
        (
            "staff",
            Some("staff@phone.example"),
            vec![
                "/staff",
                "/staff/categories",
                "/staff/rates",
                "/staff/options",
                &staff_option,
                "/staff/commissions",
                "/staff/taxes",
                "/staff/payments",
                "/staff/payouts",
                "/staff/mail",
                "/staff/audit",
                "/staff/merchants",
                "/staff/promos",
                "/staff/promos/new",
                "/staff/pages",
                "/staff/pages/privacy/ru",
                "/staff/reports?status=all",
            ],
        ),
    ];
    for (role, email, own) in roles {
        if let Some(email) = email {
            b.c.set_window_size(1280, 1000).await.unwrap();
            b.sign_in("en", email, crate::support::TEST_PASSWORD).await;
        }
        if role == "shopper" {
            // A cart with lines from two shops (its table is the widest thing a shopper sees).
            for id in [f.it_bag, f.apricots] {
                b.go(&format!("/en/p/{id}-x")).await;
                b.click("form.add-to-cart button").await;
            }
        }
        for l in ["en", "ru", "tr", "it", "es"] {
            let mut list: Vec<String> = own.iter().map(|p| format!("/{l}{p}")).collect();
            if role == "guest" {
                list.extend(shopper_pages(l));
                // The first category on the home page, and its second page.
                b.go(&format!("/{l}/")).await;
                let cat = b
                    .c
                    .execute(
                        "const a = document.querySelector('.category-tile'); return a ? a.getAttribute('href') : '';",
                        vec![],
                    )
                    .await
                    .unwrap();
                let cat = cat.as_str().unwrap_or_default().to_string();
                assert!(!cat.is_empty(), "a category tile on /{l}/");
                list.push(cat.clone());
                list.push(format!("{cat}?sort=price_asc&origin=IT"));
            } else if role == "shopper" {
                list.push(format!("/{l}/"));
            }
            for path in list {
                // Loaded at phone width (the page's script folds what phones fold), then narrowed further.
                b.c.set_window_size(390, 900).await.unwrap();
                b.go(&path).await;
                for width in [390, 360] {
                    b.c.set_window_size(width, 900).await.unwrap();
                    let m =
                        b.c.execute(
                            "return [document.documentElement.scrollWidth, window.innerWidth];",
                            vec![],
                        )
                        .await
                        .unwrap();
                    let (scroll, inner) = (m[0].as_u64().unwrap_or(0), m[1].as_u64().unwrap_or(0));
                    pages += 1;
                    if scroll > inner {
                        too_wide.push(format!("{role} {path} at {width} px: {scroll} > {inner}"));
                    }
                    if width == 390 {
                        let png = b.c.screenshot().await.unwrap();
                        let name = format!(
                            "{role}-{}",
                            path.trim_start_matches('/')
                                .replace(['/', '?', '&', '='], "_")
                        );
                        std::fs::write(b.shots.join(format!("{name}.png")), png).unwrap();
                        b.keep_source(&name).await;
                    }
                }
            }
            b.c.set_window_size(1280, 1000).await.unwrap();
        }
        if email.is_some() {
            b.go("/en/").await;
            b.sign_out().await;
        }
    }
    eprintln!("{pages} page views measured at phone widths");
    assert!(
        too_wide.is_empty(),
        "pages wider than the phone:\n{}",
        too_wide.join("\n")
    );
    b.close("d-phones").await;
    server.stop(true).await;
}

/// (e) A shopper on a 390 px phone with a Russian browser and JavaScript switched off picks a size: one radio
/// group per option, the "show" button, the variant's own URL with its price and stock, into the cart with its
/// label. Then the same page with JavaScript: choosing a size shows it at once, and axe checks each page.
#[actix_web::test]
async fn journey_e_a_shopper_without_javascript_picks_a_size_on_a_phone() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    ship_everywhere(&db, &f);
    let sizes = crate::variants::sized_in_library(&mut db.conn(), &f);
    assert_eq!(sizes.len(), 3);
    let (base, server, _clock) = serve(&db).await;
    let Some(mut b) = open_with(&base, "ru-RU,ru", "e-sizes", (390, 844), false).await else {
        return;
    };
    let sku = format!("P{}-39-RED", f.it_bag);
    b.go(&format!("/ru/p/{}-x", f.it_bag)).await;
    let text = b.text().await;
    assert!(
        text.contains("Размер (EU)") && text.contains("В наличии: 5 штук"),
        "{text}"
    );
    b.snapshot("product").await;
    // Choose 39 (nothing happens without scripts), then the button: the variant's own URL.
    b.toggle(&format!(
        "input[name=o1][value='{}']",
        size_value(&db, "39")
    ))
    .await;
    assert!(
        !b.path().await.contains("?v="),
        "no script submitted the form"
    );
    b.click("form.variant-picker button[type=submit]").await;
    let path = b.path().await;
    assert!(path.ends_with(&format!("?v={sku}")), "{path}");
    let text = b.text().await;
    assert!(text.contains("Размер (EU): 39 · Цвет: Красный"), "{text}");
    assert!(
        text.contains("В наличии: 3 штуки") && text.contains(&sku),
        "{text}"
    );
    b.snapshot("variant").await;
    b.click("form.add-to-cart button[type=submit]").await;
    b.go("/ru/cart").await;
    let text = b.text().await;
    assert!(text.contains("Размер (EU): 39 · Цвет: Красный"), "{text}");
    b.snapshot("cart").await;
    b.close("e-sizes").await;
    // With JavaScript: ticking 40 shows it at once.
    let Some(mut b) = open_with(&base, "ru-RU,ru", "e-sizes-js", (390, 844), true).await else {
        return;
    };
    b.go(&format!("/ru/p/{}-x", f.it_bag)).await;
    b.check("product").await;
    b.click(&format!(
        "input[name=o1][value='{}']",
        size_value(&db, "40")
    ))
    .await;
    let path = b.path().await;
    assert!(
        path.ends_with(&format!("?v=P{}-40-RED", f.it_bag)),
        "{path}"
    );
    b.check("variant").await;
    b.close("e-sizes-js").await;
    server.stop(true).await;
}

impl Browser {
    /// Without page scripts (no axe, no fetch): the screenshot, the page fitting the window, and the document
    /// as parsed (no script changed it) for vnu.
    async fn snapshot(&mut self, name: &str) {
        self.n += 1;
        // The part this journey is about in view: the size choice, or the cart's lines.
        self.c
            .execute(
                "const e = document.querySelector('.product-price, .cart-lines'); if (e) e.scrollIntoView();",
                vec![],
            )
            .await
            .unwrap();
        let png = self.c.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{:02}-{name}.png", self.n)), png).unwrap();
        let html = format!("<!doctype html>\n{}", self.c.source().await.unwrap());
        let file = self
            .shots
            .join("html")
            .join(format!("{:02}-{name}.html", self.n));
        std::fs::write(file, html).unwrap();
        let wide = self
            .c
            .execute(
                "return document.documentElement.scrollWidth > window.innerWidth;",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap_or(true);
        assert!(!wide, "{name} is wider than the window");
    }
}

/// The option value id of a shoe size in the test's shared list.
fn size_value(db: &TestDb, key: &str) -> i64 {
    use caravan::db::schema::{option_values, options};
    option_values::table
        .inner_join(options::table)
        .filter(options::key.eq("size-eu-shoes"))
        .filter(option_values::key.eq(key))
        .select(option_values::id)
        .first(&mut db.conn())
        .unwrap()
}

/// The token of the latest verification link mailed to `email` (from the outbox, as the email carries it).
fn verification_token(db: &TestDb, email: &str) -> String {
    use caravan::db::schema::notifications;
    let payloads: Vec<String> = notifications::table
        .filter(notifications::kind.eq("verify-email"))
        .order(notifications::id.desc())
        .select(notifications::payload)
        .load(&mut db.conn())
        .unwrap();
    payloads
        .iter()
        .filter_map(|p| serde_json::from_str::<serde_json::Value>(p).ok())
        .find(|v| v["email"] == email)
        .and_then(|v| v["token"].as_str().map(str::to_string))
        .unwrap_or_default()
}
