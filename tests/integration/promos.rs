//! Campaigns: schedule to the second, overlapping discounts, targets, content safety, staff-only preview,
//! localized slugs, and a campaign price flowing into an order.

use caravan::campaigns::model::Targets;
use caravan::db::schema::{order_lines, products};
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use caravan::promos::repo::{self, PromoInput};
use diesel::prelude::*;
use time::macros::datetime;
use time::PrimitiveDateTime;

use crate::support::builders::{self, Fixture};
use crate::support::TestApp;

pub(crate) const START: PrimitiveDateTime = datetime!(2026-11-10 21:00);
const END: PrimitiveDateTime = datetime!(2026-11-12 21:00);

pub(crate) fn promo(
    app: &TestApp,
    name: &str,
    percent: i32,
    targets: Targets,
    texts: &[(Locale, &str, &str)],
    publish: bool,
) -> caravan::ids::PromoId {
    promo_featuring(app, name, percent, targets, Vec::new(), texts, publish)
}

fn promo_featuring(
    app: &TestApp,
    name: &str,
    percent: i32,
    targets: Targets,
    featured: Vec<i64>,
    texts: &[(Locale, &str, &str)],
    publish: bool,
) -> caravan::ids::PromoId {
    let mut c = app.db.conn();
    let id = repo::save(
        &mut c,
        None,
        &PromoInput {
            name: name.into(),
            discount_percent: percent,
            funding: caravan::promos::repo::Funding::Shop,
            reach: caravan::promos::repo::Reach::default(),
            starts_at: START,
            ends_at: END,
            time_zone: "Europe/Istanbul".into(),
            home_position: 0,
            targets,
            featured,
            texts: caravan::i18n::PerLocale::some(texts.iter().map(|(l, slug, title)| {
                let text = caravan::campaigns::model::CampaignText {
                    slug: (*slug).to_string(),
                    title: (*title).to_string(),
                    subtitle: "Subtitle".to_string(),
                    body: "**Big** savings <script>alert('x')</script> [go](javascript:alert(1))"
                        .to_string(),
                    hero_alt: String::new(),
                };
                (*l, text)
            })),
        },
        START - time::Duration::days(5),
    )
    .unwrap();
    if publish {
        repo::set_status(
            &mut c,
            id,
            caravan::campaigns::model::PromoStatus::Published,
            START,
        )
        .unwrap();
    }
    id
}

fn origins(o: &[&str]) -> Targets {
    Targets {
        origins: o.iter().map(|s| (*s).to_string()).collect(),
        ..Targets::default()
    }
}

async fn setup() -> (TestApp, Fixture) {
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    (app, f)
}

async fn bag_page(app: &mut TestApp, f: &Fixture) -> crate::support::client::Page {
    app.client
        .get(&format!("/en/p/{}-florentine-leather-bag", f.it_bag))
        .await
}

#[actix_web::test]
async fn the_price_changes_exactly_at_the_start_and_end_instants() {
    let (mut app, f) = setup().await;
    promo(
        &app,
        "Made in Italy",
        20,
        origins(&["IT"]),
        &[(Locale::En, "made-in-italy", "Made in Italy week")],
        true,
    );
    let second = time::Duration::seconds(1);
    for (at, discounted) in [
        (START - second, false),
        (START, true),
        (END - second, true),
        (END, false),
        (END + second, false),
    ] {
        app.clock.set(at);
        let page = bag_page(&mut app, &f).await;
        assert_eq!(page.status, 200);
        // 189.00 EUR − 20% = 151.20 EUR with Italy's VAT, 123.93 EUR net of it for this market (the US)
        if discounted {
            page.assert_contains("€123.93");
            page.assert_contains("<del class=\"price-old\">");
            page.assert_contains("−20% · Made in Italy week");
        } else {
            page.assert_contains("€154.92");
            page.assert_not_contains("€123.93");
        }
    }
    // Listings and search show the campaign price too.
    app.clock.set(START);
    let search = app.client.get("/en/search?q=florentine").await;
    search.assert_contains("€123.93");
    let listing = app.client.get("/en/c/leather-bags").await;
    listing.assert_contains("€123.93");
}

#[actix_web::test]
async fn overlapping_campaigns_give_the_largest_discount_and_targets_of_each_kind_work() {
    let (mut app, f) = setup().await;
    promo(
        &app,
        "Italy 10",
        10,
        origins(&["IT"]),
        &[(Locale::En, "italy-10", "Italy ten")],
        true,
    );
    promo(
        &app,
        "Bag 30",
        30,
        Targets {
            products: vec![f.it_bag],
            ..Targets::default()
        },
        &[(Locale::En, "bag-30", "Bag thirty")],
        true,
    );
    promo(
        &app,
        "Bag 30 later",
        30,
        Targets {
            products: vec![f.it_bag],
            ..Targets::default()
        },
        &[(Locale::En, "bag-30-b", "Second thirty")],
        true,
    );
    promo(
        &app,
        "Turkish shop",
        15,
        Targets {
            merchants: vec![f.tr_shop],
            ..Targets::default()
        },
        &[(Locale::En, "tr-shop", "Istanbul days")],
        true,
    );
    promo(
        &app,
        "Ceramics",
        25,
        Targets {
            categories: vec![f.ceramics],
            ..Targets::default()
        },
        &[(Locale::En, "ceramics", "Ceramics fair")],
        true,
    );
    // A draft never prices anything.
    promo(
        &app,
        "Draft",
        90,
        origins(&["IT", "TR", "ES", "RU"]),
        &[(Locale::En, "draft", "Draft")],
        false,
    );
    app.clock.set(START + time::Duration::hours(1));
    let page = bag_page(&mut app, &f).await;
    page.assert_contains("€108.44"); // 189 − 30%, net of Italy's VAT
    page.assert_contains("Bag thirty"); // the older of the two 30% campaigns
    page.assert_not_contains("Second thirty");
    // Shop target: 4 800.00 TRY − 15% = 4 080.00 TRY, shown to a Turkish shopper in lira.
    let tr = app
        .client
        .get(&format!("/tr/p/{}-deri-canta-istanbul", f.tr_bag))
        .await;
    let tr = if tr.status == 301 {
        app.client.get(&tr.location().unwrap()).await
    } else {
        tr
    };
    tr.assert_contains("4.080,00");
    // Category target: the Iznik bowl is ceramics (25%) and from the Turkish shop (15%): 25% wins.
    let bowl = app.client.get(&format!("/en/p/{}-x", f.iznik_bowl)).await;
    let bowl = app.client.get(&bowl.location().unwrap()).await;
    bowl.assert_contains("Ceramics fair");
    // Outside every target: the Russian bag keeps its price.
    let ru = app.client.get(&format!("/en/p/{}-x", f.ru_bag)).await;
    let ru = app.client.get(&ru.location().unwrap()).await;
    ru.assert_not_contains("price-old");
}

#[actix_web::test]
async fn promo_pages_have_localized_slugs_hreflang_safe_content_and_a_schedule() {
    let (mut app, f) = setup().await;
    promo(
        &app,
        "11.11",
        20,
        origins(&["IT"]),
        &[
            (Locale::En, "11-11-sale", "11.11 Sale"),
            (Locale::Tr, "11-11-indirimleri", "11.11 İndirimleri"),
        ],
        true,
    );
    app.clock
        .set(START - time::Duration::days(2) - time::Duration::hours(3));
    let teaser = app.client.get("/en/promo/11-11-sale").await;
    assert_eq!(teaser.status, 200, "{}", teaser.body);
    teaser.assert_contains("Starts in 2 days 3 hours");
    teaser.assert_not_contains("€123.93");
    teaser.assert_contains("€154.92");
    // Another language's slug redirects to this language's own; hreflang lists each language's slug.
    let moved = app.client.get("/tr/promo/11-11-sale").await;
    assert_eq!(moved.status, 301);
    assert_eq!(
        moved.location().as_deref(),
        Some("/tr/promo/11-11-indirimleri")
    );
    let tr = app.client.get("/tr/promo/11-11-indirimleri").await;
    tr.assert_contains("hreflang=\"tr\" href=\"http");
    tr.assert_contains("/tr/promo/11-11-indirimleri\"");
    tr.assert_contains("/en/promo/11-11-sale\"");
    // Italian has no text: English is shown, marked as English, under the English slug.
    let it = app.client.get("/it/promo/11-11-sale").await;
    assert_eq!(it.status, 200);
    it.assert_contains("lang=\"en\"");
    // Live: campaign prices, time left, and the Markdown is safe.
    app.clock.set(START + time::Duration::hours(20));
    let live = app.client.get("/en/promo/11-11-sale").await;
    live.assert_contains("Ends in 1 day 4 hours");
    live.assert_contains("€123.93");
    live.assert_contains("<strong>Big</strong>");
    live.assert_not_contains("<script>alert");
    live.assert_not_contains("javascript:");
    // Listed on /promos and on the home page while live.
    app.client
        .get("/en/promos")
        .await
        .assert_contains("11.11 Sale");
    app.client
        .get("/en/")
        .await
        .assert_contains("/en/promo/11-11-sale");
    // Over: an "ended" page.
    app.clock.set(END);
    let ended = app.client.get("/en/promo/11-11-sale").await;
    ended.assert_contains("This campaign is over.");
    app.client
        .get("/en/")
        .await
        .assert_not_contains("/en/promo/11-11-sale");
    let _ = f;
}

#[actix_web::test]
async fn drafts_and_previews_are_for_staff_only() {
    let (mut app, f) = setup().await;
    promo(
        &app,
        "Secret",
        40,
        origins(&["IT"]),
        &[(Locale::En, "secret", "Secret sale")],
        false,
    );
    promo(
        &app,
        "Public",
        20,
        origins(&["IT"]),
        &[(Locale::En, "public", "Public sale")],
        true,
    );
    app.clock.set(START - time::Duration::days(1));
    assert_eq!(app.client.get("/en/promo/secret").await.status, 404);
    // A shopper's `at` is ignored: before the start, no campaign price.
    let res = app
        .client
        .get("/en/promo/public?at=2026-11-11T00:00:00Z")
        .await;
    res.assert_not_contains("€123.93");
    res.assert_not_contains("Preview");
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let preview = app
        .client
        .get("/en/promo/secret?at=2026-11-11T00:00:00Z")
        .await;
    assert_eq!(preview.status, 200);
    preview.assert_contains("Preview: this is how shoppers will see the page");
    preview.assert_contains("€92.95"); // 189 − 40%, net of Italy's VAT
    assert_eq!(preview.header("cache-control").as_deref(), Some("no-store"));
    // The preview priced nothing for anyone else: the product page is still full price.
    app.client.cookies.clear();
    bag_page(&mut app, &f).await.assert_contains("€154.92");
}

/// The "done means" journey through the staff editor: 11.11 in five languages, entered in Istanbul time,
/// previewed in Turkish at 00:00 on 11 November, published; at that instant a shopper buys at the campaign
/// price and the order line keeps it.
#[actix_web::test]
async fn staff_set_up_11_11_and_shoppers_buy_at_the_campaign_price() {
    let (mut app, f) = setup().await;
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 5));
    app.clock.set(datetime!(2026-11-01 09:00));
    app.sign_in_as("marketing@example.com", Role::Staff).await;
    let form = app.client.get("/en/staff/promos/new").await;
    assert_eq!(form.status, 200);
    let csrf = form.input_value("csrf").unwrap();
    let it = f.it_shop.to_string();
    let fields: Vec<(&str, &str)> = vec![
        ("csrf", &csrf),
        ("name", "11.11 2026"),
        ("discount", "20"),
        ("starts", "2026-11-11T00:00"),
        ("ends", "2026-11-12T00:00"),
        ("time_zone", "Europe/Istanbul"),
        ("home_position", "1"),
        ("merchant", &it),
        ("products", ""),
        ("featured", ""),
        ("title_en", "11.11 Singles' Day"),
        (
            "body_en",
            "Twenty percent off **everything** from Bottega Test.",
        ),
        ("title_ru", "Распродажа 11.11"),
        ("title_tr", "11.11 Bekarlar Günü"),
        ("slug_tr", "11-11-bekarlar-gunu"),
        ("title_it", "Saldi 11.11"),
        ("title_es", "Rebajas 11.11"),
    ];
    let res = app.client.post_form("/en/staff/promos/new", &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let edit = res.location().unwrap();
    let id: caravan::ids::PromoId = edit.split('/').nth(4).unwrap().parse().unwrap();
    let p = repo::by_id(&mut app.db.conn(), id).unwrap();
    assert_eq!(
        (p.starts_at, p.ends_at),
        (
            START + time::Duration::hours(0),
            datetime!(2026-11-11 21:00)
        )
    );
    assert_eq!(p.status, caravan::campaigns::model::PromoStatus::Draft);
    // Bad input re-renders with the values and per-field errors.
    let mut bad = fields.clone();
    bad.retain(|(k, _)| !matches!(*k, "discount" | "ends"));
    bad.push(("discount", "95"));
    bad.push(("ends", "2026-11-10T00:00"));
    let res = app.client.post_form("/en/staff/promos/new", &bad).await;
    assert_eq!(res.status, 422);
    res.assert_contains("id=\"f-discount-error\"");
    res.assert_contains("id=\"f-ends-error\"");
    res.assert_contains("11.11 Bekarlar Günü");
    // Preview in Turkish at 00:00 on 11 November (Istanbul) = 21:00 UTC on the 10th.
    let preview = app
        .client
        .get("/tr/promo/11-11-bekarlar-gunu?at=2026-11-10T21:00:00Z")
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("11.11 Bekarlar Günü");
    preview.assert_contains("banner-warning");
    // Publish.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/staff/promos/{id}/status"),
            &[("csrf", &csrf), ("status", "published")],
        )
        .await;
    assert_eq!(res.status, 303);
    app.client
        .get("/en/staff/audit")
        .await
        .assert_contains("promo.published");
    // One second before: full price. At the instant: campaign price, and buying keeps it.
    app.client.cookies.clear();
    app.clock.set(START - time::Duration::seconds(1));
    bag_page(&mut app, &f).await.assert_contains("€154.92");
    app.clock.set(START);
    bag_page(&mut app, &f).await.assert_contains("€123.93");
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    let csrf = app.csrf().await;
    app.client
        .post_form(
            "/en/market",
            &[
                ("csrf", &csrf),
                ("ship_to", "IT"),
                ("currency", "EUR"),
                ("return_to", "/en/"),
            ],
        )
        .await;
    app.client
        .post_form(
            "/en/cart/add",
            &[
                ("csrf", &csrf),
                ("product_id", &f.it_bag.to_string()),
                ("quantity", "1"),
            ],
        )
        .await;
    app.client.get("/en/cart").await.assert_contains("€151.20");
    let res = app
        .client
        .post_form(
            "/en/checkout",
            &[
                ("csrf", &csrf),
                ("full_name", "Anna"),
                ("line1", "Via Roma 1"),
                ("line2", ""),
                ("city", "Firenze"),
                ("postal_code", "50122"),
                ("country", "IT"),
                ("phone", "+39 055 123 4567"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let review = app.client.get("/en/checkout/review").await;
    review.assert_contains("€161.20"); // 151.20 + 10.00 shipping
    let res = app
        .client
        .post_form(
            "/en/checkout/place",
            &[
                ("csrf", &review.input_value("csrf").unwrap()),
                ("token", &review.input_value("token").unwrap()),
                ("payment", "bank_transfer"),
                (
                    "expected_total",
                    &review.input_value("expected_total").unwrap(),
                ),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let line: (i64, i32, Option<i64>) = order_lines::table
        .select((
            order_lines::unit_minor,
            order_lines::discount_percent,
            order_lines::promo_id,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(line, (15_120, 20, Some(id.0)));
    let stock: i32 = products::table
        .find(f.it_bag)
        .select(products::stock)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(stock, 4);
    // The merchant sees the campaign with its price.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let mine = app.client.get("/en/merchant/promos").await;
    mine.assert_contains("11.11 Singles&#39; Day");
    mine.assert_contains("€151.20");
}

#[actix_web::test]
async fn a_featured_product_taken_off_sale_is_not_shown() {
    let (mut app, f) = setup().await;
    promo_featuring(
        &app,
        "Made in Türkiye",
        10,
        origins(&["TR"]),
        vec![f.it_bag, f.tr_bag],
        &[(Locale::En, "made-in-turkiye", "Made in Türkiye")],
        true,
    );
    diesel::update(products::table.find(f.it_bag))
        .set(products::listed.eq(false))
        .execute(&mut app.db.conn())
        .unwrap();
    app.clock.set(START + time::Duration::hours(1));
    let page = app.client.get("/en/promo/made-in-turkiye").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Istanbul leather tote");
    page.assert_not_contains("Florentine leather bag");
}
