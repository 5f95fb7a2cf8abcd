//! Customs data and tracking (issue #27): a product's HS code and customs description, the packing slip with the
//! fields of a CN 22 / CN 23 declaration, the carrier chosen when marking an order shipped and the shopper's
//! tracking link.

use caravan::db::schema::{order_shipments, orders, product_customs, products};
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::audience::ship_to;
use crate::orders::{add, address, merchant_act, place};
use crate::support::{builders, TestApp};

fn product_form<'a>(csrf: &'a str, category: &'a str, hs: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("sku", "GZH-BAG-1"),
        ("category", category),
        ("price", "4990,00"),
        ("stock", "5"),
        ("weight", "800"),
        ("status", "active"),
        ("original_lang", "ru"),
        ("title_ru", "Сумка из кожи с росписью"),
        ("description_ru", "Натуральная кожа, ручная роспись."),
        ("slug_ru", ""),
        ("title_en", "Painted leather bag"),
        ("description_en", "Genuine leather, hand painted."),
        ("slug_en", ""),
        ("hs_code", hs),
        ("customs_description", "Leather handbag"),
    ]
}

#[actix_web::test]
async fn a_russian_order_ships_with_the_national_post_with_a_packing_slip_and_a_tracking_link() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.ru_shop, "RU", 35_000, (1, 3));
    app.sign_in_as_owner("owner@gzhel.example", f.ru_shop).await;
    // The HS code is checked (6 to 10 digits), with the error in the merchant's language and what was typed kept.
    let csrf = app.csrf().await;
    let bags = f.bags.to_string();
    let res = app
        .client
        .post_form(
            "/ru/merchant/products/new",
            &product_form(&csrf, &bags, "4202"),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("Введите от 6 до 10 цифр");
    res.assert_contains("value=\"4202\"");
    res.assert_contains("value=\"Leather handbag\"");
    let res = app
        .client
        .post_form(
            "/ru/merchant/products/new",
            &product_form(&csrf, &bags, "4202.21"),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let id: i64 = products::table
        .filter(products::sku.eq("GZH-BAG-1"))
        .select(products::id)
        .first(&mut app.db.conn())
        .unwrap();
    let kept: (String, String) = product_customs::table
        .find(id)
        .select((product_customs::hs_code, product_customs::description))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(kept, ("420221".into(), "Leather handbag".into()));
    let edit = app
        .client
        .get(&format!("/ru/merchant/products/{id}/edit"))
        .await;
    edit.assert_contains("value=\"4202.21\"");

    // A shopper in Russia buys it.
    app.client.cookies.clear();
    app.sign_in_as("ivan@example.ru", Role::Shopper).await;
    ship_to(&mut app, "ru", "RU", "RUB").await;
    add(&mut app, "ru", id, "1").await;
    let res = address(&mut app, "ru", "RU", "101000").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = place(&mut app, "ru", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let number: String = orders::table
        .filter(orders::merchant_id.eq(f.ru_shop))
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    let shopper = app.client.cookies.clone();

    // The shop marks it paid, then shipped with Russian Post (offered first to a shop in Russia).
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@gzhel.example", f.ru_shop).await;
    assert_eq!(
        merchant_act(&mut app, &number, &[("action", "paid")])
            .await
            .status,
        303
    );
    let page = app
        .client
        .get(&format!("/ru/merchant/orders/{number}"))
        .await;
    page.assert_contains("<option value=\"russian_post\" selected>Почта России</option>");
    page.assert_contains("Упаковочный лист и таможенная декларация");
    let res = merchant_act(
        &mut app,
        &number,
        &[
            ("action", "shipped"),
            ("carrier", "pigeon"),
            ("tracking", "RA123456785RU"),
        ],
    )
    .await;
    assert_eq!(res.status, 409);
    res.assert_contains("Choose a carrier from the list.");
    let res = merchant_act(
        &mut app,
        &number,
        &[
            ("action", "shipped"),
            ("carrier", "russian_post"),
            ("tracking", "RA123456785RU"),
        ],
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let carrier: String = order_shipments::table
        .select(order_shipments::carrier)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(carrier, "russian_post");

    // The packing slip carries the CN 22 / CN 23 fields.
    let slip = app
        .client
        .get(&format!("/ru/merchant/orders/{number}/slip"))
        .await;
    assert_eq!(slip.status, 200, "{}", slip.body);
    for text in [
        "Таможенная декларация (CN 22 / CN 23)",
        "Leather handbag",
        "4202.21",
        "0,800 кг",
        "Россия",
        "Гжель Тест",
        "Анна Петрова",
        "Продажа товаров",
        "RA123456785RU",
        "Подтверждаю, что сведения в этой декларации верны",
    ] {
        slip.assert_contains(text);
    }
    slip.assert_not_contains("У этих товаров нет таможенных данных");
    // Another shop's owner finds no such order.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let other = app
        .client
        .get(&format!("/ru/merchant/orders/{number}/slip"))
        .await;
    assert_eq!(other.status, 404);

    // The shopper's order links to Russian Post's tracking page.
    app.client.cookies = shopper;
    let mine = app.client.get(&format!("/ru/orders/{number}")).await;
    mine.assert_contains("href=\"https://www.pochta.ru/tracking?barcode=RA123456785RU\"");
    mine.assert_contains("Отследить: Почта России");
}

#[actix_web::test]
async fn a_slip_says_which_products_lack_customs_data() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 4));
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(&mut app, "en", "DE", "EUR").await;
    add(&mut app, "en", f.it_bag, "1").await;
    let res = address(&mut app, "en", "DE", "10115").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = place(&mut app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let number: String = orders::table
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let slip = app
        .client
        .get(&format!("/en/merchant/orders/{number}/slip"))
        .await;
    assert_eq!(slip.status, 200, "{}", slip.body);
    slip.assert_contains("Customs data is missing for these products.");
    slip.assert_contains("Florentine leather bag");
    slip.assert_contains("data-print");
}
