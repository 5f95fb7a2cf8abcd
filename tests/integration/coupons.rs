//! Coupon codes: staff make `BF5` (−€5 over €50, Germany, Spain and Italy, once per account); a shopper in Germany
//! uses it and a shopper in Russia cannot; clear messages for every refusal; a shop's own code; a batch exported
//! as CSV; and 20 buyers racing for a code limited to 5 uses get exactly 5.

use caravan::db::schema::{coupons, order_coupons, orders};
use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use caravan::money::{Currency, Money};
use diesel::prelude::*;
use time::macros::datetime;

use crate::audience::ship_to;
use crate::support::builders::{self, Fixture, P};
use crate::support::TestApp;

async fn staff_bf5(app: &mut TestApp) {
    app.sign_in_as("marketing@example.com", Role::Staff).await;
    let page = app.client.get("/en/staff/coupons").await;
    assert_eq!(page.status, 200);
    let csrf = page.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form(
            "/en/staff/coupons",
            &[
                ("csrf", &csrf),
                ("code", "bf5"),
                ("count", "1"),
                ("kind", "amount"),
                ("value", "5.00"),
                ("currency", "EUR"),
                ("min_spend", "50"),
                ("starts", "2026-11-27T00:00"),
                ("ends", "2026-12-01T00:00"),
                ("max_uses", ""),
                ("per_account", "1"),
                ("market", "DE"),
                ("market", "ES"),
                ("market", "IT"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.client.cookies.clear();
}

async fn enter(app: &mut TestApp, code: &str) -> crate::support::client::Page {
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form("/en/cart/coupon", &[("csrf", &csrf), ("code", code)])
        .await;
    assert_eq!(res.status, 303);
    app.client.get("/en/cart").await
}

fn setup(app: &TestApp) -> (Fixture, i64) {
    let f = builders::standard(&mut app.db.conn());
    crate::audience::early_rates(app);
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 5));
    builders::ship(&mut app.db.conn(), f.tr_shop, "*", 15_000, (3, 9));
    let pen = builders::product(
        &mut app.db.conn(),
        P {
            merchant: f.it_shop,
            category: f.bags,
            origin: CountryCode::IT,
            price: Money::new(1_200, Currency::Eur),
            stock: 50,
            lang: Locale::It,
            texts: vec![(Locale::En, "Leather pen case", "Small.")],
            age_minutes: 40,
        },
    );
    (f, pen)
}

#[actix_web::test]
async fn a_shopper_in_germany_uses_bf5_and_a_shopper_in_russia_cannot() {
    let mut app = TestApp::new().await;
    let (f, pen) = setup(&app);
    app.clock.set(datetime!(2026-11-20 10:00));
    staff_bf5(&mut app).await;
    // Before the start.
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    crate::orders::add(&mut app, "en", f.it_bag, "1").await;
    enter(&mut app, " bf5 ")
        .await
        .assert_contains("This code is not valid yet.");
    app.clock.set(datetime!(2026-11-27 09:00));
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Code BF5");
    cart.assert_contains("−€5.00");
    // The Italian shop's 189.00 and 10.00 shipping include Italy's 22% VAT: with Germany's 19% they are 184.35
    // and 9.75; less 5.00, 189.10, of which 30.19 VAT (the code lowers the VAT too).
    cart.assert_contains("€189.10");
    cart.assert_contains("incl. 19% VAT");
    cart.assert_contains("€30.19");
    let res = crate::orders::address(&mut app, "en", "DE", "10115").await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.client
        .get("/en/checkout/review")
        .await
        .assert_contains("−€5.00");
    let (res, _) = crate::orders::place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (order, total): (i64, i64) = orders::table
        .select((orders::id, orders::total_minor))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(total, 18_910);
    let kept: (i64, i64, i64) = order_coupons::table
        .filter(order_coupons::order_id.eq(order))
        .select((
            order_coupons::discount_minor,
            order_coupons::merchant_discount_minor,
            order_coupons::platform_minor,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(kept, (500, 500, 500));
    // The shop is owed the full price: the marketplace pays the code.
    let owed = caravan::orders::card::shop_amounts(&mut app.db.conn(), &[order]).unwrap();
    // The Italian shop declares Germany's VAT itself (OSS): none of it goes to the marketplace.
    assert_eq!((owed[0].goods, owed[0].platform_discount), (17_935, 500));
    assert_eq!(owed[0].platform_vat, 0);
    // Once per account.
    crate::orders::add(&mut app, "en", f.it_bag, "1").await;
    enter(&mut app, "BF5")
        .await
        .assert_contains("You have already used this code.");
    // Cancelling the order gives the use back: the code applies again.
    let number: String = orders::table
        .find(order)
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/orders/{number}/cancel"),
            &[("csrf", &csrf), ("reason", "changed my mind")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let used: i32 = coupons::table
        .select(coupons::used)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(used, 0);
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Code BF5");
    assert!(!cart.body.contains("f-coupon-error"), "{}", cart.body);
    // Below the minimum, for another German shopper.
    app.client.cookies.clear();
    app.sign_in_as("greta@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    crate::orders::add(&mut app, "en", pen, "2").await;
    let cart = enter(&mut app, "BF5").await;
    cart.assert_contains("This code applies to orders of €50.00 or more.");
    // 2 × 12.00 and 10.00 shipping with Italy's VAT: 2 × 11.70 and 9.75 with Germany's.
    cart.assert_contains("€33.15");
    // A shopper in Russia, paying in roubles.
    app.client.cookies.clear();
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    ship_to(&mut app, "en", "RU", "RUB").await;
    crate::orders::add(&mut app, "en", f.it_bag, "1").await;
    enter(&mut app, "BF5")
        .await
        .assert_contains("This code is not available in your region.");
    enter(&mut app, "NOPE")
        .await
        .assert_contains("This code does not exist.");
    // After the end.
    app.clock.set(datetime!(2026-12-01 00:00));
    ship_to(&mut app, "en", "ES", "EUR").await;
    enter(&mut app, "BF5")
        .await
        .assert_contains("This code has expired.");
}

#[actix_web::test]
async fn a_shops_own_code_applies_to_its_products_and_batches_export_as_csv() {
    let mut app = TestApp::new().await;
    let (f, _) = setup(&app);
    app.clock.set(datetime!(2026-11-20 10:00));
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let page = app.client.get("/en/merchant/coupons").await;
    assert_eq!(page.status, 200);
    // A shop's codes are in its own currency: no currency choice.
    assert!(page.input_value("currency").is_none());
    let csrf = page.input_value("csrf").unwrap();
    let form = |code: &'static str, count: &'static str, value: &'static str| {
        vec![
            ("code", code),
            ("count", count),
            ("kind", "percent"),
            ("value", value),
            ("starts", "2026-11-20T00:00"),
            ("ends", "2026-12-20T00:00"),
            ("per_account", ""),
        ]
    };
    // Bad input: the form comes back with the values and a message per field.
    let mut bad = form("BOTTEGA10", "1", "95");
    bad.push(("csrf", &csrf));
    let res = app.client.post_form("/en/merchant/coupons", &bad).await;
    assert_eq!(res.status, 422);
    res.assert_contains("id=\"f-value-error\"");
    assert_eq!(res.input_value("code").as_deref(), Some("BOTTEGA10"));
    let mut ok = form("BOTTEGA10", "1", "10");
    ok.push(("csrf", &csrf));
    assert_eq!(
        app.client
            .post_form("/en/merchant/coupons", &ok)
            .await
            .status,
        303
    );
    // The same code again is refused.
    let res = app.client.post_form("/en/merchant/coupons", &ok).await;
    assert_eq!(res.status, 422);
    res.assert_contains("This code is already in use.");
    let mut batch = form("VIP", "3", "15");
    batch.push(("csrf", &csrf));
    assert_eq!(
        app.client
            .post_form("/en/merchant/coupons", &batch)
            .await
            .status,
        303
    );
    let label: String = coupons::table
        .filter(coupons::batch.ne(""))
        .select(coupons::batch)
        .first(&mut app.db.conn())
        .unwrap();
    let csv = app
        .client
        .get(&format!("/en/merchant/coupons/batch/{label}.csv"))
        .await;
    assert_eq!(csv.status, 200);
    let rows: Vec<&str> = csv.body.lines().collect();
    assert_eq!(rows.len(), 4, "{}", csv.body);
    assert!(rows[1].starts_with("VIP-"));
    // Another shop cannot switch these codes off or download them.
    let id: i64 = coupons::table
        .filter(coupons::code.eq("BOTTEGA10"))
        .select(coupons::id)
        .first(&mut app.db.conn())
        .unwrap();
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@istanbul.tr", f.tr_shop).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/coupons/{id}/active"),
            &[("csrf", &csrf), ("active", "0")],
        )
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(
        app.client
            .get(&format!("/en/merchant/coupons/batch/{label}.csv"))
            .await
            .status,
        404
    );
    // A shopper with only Turkish goods: the Italian shop's code does not apply; with the bag, 10 % off it.
    app.client.cookies.clear();
    app.sign_in_as("pat@example.com", Role::Shopper).await;
    crate::orders::add(&mut app, "en", f.tr_bag, "1").await;
    enter(&mut app, "bottega10")
        .await
        .assert_contains("This code is for another shop&#39;s products.");
    crate::orders::add(&mut app, "en", f.it_bag, "1").await;
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Code BOTTEGA10");
    assert!(!cart.body.contains("field-error"), "{}", cart.body);
}

/// 20 buyers place at the same moment with a code limited to 5 uses: exactly 5 orders use it, the others are
/// told it is used up and place nothing.
#[actix_web::test]
async fn twenty_buyers_race_for_a_code_limited_to_five_uses() {
    use caravan::orders::cart::{self, CartKey};
    use caravan::orders::model::{Address, PaymentMethod};
    use caravan::orders::place::{self, PlaceInput, Placed};
    let app = TestApp::new().await;
    let (f, pen) = setup(&app);
    let now = caravan::clock::system_now();
    let variant = builders::variant_of(&mut app.db.conn(), pen);
    let staff = builders::shopper(&mut app.db.conn(), "ops@example.com", "en");
    let terms = caravan::coupons::repo::NewCoupon {
        merchant_id: None,
        kind: "percent",
        percent: 10,
        amount_minor: 0,
        currency: "EUR".into(),
        min_spend_minor: 0,
        markets: String::new(),
        starts_at: now - time::Duration::days(1),
        ends_at: now + time::Duration::days(1),
        max_uses: Some(5),
        per_account: Some(1),
        batch: String::new(),
    };
    caravan::coupons::repo::insert(&mut app.db.conn(), &["RACE5".into()], &terms, staff, now)
        .unwrap();
    let mut inputs = Vec::new();
    {
        let mut c = app.db.conn();
        for i in 0..20 {
            let uid = builders::shopper(&mut c, &format!("racer{i}@example.com"), "en");
            let cart_id = cart::find_or_create(&mut c, &CartKey::User(uid), now).unwrap();
            cart::set_quantity(&mut c, cart_id, variant, 1, now).unwrap();
            cart::set_coupon(&mut c, cart_id, "RACE5").unwrap();
            inputs.push(PlaceInput {
                user_id: uid,
                cart_id,
                token: format!("race-{i}"),
                address: Address {
                    user_id: uid,
                    full_name: "Racer".into(),
                    line1: "Via Roma 1".into(),
                    line2: String::new(),
                    city: "Firenze".into(),
                    postal_code: "50122".into(),
                    country: "IT".into(),
                    phone: "+39 055 123 4567".into(),
                    updated_at: now,
                },
                payment: PaymentMethod::BankTransfer,
                card_offered: false,
                currency: Currency::Eur,
                locale: Locale::En,
                tr: caravan::i18n::Translator::new(app.i18n.clone(), Locale::En),
            });
        }
    }
    let pool = caravan::db::build_pool(&app.db.url, 16).unwrap();
    let rates = builders::rates();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(inputs.len()));
    let handles: Vec<_> = inputs
        .into_iter()
        .map(|input| {
            let (pool, rates, barrier) = (pool.clone(), rates.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let mut c = pool.get().unwrap();
                place::place(&mut c, &input, &rates, None, now).unwrap()
            })
        })
        .collect();
    let results: Vec<Placed> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let created = results
        .iter()
        .filter(|r| matches!(r, Placed::Created(_)))
        .count();
    let used_up = results
        .iter()
        .filter(|r| matches!(r, Placed::Coupon(caravan::coupons::model::Refusal::UsedUp)))
        .count();
    assert_eq!((created, used_up), (5, 15), "{results:?}");
    let used: i32 = coupons::table
        .select(coupons::used)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(used, 5);
    let with_code: i64 = order_coupons::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(with_code, 5);
    let placed: i64 = orders::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(placed, 5);
    let _ = f;
}

#[actix_web::test]
async fn guessing_codes_is_cut_off_after_twenty_tries_and_removing_a_code_always_works() {
    let mut app = TestApp::new().await;
    let (f, _) = setup(&app);
    app.clock.set(datetime!(2026-11-27 10:00));
    staff_bf5(&mut app).await;
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    crate::orders::add(&mut app, "en", f.it_bag, "1").await;
    for i in 0..20 {
        enter(&mut app, &format!("GUESS{i}"))
            .await
            .assert_contains("This code does not exist");
    }
    // The 21st try, even with the right code, is refused without being entered.
    let page = enter(&mut app, "BF5").await;
    page.assert_contains("Too many codes tried from this connection");
    page.assert_not_contains("−€5.00");
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form("/en/cart/coupon", &[("csrf", &csrf), ("remove", "1")])
        .await;
    assert_eq!(res.status, 303);
    app.client
        .get("/en/cart")
        .await
        .assert_not_contains("Too many codes");
    // Ten minutes later the client may try again.
    app.clock.set(datetime!(2026-11-27 10:11));
    let page = enter(&mut app, "BF5").await;
    page.assert_not_contains("Too many codes");
    page.assert_contains("−€5.00");
}
