//! Options and variants through the HTTP stack on the real database: the merchant's editor (values matched in
//! any language, combinations generated, the table in the merchant's number format, localized errors with the
//! typed values kept), choosing a size on the product page without JavaScript, a variant's price in every
//! currency and under a campaign, per-variant stock with 50 buyers for the last three of one size, the order's
//! variant labels in the shopper's and the shop's language, and the migration of products and orders made
//! before variants.

use std::collections::HashMap;

use caravan::campaigns::model::Targets;
use caravan::db::schema::{
    cart_lines, option_translations, option_value_translations, option_values, options,
    order_lines, orders, product_variants, products,
};
use caravan::i18n::Locale;
use caravan::money::{Currency, Money, Rounding};
use caravan::orders::cart::{self, CartKey};
use caravan::orders::model::{Address, PaymentMethod};
use caravan::orders::place::{self, PlaceInput, Placed};
use diesel::prelude::*;

use crate::support::builders::{self, Fixture};
use crate::support::client::html_unescape;
use crate::support::TestApp;

/// A shared option with names in every language: (option id, value ids by key).
fn shared_option(
    c: &mut caravan::db::DbConnection,
    key: &str,
    names: [&str; 5],
    values: &[(&str, [&str; 5])],
) -> (i64, HashMap<String, i64>) {
    let id: i64 = diesel::insert_into(options::table)
        .values((
            options::key.eq(key),
            options::original_lang.eq("en"),
            options::facet.eq(true),
            options::position.eq(0),
            options::created_at.eq(caravan::clock::system_now()),
        ))
        .returning(options::id)
        .get_result(c)
        .unwrap();
    for (l, name) in Locale::ALL.iter().zip(names) {
        diesel::insert_into(option_translations::table)
            .values((
                option_translations::option_id.eq(id),
                option_translations::locale.eq(l.code()),
                option_translations::name.eq(name),
            ))
            .execute(c)
            .unwrap();
    }
    let mut ids = HashMap::new();
    for (pos, (vkey, vnames)) in (0..).zip(values) {
        let vid: i64 = diesel::insert_into(option_values::table)
            .values((
                option_values::option_id.eq(id),
                option_values::key.eq(*vkey),
                option_values::position.eq(pos),
            ))
            .returning(option_values::id)
            .get_result(c)
            .unwrap();
        for (l, name) in Locale::ALL.iter().zip(vnames) {
            diesel::insert_into(option_value_translations::table)
                .values((
                    option_value_translations::value_id.eq(vid),
                    option_value_translations::locale.eq(l.code()),
                    option_value_translations::name.eq(*name),
                ))
                .execute(c)
                .unwrap();
        }
        ids.insert((*vkey).to_string(), vid);
    }
    (id, ids)
}

/// Sizes 38–40 and colours red/black, as the staff's list has them.
pub(crate) struct Shared {
    pub(crate) size: i64,
    pub(crate) colour: i64,
    pub(crate) values: HashMap<String, i64>,
}

pub(crate) fn shared(c: &mut caravan::db::DbConnection) -> Shared {
    let (size, mut values) = shared_option(
        c,
        "size-eu-shoes",
        [
            "Size (EU)",
            "Размер (EU)",
            "Numara (EU)",
            "Taglia (EU)",
            "Talla (EU)",
        ],
        &[("38", ["38"; 5]), ("39", ["39"; 5]), ("40", ["40"; 5])],
    );
    let (colour, colours) = shared_option(
        c,
        "colour",
        ["Colour", "Цвет", "Renk", "Colore", "Color"],
        &[
            ("red", ["Red", "Красный", "Kırmızı", "Rosso", "Rojo"]),
            ("black", ["Black", "Чёрный", "Siyah", "Nero", "Negro"]),
        ],
    );
    values.extend(colours);
    Shared {
        size,
        colour,
        values,
    }
}

fn variants(app: &TestApp, product: i64) -> Vec<(i64, String, i64, i32, bool)> {
    product_variants::table
        .filter(product_variants::product_id.eq(product))
        .order(product_variants::position)
        .select((
            product_variants::id,
            product_variants::sku,
            product_variants::price_minor,
            product_variants::stock,
            product_variants::active,
        ))
        .load(&mut app.db.conn())
        .unwrap()
}

fn product_summary(app: &TestApp, product: i64) -> (i64, i32) {
    products::table
        .find(product)
        .select((products::price_minor, products::stock))
        .first(&mut app.db.conn())
        .unwrap()
}

/// The Italian bag, through the merchant's editor in Italian: sizes 38–40 × red/black, the values typed in
/// Italian ("Rosso, nero"); then the table: 39 red costs 199,50 € with 3 left, 40 black is not for sale.
async fn sized_bag(app: &mut TestApp, f: &Fixture, s: &Shared) -> HashMap<String, i64> {
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let url = format!("/it/merchant/products/{}/variants", f.it_bag);
    let page = app.client.get(&url).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = page.input_value("csrf").unwrap();
    let res = app
        .client
        .post_form(
            &format!("{url}/options"),
            &[
                ("csrf", &csrf),
                ("option1", &s.size.to_string()),
                ("values1", "38, 39 ,40"),
                ("option2", &s.colour.to_string()),
                ("values2", "Rosso, nero"),
                ("option3", ""),
                ("values3", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let rows = variants(app, f.it_bag);
    assert_eq!(rows.len(), 6, "{rows:?}");
    let by_sku: HashMap<String, i64> = rows.iter().map(|r| (r.1.clone(), r.0)).collect();
    let sku = |size: &str, colour: &str| {
        rows.iter()
            .map(|r| r.1.clone())
            .find(|k| k.ends_with(&format!("-{size}-{colour}")))
            .unwrap_or_else(|| panic!("{size} {colour} in {rows:?}"))
    };
    let mut form: Vec<(String, String)> = vec![("csrf".into(), csrf.clone())];
    for (id, sku_, _, _, _) in &rows {
        let special = *sku_ == sku("39", "RED");
        form.push((format!("sku-{id}"), sku_.clone()));
        form.push((
            format!("price-{id}"),
            if special { "199,50" } else { "189,00" }.into(),
        ));
        form.push((
            format!("stock-{id}"),
            if special { "3" } else { "5" }.into(),
        ));
        form.push((format!("weight-{id}"), "700".into()));
        if *sku_ != sku("40", "BLACK") {
            form.push((format!("active-{id}"), "1".into()));
        }
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.client.post_form(&url, &pairs).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let _ = by_sku;
    [
        "38-RED", "39-RED", "40-RED", "38-BLACK", "39-BLACK", "40-BLACK",
    ]
    .iter()
    .map(|k| {
        let (size, colour) = k.split_once('-').unwrap_or_default();
        (k.to_string(), sku(size, colour))
    })
    .map(|(k, sku)| {
        let id = rows.iter().find(|r| r.1 == sku).map(|r| r.0).unwrap_or(0);
        (k, id)
    })
    .collect()
}

fn sku_of(app: &TestApp, variant: i64) -> String {
    product_variants::table
        .find(variant)
        .select(product_variants::sku)
        .first(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn merchants_build_sizes_and_colours_in_their_language_and_the_product_follows() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    let ids = sized_bag(&mut app, &f, &s).await;
    let rows = variants(&app, f.it_bag);
    let red39 = rows.iter().find(|r| r.0 == ids["39-RED"]).unwrap();
    assert_eq!((red39.2, red39.3, red39.4), (19_950, 3, true));
    let black40 = rows.iter().find(|r| r.0 == ids["40-BLACK"]).unwrap();
    assert!(!black40.4, "unchecked: not for sale");
    // The product row keeps the summary: lowest active price, total stock of the active variants (4×5 + 3).
    assert_eq!(product_summary(&app, f.it_bag), (18_900, 23));
    // The editor shows the table in the merchant's number format and the values in Italian.
    let page = app
        .client
        .get(&format!("/it/merchant/products/{}/variants", f.it_bag))
        .await;
    assert_eq!(
        page.input_value(&format!("price-{}", ids["39-RED"]))
            .as_deref(),
        Some("199,50")
    );
    assert_eq!(page.input_value("values2").as_deref(), Some("Rosso, Nero"));
    // Saving the options again keeps every variant (ids, prices, stock); dropping a colour removes its three.
    let csrf = page.input_value("csrf").unwrap();
    let url = format!("/it/merchant/products/{}/variants/options", f.it_bag);
    let res = app
        .client
        .post_form(
            &url,
            &[
                ("csrf", &csrf),
                ("option1", &s.size.to_string()),
                ("values1", "38,39,40"),
                ("option2", &s.colour.to_string()),
                ("values2", "Rosso"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let now = variants(&app, f.it_bag);
    assert_eq!(now.len(), 3);
    assert!(now
        .iter()
        .any(|r| r.0 == ids["39-RED"] && r.2 == 19_950 && r.3 == 3));
    assert_eq!(product_summary(&app, f.it_bag), (18_900, 13));
    // A copy (a draft) keeps the sizes, prices and stock under new SKUs.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/products/{}/duplicate", f.it_bag),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let copy: i64 = products::table
        .filter(products::merchant_id.eq(f.it_shop))
        .select(diesel::dsl::max(products::id))
        .first::<Option<i64>>(&mut app.db.conn())
        .unwrap()
        .unwrap();
    let copied = variants(&app, copy);
    assert_eq!(copied.len(), 3);
    assert!(copied.iter().all(|r| r.1.ends_with("-copy")), "{copied:?}");
    assert!(copied.iter().any(|r| r.2 == 19_950 && r.3 == 3));
    assert_eq!(product_summary(&app, copy), (18_900, 13));
    // Option values are searchable in every language: the Turkish name of the colour, a size with a word.
    let wanted = format!("/p/{}-", f.it_bag);
    for q in [
        "/tr/search?q=k%C4%B1rm%C4%B1z%C4%B1",
        "/it/search?q=borsa+39",
        "/ru/search?q=красный",
    ] {
        let res = app.client.get(&crate::support::client::encode_uri(q)).await;
        assert_eq!(res.status, 200);
        assert!(res.body.contains(&wanted), "{q} finds the bag");
    }
    let res = app.client.get("/en/search?q=black").await;
    assert!(!res.body.contains(&wanted), "black is no longer sold");
}

#[actix_web::test]
async fn the_editor_refuses_bad_input_in_the_merchants_language_and_keeps_it() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    let ids = sized_bag(&mut app, &f, &s).await;
    let csrf = app.csrf().await;
    // A value the shared list does not have; in Russian.
    let url = format!("/ru/merchant/products/{}/variants", f.it_bag);
    let res = app
        .client
        .post_form(
            &format!("{url}/options"),
            &[
                ("csrf", &csrf),
                ("option1", &s.size.to_string()),
                ("values1", "38, 52"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Некоторых значений нет в списке этой опции");
    assert_eq!(res.input_value("values1").as_deref(), Some("38, 52"));
    assert_eq!(variants(&app, f.it_bag).len(), 6, "nothing changed");
    // More than 100 combinations (two options of the shop's own), in Turkish.
    let many: String = (1..=11).map(|n| format!("{n},")).collect();
    let res = app
        .client
        .post_form(
            &format!("/tr/merchant/products/{}/variants/options", f.it_bag),
            &[
                ("csrf", &csrf),
                ("option1", "new"),
                ("new_name1", "Uzunluk"),
                ("values1", &many),
                ("option2", "new"),
                ("new_name2", "Genişlik"),
                ("values2", &many),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("100&#39;den fazla kombinasyon");
    // The table: a price of zero, stock below zero, a SKU twice; in Russian, typed values kept.
    let (a, b) = (ids["38-RED"], ids["39-RED"]);
    let (sku_a, sku_b) = (sku_of(&app, a), sku_of(&app, b));
    let mut form: Vec<(String, String)> = vec![("csrf".into(), csrf.clone())];
    for (id, sku, _, _, _) in variants(&app, f.it_bag) {
        let sku = if id == b { sku_a.clone() } else { sku };
        let price = if id == a { "0" } else { "1 299,50" };
        let stock = if id == a { "-2" } else { "4" };
        form.extend([
            (format!("sku-{id}"), sku),
            (format!("price-{id}"), price.to_string()),
            (format!("stock-{id}"), stock.to_string()),
            (format!("active-{id}"), "1".to_string()),
        ]);
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.client.post_form(&url, &pairs).await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("Укажите цену больше нуля");
    res.assert_contains("Остаток не может быть меньше нуля");
    res.assert_contains("У другого варианта в таблице такой же артикул");
    assert_eq!(
        res.input_value(&format!("stock-{a}")).as_deref(),
        Some("-2")
    );
    assert_eq!(
        res.input_value(&format!("price-{}", ids["40-RED"]))
            .as_deref(),
        Some("1 299,50")
    );
    assert_eq!(sku_of(&app, b), sku_b, "nothing saved");
    // A SKU another product of the shop sells under.
    let wallet = builders::product(
        &mut app.db.conn(),
        builders::P {
            merchant: f.it_shop,
            category: f.bags,
            origin: caravan::geo::CountryCode::IT,
            price: Money::new(4_900, Currency::Eur),
            stock: 2,
            lang: Locale::It,
            texts: vec![(Locale::It, "Portafoglio", "Cuoio.")],
            age_minutes: 3,
        },
    );
    let taken = sku_of(&app, builders::variant_of(&mut app.db.conn(), wallet));
    let mut form: Vec<(String, String)> = vec![("csrf".into(), csrf.clone())];
    for (id, sku, _, _, _) in variants(&app, f.it_bag) {
        form.extend([
            (
                format!("sku-{id}"),
                if id == a { taken.clone() } else { sku },
            ),
            (format!("price-{id}"), "10".to_string()),
            (format!("stock-{id}"), "1".to_string()),
        ]);
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/products/{}/variants", f.it_bag),
            &pairs,
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert_eq!(sku_of(&app, a), sku_a);
    // Another shop's product is not found.
    let res = app
        .client
        .get(&format!("/en/merchant/products/{}/variants", f.tr_bag))
        .await;
    assert_eq!(res.status, 404);
}

#[actix_web::test]
async fn shoppers_choose_a_size_without_javascript_and_the_cart_keeps_it() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    let ids = sized_bag(&mut app, &f, &s).await;
    app.client.cookies.clear();
    let first = app.client.get(&format!("/en/p/{}-x", f.it_bag)).await;
    let url = first.location().unwrap_or_default();
    let page = app.client.get(&url).await;
    assert_eq!(page.status, 200);
    // One radio group per option; 40 black is not for sale, so 40 shows as unavailable with black.
    page.assert_contains(&format!("name=\"o1\" value=\"{}\"", s.values["39"]));
    page.assert_contains(&format!("name=\"o2\" value=\"{}\"", s.values["black"]));
    page.assert_contains("\"@type\":\"ProductGroup\"");
    page.assert_contains("\"hasVariant\"");
    page.assert_contains("https://schema.org/size");
    // The form's values answer with the variant's own URL.
    let res = app
        .client
        .get(&format!(
            "{url}?o1={}&o2={}",
            s.values["39"], s.values["red"]
        ))
        .await;
    assert_eq!(res.status, 303);
    let sku = sku_of(&app, ids["39-RED"]);
    let own = res.location().unwrap_or_default();
    assert!(own.ends_with(&format!("?v={sku}")), "{own}");
    let page = app.client.get(&own).await;
    assert_eq!(page.status, 200);
    page.assert_contains(&format!("<dd>{sku}</dd>"));
    page.assert_contains("In stock: 3 items");
    page.assert_contains("Size (EU): 39 · Colour: Red");
    page.assert_contains(&format!("name=\"variant_id\" value=\"{}\"", ids["39-RED"]));
    // Canonical: the product, not the variant.
    let canonical = page
        .body
        .split("rel=\"canonical\" href=\"")
        .nth(1)
        .unwrap_or_default();
    assert!(
        canonical.starts_with("http") && canonical.contains(&format!("{url}\"")),
        "{canonical:.80}"
    );
    // A combination not for sale says so, without an add-to-cart button.
    let res = app
        .client
        .get(&format!(
            "{url}?o1={}&o2={}",
            s.values["40"], s.values["black"]
        ))
        .await;
    assert_eq!(res.status, 200);
    res.assert_contains("This combination is not available");
    res.assert_not_contains("name=\"variant_id\"");
    // A SKU the product does not sell goes to the product.
    let res = app.client.get(&format!("{url}?v=NOPE")).await;
    assert_eq!(res.status, 301);
    // Into the cart: the line names the size and colour and links to the variant.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/cart/add",
            &[
                ("csrf", &csrf),
                ("variant_id", &ids["39-RED"].to_string()),
                ("quantity", "5"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let cart = app.client.get("/en/cart").await;
    cart.assert_contains("Size (EU): 39 · Colour: Red");
    assert!(html_unescape(&cart.body).contains(&format!("?v={sku}")));
    // Capped at the variant's stock (3), not the product's total.
    assert_eq!(cart.input_value("quantity").as_deref(), Some("3"));
    // The product alone cannot go in: it needs a choice.
    let res = app
        .client
        .post_form(
            "/en/cart/add",
            &[("csrf", &csrf), ("product_id", &f.it_bag.to_string())],
        )
        .await;
    assert_eq!(res.status, 400);
}

#[actix_web::test]
async fn a_variants_price_shows_in_every_currency_and_under_a_campaign() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // Published before any page is read (the schedule is cached); live only from its start, below.
    crate::promos::promo(
        &app,
        "Variants week",
        20,
        Targets {
            products: vec![f.it_bag],
            ..Targets::default()
        },
        &[(Locale::Ru, "nedelya", "Неделя вариантов")],
        true,
    );

    let s = shared(&mut app.db.conn());
    let ids = sized_bag(&mut app, &f, &s).await;
    app.client.cookies.clear();
    let sku = sku_of(&app, ids["39-RED"]);
    let url = format!("/ru/p/{}-x?v={sku}", f.it_bag);
    let url = match app.client.get(&url).await.location() {
        Some(moved) => moved,
        None => url,
    };
    let rates = builders::rates();
    let price = Money::new(19_950, Currency::Eur);
    for (ship_to, cur) in [
        ("RU", Currency::Rub),
        ("KZ", Currency::Kzt),
        ("TR", Currency::Try),
        ("IT", Currency::Eur),
        ("US", Currency::Usd),
    ] {
        app.client.fetch_site = Some("same-origin");
        let res = app
            .client
            .post_form(
                "/ru/market",
                &[
                    ("csrf", ""),
                    ("ship_to", ship_to),
                    ("currency", cur.code()),
                    ("return_to", &url),
                ],
            )
            .await;
        assert_eq!(res.status, 303);
        // Italy's 22% VAT is in the shop's price: sold net of it outside Italy (no collection in these markets).
        let price = if ship_to == "IT" {
            price
        } else {
            Money::new(16_352, Currency::Eur)
        };
        let shown = rates.convert(price, cur, Rounding::HalfUp).unwrap();
        let text = app.i18n.formatters.money(Locale::Ru, shown);
        let page = app.client.get(&url).await;
        page.assert_contains(&text);
    }
    // A campaign on the product discounts every variant: 20% off 199,50 € is 159,60 €, 130,82 € net of VAT.
    app.clock
        .set(crate::promos::START + time::Duration::hours(1));
    let page = app.client.get(&url).await;
    let discounted = app
        .i18n
        .formatters
        .money(Locale::Ru, Money::new(15_960, Currency::Usd));
    let _ = discounted;
    let want = rates
        .convert(
            Money::new(13_082, Currency::Eur),
            Currency::Usd,
            Rounding::HalfUp,
        )
        .unwrap();
    page.assert_contains(&app.i18n.formatters.money(Locale::Ru, want));
}

fn racer(app: &TestApp, i: usize, variant: i64) -> PlaceInput {
    let now = caravan::clock::system_now();
    let mut c = app.db.conn();
    let uid: i64 = builders::shopper(&mut c, &format!("size{i}@example.com"), "ru");
    let cart_id = cart::find_or_create(&mut c, &CartKey::User(uid), now).unwrap();
    cart::set_quantity(&mut c, cart_id, variant, 1, now).unwrap();
    PlaceInput {
        user_id: uid,
        cart_id,
        token: format!("size-race-{i}"),
        address: Address {
            user_id: uid,
            full_name: "Анна Петрова".into(),
            line1: "ул. Тверская, 7".into(),
            line2: String::new(),
            city: "Москва".into(),
            postal_code: "125009".into(),
            country: "RU".into(),
            phone: "+7 495 123-45-67".into(),
            updated_at: now,
        },
        payment: PaymentMethod::BankTransfer,
        card_offered: false,
        currency: Currency::Rub,
        locale: Locale::Ru,
        tr: caravan::i18n::Translator::new(app.i18n.clone(), Locale::Ru),
    }
}

#[actix_web::test]
async fn fifty_buyers_for_the_last_three_of_one_size_leave_the_other_sizes_alone() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_250, (3, 6));
    let s = shared(&mut app.db.conn());
    let ids = sized_bag(&mut app, &f, &s).await;
    let target = ids["39-RED"];
    let before: Vec<(i64, String, i64, i32, bool)> = variants(&app, f.it_bag);
    let inputs: Vec<PlaceInput> = (0..50).map(|i| racer(&app, i, target)).collect();
    let pool = caravan::db::build_pool(&app.db.url, 16).unwrap();
    let rates = builders::rates();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(inputs.len()));
    let now = caravan::clock::system_now();
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
    let refused = results
        .iter()
        .filter(|r| matches!(r, Placed::OutOfStock(_)))
        .count();
    assert_eq!((created, refused), (3, 47));
    let after = variants(&app, f.it_bag);
    for (b, a) in before.iter().zip(&after) {
        if b.0 == target {
            assert_eq!(a.3, 0);
        } else {
            assert_eq!(a.3, b.3, "{} untouched", b.1);
        }
    }
    // The product's total follows: 4 active sizes × 5.
    assert_eq!(product_summary(&app, f.it_bag).1, 20);
    // Each order line names the variant, its SKU and its label in the shopper's (Russian) and the shop's
    // (Italian) language.
    let lines: Vec<(Option<i64>, String, String, String)> = order_lines::table
        .select((
            order_lines::variant_id,
            order_lines::sku,
            order_lines::variant_label,
            order_lines::variant_label_merchant,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(lines.len(), 3);
    for (v, sku, shopper, shop) in lines {
        assert_eq!(v, Some(target));
        assert_eq!(sku, sku_of(&app, target));
        assert_eq!(shopper, "Размер (EU): 39 · Цвет: Красный");
        assert_eq!(shop, "Taglia (EU): 39 · Colore: Rosso");
    }
    // Cancelling one order (the merchant) puts its unit back on that size only.
    let (number, owner): (String, i64) = orders::table
        .inner_join(caravan::db::schema::merchants::table)
        .select((
            orders::number,
            caravan::db::schema::merchants::owner_user_id.assume_not_null(),
        ))
        .first(&mut app.db.conn())
        .unwrap();
    let done = caravan::orders::manage::act(
        &mut app.db.conn(),
        caravan::orders::manage::Viewer::Merchant(f.it_shop),
        owner,
        &number,
        &caravan::orders::model::Action::Cancel {
            reason: "Customer asked".into(),
        },
        now,
    )
    .unwrap();
    assert!(done.is_ok());
    let after = variants(&app, f.it_bag);
    assert_eq!(after.iter().find(|r| r.0 == target).map(|r| r.3), Some(1));
    assert_eq!(product_summary(&app, f.it_bag).1, 21);
}

#[actix_web::test]
async fn products_carts_and_orders_from_before_variants_come_through_the_migration() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_250, (3, 6));
    app.sign_in_as(
        "before@example.com",
        caravan::identity::model::Role::Shopper,
    )
    .await;
    let uid: i64 = caravan::db::schema::users::table
        .filter(caravan::db::schema::users::email_norm.eq("before@example.com"))
        .select(caravan::db::schema::users::id)
        .first(&mut app.db.conn())
        .unwrap();
    let now = caravan::clock::system_now();
    let bag = builders::variant_of(&mut app.db.conn(), f.it_bag);
    let mut input = racer(&app, 0, bag);
    {
        let mut c = app.db.conn();
        let cart_id = cart::find_or_create(&mut c, &CartKey::User(uid), now).unwrap();
        cart::set_quantity(&mut c, cart_id, bag, 2, now).unwrap();
        input.user_id = uid;
        input.cart_id = cart_id;
        input.address.user_id = uid;
        let placed = place::place(&mut c, &input, &builders::rates(), None, now).unwrap();
        assert!(matches!(placed, Placed::Created(_)), "{placed:?}");
        // Something left in the cart.
        let bowl = builders::variant_of(&mut c, f.iznik_bowl);
        cart::set_quantity(&mut c, cart_id, bowl, 1, now).unwrap();
    }
    let number: String = orders::table
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    let before: Vec<(i64, String, i64, i32, Option<i32>)> = products::table
        .order(products::id)
        .select((
            products::id,
            products::sku,
            products::price_minor,
            products::stock,
            products::weight_grams,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    // Back to the schema before variants (reverting what came after them too), and forward again: the migration
    // rebuilds everything from products.
    for _ in 0..30 {
        let gone = diesel::sql_query("SELECT 1 FROM product_variants")
            .execute(&mut app.db.conn())
            .is_err();
        if gone {
            break;
        }
        caravan::db::revert_last_migration(&mut app.db.conn()).unwrap();
    }
    assert!(diesel::sql_query("SELECT 1 FROM product_variants")
        .execute(&mut app.db.conn())
        .is_err());
    caravan::db::run_migrations(&mut app.db.conn()).unwrap();
    let after: Vec<(i64, String, i64, i32, Option<i32>)> = product_variants::table
        .order(product_variants::product_id)
        .select((
            product_variants::product_id,
            product_variants::sku,
            product_variants::price_minor,
            product_variants::stock,
            product_variants::weight_grams,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        before, after,
        "one variant per product with its SKU, price, stock and weight"
    );
    let line: (i64, Option<i64>) = order_lines::table
        .select((order_lines::product_id, order_lines::variant_id))
        .first(&mut app.db.conn())
        .unwrap();
    let migrated = builders::variant_of(&mut app.db.conn(), f.it_bag);
    assert_eq!(line, (f.it_bag, Some(migrated)));
    let in_cart: Vec<i64> = cart_lines::table
        .filter(cart_lines::cart_id.eq(input.cart_id))
        .select(cart_lines::variant_id)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        in_cart,
        vec![builders::variant_of(&mut app.db.conn(), f.iznik_bowl)]
    );
    // The shopper's order page and cart still render.
    let page = app
        .client
        .get(&caravan::routes::order(Locale::En, &number))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains(&before.iter().find(|b| b.0 == f.it_bag).unwrap().1);
    let cart = app.client.get("/en/cart").await;
    assert_eq!(cart.status, 200);
    assert_eq!(cart.input_value("quantity").as_deref(), Some("1"));
}

/// Gives `product` of `shop` sizes with their stock, all in `colour`, written by the library as the editor
/// writes them; (size key → variant id).
pub(crate) fn give_sizes(
    c: &mut caravan::db::DbConnection,
    s: &Shared,
    (product, shop): (i64, i64),
    sizes: &[(&str, i32)],
    colour: &str,
) -> HashMap<String, i64> {
    use caravan::variants::write::{replace, rollup, VariantInput};
    let now = caravan::clock::system_now();
    let rows: Vec<VariantInput> = sizes
        .iter()
        .map(|(size, stock)| VariantInput {
            values: vec![s.values[*size], s.values[colour]],
            sku: format!("P{product}-{size}-{}", colour.to_uppercase()),
            price_minor: if *size == "39" { 19_950 } else { 18_900 },
            stock: *stock,
            weight_grams: Some(700),
            active: true,
            image_id: None,
        })
        .collect();
    replace(c, product, shop, &[s.size, s.colour], &rows, now).unwrap();
    rollup(c, product, |m| m).unwrap();
    product_variants::table
        .filter(product_variants::product_id.eq(product))
        .select((product_variants::sku, product_variants::id))
        .load::<(String, i64)>(c)
        .unwrap()
        .into_iter()
        .filter_map(|(sku, id)| Some((sku.split('-').nth(1)?.to_string(), id)))
        .collect()
}

/// The Italian bag in sizes 38–40, red: 39 has 3 left, the others 5 (for journeys that start from a catalogue).
pub(crate) fn sized_in_library(
    c: &mut caravan::db::DbConnection,
    f: &Fixture,
) -> HashMap<String, i64> {
    let s = shared(c);
    give_sizes(
        c,
        &s,
        (f.it_bag, f.it_shop),
        &[("38", 5), ("39", 3), ("40", 5)],
        "red",
    )
}

/// Products per value in the bags category, by aggregating `product_values` of listed products (the reference
/// the facets must agree with).
fn aggregate(app: &TestApp, f: &Fixture, in_stock: bool) -> HashMap<i64, i64> {
    use caravan::db::schema::product_values;
    let mut q = product_values::table
        .inner_join(products::table)
        .filter(products::listed)
        .filter(products::category_id.eq(f.bags))
        .group_by(product_values::value_id)
        .select((product_values::value_id, diesel::dsl::count_star()))
        .into_boxed::<caravan::db::Db>();
    if in_stock {
        q = q.filter(product_values::in_stock);
    }
    q.load::<(i64, i64)>(&mut app.db.conn())
        .unwrap()
        .into_iter()
        .collect()
}

/// The count a listing shows next to a value's checkbox.
fn facet_count(page: &str, value: i64) -> Option<i64> {
    let at = page.find(&format!("for=\"value-{value}\""))?;
    let rest = &page[at..];
    let marker = "<span class=\"count\">(";
    let open = rest.find(marker)? + marker.len();
    let close = rest[open..].find(')')?;
    rest[open..open + close]
        .replace(['\u{a0}', ' ', ','], "")
        .parse()
        .ok()
}

#[actix_web::test]
async fn listings_count_and_filter_by_size_across_shops() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    let mut c = app.db.conn();
    give_sizes(
        &mut c,
        &s,
        (f.it_bag, f.it_shop),
        &[("38", 5), ("39", 3), ("40", 5)],
        "red",
    );
    give_sizes(
        &mut c,
        &s,
        (f.tr_bag, f.tr_shop),
        &[("39", 2), ("40", 0)],
        "black",
    );
    drop(c);
    let slug: String = caravan::db::schema::category_translations::table
        .filter(caravan::db::schema::category_translations::category_id.eq(f.bags))
        .filter(caravan::db::schema::category_translations::locale.eq("en"))
        .select(caravan::db::schema::category_translations::slug)
        .first(&mut app.db.conn())
        .unwrap();
    let url = caravan::routes::category(Locale::En, &slug);
    let page = app.client.get(&url).await;
    assert_eq!(page.status, 200);
    page.assert_contains("Size (EU)");
    let reference = aggregate(&app, &f, false);
    for key in ["38", "39", "40", "red", "black"] {
        let id = s.values[key];
        assert_eq!(
            facet_count(&page.body, id),
            reference.get(&id).copied(),
            "{key}: {}",
            &page.body[page.body.find("value-facet").unwrap_or(0)..][..600.min(page.body.len())]
        );
    }
    assert_eq!(
        reference.get(&s.values["39"]),
        Some(&2),
        "two shops sell a 39"
    );
    // Filtering by a size lists the products sold in it; an option's own counts ignore its choice.
    let page = app
        .client
        .get(&format!("{url}?value={}", s.values["38"]))
        .await;
    assert_eq!(page.card_count(), 1);
    assert_eq!(facet_count(&page.body, s.values["39"]), Some(2));
    assert_eq!(facet_count(&page.body, s.values["red"]), Some(1));
    assert_eq!(
        facet_count(&page.body, s.values["black"]),
        None,
        "no black bag in 38"
    );
    let page = app
        .client
        .get(&format!(
            "{url}?value={}&value={}",
            s.values["38"], s.values["39"]
        ))
        .await;
    assert_eq!(
        page.card_count(),
        2,
        "values of one option are alternatives"
    );
    // "In stock" means a variant of that value is in stock: the Turkish bag's 40 is sold out.
    let page = app
        .client
        .get(&format!("{url}?value={}&in_stock=1", s.values["40"]))
        .await;
    assert_eq!(page.card_count(), 1);
    let in_stock = aggregate(&app, &f, true);
    assert_eq!(
        facet_count(&page.body, s.values["39"]),
        in_stock.get(&s.values["39"]).copied()
    );
    // Selling the Italian bag's last 40s takes it out of "40 in stock" at once.
    let v40 = builders::variant_of_sku(&mut app.db.conn(), &format!("P{}-40-RED", f.it_bag));
    assert!(
        caravan::variants::write::take(&mut app.db.conn(), v40, f.it_bag, 5)
            .unwrap()
            .is_some()
    );
    assert_eq!(aggregate(&app, &f, true).get(&s.values["40"]), None);
}

fn variant_state(app: &TestApp, product: i64) -> Vec<(i64, String, i64, i32, bool, i64, i64)> {
    product_variants::table
        .filter(product_variants::product_id.eq(product))
        .order(product_variants::id)
        .select((
            product_variants::id,
            product_variants::sku,
            product_variants::price_minor,
            product_variants::stock,
            product_variants::active,
            product_variants::value1,
            product_variants::value2,
        ))
        .load(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn variants_round_trip_through_the_csv_and_bad_rows_are_listed_by_line() {
    use crate::merchant_csv::{apply, check};
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    sized_bag(&mut app, &f, &s).await;
    let before = variant_state(&app, f.it_bag);
    let export = app.client.get("/en/merchant/products.csv").await;
    assert_eq!(export.status, 200);
    let body = export.body.trim_start_matches('\u{feff}').to_string();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    // One row per variant, the product's key on each, the option's key, names and values per language.
    assert_eq!(records.len(), 6);
    assert!(records.iter().all(|r| r[col("option1")] == "size-eu-shoes"));
    assert!(records
        .iter()
        .any(|r| r[col("option2_value_ru")] == "Красный"
            && r[col("option1_value_en")] == "39"
            && r[col("price")] == "199.50"
            && r[col("stock")] == "3"));
    assert!(records.iter().any(|r| r[col("variant_active")] == "no"));
    // Export → import unchanged: the same variants (ids, SKUs, prices, stock, flags).
    let res = check(&mut app, "en", export.body.as_bytes()).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    assert_eq!(variant_state(&app, f.it_bag), before);
    let again = app.client.get("/en/merchant/products.csv").await;
    assert_eq!(
        again.body, export.body,
        "export → import → export is stable"
    );
    // Edit in the file: 39 red costs 210.00 with 9 left; a new colour (black 41 is not in the shared list).
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for r in &records {
        let mut r = r.clone();
        if r[col("option1_value_en")] == "39" && r[col("option2_value_en")] == "Red" {
            r[col("price")] = "210.00".into();
            r[col("stock")] = "9".into();
        }
        w.write_record(&r).unwrap();
    }
    let edited = w.into_inner().unwrap();
    let res = check(&mut app, "en", &edited).await;
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    let after = variant_state(&app, f.it_bag);
    assert_eq!(after.len(), 6);
    assert!(after.iter().any(|v| v.2 == 21_000 && v.3 == 9));
    assert_eq!(
        after.iter().map(|v| v.0).collect::<Vec<_>>(),
        before.iter().map(|v| v.0).collect::<Vec<_>>(),
        "variants keep their ids"
    );
    // A new product in the file with a new option of the shop's own, names in two languages.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for (len, stock) in [("90", "2"), ("110", "0")] {
        let mut r = vec![String::new(); header.len()];
        r[col("sku")] = "BELT-1".into();
        r[col("category")] = "leather-bags".into();
        r[col("status")] = "active".into();
        r[col("price")] = "45".into();
        r[col("stock")] = stock.into();
        r[col("original_language")] = "it".into();
        r[col("title_it")] = "Cintura".into();
        r[col("variant_sku")] = format!("BELT-1-{len}");
        r[col("option1_name_it")] = "Lunghezza".into();
        r[col("option1_name_en")] = "Length".into();
        r[col("option1_value_it")] = format!("{len} cm");
        w.write_record(&r).unwrap();
    }
    let res = check(&mut app, "it", &w.into_inner().unwrap()).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    let belt: i64 = products::table
        .filter(products::sku.eq("BELT-1"))
        .select(products::id)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(variant_state(&app, belt).len(), 2);
    assert_eq!(product_summary(&app, belt), (4_500, 2));
    // Errors, each with its line, nothing applied: a value the shared list lacks, a combination twice, options
    // that differ between rows of one product, a price of zero.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    let base = records[0].clone();
    let mut bad = |f: &dyn Fn(&mut Vec<String>)| {
        let mut r = base.clone();
        f(&mut r);
        w.write_record(&r).unwrap();
    };
    let size = |r: &mut Vec<String>, v: &str| {
        for l in ["en", "ru", "tr", "it", "es"] {
            r[col(&format!("option1_value_{l}"))] = v.into();
        }
    };
    bad(&|r| size(r, "52"));
    bad(&|r| {
        r[col("variant_sku")] = "OTHER-1".into();
    });
    bad(&|_| {});
    bad(&|r| {
        r[col("variant_sku")] = "OTHER-2".into();
        r[col("option2")] = String::new();
        for l in ["en", "ru", "tr", "it", "es"] {
            r[col(&format!("option2_name_{l}"))] = String::new();
            r[col(&format!("option2_value_{l}"))] = String::new();
        }
    });
    bad(&|r| {
        r[col("variant_sku")] = "OTHER-3".into();
        size(r, "40");
        r[col("price")] = "0".into();
    });
    let file = w.into_inner().unwrap();
    let res = check(&mut app, "ru", &file).await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("Некоторых значений нет в списке этой опции");
    res.assert_contains("В другой строке этого товара те же значения опций");
    res.assert_contains("Опции в этой строке не совпадают с первой строкой того же товара");
    res.assert_contains("Укажите цену больше нуля");
    assert_eq!(variant_state(&app, f.it_bag), after, "nothing applied");
}

#[actix_web::test]
async fn ten_thousand_variant_rows_import_in_one_go() {
    use crate::merchant_csv::{apply, check};
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    shared(&mut app.db.conn());
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    // 3,334 products × 3 sizes: 10,002 variant rows in one file.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "sku",
        "category",
        "status",
        "price",
        "stock",
        "original_language",
        "title_it",
        "variant_sku",
        "option1",
        "option1_value_en",
    ])
    .unwrap();
    for p in 0..3_334 {
        for size in ["38", "39", "40"] {
            w.write_record([
                format!("SHOE-{p}"),
                "leather-bags".into(),
                "active".into(),
                "89.00".into(),
                "4".into(),
                "it".into(),
                format!("Scarpa {p}"),
                format!("SHOE-{p}-{size}"),
                "size-eu-shoes".into(),
                size.to_string(),
            ])
            .unwrap();
        }
    }
    let file = w.into_inner().unwrap();
    let started = std::time::Instant::now();
    let res = check(&mut app, "en", &file).await;
    assert_eq!(res.status, 200, "{}", &res.body[..2000.min(res.body.len())]);
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    eprintln!(
        "10,002 variant rows ({}): checked and applied in {:?}",
        if app.db.is_pg() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        started.elapsed()
    );
    let n: i64 = product_variants::table
        .filter(product_variants::merchant_id.eq(f.it_shop))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 1 + 10_002);
}

#[test]
fn the_standard_shared_options_are_installed_once_in_five_languages() {
    let db = crate::support::TestDb::new();
    let mut c = db.conn();
    let now = caravan::clock::system_now();
    let added = caravan::seed::variants::install_shared(&mut c, now).unwrap();
    assert!(added >= 6, "{added}");
    assert_eq!(
        caravan::seed::variants::install_shared(&mut c, now).unwrap(),
        0
    );
    let colour = options::table
        .filter(options::key.eq("colour"))
        .select(options::id)
        .first::<i64>(&mut c)
        .unwrap();
    let names: Vec<String> = option_value_translations::table
        .inner_join(option_values::table)
        .filter(option_values::option_id.eq(colour))
        .filter(option_values::key.eq("red"))
        .order(option_value_translations::locale)
        .select(option_value_translations::name)
        .load(&mut c)
        .unwrap();
    // By locale code: en, es, it, ru, tr.
    assert_eq!(names, ["Red", "Rojo", "Rosso", "Красный", "Kırmızı"]);
}
