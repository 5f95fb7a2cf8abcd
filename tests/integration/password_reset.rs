//! Password reset by email, end to end through the SMTP server: the same answer for any address; the link in the
//! email (in the account's language) sets a new password once, within the hour, and signs the account out
//! everywhere; a used, expired or made-up link is refused with a way to ask again; requests are limited per
//! address and per client; a "password changed" email follows.

use caravan::db::schema::{notifications, password_resets};
use caravan::identity::model::Role;
use caravan::mail::worker::pass;
use diesel::prelude::*;
use time::Duration;

use crate::mail::{env, mailer, smtp, wait_for};
use crate::support::{TestApp, TEST_PASSWORD};

fn unique(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{tag}-{nanos}@example.es")
}

/// The reset link in an email's text.
fn link_in(text: &str) -> String {
    let start = text
        .find("https://caravan.example/")
        .unwrap_or_else(|| panic!("{text}"));
    text[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_start_matches("https://caravan.example")
        .to_string()
}

async fn ask(app: &mut TestApp, email: &str) -> crate::support::client::Page {
    let page = app.client.get("/es/password-reset").await;
    let csrf = page.input_value("csrf").unwrap_or_default();
    app.client
        .post_form("/es/password-reset", &[("csrf", &csrf), ("email", email)])
        .await
}

#[actix_web::test]
async fn a_forgotten_password_is_reset_by_email_once_and_signs_out_everywhere() {
    let Some((url, dir)) = smtp() else { return };
    let mut app = TestApp::new().await;
    let email = unique("lucia");
    app.sign_in_as(&email, Role::Shopper).await;
    diesel::update(caravan::db::schema::users::table)
        .filter(caravan::db::schema::users::email.eq(&email))
        .set(caravan::db::schema::users::locale.eq("es"))
        .execute(&mut app.db.conn())
        .unwrap();
    let signed_in = app.client.cookies.clone();
    // Another browser (no session) asks for a link: the same answer for a known and an unknown address.
    app.client.cookies.clear();
    let known = ask(&mut app, &email).await;
    assert_eq!(known.status, 200, "{}", known.body);
    let unknown = ask(&mut app, &unique("nadie")).await;
    assert_eq!(unknown.status, 200);
    let strip = |b: &str| b.replace(&email, "");
    assert_eq!(
        strip(&known.body)
            .split("<main")
            .nth(1)
            .map(|m| m.split("</main>").next().map(str::len)),
        strip(&unknown.body)
            .split("<main")
            .nth(1)
            .map(|m| m.split("</main>").next().map(str::len)),
        "the answer does not tell whether the account exists"
    );
    // Only the hash is stored; the token leaves the outbox once sent.
    let stored: String = password_resets::table
        .select(password_resets::token_hash)
        .first(&mut app.db.conn())
        .unwrap();
    let done = pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        app.clock.now(),
    )
    .unwrap();
    assert_eq!(done.sent, 1, "{done:?}");
    let payloads: Vec<String> = notifications::table
        .select(notifications::payload)
        .load(&mut app.db.conn())
        .unwrap();
    assert!(payloads.iter().all(String::is_empty), "{payloads:?}");
    let mail = wait_for(&dir, &email, 1);
    assert_eq!(mail.len(), 1);
    assert!(
        mail[0].subject.contains("contraseña"),
        "in the account's language: {}",
        mail[0].subject
    );
    let link = link_in(&mail[0].text);
    assert!(
        link.starts_with("/es/password-reset/") && !link.contains(&stored),
        "{link}"
    );
    // Too short: the form again with the message; then a good one.
    let page = app.client.get(&link).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = page.input_value("csrf").unwrap_or_default();
    let short = app
        .client
        .post_form(&link, &[("csrf", &csrf), ("password", "corta")])
        .await;
    assert_eq!(short.status, 422);
    short.assert_contains("id=\"f-password-error\"");
    let new_password = "naranjas-de-valencia-2026";
    let ok = app
        .client
        .post_form(&link, &[("csrf", &csrf), ("password", new_password)])
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    // Used once: the link is spent.
    let again = app.client.get(&link).await;
    assert_eq!(again.status, 410);
    again.assert_contains("/es/password-reset");
    // The other browser was signed out.
    app.client.cookies = signed_in;
    let account = app.client.get("/es/account").await;
    assert_ne!(account.status, 200, "the old session ends");
    // The new password works, the old one does not.
    app.client.cookies.clear();
    let page = app.client.get("/es/sign-in").await;
    let csrf = page.input_value("csrf").unwrap_or_default();
    let old = app
        .client
        .post_form(
            "/es/sign-in",
            &[
                ("csrf", &csrf),
                ("email", &email),
                ("password", TEST_PASSWORD),
            ],
        )
        .await;
    assert_ne!(old.status, 303);
    let page = app.client.get("/es/sign-in").await;
    let csrf = page.input_value("csrf").unwrap_or_default();
    let new = app
        .client
        .post_form(
            "/es/sign-in",
            &[
                ("csrf", &csrf),
                ("email", &email),
                ("password", new_password),
            ],
        )
        .await;
    assert_eq!(new.status, 303, "{}", new.body);
    // "Your password was changed" follows.
    pass(
        &mut app.db.conn(),
        &mailer(&url),
        &env(&app),
        app.clock.now(),
    )
    .unwrap();
    let mail = wait_for(&dir, &email, 2);
    assert_eq!(mail.len(), 2);
}

#[actix_web::test]
async fn an_expired_or_made_up_link_is_refused_and_requests_are_limited() {
    let mut app = TestApp::new().await;
    let email = unique("pablo");
    app.sign_in_as(&email, Role::Shopper).await;
    app.client.cookies.clear();
    assert_eq!(ask(&mut app, &email).await.status, 200);
    // The token is only in the outbox row (not yet sent): read it there, as the email would carry it.
    let token: String = notifications::table
        .filter(notifications::kind.eq("password-reset"))
        .select(notifications::payload)
        .first(&mut app.db.conn())
        .unwrap();
    let link = format!("/es/password-reset/{token}");
    assert_eq!(app.client.get(&link).await.status, 200);
    app.clock.set(app.clock.now() + Duration::minutes(61));
    let late = app.client.get(&link).await;
    assert_eq!(late.status, 410);
    late.assert_contains("href=\"/es/password-reset\"");
    let made_up = app
        .client
        .get(&format!("/es/password-reset/{}", "0".repeat(64)))
        .await;
    assert_eq!(made_up.status, 410);
    assert_eq!(app.client.get("/es/password-reset/short").await.status, 410);
    // Three links per address an hour: a fourth request in the hour answers the same and makes none.
    for _ in 0..4 {
        assert_eq!(ask(&mut app, &email).await.status, 200);
    }
    let links: i64 = password_resets::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        links, 4,
        "the first (expired) one and three in the new hour"
    );
    // Ten requests per client an hour: then 429.
    let mut last = 200;
    for i in 0..12 {
        last = ask(&mut app, &unique(&format!("x{i}")))
            .await
            .status
            .as_u16();
    }
    assert_eq!(last, 429);
}
