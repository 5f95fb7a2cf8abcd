//! Delivery dates (issue #27): the arrival window on the product page and in the cart, counted in business days
//! from the shop's local date with its handling days, and kept on the order as promised.

use caravan::db::schema::{merchants, order_arrivals, orders};
use caravan::i18n::{Formatters, Locale};
use diesel::prelude::*;
use time::macros::{date, datetime};

use crate::orders::{add, address, market, place};
use crate::support::{builders, TestApp};

#[actix_web::test]
async fn arrival_dates_skip_weekends_cross_months_and_orders_keep_their_promise() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_250, (1, 3));
    // Wednesday 27 January 2027, 10:00 UTC (11:00 in Rome; after the test's exchange rates take effect): two
    // handling days (the default) ship it on Friday the 29th; one to three business days later is Monday 1 to
    // Wednesday 3 February.
    app.clock.set(datetime!(2027-01-27 10:00));
    let names = Formatters::new().expect("formatters");
    for (l, words) in [
        (Locale::En, "arrives"),
        (Locale::Ru, "прибудет"),
        (Locale::Tr, "tarihinde teslim"),
        (Locale::It, "arriva"),
        (Locale::Es, "llega"),
    ] {
        let mut page = app
            .client
            .get(&format!("/{}/p/{}-x", l.code(), f.it_bag))
            .await;
        if let Some(to) = page.location() {
            page = app.client.get(&to).await;
        }
        assert_eq!(page.status, 200, "{}", page.body);
        let dates = names.date_range(l, date!(2027 - 02 - 01), date!(2027 - 02 - 03));
        page.assert_contains(&dates);
        page.assert_contains(words);
    }
    // The shop takes longer: 4 handling days from Wednesday is Tuesday 2 February; then 3 to 5 February.
    diesel::update(merchants::table.find(f.it_shop))
        .set(merchants::handling_days.eq(4))
        .execute(&mut app.db.conn())
        .expect("handling");
    app.cache.clear();
    app.sign_in_as("anna@example.ru", caravan::identity::model::Role::Shopper)
        .await;
    market(&mut app, "ru", "RU", "RUB").await;
    add(&mut app, "ru", f.it_bag, "1").await;
    let later = names.date_range(Locale::Ru, date!(2027 - 02 - 03), date!(2027 - 02 - 05));
    app.client.get("/ru/cart").await.assert_contains(&later);
    let res = address(&mut app, "ru", "RU", "125009").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = place(&mut app, "ru", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let promised: (time::Date, time::Date) = order_arrivals::table
        .select((order_arrivals::arrives_from, order_arrivals::arrives_to))
        .first(&mut app.db.conn())
        .expect("promised");
    assert_eq!(promised, (date!(2027 - 02 - 03), date!(2027 - 02 - 05)));
    // A week later the order still shows what was promised, not a new estimate.
    app.clock.set(datetime!(2027-02-03 10:00));
    let number: String = orders::table
        .select(orders::number)
        .first(&mut app.db.conn())
        .expect("order");
    let order = app.client.get(&format!("/ru/orders/{number}")).await;
    assert_eq!(order.status, 200, "{}", order.body);
    order.assert_contains(&later);
    order.assert_contains("оценка на момент заказа");
}
