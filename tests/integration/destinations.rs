//! Every destination (issue #27): shops price zones (the EU, Europe outside it, the CIS and Central Asia) between
//! their country rows and "everywhere else", and staff close destinations with a reason shoppers read in their
//! language.

use caravan::db::schema::{audit_log, destination_restrictions};
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::audience::ship_to;
use crate::orders::{add, address};
use crate::support::builders;
use crate::support::TestApp;

async fn product_page(app: &mut TestApp, lang: &str, product: i64) -> crate::support::client::Page {
    let mut res = app.client.get(&format!("/{lang}/p/{product}-x")).await;
    if let Some(to) = res.location() {
        res = app.client.get(&to).await;
    }
    assert_eq!(res.status, 200, "{}", res.body);
    res
}

/// The Italian shop's owner prices Germany, the EU, the CIS and the rest of the world on the shipping form, net
/// of VAT; a zone row left without its rate first comes back with the typed values and a message.
async fn ships_by_zone(app: &mut TestApp, shop: i64) {
    app.sign_in_as_owner("owner@bottega.example", shop).await;
    let form = app.client.get("/en/merchant/shipping").await;
    assert_eq!(form.status, 200, "{}", form.body);
    form.assert_contains("European Union");
    form.assert_contains("CIS and Central Asia");
    // The countries a zone covers, by name in the reader's language and order.
    form.assert_contains("Armenia, Azerbaijan, Belarus, Georgia, Kazakhstan, Kyrgyzstan, Russia");
    let csrf = form.input_value("csrf").unwrap();
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("handling", "1"),
        ("ship_DE", "1"),
        ("rate_DE", "6.50"),
        ("min_DE", "2"),
        ("max_DE", "3"),
        ("ship_eu", "1"),
        ("rate_eu", "9.00"),
        ("min_eu", "3"),
        ("max_eu", "6"),
        ("ship_cis", "1"),
        ("rate_cis", ""),
        ("min_cis", "7"),
        ("max_cis", "14"),
        ("ship_other", "1"),
        ("rate_other", "25.00"),
        ("min_other", "8"),
        ("max_other", "20"),
    ];
    let bad = app.client.post_form("/en/merchant/shipping", &fields).await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    bad.assert_contains("id=\"f-rate-cis-error\"");
    bad.assert_contains("value=\"9.00\"");
    fields.retain(|(k, _)| *k != "rate_cis");
    fields.push(("rate_cis", "14.00"));
    let res = app.client.post_form("/en/merchant/shipping", &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let form = app.client.get("/en/merchant/shipping").await;
    assert_eq!(form.input_value("rate_cis").as_deref(), Some("14.00"));
    app.client.cookies.clear();
}

#[actix_web::test]
async fn a_country_takes_its_own_rate_else_its_zone_else_everywhere_else() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    ships_by_zone(&mut app, f.it_shop).await;
    // Net €189: Germany and France pay their VAT on it (19%, 20%) and on delivery; Kazakhstan and Chile pay
    // duties on delivery and see net prices.
    let cases = [
        ("DE", "Germany", "€7.74"),
        ("FR", "France", "€10.80"),
        ("KZ", "Kazakhstan", "€14.00"),
        ("CL", "Chile", "€25.00"),
    ];
    for (code, name, shown) in cases {
        ship_to(&mut app, "en", code, "EUR").await;
        let page = product_page(&mut app, "en", f.it_bag).await;
        page.assert_contains(&format!("Shipping to {name}: {shown} · "));
    }
    // "Ships to me" lists the shop's products for a zone's country.
    ship_to(&mut app, "en", "KZ", "EUR").await;
    let listing = app.client.get("/en/origin/it?ships_to_me=1").await;
    assert_eq!(listing.status, 200, "{}", listing.body);
    listing.assert_contains(&format!("/p/{}-", f.it_bag));
    // Russian shoppers read the zone's rate in their language and currency.
    let ru = product_page(&mut app, "ru", f.it_bag).await;
    ru.assert_contains("Доставка");
}

/// Staff close a destination with a reason: shoppers there see it on the market page, product pages, "ships to
/// me" and the cart, and cannot give an address there; reopening restores the shop's rates.
#[actix_web::test]
async fn staff_close_a_destination_and_shoppers_there_are_told_why() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 2_500, (6, 12));
    app.sign_in_as("desk@caravan.example", Role::Staff).await;
    let page = app.client.get("/en/staff/destinations").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Every destination is open.");
    let csrf = page.input_value("csrf").unwrap();
    let long = "x".repeat(501);
    let bad = app
        .client
        .post_form(
            "/en/staff/destinations",
            &[
                ("csrf", &csrf),
                ("country", "ZZ"),
                ("reason", "weather"),
                ("note", &long),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    bad.assert_contains("Choose a country from the list.");
    bad.assert_contains("Choose a reason from the list.");
    bad.assert_contains("Shorten the note to 500 characters.");
    bad.assert_contains(&long);
    let note = "EU Regulation 833/2014, art. 3";
    let res = app
        .client
        .post_form(
            "/en/staff/destinations",
            &[
                ("csrf", &csrf),
                ("country", "by"),
                ("reason", "sanctions"),
                ("note", note),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let list = app.client.get("/en/staff/destinations").await;
    list.assert_contains("Belarus (BY)");
    list.assert_contains("Trade sanctions");
    list.assert_contains(note);
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("destination.close"))
        .filter(audit_log::subject.eq("BY"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(audited, 1);
    app.client.cookies.clear();

    // A shopper in Belarus, reading Russian.
    app.sign_in_as("olga@example.by", Role::Shopper).await;
    let market = app.client.get("/ru/market").await;
    market.assert_contains("Беларусь (доставка приостановлена)");
    ship_to(&mut app, "ru", "BY", "EUR").await;
    let market = app.client.get("/ru/market").await;
    let why = "Доставка в выбранную страну (Беларусь) невозможна: её запрещают торговые санкции.";
    market.assert_contains(why);
    let bag = product_page(&mut app, "ru", f.it_bag).await;
    bag.assert_contains(why);
    let listing = app.client.get("/ru/origin/it?ships_to_me=1").await;
    assert_eq!(listing.status, 200, "{}", listing.body);
    listing.assert_not_contains(&format!("/p/{}-", f.it_bag));
    listing.assert_contains(why);
    add(&mut app, "ru", f.it_bag, "1").await;
    let cart = app.client.get("/ru/cart").await;
    cart.assert_contains(why);
    let res = address(&mut app, "ru", "BY", "220030").await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("Доставка в эту страну невозможна: её запрещают торговые санкции.");
    res.assert_contains("value=\"220030\"");
    // The same in Turkish, Italian and Spanish.
    for (lang, text) in [
        ("tr", "Seçtiğiniz ülkeye (Belarus) teslimat yapamıyoruz: ticari yaptırımlar buna izin vermiyor."),
        ("it", "Non possiamo consegnare nel paese scelto (Bielorussia): lo vietano le sanzioni commerciali."),
        ("es", "No podemos entregar en el país elegido (Bielorrusia): las sanciones comerciales lo prohíben."),
    ] {
        product_page(&mut app, lang, f.it_bag).await.assert_contains(text);
    }
    app.client.cookies.clear();

    // Staff reopen it: the shop's "everywhere else" rate applies again.
    app.sign_in_as("desk@caravan.example", Role::Staff).await;
    let list = app.client.get("/en/staff/destinations").await;
    let csrf = list.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form("/en/staff/destinations/BY/reopen", &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let again = app
        .client
        .post_form("/en/staff/destinations/BY/reopen", &[("csrf", &csrf)])
        .await;
    assert_eq!(
        again.status, 404,
        "reopening an open destination: {}",
        again.body
    );
    let left: i64 = destination_restrictions::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(left, 0);
    app.client.cookies.clear();
    ship_to(&mut app, "en", "BY", "EUR").await;
    let bag = product_page(&mut app, "en", f.it_bag).await;
    bag.assert_contains("Shipping to Belarus: ");
    bag.assert_not_contains("trade sanctions");
}

/// Shoppers cannot close destinations, nor can a merchant.
#[actix_web::test]
async fn only_staff_close_destinations() {
    let mut app = TestApp::new().await;
    app.sign_in_as("someone@example.es", Role::Shopper).await;
    let res = app.client.get("/en/staff/destinations").await;
    assert_eq!(res.status, 403, "{}", res.body);
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/staff/destinations",
            &[
                ("csrf", &csrf),
                ("country", "BY"),
                ("reason", "sanctions"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 403, "{}", res.body);
    let closed: i64 = destination_restrictions::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(closed, 0);
}
