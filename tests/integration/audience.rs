//! Campaigns for some markets and languages, on each market's own clock: Black Friday at local midnight in
//! Spain, Italy, Germany and Portugal, 11.11 at midnight Moscow time for Russia, Kazakhstan and Belarus. Each market
//! sees only its campaign, at exactly its instants; the promo page of another market's campaign is a polite 404;
//! the editor shows each market's exact instants.

use caravan::campaigns::model::{PromoStatus, Targets};
use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use caravan::promos::repo::{self, Funding, PromoInput, Reach};
use time::macros::datetime;
use time::PrimitiveDateTime;

use crate::support::builders::{self, Fixture};
use crate::support::TestApp;

/// 00:00 on 27 November in Madrid, Rome and Berlin (UTC+1); Lisbon's midnight is an hour later.
const BF_START: PrimitiveDateTime = datetime!(2026-11-26 23:00);
const BF_END: PrimitiveDateTime = datetime!(2026-11-30 23:00);
/// 00:00 on 11 November in Moscow (UTC+3): 02:00 in Almaty, 00:00 in Minsk.
const ELEVEN: PrimitiveDateTime = datetime!(2026-11-10 21:00);

/// Rates from before the fixed November 2026 instants these tests run at, whenever the suite runs.
pub(crate) fn early_rates(app: &TestApp) {
    for (c, v) in caravan::seed::DEMO_RATES {
        caravan::catalogue::write::set_rate(&mut app.db.conn(), c, v, datetime!(2026-01-01 00:00))
            .unwrap();
    }
}

fn cc(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

/// Saves and publishes a campaign on `products` with the given reach (times typed in `zone`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn campaign(
    app: &TestApp,
    name: &str,
    slug: &str,
    percent: i32,
    (starts_at, ends_at, zone): (PrimitiveDateTime, PrimitiveDateTime, &str),
    reach: Reach,
    products: Vec<i64>,
    funding: Funding,
) -> caravan::ids::PromoId {
    let mut c = app.db.conn();
    let text = caravan::campaigns::model::CampaignText {
        slug: slug.to_string(),
        title: name.to_string(),
        subtitle: String::new(),
        body: String::new(),
        hero_alt: String::new(),
    };
    let id = repo::save(
        &mut c,
        None,
        &PromoInput {
            name: name.into(),
            discount_percent: percent,
            funding,
            reach,
            starts_at,
            ends_at,
            time_zone: zone.into(),
            home_position: 0,
            targets: Targets {
                products,
                ..Targets::default()
            },
            featured: vec![],
            texts: caravan::i18n::PerLocale::some([(Locale::En, text)]),
        },
        datetime!(2026-11-01 00:00),
    )
    .unwrap();
    repo::set_status(
        &mut c,
        id,
        PromoStatus::Published,
        datetime!(2026-11-01 00:00),
    )
    .unwrap();
    id
}

/// Black Friday (30 %, ES/IT/DE/PT at local midnight) and 11.11 (11 %, RU/KZ/BY at Moscow midnight), both on
/// the Italian bag.
pub(crate) fn two_campaigns(app: &TestApp, f: &Fixture) {
    early_rates(app);
    // Typed as 00:00 in Madrid; with local times that wall-clock time holds in every market's zone.
    campaign(
        app,
        "Black Friday",
        "black-friday",
        30,
        (BF_START, BF_END, "Europe/Madrid"),
        Reach {
            markets: vec![cc("ES"), cc("IT"), cc("DE"), cc("PT")],
            local_times: true,
            ..Reach::default()
        },
        vec![f.it_bag],
        Funding::Shop,
    );
    campaign(
        app,
        "11.11",
        "eleven-eleven",
        11,
        (ELEVEN, ELEVEN + time::Duration::days(1), "Europe/Moscow"),
        Reach {
            markets: vec![cc("RU"), cc("KZ"), cc("BY")],
            ..Reach::default()
        },
        vec![f.it_bag],
        Funding::Shop,
    );
}

pub(crate) async fn ship_to(app: &mut TestApp, lang: &str, market: &str, currency: &str) {
    app.client.fetch_site = Some("same-origin");
    let back = format!("/{lang}/");
    let res = app
        .client
        .post_form(
            &format!("/{lang}/market"),
            &[
                ("csrf", ""),
                ("ship_to", market),
                ("currency", currency),
                ("return_to", &back),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
}

async fn badge(app: &mut TestApp, f: &Fixture, lang: &str) -> Option<&'static str> {
    let page = app
        .client
        .get(&format!("/{lang}/p/{}-florentine-leather-bag", f.it_bag))
        .await;
    assert!(page.status == 200 || page.status == 301, "{}", page.status);
    let page = match page.location() {
        Some(to) => app.client.get(&to).await,
        None => page,
    };
    if page.body.contains("−30%") {
        Some("bf")
    } else if page.body.contains("−11%") {
        Some("11.11")
    } else {
        None
    }
}

#[actix_web::test]
async fn each_market_sees_only_its_campaign_at_its_own_local_midnight() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    two_campaigns(&app, &f);
    let second = time::Duration::seconds(1);
    let lisbon_midnight = BF_START + time::Duration::hours(1);
    for (market, currency, lang, at, expected) in [
        ("ES", "EUR", "es", BF_START - second, None),
        ("ES", "EUR", "es", BF_START, Some("bf")),
        ("DE", "EUR", "en", BF_START, Some("bf")),
        ("IT", "EUR", "it", BF_END - second, Some("bf")),
        ("IT", "EUR", "it", BF_END, None),
        ("PT", "EUR", "en", BF_START, None),
        ("PT", "EUR", "en", lisbon_midnight - second, None),
        ("PT", "EUR", "en", lisbon_midnight, Some("bf")),
        ("RU", "RUB", "ru", BF_START, None),
        ("RU", "RUB", "ru", ELEVEN - second, None),
        ("RU", "RUB", "ru", ELEVEN, Some("11.11")),
        ("KZ", "KZT", "ru", ELEVEN, Some("11.11")),
        ("BY", "EUR", "en", ELEVEN, Some("11.11")),
        ("ES", "EUR", "es", ELEVEN, None),
        ("DE", "EUR", "en", ELEVEN, None),
    ] {
        app.clock.set(at);
        ship_to(&mut app, lang, market, currency).await;
        assert_eq!(
            badge(&mut app, &f, lang).await,
            expected,
            "{market} {lang} at {at}"
        );
    }
}

#[actix_web::test]
async fn another_markets_campaign_and_its_page_are_not_shown() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    two_campaigns(&app, &f);
    app.clock.set(BF_START + time::Duration::hours(2));
    ship_to(&mut app, "en", "DE", "EUR").await;
    let page = app.client.get("/en/promo/black-friday").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Black Friday");
    let list = app.client.get("/en/promos").await;
    list.assert_contains("Black Friday");
    // A shopper shipping to Russia: no tile, and the page says politely that it is not for this region.
    ship_to(&mut app, "en", "RU", "RUB").await;
    let list = app.client.get("/en/promos").await;
    list.assert_not_contains("Black Friday");
    let page = app.client.get("/en/promo/black-friday").await;
    assert_eq!(page.status, 404);
    page.assert_contains("not available in your region");
    page.assert_not_contains("€");
    // Russia's own campaign shows its start in Moscow time.
    app.clock.set(ELEVEN - time::Duration::days(2));
    let list = app.client.get("/en/promos").await;
    list.assert_contains("11.11");
    list.assert_contains("Starts in 2 days");
    // A language audience: a campaign for Russian readers only.
    campaign(
        &app,
        "Для своих",
        "dlya-svoikh",
        5,
        (
            ELEVEN - time::Duration::days(3),
            ELEVEN + time::Duration::days(3),
            "UTC",
        ),
        Reach {
            languages: vec![Locale::Ru],
            ..Reach::default()
        },
        vec![f.tr_bag],
        Funding::Shop,
    );
    ship_to(&mut app, "ru", "ES", "EUR").await;
    assert_eq!(app.client.get("/ru/promo/dlya-svoikh").await.status, 200);
    assert_eq!(app.client.get("/es/promo/dlya-svoikh").await.status, 404);
}

#[actix_web::test]
async fn anonymous_pages_in_the_shared_cache_change_at_each_markets_instant() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    two_campaigns(&app, &f);
    let url = format!("/en/p/{}-florentine-leather-bag", f.it_bag);
    // Portugal's page, stored just before Madrid's midnight, is still right at Madrid's midnight and changes
    // at Lisbon's.
    ship_to(&mut app, "en", "PT", "EUR").await;
    app.clock.set(BF_START - time::Duration::seconds(1));
    app.client.get(&url).await.assert_not_contains("−30%");
    app.clock.set(BF_START);
    app.client.get(&url).await.assert_not_contains("−30%");
    ship_to(&mut app, "en", "ES", "EUR").await;
    app.client.get(&url).await.assert_contains("−30%");
    ship_to(&mut app, "en", "PT", "EUR").await;
    app.clock.set(BF_START + time::Duration::hours(1));
    app.client.get(&url).await.assert_contains("−30%");
}

#[actix_web::test]
async fn staff_target_markets_at_local_time_and_see_every_markets_instant() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.clock.set(datetime!(2026-11-01 09:00));
    app.sign_in_as("marketing@example.com", Role::Staff).await;
    let csrf = app
        .client
        .get("/en/staff/promos/new")
        .await
        .input_value("csrf")
        .unwrap();
    let bag = f.it_bag.to_string();
    let fields: Vec<(&str, &str)> = vec![
        ("csrf", &csrf),
        ("name", "Black Friday 2026"),
        ("discount", "25"),
        ("funded_by", "split"),
        ("platform_share", "40"),
        ("starts", "2026-11-27T00:00"),
        ("ends", "2026-12-01T00:00"),
        ("time_zone", "Europe/Madrid"),
        ("market", "ES"),
        ("market", "DE"),
        ("market", "PT"),
        ("flag", "local_times"),
        ("flag", "open_to_merchants"),
        ("products", &bag),
        ("featured", ""),
        ("title_en", "Black Friday"),
    ];
    let res = app.client.post_form("/en/staff/promos/new", &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let edit = res.location().unwrap();
    let id: caravan::ids::PromoId = edit.split('/').nth(4).unwrap().parse().unwrap();
    let p = repo::by_id(&mut app.db.conn(), id).unwrap();
    // The earliest start (Madrid, Berlin) and the latest end (Lisbon) over the markets.
    assert_eq!(p.starts_at, BF_START);
    assert_eq!(p.ends_at, datetime!(2026-12-01 00:00));
    assert_eq!(p.window(cc("PT")).0, datetime!(2026-11-27 00:00));
    assert_eq!((p.funded_by.as_str(), p.platform_share), ("split", 40));
    assert!(p.open_to_merchants);
    let page = app.client.get(&edit).await;
    page.assert_contains("Exact start and end in each market");
    page.assert_contains("Portugal");
    page.assert_contains("Nov 27, 2026, 12:00");
    page.assert_contains("Nov 26, 2026, 11:00");
    assert_eq!(page.input_value("platform_share").as_deref(), Some("40"));
    page.assert_contains("value=\"local_times\" checked");
    // A split without a share is refused with a message on the field, and what was typed stays.
    let mut bad = fields.clone();
    bad.retain(|(k, _)| *k != "platform_share");
    let res = app.client.post_form("/en/staff/promos/new", &bad).await;
    assert_eq!(res.status, 422);
    res.assert_contains("id=\"f-platform-share-error\"");
    res.assert_contains("value=\"ES\" checked");
}

#[actix_web::test]
async fn staff_find_products_by_name_preview_a_market_and_copy_last_years_campaign() {
    use caravan::db::schema::promos;
    use diesel::prelude::*;
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    two_campaigns(&app, &f);
    let id: caravan::ids::PromoId = promos::table
        .filter(promos::name.eq("Black Friday"))
        .select(promos::id)
        .first(&mut app.db.conn())
        .unwrap();
    app.clock.set(datetime!(2026-11-20 10:00));
    app.sign_in_as("marketing@example.com", Role::Staff).await;
    // Find by a Russian title word; tick; add.
    let edit = format!("/en/staff/promos/{id}/edit");
    let page = app
        .client
        .get(&format!("{edit}?find=%D1%81%D1%83%D0%BC%D0%BA%D0%B0"))
        .await;
    assert_eq!(page.status, 200);
    page.assert_contains(&format!("name=\"product\" value=\"{}\"", f.it_bag));
    page.assert_contains(&format!("name=\"product\" value=\"{}\"", f.ru_bag));
    let csrf = page.input_value("csrf").unwrap();
    let ru_bag = f.ru_bag.to_string();
    let res = app
        .client
        .post_form(
            &format!("/en/staff/promos/{id}/add"),
            &[("csrf", &csrf), ("product", &ru_bag)],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(repo::targets(&mut app.db.conn(), id)
        .unwrap()
        .products
        .contains(&f.ru_bag));
    app.client
        .get(&format!("{edit}?find=zzzqqq"))
        .await
        .assert_contains("No product matches.");
    // Preview as a German shopper at 01:00 on Black Friday (typed in the staff member's zone, UTC).
    let res = app
        .client
        .get(&format!(
            "/en/staff/promos/{id}/preview?lang=en&market=DE&at=2026-11-27T01%3A00"
        ))
        .await;
    assert_eq!(res.status, 303);
    let to = res.location().unwrap();
    assert_eq!(
        to,
        "/en/promo/black-friday?at=2026-11-27T01:00:00Z&market=DE"
    );
    let preview = app.client.get(&to).await;
    assert_eq!(preview.status, 200);
    preview.assert_contains("−30%");
    // As a Russian shopper the page is not for them.
    let ru = app
        .client
        .get("/en/promo/black-friday?at=2026-11-27T01:00:00Z&market=RU")
        .await;
    assert_eq!(ru.status, 404);
    // Last year's campaign as this year's: the same local midnight one year later, local times kept.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/staff/promos/{id}/duplicate"),
            &[("csrf", &csrf), ("shift", "year")],
        )
        .await;
    assert_eq!(res.status, 303);
    let copy_id: caravan::ids::PromoId = res
        .location()
        .unwrap()
        .split('/')
        .nth(4)
        .unwrap()
        .parse()
        .unwrap();
    let copy = repo::by_id(&mut app.db.conn(), copy_id).unwrap();
    assert_eq!(copy.starts_local, "2027-11-27T00:00");
    assert!(copy.local_times);
    assert_eq!(
        copy.market_list(),
        vec![cc("ES"), cc("IT"), cc("DE"), cc("PT")]
    );
    assert_eq!(copy.window(cc("ES")).0, datetime!(2027-11-26 23:00));
}
