//! Campaigns open to merchants: a shop joins Black Friday with two of its products at 25 % (the campaign asks
//! for at least 20 %), cannot add another shop's product or go below the minimum, may leave only before the
//! start; shoppers in the campaign's markets see the shop's discount, and each order line records who gives up
//! what (the marketplace pays its share of the campaign's own percent, the shop the rest).

use caravan::db::schema::order_lines;
use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use caravan::money::{Currency, Money};
use caravan::promos::repo::{Funding, Reach};
use diesel::prelude::*;
use time::macros::datetime;

use crate::audience::{campaign, ship_to};
use crate::support::builders::{self, P};
use crate::support::TestApp;

#[actix_web::test]
async fn a_shop_joins_black_friday_with_two_products_at_25_percent() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    crate::audience::early_rates(&app);
    let wallet = builders::product(
        &mut app.db.conn(),
        P {
            merchant: f.it_shop,
            category: f.bags,
            origin: CountryCode::IT,
            price: Money::new(5_000, Currency::Eur),
            stock: 10,
            lang: Locale::It,
            texts: vec![
                (Locale::It, "Portafoglio in pelle", "Pelle fiorentina."),
                (Locale::En, "Leather wallet", "Florentine leather."),
            ],
            age_minutes: 30,
        },
    );
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 5));
    // Open to shops at 20 % or more; the marketplace pays half of those 20 points.
    let start = datetime!(2026-11-26 23:00);
    let id = campaign(
        &app,
        "Black Friday",
        "black-friday",
        20,
        (start, start + time::Duration::days(4), "Europe/Berlin"),
        Reach {
            markets: vec![CountryCode::parse("DE").unwrap()],
            open_to_merchants: true,
            ..Reach::default()
        },
        vec![],
        Funding::Split(50),
    );
    app.clock.set(datetime!(2026-11-20 10:00));
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let list = app.client.get("/en/merchant/promos").await;
    assert_eq!(list.status, 200);
    list.assert_contains("Campaigns you can join");
    list.assert_contains("At least −20%");
    let url = format!("/en/merchant/promos/{id}");
    // The search finds the shop's products by title in any language.
    let page = app.client.get(&format!("{url}?q=portafoglio")).await;
    assert_eq!(page.status, 200);
    page.assert_contains("Leather wallet");
    page.assert_not_contains("Florentine leather bag");
    let csrf = page.input_value("csrf").unwrap();
    let (bag, wal, other) = (
        f.it_bag.to_string(),
        wallet.to_string(),
        f.tr_bag.to_string(),
    );
    // Below the minimum: refused with the message on the field, the choice kept.
    let res = app
        .client
        .post_form(
            &format!("{url}/join"),
            &[("csrf", &csrf), ("product", &bag), ("percent", "15")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("id=\"f-percent-error\"");
    res.assert_contains(&format!("value=\"{bag}\" checked"));
    // Another shop's product alone: nothing joins.
    let res = app
        .client
        .post_form(
            &format!("{url}/join"),
            &[("csrf", &csrf), ("product", &other), ("percent", "25")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Choose at least one of your products");
    let res = app
        .client
        .post_form(
            &format!("{url}/join"),
            &[
                ("csrf", &csrf),
                ("product", &bag),
                ("product", &wal),
                ("product", &other),
                ("percent", "25"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let joined: Vec<(i64, i64, i32)> = caravan::db::schema::promo_participants::table
        .select((
            caravan::db::schema::promo_participants::product_id,
            caravan::db::schema::promo_participants::merchant_id,
            caravan::db::schema::promo_participants::discount_percent,
        ))
        .order(caravan::db::schema::promo_participants::product_id)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        joined,
        vec![(f.it_bag, f.it_shop, 25), (wallet, f.it_shop, 25)]
    );
    app.client
        .get(&url)
        .await
        .assert_contains("Leave the campaign");
    // Shoppers in Germany see −25 % from the start; shoppers in Spain do not.
    app.client.cookies.clear();
    app.clock.set(start);
    ship_to(&mut app, "en", "DE", "EUR").await;
    let bag_url = format!("/en/p/{}-florentine-leather-bag", f.it_bag);
    let page = app.client.get(&bag_url).await;
    // 189.00 EUR − 25 % = 141.75 EUR with Italy's 22% VAT; with Germany's 19%, 138.26 EUR.
    page.assert_contains("€138.26");
    page.assert_contains("−25% · Black Friday");
    // The campaign's page lists what shops joined with.
    let promo_page = app.client.get("/en/promo/black-friday").await;
    assert_eq!(promo_page.status, 200);
    promo_page.assert_contains("Leather wallet");
    ship_to(&mut app, "en", "ES", "EUR").await;
    app.client
        .get(&bag_url)
        .await
        .assert_not_contains("€138.26");
    // A German shopper buys the bag: the line keeps who pays what.
    ship_to(&mut app, "en", "DE", "EUR").await;
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    crate::orders::add(&mut app, "en", f.it_bag, "1").await;
    let res = crate::orders::address(&mut app, "en", "DE", "10115").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = crate::orders::place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let line: (i64, i32, i64, i64) = order_lines::table
        .select((
            order_lines::unit_minor,
            order_lines::discount_percent,
            order_lines::platform_discount_minor,
            order_lines::shop_discount_minor,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    // With Germany's VAT the bag lists at 184.35 and sells at 138.26 EUR: discount 46.09 EUR; the marketplace
    // pays 50 % of the campaign's 20 points = 10/25 of it: 18.44 EUR.
    assert_eq!(line, (13_826, 25, 1_844, 2_765));
    // Once started, the shop cannot leave.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(&format!("{url}/leave"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("you can no longer leave it");
}

#[actix_web::test]
async fn a_shop_leaves_before_the_start_and_cannot_join_a_closed_campaign() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    crate::audience::early_rates(&app);
    let start = datetime!(2026-11-26 23:00);
    let open = campaign(
        &app,
        "Black Friday",
        "black-friday",
        20,
        (start, start + time::Duration::days(4), "UTC"),
        Reach {
            open_to_merchants: true,
            ..Reach::default()
        },
        vec![],
        Funding::Shop,
    );
    let closed = campaign(
        &app,
        "Staff only",
        "staff-only",
        10,
        (start, start + time::Duration::days(4), "UTC"),
        Reach::default(),
        vec![f.tr_bag],
        Funding::Shop,
    );
    app.clock.set(start - time::Duration::days(3));
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let csrf = app.csrf().await;
    let bag = f.it_bag.to_string();
    let join = |id| format!("/en/merchant/promos/{id}/join");
    let res = app
        .client
        .post_form(
            &join(open),
            &[("csrf", &csrf), ("product", &bag), ("percent", "30")],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/promos/{open}/leave"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303);
    let n: i64 = caravan::db::schema::promo_participants::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 0);
    // A campaign not open to shops has no join page and refuses a join.
    assert_eq!(
        app.client
            .get(&format!("/en/merchant/promos/{closed}"))
            .await
            .status,
        404
    );
    let res = app
        .client
        .post_form(
            &join(closed),
            &[("csrf", &csrf), ("product", &bag), ("percent", "30")],
        )
        .await;
    assert_eq!(res.status, 404);
    // Without the token: refused before anything happens.
    let res = app
        .client
        .post_form(&join(open), &[("product", &bag), ("percent", "30")])
        .await;
    assert_eq!(res.status, 403);
}

#[actix_web::test]
async fn eight_joins_of_one_product_at_once_leave_one_row_and_no_error() {
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let now = caravan::clock::system_now();
    let open = campaign(
        &app,
        "Black Friday",
        "black-friday",
        20,
        (
            now + time::Duration::days(2),
            now + time::Duration::days(5),
            "UTC",
        ),
        Reach {
            open_to_merchants: true,
            ..Reach::default()
        },
        vec![],
        caravan::promos::repo::Funding::Shop,
    );
    let owner = builders::shopper(&mut app.db.conn(), "racer@bottega.it", "it");
    let pool = caravan::db::build_pool(&app.db.url, 8).unwrap();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let (pool, barrier, bag, shop) = (pool.clone(), barrier.clone(), f.it_bag, f.it_shop);
            std::thread::spawn(move || {
                barrier.wait();
                let mut c = pool.get().unwrap();
                let pct = (25 + i).to_string();
                caravan::promos::participation::join(&mut c, open, shop, &[bag], &pct, owner, now)
            })
        })
        .collect();
    for h in handles {
        let joined = h.join().unwrap();
        assert!(matches!(joined, Ok(Ok(1))), "{joined:?}");
    }
    let n: i64 = caravan::db::schema::promo_participants::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 1);
}
