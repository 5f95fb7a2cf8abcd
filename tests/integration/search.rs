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
    page.assert_contains("<a href=\"/en/search?q=leather+bag\">Did you mean: leather bag?</a>");
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
