//! VAT by destination as staff keep it: the seeded rules with CLDR country names, a change with history and audit,
//! refusals that keep what was typed, and no one but staff.

use caravan::db::schema::audit_log;
use caravan::geo::CountryCode;
use caravan::tax::repo;
use diesel::prelude::*;

use crate::support::TestApp;

#[actix_web::test]
async fn staff_keep_each_destinations_vat_with_history() {
    let mut app = TestApp::new().await;
    let now = app.clock.now();
    // Seeded: every EU member state, the UK and the other markets.
    let rules = repo::in_force(&mut app.db.conn(), now).expect("rules");
    let de = rules
        .iter()
        .find(|r| r.country == "DE")
        .and_then(|r| r.rule())
        .expect("DE");
    assert_eq!((de.standard_bp, de.reduced_bp), (1900, Some(700)));
    assert_eq!(rules.iter().filter(|r| r.scheme == "eu").count(), 27);
    let gb = rules
        .iter()
        .find(|r| r.country == "GB")
        .and_then(|r| r.rule())
        .expect("GB");
    assert_eq!(
        gb.threshold.map(|t| (t.minor, t.currency.code())),
        Some((13500, "GBP"))
    );

    app.sign_in_as("boss@example.com", caravan::identity::model::Role::Staff)
        .await;
    let page = app.client.get("/ru/staff/taxes").await;
    assert_eq!(page.status, 200, "{}", page.body);
    // Country names from CLDR in the staff member's language, rates and thresholds formatted for it.
    page.assert_contains("Германия (DE)");
    page.assert_contains("19\u{a0}%");
    page.assert_contains("Великобритания (GB)");
    let csrf = page.input_value("csrf").expect("csrf");

    // Refused with a message per field, what was typed kept.
    let bad = [
        ("csrf", csrf.as_str()),
        ("country", "QQ"),
        ("scheme", "low_value"),
        ("standard", "120"),
        ("reduced", "пять"),
        ("threshold", ""),
        ("currency", "GBP"),
    ];
    let res = app.client.post_form("/ru/staff/taxes", &bad).await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("Введите двухбуквенный код страны ISO, например DE.");
    res.assert_contains("Введите ставку от 0 до 100, например 19 или 5,5.");
    res.assert_contains("Для этой схемы нужен порог больше нуля, например 150.");
    assert_eq!(res.input_value("standard").as_deref(), Some("120"));
    assert_eq!(res.input_value("reduced").as_deref(), Some("пять"));

    // Germany's standard rate changes from now; the old rule stays in the history.
    let good = [
        ("csrf", csrf.as_str()),
        ("country", "de"),
        ("scheme", "eu"),
        ("standard", "19,5"),
        ("reduced", "7"),
        ("threshold", "150"),
        ("currency", "EUR"),
    ];
    let res = app.client.post_form("/ru/staff/taxes", &good).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let later = now + time::Duration::seconds(1);
    let mut c = app.db.conn();
    let rule_at = |c: &mut _, at| {
        repo::in_force(c, at)
            .expect("rules")
            .into_iter()
            .find(|r| r.country == "DE")
            .and_then(|r| r.rule())
            .map(|r| r.standard_bp)
    };
    assert_eq!(rule_at(&mut c, later), Some(1950));
    assert_eq!(
        rule_at(&mut c, now - time::Duration::hours(1)),
        Some(1900),
        "before the change"
    );
    let detail: String = audit_log::table
        .filter(audit_log::action.eq("tax.set"))
        .select(audit_log::detail)
        .first(&mut c)
        .expect("audited");
    assert_eq!(
        detail,
        "eu 1900 / 700 bp ≤ 150.00 EUR → eu 1950 / 700 bp ≤ 150.00 EUR"
    );
    drop(c);
    let page = app.client.get("/en/staff/taxes").await;
    page.assert_contains("Germany (DE)");
    page.assert_contains("19.5%");

    // A rule for a country that had none (Chile: no collection, so no threshold needed).
    let chile = [
        ("csrf", csrf.as_str()),
        ("country", "CL"),
        ("scheme", "none"),
        ("standard", "19"),
        ("reduced", ""),
        ("threshold", ""),
        ("currency", "EUR"),
    ];
    let res = app.client.post_form("/en/staff/taxes", &chile).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let cl = repo::in_force(&mut app.db.conn(), later)
        .expect("rules")
        .into_iter()
        .find(|r| r.country == "CL")
        .and_then(|r| r.rule())
        .expect("CL");
    assert_eq!(
        (cl.country, cl.threshold),
        (CountryCode::parse("CL").expect("CL"), None)
    );
}

#[actix_web::test]
async fn only_staff_see_or_change_vat_rules() {
    let mut app = TestApp::new().await;
    let page = app.client.get("/en/staff/taxes").await;
    assert_eq!(page.status, 303, "a visitor is sent to sign in");
    app.sign_in_as(
        "shopper@example.com",
        caravan::identity::model::Role::Shopper,
    )
    .await;
    let page = app.client.get("/en/staff/taxes").await;
    assert_eq!(page.status, 403);
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/staff/taxes",
            &[
                ("csrf", &csrf),
                ("country", "DE"),
                ("scheme", "none"),
                ("standard", "0"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    let changed: i64 = audit_log::table
        .filter(audit_log::action.eq("tax.set"))
        .count()
        .get_result(&mut app.db.conn())
        .expect("count");
    assert_eq!(changed, 0);
}
