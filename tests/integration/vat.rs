//! VAT by destination (issue #27): prices with the destination's VAT where it is collected at checkout (EU
//! IOSS up to €150 for goods from outside the EU, the EU one-stop shop between member states, the UK up to £135),
//! the duties notice above the threshold, the VAT per shop order and rate, the shop's "prices include VAT"
//! setting, and the reports staff and shops read.

use caravan::db::schema::{merchants, order_taxes, orders};
use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use caravan::money::{Currency, Money};
use diesel::prelude::*;

use crate::audience::ship_to;
use crate::orders::{add, address, place};
use crate::support::builders::{self, P};
use crate::support::TestApp;

struct Shop {
    id: i64,
    bag: i64,
    big: i64,
}

/// A Turkish leather workshop selling in euros: a €60 bag and a €160 one.
fn turkish_shop(app: &TestApp, bags: i64) -> Shop {
    let c = &mut app.db.conn();
    let id = builders::merchant(
        c,
        "anadolu-deri",
        "Anadolu Deri",
        CountryCode::TR,
        Currency::Eur,
        Locale::Tr,
    );
    let mut product = |minor, title, age| {
        builders::product(
            c,
            P {
                merchant: id,
                category: bags,
                origin: CountryCode::TR,
                price: Money::new(minor, Currency::Eur),
                stock: 10,
                lang: Locale::Tr,
                texts: vec![(Locale::En, title, "Hand stitched in Gaziantep.")],
                age_minutes: age,
            },
        )
    };
    let bag = product(6_000, "Gaziantep saddle bag", 3);
    let big = product(16_000, "Gaziantep travel bag", 4);
    Shop { id, bag, big }
}

async fn page(app: &mut TestApp, lang: &str, product: i64) -> crate::support::client::Page {
    let mut res = app.client.get(&format!("/{lang}/p/{product}-x")).await;
    if let Some(to) = res.location() {
        res = app.client.get(&to).await;
    }
    assert_eq!(res.status, 200, "{}", res.body);
    res
}

/// The shop's owner says its prices are net, on the shipping page, with rates to Germany, the UK and elsewhere.
async fn sells_net(app: &mut TestApp, shop: &Shop) {
    app.sign_in_as_owner("owner@anadolu.example", shop.id).await;
    let form = app.client.get("/en/merchant/shipping").await;
    form.assert_contains(
        "name=\"include_vat\" value=\"1\" aria-describedby=\"include-vat-hint\" checked",
    );
    let csrf = form.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form(
            "/en/merchant/shipping",
            &[
                ("csrf", &csrf),
                ("handling", "2"),
                ("ship_DE", "1"),
                ("rate_DE", "10.00"),
                ("min_DE", "2"),
                ("max_DE", "4"),
                ("ship_GB", "1"),
                ("rate_GB", "12.00"),
                ("min_GB", "3"),
                ("max_GB", "6"),
                ("ship_other", "1"),
                ("rate_other", "15.00"),
                ("min_other", "5"),
                ("max_other", "12"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let include: bool = merchants::table
        .find(shop.id)
        .select(merchants::prices_include_vat)
        .first(&mut app.db.conn())
        .unwrap();
    assert!(!include, "the unticked box says the prices are net");
    let form = app.client.get("/en/merchant/shipping").await;
    form.assert_not_contains("aria-describedby=\"include-vat-hint\" checked");
    app.client.cookies.clear();
}

#[actix_web::test]
async fn vat_follows_the_destination_and_the_threshold_and_staff_and_shops_report_it() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let shop = turkish_shop(&app, f.bags);
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 4));
    sells_net(&mut app, &shop).await;

    // Germany: the €60 bag comes from outside the EU and is under €150: German VAT is in the price.
    ship_to(&mut app, "en", "DE", "EUR").await;
    let bag = page(&mut app, "en", shop.bag).await;
    bag.assert_contains("<span class=\"price\">€71.40</span>");
    bag.assert_contains("incl. 19% VAT");
    bag.assert_contains("€11.90"); // the shipping, with VAT
                                   // The €160 bag is over the threshold: sold net, with the duties notice, in every language.
    let big = page(&mut app, "en", shop.big).await;
    big.assert_contains("<span class=\"price\">€160.00</span>");
    big.assert_contains("Import VAT and duties may be due on delivery.");
    big.assert_not_contains("incl. 19% VAT");
    for (lang, words) in [
        ("ru", "ввозной НДС и пошлины"),
        ("tr", "Teslimatta ithalat KDV"),
        ("it", "importazione e dazi"),
        ("es", "IVA de importación y aranceles"),
    ] {
        ship_to(&mut app, lang, "DE", "EUR").await;
        page(&mut app, lang, shop.big).await.assert_contains(words);
    }
    // Listings say "incl. VAT" under the price.
    let list = app.client.get("/en/search?q=gaziantep").await;
    list.assert_contains("<span class=\"price-tax\">incl. VAT</span>");

    // A German shopper buys the €60 bag: €71.40 + €11.90 shipping, of which €13.30 VAT, at checkout too.
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    add(&mut app, "en", shop.bag, "1").await;
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("€83.30");
    cart.assert_contains(
        "<dt class=\"vat-line\">incl. 19% VAT</dt><dd class=\"vat-line\">€13.30</dd>",
    );
    cart.assert_not_contains("duties-notice");
    let res = address(&mut app, "en", "DE", "10115").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let review = app.client.get("/en/checkout/review").await;
    review.assert_contains("incl. 19% VAT");
    review.assert_contains("€13.30");
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (order, number, total): (i64, String, i64) = orders::table
        .filter(orders::merchant_id.eq(shop.id))
        .select((orders::id, orders::number, orders::total_minor))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(total, 8_330);
    let kept: Vec<(i32, String, String, String, i64, i64)> = order_taxes::table
        .filter(order_taxes::order_id.eq(order))
        .select((
            order_taxes::rate_bp,
            order_taxes::treatment,
            order_taxes::country,
            order_taxes::remitted_by,
            order_taxes::vat_minor,
            order_taxes::merchant_vat_minor,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        kept,
        vec![(
            1900,
            "collect".into(),
            "DE".into(),
            "platform".into(),
            1_330,
            1_330
        )]
    );
    let owed = caravan::orders::card::shop_amounts(&mut app.db.conn(), &[order]).unwrap();
    assert_eq!(
        owed[0].platform_vat, 1_330,
        "the marketplace remits it (IOSS)"
    );
    app.client
        .get(&format!("/en/orders/{number}"))
        .await
        .assert_contains("€13.30");
    // The €160 bag in the same shopper's cart: no VAT line, the duties notice before paying.
    add(&mut app, "en", shop.big, "1").await;
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("€170.00"); // 160.00 + 10.00 shipping, both net
    cart.assert_contains(
        "Sold without VAT for Germany: import VAT, duties and the carrier&#39;s fees may be due on delivery.",
    );
    cart.assert_not_contains("incl. 19% VAT");

    // A Spanish shopper buying from the Italian shop pays Spanish VAT (the one-stop shop): 189.00 with 22% is
    // 187.45 with 21%; 10.00 shipping is 9.92; 34.25 VAT in 197.37.
    app.client.cookies.clear();
    app.sign_in_as("lola@example.es", Role::Shopper).await;
    ship_to(&mut app, "es", "ES", "EUR").await;
    add(&mut app, "es", f.it_bag, "1").await;
    let cart = app.client.get("/es/cart").await;
    cart.assert_contains("187,45\u{a0}€");
    cart.assert_contains("IVA del 21\u{a0}% incluido");
    cart.assert_contains("34,25\u{a0}€");
    let res = address(&mut app, "es", "ES", "28001").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = place(&mut app, "es", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);

    // A UK shopper sees UK VAT under £135 (€60 net is £51.60): €72.00, £61.92; the €160 bag (£137.60) is not.
    app.client.cookies.clear();
    ship_to(&mut app, "en", "GB", "GBP").await;
    let bag = page(&mut app, "en", shop.bag).await;
    bag.assert_contains("£61.92");
    bag.assert_contains("incl. 20% VAT");
    let big = page(&mut app, "en", shop.big).await;
    big.assert_contains("£137.60");
    big.assert_contains("Import VAT and duties may be due on delivery.");

    // Paid orders count in the VAT report; staff read every destination in euros, as CSV too.
    diesel::update(orders::table)
        .set(orders::status.eq("paid"))
        .execute(&mut app.db.conn())
        .unwrap();
    let today = app.clock.now().date();
    app.sign_in_as("tax@example.com", Role::Staff).await;
    let taxes = app.client.get("/en/staff/taxes").await;
    taxes.assert_contains("/en/staff/taxes/collected");
    let period = format!("from={today}&to={today}");
    let report = app
        .client
        .get(&format!("/en/staff/taxes/collected?{period}"))
        .await;
    assert_eq!(report.status, 200, "{}", report.body);
    report.assert_contains("Germany");
    report.assert_contains("The marketplace (IOSS, deemed supplier)");
    report.assert_contains("€13.30");
    report.assert_contains("The shop (OSS or its own return)");
    report.assert_contains("€34.25");
    // A total per payer: the marketplace's is its IOSS return.
    report.assert_contains("The marketplace (IOSS, deemed supplier): €13.30");
    report.assert_contains("The shop (OSS or its own return): €34.25");
    let csv = app
        .client
        .get(&format!("/en/staff/taxes/collected?{period}&format=csv"))
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert!(
        csv.body
            .contains("DE,collect,platform,19.00,1,EUR,83.30,13.30"),
        "{}",
        csv.body
    );
    assert!(
        csv.body
            .contains("ES,collect,shop,21.00,1,EUR,197.37,34.25"),
        "{}",
        csv.body
    );
    // Another period has none; a period that cannot be read says so and shows this month.
    let empty = app
        .client
        .get("/en/staff/taxes/collected?from=2020-01-01&to=2020-01-31")
        .await;
    empty.assert_contains("No orders with VAT in this period.");
    let bad = app
        .client
        .get("/ru/staff/taxes/collected?from=2026-13-01&to=x")
        .await;
    assert_eq!(bad.status, 200);
    bad.assert_contains("Укажите обе даты");
    bad.assert_contains("Германия");

    // Each shop sees the VAT on its own orders only, and who pays it to the tax authority.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@anadolu.example", shop.id).await;
    let mine = app.client.get(&format!("/en/merchant/vat?{period}")).await;
    assert_eq!(mine.status, 200, "{}", mine.body);
    mine.assert_contains("€13.30");
    mine.assert_not_contains("€34.25");
    let order_page = app
        .client
        .get(&format!("/en/merchant/orders/{number}"))
        .await;
    order_page.assert_contains("incl. 19% VAT");
    order_page.assert_contains(
        "The marketplace pays this order&#39;s VAT to the tax authority of Germany (as deemed supplier)",
    );
}

#[actix_web::test]
async fn food_takes_the_reduced_rate_and_a_parcel_with_both_has_two_vat_lines() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 4));
    let (coffee, food) = {
        let c = &mut app.db.conn();
        let food = caravan::catalogue::write::create_category(
            c,
            "food",
            None,
            9,
            &[(Locale::En, "Food"), (Locale::It, "Alimentari")],
        )
        .unwrap();
        caravan::catalogue::write::set_reduced_vat(c, food, true).unwrap();
        let pantry = caravan::catalogue::write::create_category(
            c,
            "coffee",
            Some(food),
            0,
            &[(Locale::En, "Coffee"), (Locale::It, "Caffè")],
        )
        .unwrap();
        let id = builders::product(
            c,
            P {
                merchant: f.it_shop,
                category: pantry,
                origin: CountryCode::IT,
                price: Money::new(1_100, Currency::Eur),
                stock: 20,
                lang: Locale::It,
                texts: vec![(Locale::En, "Neapolitan espresso beans", "Dark roast.")],
                age_minutes: 7,
            },
        );
        (id, food)
    };
    // €11.00 with Italy's 10% is €10.70 with Germany's 7% (a subcategory of food qualifies).
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    let p = page(&mut app, "en", coffee).await;
    p.assert_contains("<span class=\"price\">€10.70</span>");
    p.assert_contains("incl. 7% VAT");
    add(&mut app, "en", coffee, "1").await;
    add(&mut app, "en", f.it_bag, "1").await;
    // The €10.00 shipping splits by value (9.45 for the bag, 0.55 for the coffee) and bears each one's rate:
    // 9.22 + 0.54. The bag 184.35 with its 9.22 at 19% (30.91 VAT in 193.57); the coffee 10.70 with its 0.54 at
    // 7% (0.74 in 11.24).
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains(
        "<dt class=\"vat-line\">incl. 19% VAT</dt><dd class=\"vat-line\">€30.91</dd>",
    );
    cart.assert_contains(
        "<dt class=\"vat-line\">incl. 7% VAT</dt><dd class=\"vat-line\">€0.74</dd>",
    );
    cart.assert_contains("€204.81");
    // Staff move the category back to the standard rate (audited): the shop's €11.00 then includes Italy's 22%,
    // and the coffee is €10.73 with Germany's 19%.
    app.client.cookies.clear();
    app.sign_in_as("tax@example.com", Role::Staff).await;
    let edit = app
        .client
        .get(&format!("/en/staff/categories/{food}"))
        .await;
    edit.assert_contains("<option value=\"1\" selected>Reduced rate (food, books)</option>");
    let csrf = edit.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form(
            &format!("/en/staff/categories/{food}/vat"),
            &[("csrf", csrf.as_str()), ("reduced_vat", "0")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.client
        .get("/en/staff/audit")
        .await
        .assert_contains("category.vat");
    app.client.cookies.clear();
    ship_to(&mut app, "en", "DE", "EUR").await;
    let p = page(&mut app, "en", coffee).await;
    p.assert_contains("<span class=\"price\">€10.73</span>");
    p.assert_contains("incl. 19% VAT");
}

/// Where card payment is offered, a parcel whose VAT the marketplace collects (IOSS) is paid by card: the
/// marketplace must hold that VAT, which a bank transfer or cash would hand to the shop.
#[actix_web::test]
async fn a_parcel_whose_vat_the_marketplace_collects_is_paid_by_card() {
    let db = crate::support::TestDb::new();
    let mut config = db.config();
    config.stripe = Some(crate::payments::settings("http://127.0.0.1:9"));
    let mut app = TestApp::with_config(db, config).await;
    let f = builders::standard(&mut app.db.conn());
    let shop = turkish_shop(&app, f.bags);
    builders::ship(&mut app.db.conn(), shop.id, "*", 1_000, (2, 4));
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 4));
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    add(&mut app, "en", shop.bag, "1").await;
    assert_eq!(address(&mut app, "en", "DE", "10115").await.status, 303);
    let review = app.client.get("/en/checkout/review").await;
    review.assert_contains("name=\"payment\" value=\"card\"");
    review.assert_not_contains("value=\"bank_transfer\"");
    review.assert_contains("is paid by card");
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 409, "{}", res.body);
    res.assert_contains("is paid by card");
    assert_eq!(
        orders::table
            .count()
            .get_result::<i64>(&mut app.db.conn())
            .unwrap(),
        0
    );
    // An Italian shop's parcel (the shop declares the VAT itself) may still be paid by transfer.
    let csrf = app.csrf().await;
    app.client
        .post_form(
            "/en/cart/update",
            &[
                ("csrf", csrf.as_str()),
                ("product_id", &shop.bag.to_string()),
                ("quantity", "0"),
            ],
        )
        .await;
    add(&mut app, "en", f.it_bag, "1").await;
    let review = app.client.get("/en/checkout/review").await;
    review.assert_contains("value=\"bank_transfer\"");
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
}

/// Every destination, not fifteen: a shopper in Chile picks it from the CLDR list in Spanish, gets dollars by
/// default, a shop's "everywhere else" rate and the duties notice (Chile collects nothing at checkout).
#[actix_web::test]
async fn a_shopper_in_chile_sees_the_rest_of_world_rate_and_the_duties_notice() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 2_500, (6, 12));
    app.sign_in_as("sofia@example.cl", Role::Shopper).await;
    let page = app.client.get("/es/market").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("<option value=\"CL\">Chile</option>");
    page.assert_contains("<option value=\"NZ\">Nueva Zelanda</option>");
    // In Spanish alphabetical order (ICU4X collation).
    let at = |name: &str| page.body.find(name).unwrap_or(usize::MAX);
    assert!(at(">Chile<") < at(">China<") && at(">India<") < at(">Islandia<"));
    ship_to(&mut app, "es", "CL", "").await;
    let home = app.client.get("/es/").await;
    home.assert_contains("Chile · USD");
    // €189.00 net of Italy's VAT (154.92) at 1.16: $179.71; shipping €25.00 net (20.49): $23.77.
    let bag = page_of(&mut app, "es", f.it_bag).await;
    bag.assert_contains("179,71\u{a0}US$");
    bag.assert_contains("Envío a Chile: 23,77\u{a0}US$");
    bag.assert_contains("Al recibirlo pueden cobrarse IVA de importación y aranceles.");
    add(&mut app, "es", f.it_bag, "1").await;
    let cart = app.client.get("/es/cart").await;
    cart.assert_contains("Se vende sin el IVA de Chile");
    let res = address(&mut app, "es", "CL", "8320000").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = place(&mut app, "es", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let kept: (String, String, i64) = order_taxes::table
        .select((
            order_taxes::country,
            order_taxes::treatment,
            order_taxes::vat_minor,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(kept, ("CL".into(), "duties".into(), 0));
}

async fn page_of(app: &mut TestApp, lang: &str, product: i64) -> crate::support::client::Page {
    page(app, lang, product).await
}
