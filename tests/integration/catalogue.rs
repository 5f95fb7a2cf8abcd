use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::money::{Currency, Money};

use crate::support::builders::{self, P};
use crate::support::TestApp;

#[actix_web::test]
async fn home_shows_categories_origins_and_newest() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let res = app.client.get("/tr/").await;
    assert_eq!(res.status, 200);
    res.assert_contains("Deri ürünler");
    res.assert_contains("href=\"/tr/origin/it\"");
    // Turkey has 3 products, Italy 1 (CLDR Turkish: no plural distinction).
    res.assert_contains("3 ürün");
    res.assert_contains(&format!("/tr/p/{}-", f.it_bag));
    assert!(res.card_count() >= 7);
}

#[actix_web::test]
async fn category_listing_with_facets_counts_and_children() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let _ = f;
    // The parent category lists its subcategory's products.
    let res = app.client.get("/en/c/leather-goods").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.card_count(), 4);
    res.assert_contains("4 products");
    res.assert_contains(
        "<a href=\"/en/c/leather-bags\">Leather bags</a> <span class=\"count\">(4)</span>",
    );
    // Origin facet with counts; filtering by two origins.
    res.assert_contains("Italy <span class=\"count\">(1)</span>");
    res.assert_contains("Turkey <span class=\"count\">(1)</span>");
    let res = app
        .client
        .get("/en/c/leather-goods?origin=IT&origin=TR")
        .await;
    assert_eq!(res.card_count(), 2);
    res.assert_contains("2 products");
    // Origin counts ignore the origin filter itself (so shoppers can add more).
    res.assert_contains("Spain <span class=\"count\">(1)</span>");
    // An origin with nothing in the listing is not offered ("Russia (0)"), unless it is chosen.
    let res = app.client.get("/en/c/ceramics").await;
    res.assert_contains("Turkey <span class=\"count\">(");
    assert!(!res.body.contains("Russia <span"), "{}", res.body);
    let res = app.client.get("/en/c/ceramics?origin=RU").await;
    res.assert_contains("Russia <span class=\"count\">(0)</span>");
    // In stock only.
    let res = app.client.get("/en/c/leather-goods?in_stock=1").await;
    assert_eq!(res.card_count(), 3);
    res.assert_contains("In stock only <span class=\"count\">(3)</span>");
    // Price range in the shopper's currency (USD for en): 189 EUR ≈ 219.24 USD.
    let res = app
        .client
        .get("/en/c/leather-goods?price_min=200&price_max=230")
        .await;
    assert_eq!(res.card_count(), 1, "{}", res.body);
    res.assert_contains("Florentine leather bag");
    // Sorting by price.
    let res = app.client.get("/en/c/leather-goods?sort=price_asc").await;
    let cheap = res.body.find("Sold out leather bag").expect("cheap");
    let dear = res.body.find("Florentine leather bag").expect("dear");
    assert!(cheap < dear);
    let res = app.client.get("/en/c/leather-goods?sort=price_desc").await;
    assert!(res.body.find("Florentine leather bag") < res.body.find("Sold out leather bag"));
    // A slug from another language redirects to this language's slug, keeping the query.
    let res = app.client.get("/en/c/deri-cantalar?origin=IT").await;
    assert_eq!(res.status, 301);
    assert_eq!(
        res.location().as_deref(),
        Some("/en/c/leather-bags?origin=IT")
    );
    assert_eq!(app.client.get("/en/c/no-such-category").await.status, 404);
}

#[actix_web::test]
async fn pagination_is_bounded_and_keeps_filters() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    {
        let mut conn = app.db.conn();
        for i in 0..30 {
            let title = format!("Pitcher number {i}");
            builders::product(
                &mut conn,
                P {
                    merchant: f.it_shop,
                    category: f.ceramics,
                    origin: CountryCode::IT,
                    price: Money::new(1000 + i, Currency::Eur),
                    stock: 1,
                    lang: Locale::En,
                    texts: vec![(Locale::En, &title, "Jug")],
                    age_minutes: 100 + i,
                },
            );
        }
    }
    let res = app.client.get("/en/c/ceramics?origin=IT").await;
    assert_eq!(res.card_count(), 24);
    res.assert_contains("Page 1 of 2");
    res.assert_contains("href=\"/en/c/ceramics?origin=IT&#38;page=2\"");
    let res = app.client.get("/en/c/ceramics?origin=IT&page=2").await;
    assert_eq!(res.card_count(), 6);
    res.assert_contains("Page 2 of 2");
    // Past the end clamps to the last page rather than erroring.
    let res = app.client.get("/en/c/ceramics?origin=IT&page=9999").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.card_count(), 6);
}

#[actix_web::test]
async fn product_page_prices_fallback_jsonld_and_slug_redirect() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // Wrong slug → 301 to the canonical one.
    let res = app
        .client
        .get(&format!("/ru/p/{}-whatever", f.it_bag))
        .await;
    assert_eq!(res.status, 301);
    assert_eq!(
        res.location(),
        Some(format!("/ru/p/{}-kozhanaia-sumka-iz-florentsii", f.it_bag))
    );
    let res = app
        .client
        .get(&format!("/ru/p/{}-kozhanaia-sumka-iz-florentsii", f.it_bag))
        .await;
    assert_eq!(res.status, 200);
    res.assert_contains("Кожаная сумка из Флоренции");
    // 189.00 EUR with Italy's 22% VAT is 154.92 EUR net, as it sells to Russia (no VAT collected: duties may be
    // due on delivery); at 98.5 RUB/EUR 15 259.62 RUB, with the merchant's own figure shown too.
    res.assert_contains("15\u{a0}259,62\u{a0}₽");
    res.assert_contains("154,92\u{a0}€");
    res.assert_contains("При получении может потребоваться оплатить ввозной НДС и пошлины.");
    res.assert_contains("Италия");
    res.assert_contains("\"@type\":\"Product\"");
    res.assert_contains("\"priceCurrency\":\"EUR\"");
    res.assert_contains("\"price\":\"154.92\"");
    res.assert_contains("href=\"/ru/shop/bottega-test\"");
    // Only Turkish text exists: the Italian page shows it, marked lang="tr".
    let res = app
        .client
        .get(&format!("/it/p/{}-igdir-kayisisi", f.apricots))
        .await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains("<article class=\"product\" lang=\"tr\">");
    res.assert_contains("Iğdır kayısısı");
    // Sold out.
    let res = app
        .client
        .get(&format!("/en/p/{}-sold-out-leather-bag", f.sold_out))
        .await;
    res.assert_contains("Sold out");
    assert_eq!(app.client.get("/en/p/999999-nothing").await.status, 404);
}

#[actix_web::test]
async fn market_switch_changes_currency_and_needs_csrf() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let url = format!("/ru/p/{}-kozhanaia-sumka-iz-florentsii", f.it_bag);
    let page = app.client.get(&url).await;
    // A page shared caches may keep carries no token: the market form is checked by origin.
    assert_eq!(page.input_value("csrf").as_deref(), Some(""));
    // Wrong token from a client that does not say where it comes from: 403, market unchanged.
    app.client.fetch_site = None;
    let res = app
        .client
        .post_form(
            "/ru/market",
            &[
                ("csrf", "nope"),
                ("ship_to", "KZ"),
                ("currency", "KZT"),
                ("return_to", &url),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    app.client.get(&url).await.assert_contains("₽");
    // From our own page (the browser says so): KZT prices from now on. 154.92 EUR (net of Italy's VAT) × 590 =
    // 91 402.80 KZT.
    app.client.fetch_site = Some("same-origin");
    let res = app
        .client
        .post_form(
            "/ru/market",
            &[
                ("csrf", ""),
                ("ship_to", "KZ"),
                ("currency", "KZT"),
                ("return_to", &url),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location().as_deref(), Some(url.as_str()));
    let res = app.client.get(&url).await;
    res.assert_contains("91\u{a0}402,80\u{a0}KZT");
    res.assert_contains("Казахстан · KZT");
    // Open redirect attempts fall back to the home page.
    let res = app
        .client
        .post_form(
            "/ru/market",
            &[
                ("csrf", ""),
                ("ship_to", "KZ"),
                ("currency", "KZT"),
                ("return_to", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.location().as_deref(), Some("/ru/"));
    // Unknown values are a clear 400, not a crash.
    let res = app
        .client
        .post_form(
            "/ru/market",
            &[("csrf", ""), ("ship_to", "XX"), ("currency", "DOGE")],
        )
        .await;
    assert_eq!(res.status, 400);
}

#[actix_web::test]
async fn origin_and_shop_pages() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let res = app.client.get("/es/origin/tr").await;
    assert_eq!(res.status, 200);
    res.assert_contains("Hecho en Turquía");
    assert_eq!(res.card_count(), 3);
    let res = app.client.get("/es/origin/TR").await;
    assert_eq!(res.status, 301);
    let res = app.client.get("/en/shop/istanbul-test").await;
    assert_eq!(res.status, 200);
    res.assert_contains("İstanbul Test");
    assert_eq!(res.card_count(), 3);
    let res = app
        .client
        .get("/en/shop/istanbul-test?category=ceramics")
        .await;
    assert_eq!(res.card_count(), 2);
    assert_eq!(app.client.get("/en/shop/nobody").await.status, 404);
    let _ = f;
}

#[actix_web::test]
async fn parent_category_pages_merge_subcategories_in_order() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    {
        let mut conn = app.db.conn();
        for i in 0..30 {
            let title = format!("Satchel model {i:02}");
            builders::product(
                &mut conn,
                P {
                    merchant: f.it_shop,
                    // Alternate between the parent itself and its subcategory.
                    category: if i % 2 == 0 { f.leather } else { f.bags },
                    origin: CountryCode::IT,
                    price: Money::new(5000 + i * 100, Currency::Eur),
                    stock: 1,
                    lang: Locale::En,
                    texts: vec![(Locale::En, &title, "Leather")],
                    age_minutes: 1000 + i,
                },
            );
        }
    }
    // 34 products: page 1 newest first (the fixture's 4 bags, then satchels 00, 01, …), page 2 the rest.
    let p1 = app.client.get("/en/c/leather-goods").await;
    assert_eq!(p1.card_count(), 24);
    let order: Vec<usize> = [
        "Florentine leather bag",
        "Satchel model 00",
        "Satchel model 01",
        "Satchel model 19",
    ]
    .iter()
    .map(|t| p1.body.find(t).expect(t))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "newest first across subcategories"
    );
    let p2 = app.client.get("/en/c/leather-goods?page=2").await;
    assert_eq!(p2.card_count(), 10);
    p2.assert_contains("Satchel model 20");
    p2.assert_contains("Satchel model 29");
    p2.assert_not_contains("Satchel model 19");
    // Price ascending across both: the cheapest satchel (50.00 EUR) comes before the Florentine bag (189 EUR).
    let asc = app
        .client
        .get("/en/c/leather-goods?sort=price_asc&page=2")
        .await;
    asc.assert_contains("Florentine leather bag");
    let asc1 = app.client.get("/en/c/leather-goods?sort=price_asc").await;
    assert!(asc1.body.find("Satchel model 00") < asc1.body.find("Satchel model 01"));
}

/// Card links of a listing page, in order.
fn card_urls(body: &str) -> Vec<String> {
    body.split("<a class=\"card-link\" href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

fn next_link(body: &str) -> Option<String> {
    let rest = body.split("<a rel=\"next\" href=\"").nth(1)?;
    Some(
        rest.split('"')
            .next()?
            .replace("&#38;", "&")
            .replace("&amp;", "&"),
    )
}

#[actix_web::test]
async fn next_links_walk_every_product_once_in_every_order() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    {
        let mut conn = app.db.conn();
        let mut totes = Vec::new();
        for i in 0..57 {
            let title = format!("Tote {i:02}");
            totes.push(builders::product(
                &mut conn,
                P {
                    merchant: if i % 3 == 0 { f.tr_shop } else { f.it_shop },
                    // Parent and child category: the pages merge two ordered ranges.
                    category: if i % 2 == 0 { f.leather } else { f.bags },
                    origin: CountryCode::IT,
                    // Four products per price: ties are broken by id across page boundaries.
                    price: Money::new(3000 + (i / 4) * 100, Currency::Eur),
                    stock: 1,
                    lang: Locale::En,
                    texts: vec![(Locale::En, &title, "Canvas")],
                    age_minutes: 2000 + i,
                },
            ));
        }
        // Three products per listing time: ties in the newest order too, broken by id.
        use caravan::db::schema::products;
        use diesel::prelude::*;
        for (k, three) in totes.chunks(3).enumerate() {
            let at = caravan::clock::system_now() - time::Duration::minutes(3000 + k as i64);
            // Scores as reviews leave them, three alike and repeating, so "best rated" has ties too.
            let score = 3_400 + (k as i32 % 4) * 150;
            diesel::update(products::table.filter(products::id.eq_any(three)))
                .set((
                    products::created_at.eq(at),
                    products::rating_score.eq(score),
                ))
                .execute(&mut conn)
                .expect("listing time");
        }
    }
    for sort in ["newest", "price_asc", "price_desc", "rating"] {
        // By page number (offsets).
        let mut by_offset = Vec::new();
        for page in 1..=3 {
            let res = app
                .client
                .get(&format!("/en/c/leather-goods?sort={sort}&page={page}"))
                .await;
            by_offset.extend(card_urls(&res.body));
        }
        // By following "next" (keyset from page 2 on).
        let mut walked = Vec::new();
        let mut url = Some(format!("/en/c/leather-goods?sort={sort}"));
        let mut pages = 0;
        while let Some(u) = url {
            let res = app.client.get(&u).await;
            assert_eq!(res.status, 200, "{u}");
            walked.extend(card_urls(&res.body));
            pages += 1;
            url = next_link(&res.body);
            if let Some(n) = &url {
                assert!(
                    n.contains("after="),
                    "{sort}: next link {n} carries a position"
                );
                assert!(n.contains(&format!("page={}", pages + 1)), "{n}");
            }
            assert!(pages <= 3, "{sort}: more pages than products");
        }
        assert_eq!(pages, 3, "{sort}");
        // The fixture's 4 leather products and 57 totes: each once, the same order both ways.
        assert_eq!(walked.len(), 61, "{sort}");
        let mut unique = walked.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 61, "{sort}: a product shown twice");
        assert_eq!(walked, by_offset, "{sort}");
    }
    // A position that fits nothing (hand-edited) is a short page, never an error.
    let res = app
        .client
        .get("/en/c/leather-goods?sort=newest&page=2&after=1_1")
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.card_count(), 0);
}

/// The product page says what shipping to the shopper's country costs from this shop, in the shopper's
/// currency and as the cart will charge it, or that the shop does not ship there, before anything is added.
#[actix_web::test]
async fn product_page_shows_shipping_to_the_market_or_that_there_is_none() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 900, (2, 4));
    // 9.00 EUR with Italy's VAT is 7.38 EUR net to Russia, at 98.5 RUB/EUR 726.93 RUB, half up.
    let res = app
        .client
        .get(&format!("/ru/p/{}-kozhanaia-sumka-iz-florentsii", f.it_bag))
        .await;
    assert_eq!(res.status, 200);
    // The Italian shop hands parcels over in 2 business days (the default), then 2 to 4 more.
    let holidays = caravan::holidays::Holidays::load(2024..2031).expect("holidays");
    let italy = caravan::arrival::Sender {
        country: "IT",
        handling_days: 2,
        cutoff_hour: None,
    };
    let to = caravan::geo::CountryCode::RU;
    let w = caravan::arrival::for_order(app.clock.now(), italy, ((2, 4), to), &holidays)
        .expect("window");
    let formatters = caravan::i18n::Formatters::new().expect("formatters");
    let dates = formatters.date_range(caravan::i18n::Locale::Ru, w.from, w.to);
    res.assert_contains(&format!(
        "<p class=\"delivery\">Доставка — Россия: 726,93\u{a0}₽ · прибудет {dates}</p>"
    ));
    // The Turkish shop has no shipping table: it ships nowhere.
    let res = app
        .client
        .get(&format!("/it/p/{}-igdir-kayisisi", f.apricots))
        .await;
    assert_eq!(res.status, 200);
    res.assert_contains("Questo negozio non spedisce in Italia.");
}

/// "Ships to me" keeps only the shops with a rate to the shopper's country (its own or "everywhere else"), in
/// the results and the counts, and each card then says what delivery costs and takes.
#[actix_web::test]
async fn ships_to_me_filters_by_the_market_and_cards_quote_delivery() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    builders::ship(&mut app.db.conn(), f.it_shop, "KZ", 1_500, (5, 9));
    builders::ship(&mut app.db.conn(), f.tr_shop, "*", 0, (3, 6));
    builders::ship(&mut app.db.conn(), f.ru_shop, "IT", 700, (2, 3));
    let res = app
        .client
        .post_form("/en/market", &[("ship_to", "KZ"), ("currency", "EUR")])
        .await;
    assert_eq!(res.status, 303);
    let all = app.client.get("/en/search?q=bag").await;
    let only = app.client.get("/en/search?q=bag&ships_to_me=1").await;
    assert_eq!(only.status, 200);
    only.assert_contains("Ships to Kazakhstan");
    only.assert_contains("id=\"ships-to-me\" name=\"ships_to_me\" value=\"1\" checked");
    assert!(
        all.card_count() > only.card_count(),
        "the Russian bag is left out"
    );
    only.assert_contains("Florentine leather bag");
    only.assert_not_contains(&format!("value=\"{}\"", f.ru_bag));
    // Cards say when a parcel ordered now arrives, as the product page does (2 handling days by default).
    let holidays = caravan::holidays::Holidays::load(2024..2031).expect("holidays");
    let names = caravan::i18n::Formatters::new().expect("formatters");
    let arrives = |country: &str, transit: (i32, i32)| {
        let from = caravan::arrival::Sender {
            country,
            handling_days: 2,
            cutoff_hour: None,
        };
        let kz = caravan::geo::CountryCode::parse("KZ").expect("code");
        let w = caravan::arrival::for_order(app.clock.now(), from, (transit, kz), &holidays)
            .expect("window");
        names.date_range(caravan::i18n::Locale::En, w.from, w.to)
    };
    let (from_italy, from_turkey) = (arrives("IT", (5, 9)), arrives("TR", (3, 6)));
    // €15.00 with Italy's VAT, net to Kazakhstan (no VAT collected there): €12.30.
    only.assert_contains(&format!(
        "<p class=\"card-delivery\">Delivery €12.30 · arrives {from_italy}</p>"
    ));
    all.assert_not_contains("card-delivery");
    // The Turkish shop ships free everywhere; its cards say so.
    let tr = app.client.get("/en/origin/tr?ships_to_me=1").await;
    tr.assert_contains(&format!(
        "card-delivery\">Delivery free · arrives {from_turkey}"
    ));
    // Shipping to Italy instead: only the Russian shop has a rate there.
    app.client
        .post_form("/en/market", &[("ship_to", "IT"), ("currency", "EUR")])
        .await;
    let it = app.client.get("/en/search?q=bag&ships_to_me=1").await;
    it.assert_contains(&format!("value=\"{}\"", f.ru_bag));
    it.assert_contains("(1)");
}
