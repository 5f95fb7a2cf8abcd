//! Cart, checkout and orders through the HTTP stack, and the last-units race on the real database.

use caravan::db::schema::{cart_lines, carts, notifications, orders, products};
use caravan::identity::model::Role;
use caravan::money::{Currency, Money, Rounding};
use diesel::prelude::*;

use crate::support::builders::{self, Fixture};
use crate::support::client::Page;
use crate::support::TestApp;

/// Shipping: the Italian shop ships everywhere, the Turkish shop to Russia and Turkey, the Spanish shop only
/// within Spain.
fn shipping(app: &TestApp, f: &Fixture) {
    let mut c = app.db.conn();
    for (shop, dest, rate, min, max) in [
        (f.it_shop, "*", 1_250, 3, 6),
        (f.tr_shop, "RU", 15_000, 5, 9),
        (f.tr_shop, "TR", 5_000, 1, 3),
        (f.es_shop, "ES", 490, 1, 2),
    ] {
        builders::ship(&mut c, shop, dest, rate, (min, max));
    }
}

async fn setup() -> (TestApp, Fixture) {
    let app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    shipping(&app, &f);
    (app, f)
}

pub(crate) async fn add(app: &mut TestApp, lang: &str, product: i64, qty: &str) -> Page {
    let csrf = app
        .client
        .get(&format!("/{lang}/cart"))
        .await
        .input_value("csrf")
        .unwrap();
    app.client
        .post_form(
            &format!("/{lang}/cart/add"),
            &[
                ("csrf", &csrf),
                ("product_id", &product.to_string()),
                ("quantity", qty),
                ("return_to", &format!("/{lang}/cart")),
            ],
        )
        .await
}

async fn set_qty(app: &mut TestApp, product: i64, qty: &str) -> Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            "/en/cart/update",
            &[
                ("csrf", &csrf),
                ("product_id", &product.to_string()),
                ("quantity", qty),
            ],
        )
        .await
}

pub(crate) async fn market(app: &mut TestApp, lang: &str, ship_to: &str, currency: &str) {
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/{lang}/market"),
            &[
                ("csrf", &csrf),
                ("ship_to", ship_to),
                ("currency", currency),
                ("return_to", &format!("/{lang}/cart")),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
}

pub(crate) async fn address(app: &mut TestApp, lang: &str, country: &str, postal: &str) -> Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            &format!("/{lang}/checkout"),
            &[
                ("csrf", &csrf),
                ("full_name", "Анна Петрова"),
                ("line1", "ул. Тверская, д. 7, кв. 12"),
                ("line2", ""),
                ("city", "Москва"),
                ("postal_code", postal),
                ("country", country),
                ("phone", "+7 495 123-45-67"),
            ],
        )
        .await
}

/// Reviews and places the checkout; returns the place response and the token used.
pub(crate) async fn place(app: &mut TestApp, lang: &str, payment: &str) -> (Page, String) {
    let review = app.client.get(&format!("/{lang}/checkout/review")).await;
    assert_eq!(review.status, 200, "{}", review.body);
    let token = review.input_value("token").unwrap();
    let total = review.input_value("expected_total").unwrap();
    let csrf = review.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form(
            &format!("/{lang}/checkout/place"),
            &[
                ("csrf", &csrf),
                ("token", &token),
                ("payment", payment),
                ("expected_total", &total),
            ],
        )
        .await;
    (res, token)
}

fn stock(app: &TestApp, id: i64) -> i32 {
    products::table
        .find(id)
        .select(products::stock)
        .first(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn cart_add_change_remove_with_stock_limits() {
    let (mut app, f) = setup().await;
    let res = add(&mut app, "en", f.it_bag, "2").await;
    assert_eq!(res.status, 303);
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Florentine leather bag");
    cart.assert_contains("Cart (2)");
    cart.assert_contains("value=\"2\"");
    // More than the 5 in stock: capped, with a clear message.
    let res = set_qty(&mut app, f.it_bag, "40").await;
    assert_eq!(res.status, 303);
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Not that many are in stock");
    cart.assert_contains("value=\"5\"");
    // Adding more than stock through the add button caps too.
    add(&mut app, "en", f.it_bag, "3").await;
    let n: i32 = cart_lines::table
        .select(cart_lines::quantity)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 5);
    // A sold-out product cannot be added; an unknown one is 404.
    add(&mut app, "en", f.sold_out, "1").await;
    app.client
        .get("/en/cart")
        .await
        .assert_contains("this product has just sold out");
    assert_eq!(add(&mut app, "en", 999_999, "1").await.status, 404);
    // Nonsense quantities are refused.
    assert_eq!(set_qty(&mut app, f.it_bag, "-1").await.status, 400);
    assert_eq!(set_qty(&mut app, f.it_bag, "lots").await.status, 400);
    // Remove.
    set_qty(&mut app, f.it_bag, "0").await;
    app.client
        .get("/en/cart")
        .await
        .assert_contains("Your cart is empty.");
}

#[actix_web::test]
async fn a_guest_cart_merges_into_the_account_at_sign_in() {
    let (mut app, f) = setup().await;
    // The account already has one bag in its cart from an earlier visit.
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    add(&mut app, "en", f.it_bag, "1").await;
    app.client.cookies.clear();
    // As a guest: two more bags and a bowl.
    add(&mut app, "en", f.it_bag, "2").await;
    add(&mut app, "en", f.iznik_bowl, "1").await;
    let guest_carts: i64 = carts::table
        .filter(carts::user_id.is_null())
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(guest_carts, 1);
    let page = app.client.get("/en/sign-in").await;
    let csrf = page.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form(
            "/en/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "anna@example.ru"),
                ("password", crate::support::TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Cart (4)");
    cart.assert_contains("Iznik tile bowl");
    let guest_carts: i64 = carts::table
        .filter(carts::user_id.is_null())
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(guest_carts, 0, "the guest cart is gone");
}

#[actix_web::test]
async fn a_shop_that_does_not_ship_to_the_country_blocks_checkout() {
    let (mut app, f) = setup().await;
    app.sign_in_as("pat@example.com", Role::Shopper).await;
    market(&mut app, "en", "US", "USD").await;
    add(&mut app, "en", f.es_cafe, "1").await;
    add(&mut app, "en", f.it_bag, "1").await;
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("This shop does not ship to United States");
    cart.assert_not_contains("href=\"/en/checkout\"");
    // Going to review anyway shows the problem and offers no button; placing is refused.
    let res = address(&mut app, "en", "US", "94103").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let review = app.client.get("/en/checkout/review").await;
    review.assert_contains("do not ship to this address");
    review.assert_not_contains(">Place order<");
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 409);
    let n: i64 = orders::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 0);
    // Removing the Spanish item unblocks it.
    set_qty(&mut app, f.es_cafe, "0").await;
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
}

#[actix_web::test]
async fn checkout_needs_an_account_and_a_valid_address() {
    let (mut app, f) = setup().await;
    add(&mut app, "en", f.it_bag, "1").await;
    let res = app.client.get("/en/checkout").await;
    assert_eq!(res.status, 303);
    assert!(res
        .location()
        .unwrap()
        .starts_with("/en/sign-in?return_to=%2Fen%2Fcheckout"));
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    let res = address(&mut app, "ru", "RU", "1010").await;
    assert_eq!(res.status, 422);
    res.assert_contains("id=\"f-postal-code-error\"");
    assert_eq!(
        res.input_value("line1").as_deref(),
        Some("ул. Тверская, д. 7, кв. 12")
    );
    let res = address(&mut app, "en", "IT", "101000").await;
    assert_eq!(
        res.status, 422,
        "a Russian postal code is not an Italian one"
    );
    res.assert_contains("5 digits");
}

/// The "done means" journey: a shopper in Russian buys from an Italian and a Turkish shop in one checkout and
/// pays in roubles; each merchant sees only its own order, in its own currency.
#[actix_web::test]
async fn a_russian_shopper_buys_from_two_shops_in_roubles() {
    let (mut app, f) = setup().await;
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    market(&mut app, "ru", "RU", "RUB").await;
    add(&mut app, "ru", f.it_bag, "2").await;
    add(&mut app, "ru", f.tr_bag, "1").await;
    let cart = app.client.get("/ru/cart").await;
    cart.assert_contains("Bottega Test");
    cart.assert_contains("İstanbul Test");
    cart.assert_contains("₽");
    let res = address(&mut app, "ru", "RU", "125009").await;
    assert_eq!(res.status, 303, "{}", res.body);
    // Card is not offered at this checkout: posting it anyway places nothing.
    let (res, _) = place(&mut app, "ru", "card").await;
    assert_eq!(res.status, 409, "{}", res.body);
    res.assert_contains("Выберите способ оплаты.");
    let n: i64 = orders::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 0);
    let (res, token) = place(&mut app, "ru", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let done = app.client.get(&res.location().unwrap()).await;
    assert_eq!(done.status, 200);
    let placed: Vec<(String, i64, String, i64, String, i64, i64)> = orders::table
        .order(orders::merchant_id)
        .select((
            orders::number,
            orders::merchant_id,
            orders::currency,
            orders::total_minor,
            orders::merchant_currency,
            orders::merchant_total_minor,
            orders::shipping_minor,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(placed.len(), 2);
    for (number, ..) in &placed {
        done.assert_contains(number);
    }
    let rates = builders::rates();
    let rub = |m: Money| {
        rates
            .convert(m, Currency::Rub, Rounding::HalfUp)
            .unwrap()
            .minor
    };
    let it = placed.iter().find(|o| o.1 == f.it_shop).unwrap();
    let tr = placed.iter().find(|o| o.1 == f.tr_shop).unwrap();
    assert_eq!((it.2.as_str(), it.4.as_str()), ("RUB", "EUR"));
    // Russia collects no VAT on parcels from abroad: both shops sell net of their home VAT (the buyer may owe
    // duties on delivery). The Italian 189.00 and 12.50 include 22%: 154.92 and 10.25; the Turkish 4 800.00 and
    // 150.00 include 20%: 4 000.00 and 125.00.
    assert_eq!(it.5, 2 * 15_492 + 1_025, "the Italian shop's own figure");
    assert_eq!(
        it.3,
        2 * rub(Money::new(15_492, Currency::Eur)) + rub(Money::new(1_025, Currency::Eur))
    );
    assert_eq!((tr.2.as_str(), tr.4.as_str()), ("RUB", "TRY"));
    assert_eq!(tr.5, 400_000 + 12_500);
    assert_eq!(tr.6, rub(Money::new(12_500, Currency::Try)));
    assert_eq!((stock(&app, f.it_bag), stock(&app, f.tr_bag)), (3, 2));
    let left: i64 = cart_lines::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(left, 0, "the cart is emptied");
    // The shopper's history lists both; each order page shows roubles.
    let history = app.client.get("/ru/orders").await;
    history.assert_contains(&it.0);
    history.assert_contains(&tr.0);
    let page = app.client.get(&format!("/ru/orders/{}", it.0)).await;
    page.assert_contains("₽");
    page.assert_contains("Продаётся без НДС страны назначения (Россия)");
    // Placed at 09:50 UTC: 12:50 for a shopper shipping to Russia, in Russian's CLDR date-time pattern.
    diesel::update(orders::table.filter(orders::number.eq(&it.0)))
        .set(orders::created_at.eq(time::macros::datetime!(2026-12-05 9:50)))
        .execute(&mut app.db.conn())
        .unwrap();
    let page = app.client.get(&format!("/ru/orders/{}", it.0)).await;
    page.assert_contains("5 дек. 2026\u{202f}г., 12:50");
    page.assert_not_contains("UTC");
    app.client
        .get("/ru/orders")
        .await
        .assert_contains("5 дек. 2026\u{202f}г., 12:50");
    // Submitting the same checkout again (double click, retry) creates nothing new, whatever total it carries.
    let csrf = app.csrf().await;
    let again = app
        .client
        .post_form(
            "/ru/checkout/place",
            &[
                ("csrf", &csrf),
                ("token", &token),
                ("payment", "bank_transfer"),
                ("expected_total", "1"),
            ],
        )
        .await;
    assert_eq!(again.status, 303);
    assert!(again.location().unwrap().contains("again=1"));
    let n: i64 = orders::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 2);
    // Each merchant sees only its own order, in its own currency.
    let shopper = app.client.cookies.clone();
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let dash = app.client.get("/en/merchant").await;
    dash.assert_contains(
        "<span class=\"tile-value\">1</span> <span class=\"tile-label\">Orders to handle</span>",
    );
    let list = app.client.get("/en/merchant/orders").await;
    assert_eq!(list.status, 200);
    list.assert_contains(&it.0);
    list.assert_not_contains(&tr.0);
    let page = app
        .client
        .get(&format!("/en/merchant/orders/{}", it.0))
        .await;
    page.assert_contains("€320.09");
    // The shop (in Italy) sees the 09:50 UTC order at its own 10:50, in English's 12-hour pattern.
    page.assert_contains("Dec 5, 2026, 10:50\u{202f}AM");
    assert_eq!(
        app.client
            .get(&format!("/en/merchant/orders/{}", tr.0))
            .await
            .status,
        404
    );
    // Staff read UTC until they choose a zone in their account; then its CLDR name is shown with the time.
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let staff_page = format!("/ru/staff/orders/{}", it.0);
    app.client
        .get(&staff_page)
        .await
        .assert_contains("5 дек. 2026\u{202f}г., 09:50 UTC");
    let csrf = app.csrf().await;
    let profile = |zone: &'static str| {
        [
            ("display_name", "Boss"),
            ("locale", "ru"),
            ("time_zone", zone),
        ]
    };
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend(profile("Mars/Olympus"));
    let bad = app.client.post_form("/ru/account/profile", &form).await;
    assert_eq!(bad.status, 422);
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend(profile("Europe/Moscow"));
    let saved = app.client.post_form("/ru/account/profile", &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    app.client
        .get(&staff_page)
        .await
        .assert_contains("5 дек. 2026\u{202f}г., 12:50 (Москва)");
    app.client
        .get(&format!("/en/staff/orders/{}", it.0))
        .await
        .assert_contains("Dec 5, 2026, 12:50\u{202f}PM (Moscow Time)");
    // Another shopper cannot see the orders either.
    app.client.cookies.clear();
    app.sign_in_as("someone@example.com", Role::Shopper).await;
    assert_eq!(
        app.client.get(&format!("/en/orders/{}", it.0)).await.status,
        404
    );
    app.client.cookies = shopper;
}

pub(crate) async fn merchant_act(app: &mut TestApp, number: &str, form: &[(&str, &str)]) -> Page {
    let csrf = app.csrf().await;
    let mut f: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    f.extend_from_slice(form);
    app.client
        .post_form(&format!("/en/merchant/orders/{number}/status"), &f)
        .await
}

#[actix_web::test]
async fn order_statuses_follow_the_rules_and_cancel_returns_stock() {
    let (mut app, f) = setup().await;
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    app.client.cookies.clear();
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    add(&mut app, "en", f.it_bag, "2").await;
    address(&mut app, "en", "IT", "50122").await;
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303);
    let number: String = orders::table
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(stock(&app, f.it_bag), 3);
    let shopper = app.client.cookies.clone();
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    // Illegal: deliver or ship an unpaid bank-transfer order; ship without tracking.
    let res = merchant_act(&mut app, &number, &[("action", "delivered")]).await;
    assert_eq!(res.status, 409);
    res.assert_contains("not possible for an order with this status");
    let res = merchant_act(
        &mut app,
        &number,
        &[("action", "shipped"), ("tracking", "X1")],
    )
    .await;
    assert_eq!(res.status, 409);
    assert_eq!(
        merchant_act(&mut app, &number, &[("action", "paid")])
            .await
            .status,
        303
    );
    let res = merchant_act(
        &mut app,
        &number,
        &[("action", "shipped"), ("tracking", " ")],
    )
    .await;
    assert_eq!(res.status, 409);
    res.assert_contains("Enter the tracking number");
    assert_eq!(
        merchant_act(
            &mut app,
            &number,
            &[("action", "shipped"), ("tracking", "RR123456785IT")]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        merchant_act(&mut app, &number, &[("action", "bogus")])
            .await
            .status,
        400
    );
    // The shopper cannot cancel a shipped order; sees tracking and the history.
    app.client.cookies = shopper.clone();
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(&format!("/en/orders/{number}/cancel"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status, 409);
    res.assert_contains("already shipped");
    let page = app.client.get(&format!("/en/orders/{number}")).await;
    page.assert_contains("RR123456785IT");
    page.assert_contains("Awaiting payment");
    page.assert_contains("Paid");
    assert_eq!(stock(&app, f.it_bag), 3);
    // Notifications reached the shopper's account.
    let account = app.client.get("/en/account").await;
    account.assert_contains(&format!("Order {number} has shipped."));
    let outbox: i64 = notifications::table
        .filter(notifications::sent_at.is_null())
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        outbox, 5,
        "placed, new, stock low (three bags left), paid, shipped"
    );
    // A second order, cancelled by the shopper while unpaid: stock comes back.
    add(&mut app, "en", f.it_bag, "3").await;
    let (res, _) = place(&mut app, "en", "cash_on_delivery").await;
    assert_eq!(res.status, 303);
    assert_eq!(stock(&app, f.it_bag), 0);
    let second: String = orders::table
        .filter(orders::number.ne(&number))
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/orders/{second}/cancel"),
            &[("csrf", &csrf), ("reason", "Ordered twice by mistake")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(stock(&app, f.it_bag), 3);
    // The merchant cannot act on a cancelled order, and a merchant cancel needs a reason.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let res = merchant_act(&mut app, &second, &[("action", "paid")]).await;
    assert_eq!(res.status, 409);
    res.assert_contains("This order is cancelled.");
    // Staff see every order, read only.
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let list = app.client.get("/en/staff/orders").await;
    list.assert_contains(&number);
    list.assert_contains(&second);
    let page = app.client.get(&format!("/en/staff/orders/{number}")).await;
    assert_eq!(page.status, 200);
    page.assert_not_contains("name=\"action\"");
}

#[actix_web::test]
async fn ordered_products_cannot_be_deleted_only_archived() {
    let (mut app, f) = setup().await;
    app.sign_in_as("anna@example.ru", Role::Shopper).await;
    add(&mut app, "en", f.it_bag, "1").await;
    address(&mut app, "en", "IT", "50122").await;
    assert_eq!(place(&mut app, "en", "bank_transfer").await.0.status, 303);
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/products/{}/delete", f.it_bag),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 409);
    res.assert_contains("Archive it instead");
    assert_eq!(stock(&app, f.it_bag), 4);
}

/// 50 shoppers try to buy the last 3 units at the same moment, each in its own thread and connection:
/// exactly 3 orders, stock 0, never negative.
#[actix_web::test]
async fn fifty_concurrent_checkouts_of_the_last_three_units() {
    use caravan::orders::cart::{self, CartKey};
    use caravan::orders::model::{Address, PaymentMethod};
    use caravan::orders::place::{self, PlaceInput, Placed};
    let (app, f) = setup().await;
    let now = caravan::clock::system_now();
    builders::set_stock(&mut app.db.conn(), f.it_bag, 3);
    let bag_variant = builders::variant_of(&mut app.db.conn(), f.it_bag);
    let mut inputs = Vec::new();
    {
        let mut c = app.db.conn();
        for i in 0..50 {
            let uid: i64 = builders::shopper(&mut c, &format!("racer{i}@example.com"), "en");
            let cart_id = cart::find_or_create(&mut c, &CartKey::User(uid), now).unwrap();
            cart::set_quantity(&mut c, cart_id, bag_variant, 1, now).unwrap();
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
                locale: caravan::i18n::Locale::En,
                tr: caravan::i18n::Translator::new(app.i18n.clone(), caravan::i18n::Locale::En),
            });
        }
    }
    let pool = caravan::db::build_pool(&app.db.url, 16).unwrap();
    let rates = builders::rates();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(inputs.len()));
    let started = std::time::Instant::now();
    let handles: Vec<_> = inputs
        .into_iter()
        .map(|input| {
            let (pool, rates, barrier) = (pool.clone(), rates.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let t = std::time::Instant::now();
                let mut c = pool.get().unwrap();
                let r = place::place(&mut c, &input, &rates, None, now).unwrap();
                (r, t.elapsed())
            })
        })
        .collect();
    let results: Vec<(Placed, std::time::Duration)> =
        handles.into_iter().map(|h| h.join().unwrap()).collect();
    let wall = started.elapsed();
    let created = results
        .iter()
        .filter(|(r, _)| matches!(r, Placed::Created(_)))
        .count();
    let refused = results
        .iter()
        .filter(|(r, _)| matches!(r, Placed::OutOfStock(_)))
        .count();
    let mut lat: Vec<u128> = results.iter().map(|(_, d)| d.as_millis()).collect();
    lat.sort_unstable();
    eprintln!(
        "race on {}: {created} placed, {refused} refused, wall {wall:?}, latency p50 {} ms p95 {} ms max {} ms",
        if app.db.is_pg() { "PostgreSQL" } else { "SQLite" },
        lat[lat.len() / 2],
        lat[lat.len() * 95 / 100],
        lat[lat.len() - 1]
    );
    assert_eq!(created, 3);
    assert_eq!(refused, 47);
    assert_eq!(stock(&app, f.it_bag), 0);
    let n: i64 = orders::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 3);
    let negative: i64 = products::table
        .filter(products::stock.lt(0))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(negative, 0);
}

/// The total the shopper reviewed is part of the confirmation: a form without it places nothing and shows the
/// review again with the current total; with it, the order is placed.
#[actix_web::test]
async fn an_order_is_not_placed_without_the_reviewed_total() {
    let (mut app, f) = setup().await;
    app.sign_in_as("total@example.com", Role::Shopper).await;
    add(&mut app, "en", f.it_bag, "1").await;
    let res = address(&mut app, "en", "IT", "50122").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let review = app.client.get("/en/checkout/review").await;
    let (csrf, token) = (
        review.input_value("csrf").unwrap(),
        review.input_value("token").unwrap(),
    );
    let res = app
        .client
        .post_form(
            "/en/checkout/place",
            &[
                ("csrf", &csrf),
                ("token", &token),
                ("payment", "bank_transfer"),
            ],
        )
        .await;
    assert_eq!(res.status, 409, "{}", res.body);
    res.assert_contains("Check the new total");
    assert!(res.input_value("expected_total").is_some());
    let n: i64 = orders::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 0);
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
}
