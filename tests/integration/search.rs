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
