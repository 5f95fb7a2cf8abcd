use actix_web::dev::Service;
use actix_web::{test, web, App, HttpResponse};
use caravan::http::auth::{RequireMerchant, RequireStaff};
use diesel::prelude::*;

use crate::support::{TestApp, TestClient, TestDb};

const PW: &str = "saffron-lantern-42";

async fn sign_up(
    c: &mut TestClient,
    lang: &str,
    email: &str,
    name: &str,
    pw: &str,
) -> crate::support::client::Page {
    let page = c.get(&format!("/{lang}/sign-up")).await;
    let csrf = page.input_value("csrf").expect("csrf");
    c.post_form(
        &format!("/{lang}/sign-up"),
        &[
            ("csrf", &csrf),
            ("email", email),
            ("display_name", name),
            ("password", pw),
            ("locale", lang),
        ],
    )
    .await
}

async fn sign_in(
    c: &mut TestClient,
    lang: &str,
    email: &str,
    pw: &str,
    return_to: &str,
) -> crate::support::client::Page {
    let page = c.get(&format!("/{lang}/sign-in")).await;
    let csrf = page.input_value("csrf").expect("csrf");
    c.post_form(
        &format!("/{lang}/sign-in"),
        &[
            ("csrf", &csrf),
            ("email", email),
            ("password", pw),
            ("return_to", return_to),
        ],
    )
    .await
}

async fn sign_out(c: &mut TestClient, lang: &str) -> crate::support::client::Page {
    let page = c.get(&format!("/{lang}/account")).await;
    let csrf = page.input_value("csrf").expect("csrf");
    c.post_form(&format!("/{lang}/sign-out"), &[("csrf", &csrf)])
        .await
}

fn user_count(db: &TestDb) -> i64 {
    caravan::db::schema::users::table
        .count()
        .get_result(&mut db.conn())
        .expect("count")
}

#[actix_web::test]
async fn register_sign_in_sign_out() {
    let mut app = TestApp::new().await;
    let res = sign_up(&mut app.client, "en", "Ayse@Example.com", "Ayşe", PW).await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(res.location().as_deref(), Some("/en/"));
    let acc = app.client.get("/en/account").await;
    assert_eq!(acc.status, 200);
    acc.assert_contains("Ayse@Example.com");
    acc.assert_contains("Shopper");
    // The stored hash is argon2id, never the password.
    let hash: String = caravan::db::schema::users::table
        .select(caravan::db::schema::users::password_hash)
        .first(&mut app.db.conn())
        .expect("hash");
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PW));
    let res = sign_out(&mut app.client, "en").await;
    assert_eq!(res.status, 303);
    let res = app.client.get("/en/account").await;
    assert_eq!(res.status, 303);
    assert_eq!(
        res.location().as_deref(),
        Some("/en/sign-in?return_to=%2Fen%2Faccount")
    );
    // Sign in again, case-insensitively, and land where we wanted to go.
    let res = sign_in(&mut app.client, "en", "ayse@EXAMPLE.com", PW, "/en/account").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location().as_deref(), Some("/en/account"));
}

#[actix_web::test]
async fn wrong_password_and_unknown_email_look_the_same() {
    let mut app = TestApp::new().await;
    sign_up(&mut app.client, "en", "known@example.com", "K", PW).await;
    sign_out(&mut app.client, "en").await;
    let a = sign_in(
        &mut app.client,
        "en",
        "known@example.com",
        "wrong-password-1",
        "",
    )
    .await;
    let b = sign_in(
        &mut app.client,
        "en",
        "unknown@example.com",
        "wrong-password-1",
        "",
    )
    .await;
    assert_eq!(a.status, 401);
    assert_eq!(b.status, 401);
    a.assert_contains("The email or password is incorrect.");
    b.assert_contains("The email or password is incorrect.");
    // The typed email is kept, the password is not.
    a.assert_contains("value=\"known@example.com\"");
    a.assert_not_contains("wrong-password-1");
}

#[actix_web::test]
async fn duplicate_email_in_other_case_is_refused_and_input_kept() {
    let mut app = TestApp::new().await;
    sign_up(&mut app.client, "en", "Marco@Example.it", "Marco", PW).await;
    sign_out(&mut app.client, "en").await;
    let res = sign_up(&mut app.client, "it", "marco@EXAMPLE.IT", "Marco Due", PW).await;
    assert_eq!(res.status, 422);
    res.assert_contains("value=\"marco@EXAMPLE.IT\"");
    res.assert_contains("value=\"Marco Due\"");
    res.assert_contains("aria-invalid=\"true\"");
    assert_eq!(user_count(&app.db), 1);
}

#[actix_web::test]
async fn forms_rerender_with_localized_errors() {
    let mut app = TestApp::new().await;
    let res = sign_up(&mut app.client, "ru", "not-an-email", "  Иван  ", "short").await;
    assert_eq!(res.status, 422);
    res.assert_contains("<html lang=\"ru\">");
    res.assert_contains("role=\"alert\"");
    res.assert_contains("value=\"not-an-email\"");
    res.assert_contains("value=\"  Иван  \"");
    res.assert_contains("aria-describedby=\"f-email-error\"");
    let i18n = caravan::i18n::I18n::load().expect("i18n");
    for id in ["account-email-invalid", "account-password-too-short"] {
        let msg = i18n.messages.format(caravan::i18n::Locale::Ru, id, None);
        res.assert_contains(&msg);
    }
    let res = sign_up(&mut app.client, "tr", "a@b.co", "Ali", "Password123").await;
    assert_eq!(res.status, 422);
    res.assert_contains(&i18n.messages.format(
        caravan::i18n::Locale::Tr,
        "account-password-common",
        None,
    ));
    let res = sign_up(&mut app.client, "es", "", "", "").await;
    assert_eq!(res.status, 422);
    assert!(
        res.body
            .matches(
                &i18n
                    .messages
                    .format(caravan::i18n::Locale::Es, "form-required", None)
            )
            .count()
            >= 3
    );
    assert_eq!(user_count(&app.db), 0);
}

#[actix_web::test]
async fn session_renewed_at_sign_in_and_old_cookie_useless_after_sign_out() {
    let mut app = TestApp::new().await;
    sign_up(&mut app.client, "en", "s@example.com", "S", PW).await;
    sign_out(&mut app.client, "en").await;
    app.client.get("/en/sign-in").await;
    let before = app
        .client
        .cookies
        .get("caravan_session")
        .cloned()
        .expect("anonymous session");
    let before_csrf = app
        .client
        .get("/en/sign-in")
        .await
        .input_value("csrf")
        .expect("csrf");
    sign_in(&mut app.client, "en", "s@example.com", PW, "").await;
    let after = app
        .client
        .cookies
        .get("caravan_session")
        .cloned()
        .expect("session");
    assert_ne!(before, after);
    let after_csrf = app
        .client
        .get("/en/account")
        .await
        .input_value("csrf")
        .expect("csrf");
    assert_ne!(
        before_csrf, after_csrf,
        "CSRF token renewed with the session"
    );
    let signed_in_cookie = after.clone();
    sign_out(&mut app.client, "en").await;
    // Replaying the signed-in cookie after sign-out does not sign anyone in.
    app.client
        .cookies
        .insert("caravan_session".into(), signed_in_cookie);
    let res = app.client.get("/en/account").await;
    assert_eq!(res.status, 303);
}

#[actix_web::test]
async fn csrf_missing_or_wrong_is_a_localized_403_and_changes_nothing() {
    let mut app = TestApp::new().await;
    app.client.get("/tr/sign-up").await;
    let res = app
        .client
        .post_form(
            "/tr/sign-up",
            &[
                ("email", "x@example.com"),
                ("display_name", "X"),
                ("password", PW),
                ("locale", "tr"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    res.assert_contains("<html lang=\"tr\">");
    assert_eq!(user_count(&app.db), 0);
    sign_up(&mut app.client, "en", "c@example.com", "Before", PW).await;
    let res = app
        .client
        .post_form(
            "/en/account/profile",
            &[
                ("csrf", "forged"),
                ("display_name", "After"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    let name: String = caravan::db::schema::users::table
        .select(caravan::db::schema::users::display_name)
        .first(&mut app.db.conn())
        .expect("name");
    assert_eq!(name, "Before");
    let res = app.client.post_form("/en/sign-out", &[("csrf", "")]).await;
    assert_eq!(res.status, 403);
    assert_eq!(
        app.client.get("/en/account").await.status,
        200,
        "still signed in"
    );
}

#[actix_web::test]
async fn sign_in_rate_limit_429_then_recovery() {
    let db = TestDb::new();
    let mut config = db.config();
    config.limits.signin_failures_per_account = 3;
    config.limits.window_secs = 2;
    let mut app = TestApp::with_config(db, config).await;
    sign_up(&mut app.client, "en", "r@example.com", "R", PW).await;
    sign_out(&mut app.client, "en").await;
    for _ in 0..3 {
        assert_eq!(
            sign_in(&mut app.client, "en", "r@example.com", "nope-nope-nope", "")
                .await
                .status,
            401
        );
    }
    // From the guessing client, even the right password waits now, and the answer says for how long.
    let res = sign_in(&mut app.client, "it", "r@example.com", PW, "").await;
    assert_eq!(res.status, 429);
    res.assert_contains("<html lang=\"it\">");
    let wait: i64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    // The owner, signing in from another address, is not locked out by someone else's guesses.
    let guesser = std::mem::take(&mut app.client.cookies);
    app.client.peer = "198.51.100.7:50000".into();
    let res = sign_in(&mut app.client, "en", "r@example.com", PW, "").await;
    assert_eq!(res.status, 303, "the owner is locked out");
    app.client.cookies = guesser;
    app.client.peer = "127.0.0.1:40000".into();
    // The window passes on the app's clock.
    app.clock
        .set(app.clock.now() + time::Duration::milliseconds(2100));
    let res = sign_in(&mut app.client, "en", "r@example.com", PW, "").await;
    assert_eq!(res.status, 303);
}

/// Guessing one account from many addresses still meets a limit: ten times the per-client one.
#[actix_web::test]
async fn an_account_guessed_from_many_addresses_is_throttled_too() {
    let db = TestDb::new();
    let mut config = db.config();
    config.limits.signin_failures_per_account = 1;
    let mut app = TestApp::with_config(db, config).await;
    sign_up(&mut app.client, "en", "m@example.com", "M", PW).await;
    sign_out(&mut app.client, "en").await;
    for i in 0..10 {
        app.client.peer = format!("203.0.113.{}:40000", i + 1);
        let res = sign_in(&mut app.client, "en", "m@example.com", "wrong-wrong-1", "").await;
        assert_eq!(res.status, 401, "attempt {i}");
    }
    app.client.peer = "203.0.113.99:40000".into();
    let res = sign_in(&mut app.client, "en", "m@example.com", "wrong-wrong-1", "").await;
    assert_eq!(res.status, 429);
    assert!(res.header("retry-after").is_some());
}

#[actix_web::test]
async fn sign_up_rate_limit_per_ip() {
    let db = TestDb::new();
    let mut config = db.config();
    config.limits.signups_per_ip = 2;
    let mut app = TestApp::with_config(db, config).await;
    for i in 0..2 {
        assert_eq!(
            sign_up(&mut app.client, "en", &format!("u{i}@example.com"), "U", PW)
                .await
                .status,
            303
        );
        sign_out(&mut app.client, "en").await;
    }
    let res = sign_up(&mut app.client, "en", "u3@example.com", "U", PW).await;
    assert_eq!(res.status, 429);
    let wait: i64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= 900, "{wait}");
}

/// A display name must show something: a lone BOM, zero-width or filler characters are refused, per field and
/// in the shopper's language, with what they typed kept.
#[actix_web::test]
async fn invisible_display_names_are_refused() {
    let mut app = TestApp::new().await;
    let i18n = caravan::i18n::I18n::load().expect("i18n");
    for (lang, locale, name) in [
        ("en", caravan::i18n::Locale::En, "\u{FEFF}"),
        ("ru", caravan::i18n::Locale::Ru, "\u{200B}\u{200D}"),
        ("tr", caravan::i18n::Locale::Tr, "\u{3164}"),
    ] {
        let res = sign_up(&mut app.client, lang, "blank@example.com", name, PW).await;
        assert_eq!(res.status, 422, "{name:?}");
        res.assert_contains(&i18n.messages.format(locale, "form-invisible", None));
        res.assert_contains("value=\"blank@example.com\"");
    }
    assert_eq!(user_count(&app.db), 0);
    assert_eq!(
        sign_up(&mut app.client, "en", "blank@example.com", "\u{FEFF}Lu", PW)
            .await
            .status,
        303
    );
}

#[actix_web::test]
async fn open_redirects_are_ignored() {
    let mut app = TestApp::new().await;
    sign_up(&mut app.client, "en", "o@example.com", "O", PW).await;
    for evil in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ] {
        sign_out(&mut app.client, "en").await;
        let res = sign_in(&mut app.client, "en", "o@example.com", PW, evil).await;
        assert_eq!(res.location().as_deref(), Some("/en/"), "{evil}");
    }
}

#[actix_web::test]
async fn account_profile_and_password_changes() {
    let mut app = TestApp::new().await;
    sign_up(&mut app.client, "en", "p@example.com", "Pat", PW).await;
    let csrf = app
        .client
        .get("/en/account")
        .await
        .input_value("csrf")
        .expect("csrf");
    // Invalid: empty name and unknown language → 422 with the typed values.
    let res = app
        .client
        .post_form(
            "/en/account/profile",
            &[("csrf", &csrf), ("display_name", " "), ("locale", "xx")],
        )
        .await;
    assert_eq!(res.status, 422);
    let res = app
        .client
        .post_form(
            "/en/account/profile",
            &[
                ("csrf", &csrf),
                ("display_name", "Patrizia"),
                ("locale", "it"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = app.client.get("/en/account").await;
    page.assert_contains("value=\"Patrizia\"");
    page.assert_contains("Your changes are saved.");
    // Wrong current password.
    let res = app
        .client
        .post_form(
            "/en/account/password",
            &[
                ("csrf", &csrf),
                ("current_password", "nope"),
                ("new_password", "another-long-phrase"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("The current password is incorrect.");
    let res = app
        .client
        .post_form(
            "/en/account/password",
            &[
                ("csrf", &csrf),
                ("current_password", PW),
                ("new_password", "another-long-phrase"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    sign_out(&mut app.client, "en").await;
    assert_eq!(
        sign_in(&mut app.client, "en", "p@example.com", PW, "")
            .await
            .status,
        401
    );
    assert_eq!(
        sign_in(
            &mut app.client,
            "en",
            "p@example.com",
            "another-long-phrase",
            ""
        )
        .await
        .status,
        303
    );
}

#[actix_web::test]
async fn role_extractors_redirect_forbid_or_allow() {
    let db = TestDb::new();
    let state = db.state();
    let pw = db.passwords();
    let now = caravan::clock::system_now();
    use caravan::accounts::service::{upsert_user, AccountSpec};
    use caravan::i18n::Locale;
    use caravan::identity::model::Role;
    for (email, role) in [
        ("staff@example.com", Role::Staff),
        ("shop@example.com", Role::Merchant),
        ("buyer@example.com", Role::Shopper),
    ] {
        let spec = AccountSpec {
            email,
            display_name: "Test",
            role,
            locale: Locale::En,
            password: PW,
        };
        upsert_user(&mut db.conn(), &pw, &spec, now).expect("account");
    }
    let session = caravan::session_middleware(&state);
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new(state))
            .service(
                web::scope("/{lang}")
                    .configure(caravan::accounts::configure)
                    .route(
                        "/staff-only",
                        web::get()
                            .to(|_: RequireStaff| async { HttpResponse::Ok().body("staff ok") }),
                    )
                    .route(
                        "/merchant-only",
                        web::get().to(|_: RequireMerchant| async {
                            HttpResponse::Ok().body("merchant ok")
                        }),
                    ),
            )
            .wrap(actix_web::middleware::from_fn(
                caravan::http::auth::resolve_user,
            ))
            .wrap(session),
    )
    .await;
    let svc = move |req: actix_http::Request| {
        let fut = app.call(req);
        Box::pin(async move { fut.await.expect("service").map_into_boxed_body() })
            as crate::support::client::ResponseFuture
    };
    let mut c = TestClient::new(Box::new(svc));
    // Anonymous → sign in, and back.
    let res = c.get("/en/staff-only").await;
    assert_eq!(res.status, 303);
    assert_eq!(
        res.location().as_deref(),
        Some("/en/sign-in?return_to=%2Fen%2Fstaff-only")
    );
    for (email, staff, merchant) in [
        ("buyer@example.com", 403, 403),
        ("shop@example.com", 403, 200),
        ("staff@example.com", 200, 403),
    ] {
        c.cookies.clear();
        assert_eq!(
            sign_in(&mut c, "en", email, PW, "").await.status,
            303,
            "{email}"
        );
        assert_eq!(
            c.get("/en/staff-only").await.status.as_u16(),
            staff,
            "{email}"
        );
        assert_eq!(
            c.get("/en/merchant-only").await.status.as_u16(),
            merchant,
            "{email}"
        );
    }
}

#[actix_web::test]
async fn cookies_are_httponly_samesite_and_secure_over_https() {
    let db = TestDb::new();
    let mut config = db.config();
    config.https = true;
    let mut app = TestApp::with_config(db, config).await;
    let res = app.client.get("/en/sign-in").await;
    let cookie = res
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("caravan_session="))
        .expect("session cookie")
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert!(res.header("strict-transport-security").is_some());
}

#[actix_web::test]
async fn redis_session_store_revokes_server_side() {
    let Ok(url) = std::env::var("CARAVAN_TEST_REDIS") else {
        eprintln!("CARAVAN_TEST_REDIS not set: Redis session test not run here (CI sets it)");
        return;
    };
    let db = TestDb::new();
    let mut config = db.config();
    config.sessions = caravan::config::SessionStoreKind::Redis(url);
    let mut app = TestApp::with_config(db, config).await;
    sign_up(&mut app.client, "en", "redis@example.com", "R", PW).await;
    let key = app
        .client
        .cookies
        .get("caravan_session")
        .cloned()
        .expect("session");
    assert_eq!(app.client.get("/en/account").await.status, 200);
    sign_out(&mut app.client, "en").await;
    app.client.cookies.insert("caravan_session".into(), key);
    assert_eq!(app.client.get("/en/account").await.status, 303);
}
