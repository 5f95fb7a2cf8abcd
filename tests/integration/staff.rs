use caravan::identity::model::Role;
use caravan::money::Currency;
use diesel::prelude::*;

use crate::support::builders;
use crate::support::TestApp;

async fn staff_app() -> (TestApp, builders::Fixture) {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as("boss@example.com", Role::Staff).await;
    (app, f)
}

#[actix_web::test]
async fn staff_pages_are_staff_only() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    for p in [
        "/en/staff",
        "/en/staff/categories",
        "/en/staff/rates",
        "/en/staff/audit",
    ] {
        let res = app.client.get(p).await;
        assert_eq!(res.status, 303, "{p}");
        assert!(res
            .location()
            .unwrap_or_default()
            .starts_with("/en/sign-in?return_to="));
    }
    app.sign_in_as("buyer@example.com", Role::Shopper).await;
    for p in [
        "/en/staff",
        "/en/staff/categories",
        "/en/staff/rates",
        "/en/staff/audit",
    ] {
        assert_eq!(app.client.get(p).await.status, 403, "{p}");
    }
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/staff/rates",
            &[("csrf", &csrf), ("currency", "RUB"), ("rate", "1")],
        )
        .await;
    assert_eq!(res.status, 403);
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    for p in [
        "/en/staff",
        "/en/staff/categories",
        "/en/staff/rates",
        "/en/staff/audit",
    ] {
        assert_eq!(app.client.get(p).await.status, 200, "{p}");
    }
}

#[actix_web::test]
async fn categories_create_rename_redirect_move_hide_delete() {
    let (mut app, f) = staff_app().await;
    let csrf = app.csrf().await;
    // Create with two translations: shows at once in the storefront, missing ones flagged.
    let res = app
        .client
        .post_form(
            "/en/staff/categories",
            &[
                ("csrf", &csrf),
                ("parent", ""),
                ("name_en", "Candles"),
                ("name_ru", "Свечи"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.client
        .get("/en/")
        .await
        .assert_contains("href=\"/en/c/candles\"");
    app.client
        .get("/ru/")
        .await
        .assert_contains("href=\"/ru/c/svechi\"");
    app.client
        .get("/en/staff/categories")
        .await
        .assert_contains("Missing translations: tr, it, es");
    // In Russian the row is headed by the Russian name; language codes are upper case whatever the page's
    // casing rules (no Turkish «İT»).
    let ru = app.client.get("/ru/staff/categories").await;
    assert!(ru.body.contains(">Свечи</a>"), "{}", ru.body);
    ru.assert_contains("<span class=\"code\">IT</span>");
    let tr = app.client.get("/tr/staff/categories").await;
    tr.assert_contains("<span class=\"code\">IT</span>");
    assert!(!tr.body.contains("İT"));
    // English is required; a taken slug is refused; input kept.
    let res = app
        .client
        .post_form(
            "/en/staff/categories",
            &[("csrf", &csrf), ("name_en", ""), ("name_it", "Candele")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("value=\"Candele\"");
    // Rename ceramics in English: the old address redirects.
    let edit = format!("/en/staff/categories/{}", f.ceramics);
    let res = app
        .client
        .post_form(
            &edit,
            &[
                ("csrf", &csrf),
                ("name_en", "Pottery"),
                ("name_ru", "Керамика"),
                ("name_tr", "Seramik"),
                ("name_it", "Ceramiche"),
                ("name_es", "Cerámica"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let res = app.client.get("/en/c/ceramics?origin=TR").await;
    assert_eq!(res.status, 301);
    assert_eq!(res.location().as_deref(), Some("/en/c/pottery?origin=TR"));
    assert_eq!(app.client.get("/en/c/pottery").await.status, 200);
    // Slug already used by another category in that language.
    let res = app
        .client
        .post_form(
            &edit,
            &[
                ("csrf", &csrf),
                ("name_en", "Pottery"),
                ("slug_en", "leather-bags"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    // Move pottery under leather goods: breadcrumbs follow.
    let res = app
        .client
        .post_form(
            &format!("{edit}/move"),
            &[("csrf", &csrf), ("target", &f.leather.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = app.client.get("/en/c/pottery").await;
    page.assert_contains("<a href=\"/en/c/leather-goods\">Leather goods</a>");
    // Never under itself or its own child.
    let res = app
        .client
        .post_form(
            &format!("/en/staff/categories/{}/move", f.leather),
            &[("csrf", &csrf), ("target", &f.bags.to_string())],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("cannot be moved under itself");
    // Hide: gone from the storefront; show again.
    let res = app
        .client
        .post_form(
            &format!("{edit}/visibility"),
            &[("csrf", &csrf), ("hidden", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(app.client.get("/en/c/pottery").await.status, 404);
    app.client
        .post_form(
            &format!("{edit}/visibility"),
            &[("csrf", &csrf), ("hidden", "0")],
        )
        .await;
    assert_eq!(app.client.get("/en/c/pottery").await.status, 200);
    // Delete: holds products → asks where to move them.
    let res = app
        .client
        .post_form(
            &format!("{edit}/delete"),
            &[("csrf", &csrf), ("target", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("choose where to move them first");
    let res = app
        .client
        .post_form(
            &format!("{edit}/delete"),
            &[("csrf", &csrf), ("target", &f.bags.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    let moved: i64 = caravan::db::schema::products::table
        .filter(caravan::db::schema::products::category_id.eq(f.bags))
        .count()
        .get_result(&mut app.db.conn())
        .expect("count");
    assert_eq!(moved, 7, "4 bags + 3 former ceramics");
    let res = app.client.get("/en/c/pottery").await;
    assert_eq!(res.status, 301);
    assert_eq!(res.location().as_deref(), Some("/en/c/leather-bags"));
    // Parent with children cannot be deleted.
    let res = app
        .client
        .post_form(
            &format!("/en/staff/categories/{}/delete", f.leather),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 422);
    // Reorder top level: candles (last) moves up before leather goods.
    let candles: i64 = caravan::db::schema::categories::table
        .filter(caravan::db::schema::categories::key.like("candles-%"))
        .select(caravan::db::schema::categories::id)
        .first(&mut app.db.conn())
        .expect("candles");
    app.client
        .post_form(
            &format!("/en/staff/categories/{candles}/reorder"),
            &[("csrf", &csrf), ("direction", "up")],
        )
        .await;
    let home = app.client.get("/en/").await;
    assert!(home.body.find("/en/c/candles") < home.body.find("/en/c/leather-goods"));
    // Every action is in the audit log, with who did it.
    let audit = app.client.get("/en/staff/audit").await;
    for action in [
        "category.create",
        "category.update",
        "category.move",
        "category.hide",
        "category.show",
        "category.delete",
        "category.reorder",
    ] {
        audit.assert_contains(action);
    }
    audit.assert_contains("boss@example.com");
    let filtered = app.client.get("/en/staff/audit?action=category.move").await;
    filtered.assert_contains("<td>category.move #");
    filtered.assert_not_contains("<td>category.create #");
}

#[actix_web::test]
async fn rates_in_each_locale_format_with_sanity_checks_and_history() {
    let (mut app, f) = staff_app().await;
    let csrf = app.csrf().await;
    let current = |app: &TestApp, c: Currency| -> i64 {
        let rows = caravan::staff::rates::current(&mut app.db.conn(), caravan::clock::system_now())
            .expect("rates");
        rows.into_iter()
            .find(|(x, _, _)| *x == c)
            .map(|(_, m, _)| m)
            .expect("rate")
    };
    for (lang, cur, typed, micros) in [
        ("ru", "RUB", "99,1", 99_100_000),
        ("tr", "TRY", "45,9", 45_900_000),
        ("it", "GBP", "0,87", 870_000),
        ("es", "KZT", "1.234,5", 0),
        ("en", "USD", "1.17", 1_170_000),
    ] {
        let res = app
            .client
            .post_form(
                &format!("/{lang}/staff/rates"),
                &[("csrf", &csrf), ("currency", cur), ("rate", typed)],
            )
            .await;
        if micros == 0 {
            // 590 → 1234.5 is more than 20%: confirmation asked, nothing saved yet.
            assert_eq!(res.status, 422, "{lang}");
            res.assert_contains("name=\"confirm\"");
            res.assert_contains(&format!("value=\"{typed}\""));
            let res = app
                .client
                .post_form(
                    &format!("/{lang}/staff/rates"),
                    &[
                        ("csrf", &csrf),
                        ("currency", cur),
                        ("rate", typed),
                        ("confirm", "1"),
                    ],
                )
                .await;
            assert_eq!(res.status, 303);
            assert_eq!(current(&app, Currency::Kzt), 1_234_500_000);
        } else {
            assert_eq!(res.status, 303, "{lang} {}", res.body);
            assert_eq!(
                current(&app, Currency::parse(cur).expect("cur")),
                micros,
                "{lang}"
            );
        }
    }
    // Refused: zero, negative, absurd, not a number, the base currency.
    for (cur, typed) in [
        ("RUB", "0"),
        ("RUB", "-5"),
        ("RUB", "9999999"),
        ("RUB", "abc"),
        ("EUR", "1,1"),
    ] {
        let res = app
            .client
            .post_form(
                "/ru/staff/rates",
                &[
                    ("csrf", &csrf),
                    ("currency", cur),
                    ("rate", typed),
                    ("confirm", "1"),
                ],
            )
            .await;
        assert_eq!(res.status, 422, "{cur} {typed}");
    }
    assert_eq!(current(&app, Currency::Rub), 99_100_000);
    // Base prices follow the rate: 3490.00 RUB at 99.1 = 35.2170 EUR → 3522 minor.
    let base: i64 = caravan::db::schema::products::table
        .find(f.ru_bag)
        .select(caravan::db::schema::products::base_price_minor)
        .first(&mut app.db.conn())
        .expect("base");
    assert_eq!(base, 3522);
    // CSV: a bad line rejects the whole import, with its line number.
    let res = app
        .client
        .post_form(
            "/en/staff/rates/import",
            &[
                ("csrf", &csrf),
                (
                    "csv",
                    "currency,rate,effective_from\nRUB,100,2026-01-01\nXXX,1,2026-01-01",
                ),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Line 3: unknown currency");
    // History: a rate from yesterday is in force now; one from tomorrow is not yet.
    let today = time::OffsetDateTime::now_utc().date();
    let csv = format!(
        "RUB,100,{}\nRUB,105,{}",
        today.previous_day().expect("day"),
        today.next_day().expect("day")
    );
    let res = app
        .client
        .post_form("/en/staff/rates/import", &[("csrf", &csrf), ("csv", &csv)])
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let later = caravan::clock::system_now() + time::Duration::days(3);
    let at = |t| {
        caravan::catalogue::repo::rates_at(&mut app.db.conn(), t)
            .expect("rates")
            .into_iter()
            .find(|r| r.currency == "RUB")
            .map(|r| r.per_base_micros)
    };
    // The hand edit (now) is newer than yesterday's imported rate, so it stays in force today.
    assert_eq!(at(caravan::clock::system_now()), Some(99_100_000));
    assert_eq!(at(later), Some(105_000_000));
    // The product page converts with the rate in force: 154.92 EUR (189 net of Italy's VAT) × 99.1 = 15 352.57 ₽.
    let page = app
        .client
        .get(&format!("/ru/p/{}-kozhanaia-sumka-iz-florentsii", f.it_bag))
        .await;
    page.assert_contains("15\u{a0}352,57\u{a0}₽");
    let audit = app.client.get("/en/staff/audit").await;
    audit.assert_contains("rate.set");
    audit.assert_contains("rate.import");
    audit.assert_contains("98.5 → 99.1");
}

#[actix_web::test]
async fn stale_rates_banner() {
    let (mut app, _) = staff_app().await;
    // The fixture's rates are 10 days old; the default limit is 7 days.
    let page = app.client.get("/en/staff").await;
    page.assert_contains("Exchange rates older than 7 days");
    page.assert_contains("RUB");
    let csrf = app.csrf().await;
    for (cur, rate) in [
        ("RUB", "98.6"),
        ("TRY", "45.3"),
        ("USD", "1.16"),
        ("KZT", "590"),
        ("GBP", "0.86"),
        ("PLN", "4.25"),
    ] {
        let res = app
            .client
            .post_form(
                "/en/staff/rates",
                &[("csrf", &csrf), ("currency", cur), ("rate", rate)],
            )
            .await;
        assert_eq!(res.status, 303, "{cur}");
    }
    app.client
        .get("/en/staff")
        .await
        .assert_not_contains("Exchange rates older than");
}

#[actix_web::test]
async fn zero_result_searches_are_logged_per_language_and_shown() {
    let (mut app, _) = staff_app().await;
    for url in [
        "/tr/search?q=zzqq",
        "/tr/search?q=ZZQQ",
        "/ru/search?q=ничегонет",
        "/en/search?q=leather",
    ] {
        app.client.get(url).await;
    }
    // Filtered searches with no results are not what shoppers are missing.
    app.client
        .get("/en/search?q=leather&origin=ES&price_min=99999")
        .await;
    let n: i64 = caravan::db::schema::search_misses::table
        .count()
        .get_result(&mut app.db.conn())
        .expect("count");
    assert_eq!(n, 3);
    let page = app.client.get("/en/staff").await;
    page.assert_contains("Türkçe");
    page.assert_contains("<td>zzqq</td><td>2</td>");
    page.assert_contains("Русский");
    page.assert_contains("ничегонет");
    page.assert_not_contains("<td>leather</td>");
}
