use crate::support::builders;
use crate::support::TestApp;

async fn titles(app: &mut TestApp, url: &str) -> String {
    let res = app.client.get(url).await;
    assert_eq!(res.status, 200, "{url}");
    res.body
}

#[actix_web::test]
async fn search_understands_each_language() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    // Russian plural finds singular; both bags with Russian text.
    let body = titles(&mut app, "/ru/search?q=сумки").await;
    assert!(
        body.contains("Кожаная сумка из Флоренции") && body.contains("Кожаная сумка ручной работы")
    );
    // Turkish plural with Turkish letters.
    let body = titles(&mut app, "/tr/search?q=çantalar").await;
    assert!(body.contains("Floransa deri çanta") && body.contains("Deri çanta İstanbul"));
    // Italian and Spanish plurals.
    let body = titles(&mut app, "/it/search?q=borse").await;
    assert!(body.contains("Borsa in pelle fiorentina"));
    let body = titles(&mut app, "/es/search?q=bolsos").await;
    assert!(body.contains("Bolso de cuero florentino"));
    // Case and accent folding.
    let body = titles(&mut app, "/en/search?q=CAFE").await;
    assert!(body.contains("Talavera coffee cup"));
    // A query in one language finds products in any UI language.
    let body = titles(&mut app, "/en/search?q=сумка").await;
    assert!(body.contains("Florentine leather bag"));
    // Nothing found: a clear message.
    let body = titles(&mut app, "/en/search?q=zzzzqqq").await;
    assert!(body.contains("Nothing found for “zzzzqqq”"));
}

#[actix_web::test]
async fn turkish_dotted_and_dotless_i() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    for q in ["İZNİK", "iznik", "İznik"] {
        let body = titles(&mut app, &format!("/tr/search?q={q}")).await;
        assert!(body.contains("İznik çini kase"), "{q}");
    }
    // Turkish rules: IĞDIR lowercases to ığdır.
    let body = titles(&mut app, "/tr/search?q=IĞDIR").await;
    assert!(body.contains("Iğdır kayısısı"));
    // And folded for shoppers typing without Turkish letters.
    let body = titles(&mut app, "/en/search?q=igdir").await;
    assert!(body.contains("Iğdır kayısısı"));
}

#[actix_web::test]
async fn search_ranks_titles_first_and_combines_with_facets() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    // "leather" is in titles of bags; filtering by origin narrows.
    let body = titles(&mut app, "/en/search?q=leather&origin=RU").await;
    assert!(body.contains("Handmade leather bag"));
    assert!(!body.contains("Florentine leather bag"));
    // Two words must both match.
    let body = titles(&mut app, "/en/search?q=leather+florentine").await;
    assert!(body.contains("Florentine leather bag"));
    assert!(!body.contains("Handmade leather bag"));
    // Category facet within search.
    let body = titles(&mut app, "/en/search?q=hand&category=ceramics").await;
    assert!(!body.contains("Handmade leather bag"));
}

#[actix_web::test]
async fn search_forgives_scripts_yo_and_stop_words_and_refuses_what_it_cannot_search() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    // Russian typed on a Latin keyboard, and a Latin word with a Cyrillic "а" from a switched layout.
    let body = titles(&mut app, "/ru/search?q=kozhanaya+sumka").await;
    assert!(body.contains("Кожаная сумка из Флоренции"), "{body}");
    let body = titles(&mut app, "/en/search?q=leather+b\u{430}g").await;
    assert!(body.contains("Florentine leather bag"), "{body}");
    // An inflected form finds the bag's title.
    let body = titles(&mut app, "/ru/search?q=кожаной+сумкой").await;
    assert!(body.contains("Кожаная сумка из Флоренции"), "{body}");
    // Stop words are optional: a natural phrase still finds the bag.
    for q in ["a+bag+of+leather", "the+leather+bags+from+florence"] {
        let body = titles(&mut app, &format!("/en/search?q={q}")).await;
        assert!(body.contains("Florentine leather bag"), "{q}: {body}");
    }
    let body = titles(&mut app, "/it/search?q=borsa+di+pelle").await;
    assert!(body.contains("Borsa in pelle fiorentina"), "{body}");
    // A typo: one edit from 5 letters (a transposition is one), and "Did you mean" links the corrected query.
    let page = app.client.get("/en/search?q=leathr+bga").await;
    assert_eq!(page.card_count(), 0, "bga has 3 letters: never corrected");
    let page = app.client.get("/en/search?q=leathr+bag").await;
    page.assert_contains("Florentine leather bag");
    page.assert_contains(
        "<a href=\"/en/search?q=leather+bag&#38;typed=leathr+bag\">Did you mean: leather bag?</a>",
    );
    let page = app.client.get("/ru/search?q=сукма").await;
    page.assert_contains("Кожаная сумка из Флоренции");
    page.assert_contains("Возможно, вы искали: сумка?");
    // One letter, or a word over 64 bytes, is no query: a message and nothing listed, not the whole catalogue.
    for (q, message) in [
        ("a", "Type at least two letters to search."),
        ("x+%21", "Type at least two letters to search."),
        (&"w".repeat(65), "That word is too long to search for."),
    ] {
        let page = app.client.get(&format!("/en/search?q={q}")).await;
        assert_eq!(page.status, 200);
        page.assert_contains(message);
        assert_eq!(page.card_count(), 0, "{q}");
        page.assert_contains("<h1>Search</h1>");
        page.assert_not_contains("class=\"facets\"");
    }
    let ru = app.client.get("/ru/search?q=%D1%8F").await;
    ru.assert_contains("Введите хотя бы две буквы");
}

/// Adds a Turkish ceramics product `title` listed `age` minutes ago with `stock`.
fn tr_product(app: &mut TestApp, f: &builders::Fixture, title: &str, age: i64, stock: i32) -> i64 {
    builders::product(
        &mut app.db.conn(),
        builders::P {
            merchant: f.tr_shop,
            category: f.ceramics,
            origin: caravan::geo::CountryCode::TR,
            price: caravan::money::Money::new(90_000, caravan::money::Currency::Try),
            stock,
            lang: caravan::i18n::Locale::Tr,
            texts: vec![(caravan::i18n::Locale::Tr, title, "El yapımı.")],
            age_minutes: age,
        },
    )
}

/// Where each title first appears on the page (the cards' order).
fn order_of(body: &str, titles: &[&str]) -> Vec<usize> {
    titles
        .iter()
        .map(|t| body.find(t).unwrap_or_else(|| panic!("{t} missing")))
        .collect()
}

#[actix_web::test]
async fn search_ranks_the_word_as_typed_then_stock_then_rating() {
    use caravan::db::schema::products;
    use diesel::prelude::*;
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // "çam" (pine) and "cam" (glass) fold alike: the one typed with its cedilla comes first, though older.
    tr_product(&mut app, &f, "Çam kozalağı süsü", 50, 3);
    tr_product(&mut app, &f, "Cam vazo şeffaf", 5, 3);
    let body = titles(&mut app, "/tr/search?q=%C3%A7am").await;
    let at = order_of(&body, &["Çam kozalağı süsü", "Cam vazo şeffaf"]);
    assert!(at[0] < at[1], "çam first");
    let body = titles(&mut app, "/tr/search?q=cam").await;
    let at = order_of(&body, &["Çam kozalağı süsü", "Cam vazo şeffaf"]);
    assert!(at[1] < at[0], "equal words: the newest first");
    // Equal words: in stock before sold out, however new the sold-out one is.
    tr_product(&mut app, &f, "Kahve fincanı mavi", 60, 2);
    tr_product(&mut app, &f, "Kahve fincanı yeşil", 1, 0);
    let body = titles(&mut app, "/tr/search?q=kahve+fincan%C4%B1").await;
    let at = order_of(&body, &["Kahve fincanı mavi", "Kahve fincanı yeşil"]);
    assert!(at[0] < at[1], "in stock first");
    // Equal words and both in stock: the better rated first.
    let rated = tr_product(&mut app, &f, "Seramik tabak kırmızı", 90, 4);
    tr_product(&mut app, &f, "Seramik tabak beyaz", 2, 4);
    diesel::update(products::table.find(rated))
        .set(products::rating_score.eq(4_600))
        .execute(&mut app.db.conn())
        .unwrap();
    app.cache.clear();
    let body = titles(&mut app, "/tr/search?q=seramik+tabak").await;
    let at = order_of(&body, &["Seramik tabak kırmızı", "Seramik tabak beyaz"]);
    assert!(at[0] < at[1], "better rated first");
}

fn product_in(app: &mut TestApp, shop: i64, f: &builders::Fixture, lang: &str, title: &str) -> i64 {
    use caravan::geo::CountryCode;
    use caravan::i18n::Locale;
    use caravan::money::{Currency, Money};
    let (l, origin, currency) = match lang {
        "ru" => (Locale::Ru, CountryCode::RU, Currency::Rub),
        _ => (Locale::Es, CountryCode::ES, Currency::Eur),
    };
    builders::product(
        &mut app.db.conn(),
        builders::P {
            merchant: shop,
            category: f.ceramics,
            origin,
            price: Money::new(90_000, currency),
            stock: 5,
            lang: l,
            texts: vec![(l, title, "")],
            age_minutes: 5,
        },
    )
}

/// Irregular forms Snowball cannot tie to their word (it leaves `кружек` as it is and cuts `кружка` to `кружк`) are
/// found through Debian's Hunspell dictionaries, where installed (CI installs them and requires this test).
#[actix_web::test]
async fn irregular_forms_are_found_through_the_dictionaries() {
    let db = crate::support::TestDb::new();
    let config = db.config();
    let installed = crate::support::shared_lexicons(&config.hunspell_dir)
        .is_some_and(|l| l.load().len() == caravan::i18n::Locale::ALL.len());
    if !installed {
        let required = std::env::var("CARAVAN_LEXICON_TESTS").as_deref() == Ok("require");
        assert!(
            !required,
            "CARAVAN_LEXICON_TESTS=require but the Hunspell dictionaries are missing"
        );
        eprintln!("skipped: the Hunspell dictionaries are not installed");
        return;
    }
    let mut app = TestApp::with_config(db, config).await;
    let f = builders::standard(&mut app.db.conn());
    product_in(
        &mut app,
        f.ru_shop,
        &f,
        "ru",
        "Кружка гжельская с васильками",
    );
    product_in(&mut app, f.ru_shop, &f, "ru", "Ремень кожаный плетёный");
    product_in(&mut app, f.es_shop, &f, "es", "Lápiz de grafito artesanal");
    for (url, title) in [
        (
            "/ru/search?q=%D0%BA%D1%80%D1%83%D0%B6%D0%B5%D0%BA",
            "Кружка гжельская",
        ), // кружек
        (
            "/ru/search?q=%D1%80%D0%B5%D0%BC%D0%BD%D0%B5%D0%B9",
            "Ремень кожаный",
        ), // ремней
        ("/es/search?q=l%C3%A1pices", "Lápiz de grafito"),
    ] {
        let body = titles(&mut app, url).await;
        assert!(body.contains(title), "{url} finds {title}");
    }
    // Without the dictionaries the same search finds nothing: they are what ties the forms together (`кружек`
    // is one typing mistake from `кружк`, so the test uses `ремней`, two from `ремень`).
    let db = crate::support::TestDb::new();
    let mut config = db.config();
    config.hunspell_dir = None;
    let mut bare = TestApp::with_config(db, config).await;
    let f = builders::standard(&mut bare.db.conn());
    product_in(&mut bare, f.ru_shop, &f, "ru", "Ремень кожаный плетёный");
    let body = titles(
        &mut bare,
        "/ru/search?q=%D1%80%D0%B5%D0%BC%D0%BD%D0%B5%D0%B9",
    )
    .await;
    assert!(!body.contains("Ремень кожаный"), "without dictionaries");
}

/// The labels, kinds and notes the search box is offered for `q`.
async fn suggestions(app: &mut TestApp, lang: &str, q: &str) -> Vec<(String, String, String)> {
    let query = serde_urlencoded::to_string([("q", q)]).expect("query");
    let url = format!("/{lang}/search/suggest?{query}");
    let res = app.client.get(&url).await;
    assert_eq!(res.status, 200, "{url}");
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("public, max-age=60")
    );
    let found: serde_json::Value = serde_json::from_str(&res.body).expect("json");
    let list = found.as_array().expect("a list");
    assert!(list.len() <= 8, "{url}: at most 8");
    list.iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().unwrap_or_default().to_string();
            assert!(text("href").starts_with(&format!("/{lang}/")), "{s}");
            (text("label"), text("kind"), text("note"))
        })
        .collect()
}

fn has(found: &[(String, String, String)], label: &str, kind: &str) -> bool {
    found.iter().any(|(l, k, _)| l == label && k == kind)
}

#[actix_web::test]
async fn the_search_box_completes_products_categories_and_shops_in_each_language() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    // An unfinished word is completed: products first, then categories with a localized note.
    let found = suggestions(&mut app, "en", "leath").await;
    assert!(
        has(&found, "Florentine leather bag", "product"),
        "{found:?}"
    );
    assert!(has(&found, "Leather bags", "category"), "{found:?}");
    assert_eq!(found[0].1, "product");
    assert!(found
        .iter()
        .any(|(_, k, n)| k == "category" && n == "Category"));
    // Finished words must match; the last one is completed.
    let found = suggestions(&mut app, "en", "florentine lea").await;
    assert!(
        has(&found, "Florentine leather bag", "product"),
        "{found:?}"
    );
    assert!(!has(&found, "Handmade leather bag", "product"), "{found:?}");
    // Russian, Turkish (a shop), Italian, Spanish.
    let found = suggestions(&mut app, "ru", "сумк").await;
    assert!(
        has(&found, "Кожаная сумка из Флоренции", "product"),
        "{found:?}"
    );
    let found = suggestions(&mut app, "ru", "кожан").await;
    assert!(
        found
            .iter()
            .any(|(l, k, n)| l == "Кожаные сумки" && k == "category" && n == "Категория"),
        "{found:?}"
    );
    let found = suggestions(&mut app, "tr", "istanb").await;
    assert!(
        found
            .iter()
            .any(|(l, k, n)| l == "İstanbul Test" && k == "shop" && n == "Mağaza"),
        "{found:?}"
    );
    assert!(has(&found, "Deri çanta İstanbul", "product"), "{found:?}");
    let found = suggestions(&mut app, "it", "borsa pel").await;
    assert!(
        has(&found, "Borsa in pelle fiorentina", "product"),
        "{found:?}"
    );
    let found = suggestions(&mut app, "es", "cerá").await;
    assert!(has(&found, "Cerámica", "category"), "{found:?}");
    // Too little typed, or nothing to complete: nothing offered.
    assert!(suggestions(&mut app, "en", "l").await.is_empty());
    assert!(suggestions(&mut app, "en", "zzzq").await.is_empty());
    assert!(suggestions(&mut app, "en", "").await.is_empty());
}

#[actix_web::test]
async fn a_search_with_few_results_offers_matching_categories() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // Nothing is "blue", but "bags" names a category.
    let page = app.client.get("/en/search?q=blue+bags").await;
    assert_eq!(page.card_count(), 0);
    page.assert_contains("Categories that match");
    page.assert_contains("<a href=\"/en/c/leather-bags\">Leather bags</a>");
    let page = app.client.get("/ru/search?q=синие+сумки").await;
    page.assert_contains("Подходящие категории");
    // Enough results: no such list.
    for (title, age) in [
        ("Seramik kase", 7),
        ("Seramik tabak", 8),
        ("Seramik fincan", 9),
        ("Seramik vazo", 11),
    ] {
        tr_product(&mut app, &f, title, age, 1);
    }
    let page = app.client.get("/tr/search?q=seramik").await;
    assert!(page.card_count() > 3);
    page.assert_not_contains("Eşleşen kategoriler");
    let page = app.client.get("/tr/search?q=seramik+vazo").await;
    assert_eq!(page.card_count(), 1);
    page.assert_contains("Eşleşen kategoriler");
}

#[actix_web::test]
async fn staff_see_zero_result_rates_and_corrections_per_language() {
    use caravan::identity::model::Role;
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    for q in ["bag", "bag", "zzzzqq", "leathr+bag"] {
        app.client.get(&format!("/en/search?q={q}")).await;
    }
    // A stored page still counts as a search; a second page does not.
    app.client.get("/en/search?q=bag&page=2").await;
    // Nor does filtering or sorting it.
    app.client.get("/en/search?q=bag&origin=IT").await;
    app.client.get("/en/search?q=zzzzqq&sort=price_asc").await;
    app.client.get("/ru/search?q=сукма").await;
    // Following "Did you mean" counts as a click on that correction.
    app.client
        .get("/en/search?q=leather+bag&typed=leathr+bag")
        .await;
    app.searches.flush(&mut app.db.conn()).expect("flush");
    app.sign_in_as("staff@example.com", Role::Staff).await;
    let page = app.client.get("/en/staff").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Searches by language (last 7 days)");
    // English: 5 searches (bag twice, zzzzqq, leathr bag, leather bag), 1 found nothing: 20.0%.
    page.assert_contains("<td>English</td><td>5</td><td>1</td><td>20.0%</td><td>1</td><td>1</td>");
    page.assert_contains("<td>Русский</td><td>1</td><td>0</td><td>0.0%</td><td>1</td><td>0</td>");
    page.assert_contains(
        "<td>English</td><td>leathr bag</td><td>leather bag</td><td>1</td><td>1</td>",
    );
    page.assert_contains("<td>сукма</td><td>сумка</td>");
    // In Russian the rate is written the Russian way.
    let page = app.client.get("/ru/staff").await;
    page.assert_contains("<td>20,0 %</td>");
}
