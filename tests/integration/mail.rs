//! Email through a real SMTP server (aiosmtpd, started by `.ci/run`, writing what it receives to a Maildir): the
//! order emails of a two-shop checkout arrive in each reader's language and currency, each reader's holding only
//! their own orders; SMTP down then up delivers every message once; two workers never send a row twice; the last
//! failed attempt is listed for staff, who retry it; without SMTP, development mail goes to `.eml` files.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use caravan::config::MailTransport;
use caravan::db::schema::{merchants, notifications, users};
use caravan::mail::compose::Env;
use caravan::mail::outbox;
use caravan::mail::transport::Mailer;
use caravan::mail::worker::pass;
use diesel::prelude::*;
use time::Duration;

use crate::support::{builders, TestApp};

/// The test SMTP server and its Maildir, or `None` (and a note) when the tests cannot run here.
pub(crate) fn smtp() -> Option<(String, PathBuf)> {
    let url = std::env::var("CARAVAN_TEST_SMTP").ok();
    let dir = std::env::var("CARAVAN_TEST_MAILDIR").ok();
    if let (Some(url), Some(dir)) = (url, dir) {
        return Some((url, PathBuf::from(dir)));
    }
    assert!(
        std::env::var("CARAVAN_MAIL_TESTS").as_deref() != Ok("require"),
        "CARAVAN_MAIL_TESTS=require but CARAVAN_TEST_SMTP / CARAVAN_TEST_MAILDIR are not set"
    );
    eprintln!("email tests skipped: set CARAVAN_TEST_SMTP and CARAVAN_TEST_MAILDIR (aiosmtpd with a Maildir)");
    None
}

pub(crate) fn mailer(url: &str) -> Mailer {
    Mailer::from_settings(&MailTransport::Smtp(url.into()))
        .unwrap()
        .unwrap()
}

pub(crate) fn env(app: &TestApp) -> Env {
    Env::new(
        app.i18n.clone(),
        "https://caravan.example",
        "Caravan <no-reply@caravan.example>",
        "Caravan Marketplace S.L.",
    )
    .unwrap()
}

/// A message the SMTP server received: recipient, subject, Message-ID, plain text and HTML.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) subject: String,
    pub(crate) message_id: String,
    pub(crate) text: String,
    pub(crate) html: String,
    pub(crate) content_language_html: bool,
    pub(crate) attachments: usize,
}

/// What the SMTP server received for `to` (the envelope recipient aiosmtpd records in `X-RcptTo`).
pub(crate) fn received(dir: &std::path::Path, to: &str) -> Vec<Received> {
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(raw) = std::fs::read(e.path()) else {
                continue;
            };
            let Some(m) = mail_parser::MessageParser::default().parse(&raw) else {
                continue;
            };
            let rcpt = m.header_raw("X-RcptTo").unwrap_or_default().to_string();
            if !rcpt.split(',').any(|r| r.trim() == to) {
                continue;
            }
            let html = m.body_html(0).map(|s| s.to_string()).unwrap_or_default();
            out.push(Received {
                subject: m.subject().unwrap_or_default().to_string(),
                message_id: m.message_id().unwrap_or_default().to_string(),
                text: m.body_text(0).map(|s| s.to_string()).unwrap_or_default(),
                content_language_html: html.contains("<html lang="),
                attachments: m.attachment_count(),
                html,
            });
        }
    }
    out
}

/// Waits until `n` messages for `to` arrived (the server writes them as they come).
pub(crate) fn wait_for(dir: &std::path::Path, to: &str, n: usize) -> Vec<Received> {
    for _ in 0..50 {
        let got = received(dir, to);
        if got.len() >= n {
            return got;
        }
        std::thread::sleep(StdDuration::from_millis(100));
    }
    received(dir, to)
}

/// A shopper in Almaty (Russian) buys from the Italian and the Turkish shop; the shops' owners read Italian and
/// Turkish. Returns (shopper email, Italian owner email, Turkish owner email).
fn checkout(app: &TestApp, f: &builders::Fixture, tag: &str) -> (String, String, String) {
    // The SMTP server's Maildir outlives the test: each run's addresses are its own.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let tag = format!("{tag}-{nanos}");
    let emails = (
        format!("aigerim-{tag}@example.kz"),
        format!("giulia-{tag}@bottega.example"),
        format!("mehmet-{tag}@kayseri.example"),
    );
    let mut c = app.db.conn();
    for (email, shop, locale, name) in [
        (&emails.1, f.it_shop, "it", "Giulia"),
        (&emails.2, f.tr_shop, "tr", "Mehmet"),
    ] {
        let uid = builders::shopper(&mut c, email, locale);
        diesel::update(users::table.find(uid))
            .set((users::role.eq("merchant"), users::display_name.eq(name)))
            .execute(&mut c)
            .unwrap();
        diesel::update(merchants::table.find(shop))
            .set(merchants::owner_user_id.eq(uid))
            .execute(&mut c)
            .unwrap();
    }
    drop(c);
    let token = format!("mail-{tag}");
    let (uid, _) = crate::payments::card_checkout_as(app, f, &token, &emails.0);
    diesel::update(users::table.find(uid))
        .set(users::display_name.eq("Айгерим"))
        .execute(&mut app.db.conn())
        .unwrap();
    emails
}

#[actix_web::test]
async fn a_two_shop_order_is_told_to_each_reader_in_their_language_and_currency() {
    let Some((url, dir)) = smtp() else { return };
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let (shopper, it_owner, tr_owner) = checkout(&app, &f, "langs");
    let numbers: Vec<String> = caravan::db::schema::orders::table
        .order(caravan::db::schema::orders::id)
        .select(caravan::db::schema::orders::number)
        .load(&mut app.db.conn())
        .unwrap();
    let (it_number, tr_number) = (&numbers[0], &numbers[1]);
    let done = pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        app.clock.now(),
    )
    .unwrap();
    // One email for the shopper (the second order's row is covered by it), one per shop.
    assert_eq!(
        (done.sent, done.skipped, done.failed),
        (3, 1, 0),
        "{done:?}"
    );
    let to_shopper = wait_for(&dir, &shopper, 1);
    assert_eq!(to_shopper.len(), 1, "{to_shopper:?}");
    let m = &to_shopper[0];
    assert!(
        m.subject.contains(it_number) && m.subject.contains(tr_number),
        "{}",
        m.subject
    );
    assert!(m.text.contains("Здравствуйте, Айгерим"), "{}", m.text);
    assert!(
        m.text.contains("₸") || m.text.contains("KZT"),
        "amounts in tenge: {}",
        m.text
    );
    assert!(
        m.text.contains("https://caravan.example/ru/orders"),
        "{}",
        m.text
    );
    assert!(m.html.contains("<html lang=\"ru\">") && m.content_language_html);
    // Kazakhstan collects no VAT at checkout: the email repeats the notice the cart gave before paying.
    let duties =
        "Продаётся без НДС страны назначения (Казахстан): при получении может потребоваться";
    assert!(m.text.contains(duties), "{}", m.text);
    assert!(m.html.contains(duties), "{}", m.html);
    assert_eq!(
        m.attachments, 0,
        "a text and an HTML part, nothing attached"
    );
    let placed_day = caravan::zones::local(app.clock.now(), "Asia/Almaty")
        .unwrap()
        .date();
    let day = caravan::i18n::I18n::load()
        .unwrap()
        .formatters
        .date(caravan::i18n::Locale::Ru, placed_day);
    assert!(
        m.text.contains(&day),
        "the day it was placed, in Russian: {}",
        m.text
    );
    assert!(
        m.message_id.starts_with("caravan-notification-")
            && m.message_id.ends_with("@caravan.example")
    );
    let to_it = wait_for(&dir, &it_owner, 1);
    assert_eq!(to_it.len(), 1);
    let m = &to_it[0];
    assert!(m.subject.contains(it_number), "{}", m.subject);
    assert!(m.html.contains("<html lang=\"it\">"), "{}", m.html);
    assert!(
        m.text.contains("€"),
        "the Italian shop reads euros: {}",
        m.text
    );
    assert!(m.text.contains(&format!(
        "https://caravan.example/it/merchant/orders/{it_number}"
    )));
    // Nothing of the other shop's order.
    assert!(!m.text.contains(tr_number.as_str()) && !m.html.contains(tr_number.as_str()));
    let to_tr = wait_for(&dir, &tr_owner, 1);
    assert_eq!(to_tr.len(), 1);
    let m = &to_tr[0];
    assert!(m.html.contains("<html lang=\"tr\">"), "{}", m.html);
    assert!(
        m.text.contains("₺") || m.text.contains("TRY"),
        "the Turkish shop reads lira: {}",
        m.text
    );
    assert!(!m.text.contains(it_number.as_str()));
    // A second pass sends nothing more.
    let again = pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        app.clock.now(),
    )
    .unwrap();
    assert_eq!(again, caravan::mail::worker::Pass::default());
    // The Italian shop ships: the shopper is told, with the tracking number and a link to follow the parcel.
    let token: String = caravan::db::schema::orders::table
        .select(caravan::db::schema::orders::checkout_token)
        .first(&mut app.db.conn())
        .unwrap();
    caravan::orders::card::mark_paid_by_card(&mut app.db.conn(), &token, app.clock.now()).unwrap();
    caravan::orders::manage::act(
        &mut app.db.conn(),
        caravan::orders::manage::Viewer::Merchant(f.it_shop),
        1,
        it_number,
        &caravan::orders::model::Action::MarkShipped {
            tracking: "RR123456785IT".into(),
            carrier: "other".into(),
        },
        app.clock.now(),
    )
    .unwrap()
    .unwrap();
    pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        app.clock.now(),
    )
    .unwrap();
    // Paid (each order), then shipped.
    let got = wait_for(&dir, &shopper, 4);
    assert_eq!(got.len(), 4, "{got:?}");
    let shipped = got
        .iter()
        .find(|m| m.text.contains("RR123456785IT"))
        .unwrap_or_else(|| panic!("{got:?}"));
    assert!(
        shipped.subject.contains(it_number.as_str()),
        "{}",
        shipped.subject
    );
    assert!(
        shipped
            .html
            .contains("https://t.17track.net/ru#nums=RR123456785IT"),
        "{}",
        shipped.html
    );
}

#[actix_web::test]
async fn smtp_down_then_up_delivers_every_message_once() {
    let Some((url, dir)) = smtp() else { return };
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let (shopper, it_owner, tr_owner) = checkout(&app, &f, "retry");
    let now = app.clock.now();
    let down = pass(
        &mut app.db.conn(),
        &mailer("smtp://127.0.0.1:9"),
        &env(&app),
        now,
    )
    .unwrap();
    assert_eq!(down.sent, 0);
    assert_eq!(down.failed, 3);
    let states: Vec<(String, i32, String)> = notifications::table
        .order(notifications::id)
        .select((
            notifications::mail_status,
            notifications::attempts,
            notifications::last_error,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert!(
        states
            .iter()
            .filter(|s| s.0 == "retry")
            .all(|s| s.1 == 1 && s.2 == "smtp_unavailable"),
        "{states:?}"
    );
    // Not due yet: nothing is tried; a minute later everything goes out, once.
    let early = pass(&mut app.db.conn(), &mailer(&url), &env(&app), now).unwrap();
    assert_eq!(early.sent, 0);
    let up = pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        now + Duration::minutes(1),
    )
    .unwrap();
    assert_eq!(up.sent, 3, "{up:?}");
    for to in [&shopper, &it_owner, &tr_owner] {
        assert_eq!(wait_for(&dir, to, 1).len(), 1, "{to}");
    }
}

#[actix_web::test]
async fn two_workers_never_send_the_same_message_twice() {
    let Some((url, dir)) = smtp() else { return };
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // Many messages: ten checkouts by ten shoppers.
    for product in [f.it_bag, f.tr_bag] {
        builders::set_stock(&mut app.db.conn(), product, 100);
    }
    let mut shoppers = Vec::new();
    for i in 0..10 {
        let (s, _, _) = checkout(&app, &f, &format!("race{i}"));
        shoppers.push(s);
    }
    let env = Arc::new(env(&app));
    let now = app.clock.now();
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (pool, env, url) = (app.db.pool.clone(), env.clone(), url.clone());
            std::thread::spawn(move || {
                let mailer = mailer(&url);
                let mut sent = 0;
                for _ in 0..10 {
                    let mut c = pool.get().unwrap();
                    sent += pass(&mut c, &mailer, &env, now).unwrap().sent;
                }
                sent
            })
        })
        .collect();
    let sent: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    // Ten shopper confirmations, and each shop's "new order" ten times (the owners change hands per checkout).
    let rows: i64 = notifications::table
        .filter(notifications::mail_status.eq("sent"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(sent as i64, rows);
    for s in &shoppers {
        let got = wait_for(&dir, s, 1);
        assert_eq!(got.len(), 1, "{s}: {got:?}");
    }
}

#[actix_web::test]
async fn a_message_that_keeps_failing_is_listed_for_staff_who_retry_it() {
    let Some((url, dir)) = smtp() else { return };
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let (shopper, _, _) = checkout(&app, &f, "failed");
    let down = mailer("smtp://127.0.0.1:9");
    let mut t = app.clock.now();
    for _ in 0..outbox::MAX_ATTEMPTS {
        pass(&mut app.db.conn(), &down, &env(&app), t).unwrap();
        t += Duration::hours(7);
    }
    let failed = outbox::failed(&mut app.db.conn(), 10).unwrap();
    assert_eq!(failed.len(), 3, "{failed:?}");
    app.sign_in_as(
        "staff@caravan.example",
        caravan::identity::model::Role::Staff,
    )
    .await;
    let page = app.client.get("/en/staff/mail").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("The mail server could not be reached.");
    page.assert_contains(&shopper);
    page.assert_contains("Order confirmation");
    let id = failed.iter().find(|m| m.email == shopper).unwrap().id;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(&format!("/en/staff/mail/{id}/retry"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status, 303);
    let done = pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        app.clock.now(),
    )
    .unwrap();
    assert_eq!(done.sent, 1);
    assert_eq!(wait_for(&dir, &shopper, 1).len(), 1);
    let audited: i64 = caravan::db::schema::audit_log::table
        .filter(caravan::db::schema::audit_log::action.eq("mail.retry"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(audited, 1);
}

#[actix_web::test]
async fn without_smtp_development_mail_is_written_as_eml_files() {
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    checkout(&app, &f, "files");
    let dir = app.db.config().data_dir.join("mail");
    let files = Mailer::from_settings(&MailTransport::Files(dir.clone()))
        .unwrap()
        .unwrap();
    let done = pass(&mut app.db.conn(), &files, &env(&app), app.clock.now()).unwrap();
    assert_eq!(done.sent, 3);
    let emls: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(emls.len(), 3);
}

#[actix_web::test]
async fn an_applicant_hears_of_the_decision_in_their_language() {
    use caravan::merchants::applications::{decide, Decision};
    let app = TestApp::new().await;
    let mut c = app.db.conn();
    let shop = builders::merchant(
        &mut c,
        "ceramiche-rossi",
        "Ceramiche Rossi",
        caravan::geo::CountryCode::parse("IT").unwrap(),
        caravan::money::Currency::Eur,
        caravan::i18n::Locale::It,
    );
    let owner = builders::shopper(&mut c, "anna@ceramiche.example", "it");
    diesel::update(merchants::table.find(shop))
        .set((
            merchants::owner_user_id.eq(owner),
            merchants::status.eq("pending"),
        ))
        .execute(&mut c)
        .unwrap();
    let now = app.clock.now();
    decide(
        &mut c,
        owner,
        shop,
        Decision::Reject,
        "Mancano le foto dei prodotti.",
        now,
    )
    .unwrap()
    .unwrap();
    drop(c);
    let dir = app.db.config().data_dir.join("decisions");
    let files = Mailer::from_settings(&MailTransport::Files(dir.clone()))
        .unwrap()
        .unwrap();
    let done = pass(&mut app.db.conn(), &files, &env(&app), now).unwrap();
    assert_eq!(done.sent, 1, "{done:?}");
    let eml = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let raw = std::fs::read(eml).unwrap();
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert!(m.subject().unwrap_or_default().contains("Ceramiche Rossi"));
    let text = m.body_text(0).unwrap_or_default().to_string();
    assert!(text.contains("Mancano le foto dei prodotti."), "{text}");
    assert!(text.contains("https://caravan.example/it/"), "{text}");
    assert!(m
        .body_html(0)
        .unwrap_or_default()
        .contains("<html lang=\"it\">"));
}

#[actix_web::test]
async fn a_shop_is_told_when_an_order_leaves_a_product_low_in_stock() {
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // Four Italian bags: the order leaves three, the threshold; the Turkish bag stays plentiful.
    builders::set_stock(&mut app.db.conn(), f.it_bag, 4);
    builders::set_stock(&mut app.db.conn(), f.tr_bag, 50);
    let (_, it_owner, tr_owner) = checkout(&app, &f, "low");
    let dir = app.db.config().data_dir.join("low-stock");
    let files = Mailer::from_settings(&MailTransport::Files(dir.clone()))
        .unwrap()
        .unwrap();
    let done = pass(&mut app.db.conn(), &files, &env(&app), app.clock.now()).unwrap();
    assert_eq!(
        done.sent, 4,
        "confirmation, two new orders, one low-stock: {done:?}"
    );
    let id: i64 = notifications::table
        .filter(notifications::kind.eq("stock-low"))
        .select(notifications::id)
        .first(&mut app.db.conn())
        .unwrap();
    let wanted = format!("caravan-notification-{id}@caravan.example");
    let mut low = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let raw = std::fs::read(e.path()).unwrap();
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        if m.message_id() != Some(wanted.as_str()) {
            continue;
        }
        let to = m
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string();
        low.push((to, m.body_text(0).unwrap_or_default().to_string()));
    }
    assert_eq!(low.len(), 1, "{low:?}");
    assert_eq!(low[0].0, it_owner, "only the Italian shop runs low");
    assert_ne!(low[0].0, tr_owner);
    assert!(
        low[0].1.contains("Кожаная сумка из Флоренции") && low[0].1.contains('3'),
        "{}",
        low[0].1
    );
    let lows: i64 = notifications::table
        .filter(notifications::kind.eq("stock-low"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(lows, 1);
    // Told once.
    let again = pass(&mut app.db.conn(), &files, &env(&app), app.clock.now()).unwrap();
    assert_eq!(again.sent, 0);
}
