//! (f) A shopper in Almaty on a 390 px phone in Russian pays for two shops' orders with the test card
//! 4242 4242 4242 4242 through localstripe's mock of Stripe.js, which the payment page loads under its own
//! Content-Security-Policy; the orders become paid once, and the confirmation says so.

use caravan::db::schema::orders;
use caravan::identity::model::Role;
use diesel::prelude::*;
use fantoccini::Locator;

use super::{account, open_with, serve_with, ship_everywhere, tokio_sleep};
use crate::support::builders;
use crate::support::TestDb;

#[actix_web::test]
async fn journey_f_a_shopper_pays_by_card_on_a_phone() {
    let Some(stripe) = crate::payments::localstripe() else {
        return;
    };
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    ship_everywhere(&db, &f);
    account(&db, "aigerim@example.kz", Role::Shopper);
    let mut config = db.config();
    config.stripe = Some(crate::payments::settings(&stripe));
    let (base, server, _clock) = serve_with(&db, config).await;
    let Some(mut b) = open_with(&base, "ru-RU,ru", "f-card", (390, 844), true).await else {
        return;
    };
    b.sign_in("ru", "aigerim@example.kz", crate::support::TEST_PASSWORD)
        .await;
    for product in [f.it_bag, f.tr_bag] {
        b.go(&format!("/ru/p/{product}-x")).await;
        b.click(".add-to-cart button").await;
    }
    b.go("/ru/checkout").await;
    b.fill("#f-full-name", "Айгерим Сейткали").await;
    b.fill("#f-line1", "пр. Абая, 52").await;
    b.fill("#f-city", "Алматы").await;
    b.fill("#f-postal-code", "050000").await;
    b.set("#f-country", "KZ").await;
    b.fill("#f-phone", "+7 727 123 45 67").await;
    b.click("main form button[type=submit]").await;
    assert!(
        b.path().await.starts_with("/ru/checkout/review"),
        "{}",
        b.path().await
    );
    let card_chosen =
        b.c.find(Locator::Css("input[name=payment][value=card]"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap();
    assert_eq!(card_chosen.as_deref(), Some("true"));
    b.click("form[action$='/checkout/place'] button[type=submit]")
        .await;
    assert!(
        b.path().await.starts_with("/ru/checkout/pay"),
        "{}",
        b.path().await
    );
    // The provider's script mounts the card fields and enables the button.
    for _ in 0..100 {
        if b.c.find(Locator::Css("#pay-card input")).await.is_ok() {
            break;
        }
        tokio_sleep(50).await;
    }
    b.check("pay").await;
    for (field, value) in [
        ("number", "4242424242424242"),
        ("exp_month", "12"),
        ("exp_year", "30"),
        ("cvc", "123"),
        ("postal_code", "050000"),
    ] {
        b.fill(&format!("#pay-card input[placeholder={field}]"), value)
            .await;
    }
    b.click("#pay-submit").await;
    let path = b.path().await;
    assert!(
        path.starts_with("/ru/checkout/done"),
        "{path}: {}",
        b.text().await
    );
    assert!(b.text().await.contains("Оплата картой подтверждена"));
    b.check("paid").await;
    let statuses: Vec<String> = orders::table
        .select(orders::status)
        .load(&mut db.conn())
        .unwrap();
    assert_eq!(statuses, vec!["paid"; 2]);
    b.close("f-card").await;
    server.stop(true).await;
}
