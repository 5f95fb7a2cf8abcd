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

/// The shop's cut-off hour, set on its shipping page, and public holidays move the promise: the shop does not
/// work on its country's holidays, carriers do not deliver on the destination's.
#[actix_web::test]
async fn the_cut_off_hour_and_public_holidays_move_the_dates() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let form = app.client.get("/ru/merchant/shipping").await;
    form.assert_contains("<option value=\"14\">14:00</option>");
    form.assert_contains("Без ограничения: считается весь день");
    let csrf = form.input_value("csrf").unwrap();
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("handling", "1"),
        ("cutoff", "25"),
        ("include_vat", "1"),
        ("ship_ES", "1"),
        ("rate_ES", "10,00"),
        ("min_ES", "1"),
        ("max_ES", "2"),
    ];
    let bad = app.client.post_form("/ru/merchant/shipping", &fields).await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    bad.assert_contains("Выберите время из списка.");
    fields[2] = ("cutoff", "14");
    let res = app.client.post_form("/ru/merchant/shipping", &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let cutoff: Option<i32> = merchants::table
        .find(f.it_shop)
        .select(merchants::cutoff_hour)
        .first(&mut app.db.conn())
        .expect("cut-off");
    assert_eq!(cutoff, Some(14));
    app.client.cookies.clear();
    app.sign_in_as("lucia@example.es", caravan::identity::model::Role::Shopper)
        .await;
    market(&mut app, "es", "ES", "EUR").await;
    let names = Formatters::new().expect("formatters");
    // Tuesday 5 January 2027 at 13:00 in Rome, before the cut-off: Wednesday 6 is Epiphany in Italy, so one
    // handling day ships it on Thursday 7; one to two working days in Spain: Friday 8 to Monday 11.
    // At 15:00 it counts from Wednesday (a holiday), so from Thursday: ships Friday 8, arrives 11 to 12.
    for (at, from, to) in [
        (
            datetime!(2027-01-05 12:00),
            date!(2027 - 01 - 08),
            date!(2027 - 01 - 11),
        ),
        (
            datetime!(2027-01-05 14:00),
            date!(2027 - 01 - 11),
            date!(2027 - 01 - 12),
        ),
    ] {
        app.clock.set(at);
        app.cache.clear();
        let mut page = app.client.get(&format!("/es/p/{}-x", f.it_bag)).await;
        if let Some(to) = page.location() {
            page = app.client.get(&to).await;
        }
        assert_eq!(page.status, 200, "{}", page.body);
        page.assert_contains(&names.date_range(Locale::Es, from, to));
    }
}
