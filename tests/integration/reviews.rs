//! Reviews by verified buyers: a German shopper's bag is delivered, he reviews it (with a photo) once, and the
//! review shows on the product page in another language's listing with its language marked; the aggregates stay
//! exact on write, hide and restore; the shop replies, shoppers report, staff moderate (audited); the reviews
//! page filters by stars, photos and language and pages; bad input is refused field by field.

use caravan::db::schema::{audit_log, product_ratings, shop_ratings};
use caravan::identity::model::Role;
use caravan::reviews::repo::{self, NewReview};
use diesel::prelude::*;

use crate::audience::ship_to;
use crate::delivery::product_url;
use crate::merchant_area::tiny_png;
use crate::orders::merchant_act;
use crate::support::builders::{self, Fixture};
use crate::support::TestApp;

/// Hans (Germany) buys the Florentine bag; returns the order number and its line's id.
async fn bought(app: &mut TestApp, f: &Fixture) -> (String, i64) {
    builders::ship(&mut app.db.conn(), f.it_shop, "*", 1_000, (2, 5));
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    ship_to(app, "en", "DE", "EUR").await;
    crate::orders::add(app, "en", f.it_bag, "1").await;
    let res = crate::orders::address(app, "en", "DE", "10115").await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (res, _) = crate::orders::place(app, "en", "bank_transfer").await;
    assert_eq!(res.status, 303, "{}", res.body);
    use caravan::db::schema::{order_lines, orders};
    let (number, line): (String, i64) = orders::table
        .inner_join(order_lines::table)
        .select((orders::number, order_lines::id))
        .first(&mut app.db.conn())
        .unwrap();
    (number, line)
}

async fn deliver(app: &mut TestApp, f: &Fixture, number: &str) {
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    for form in [
        vec![("action", "paid")],
        vec![("action", "shipped"), ("tracking", "RR123456785IT")],
        vec![("action", "delivered")],
    ] {
        let res = merchant_act(app, number, &form).await;
        assert_eq!(res.status, 303, "{}", res.body);
    }
    app.client.cookies.clear();
}

async fn post_review(
    app: &mut TestApp,
    line: i64,
    texts: &[(&str, &str)],
    photo: bool,
) -> crate::support::client::Page {
    let csrf = app.csrf().await;
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(texts);
    let png = tiny_png();
    let files: Vec<(&str, &str, &str, &[u8])> = if photo {
        vec![("photos", "bag.png", "image/png", png.as_slice())]
    } else {
        Vec::new()
    };
    app.client
        .post_multipart(&format!("/en/reviews/new/{line}"), &all, &files)
        .await
}

async fn ru_url(app: &mut TestApp, id: i64) -> String {
    app.client
        .get(&format!("/ru/p/{id}-x"))
        .await
        .location()
        .expect("canonical product URL")
}

fn stars(app: &TestApp, product: i64) -> (i32, i32, i32) {
    product_ratings::table
        .find(product)
        .select((
            product_ratings::count,
            product_ratings::sum,
            product_ratings::stars5,
        ))
        .first(&mut app.db.conn())
        .unwrap_or((0, 0, 0))
}

#[actix_web::test]
async fn a_buyer_reviews_a_delivered_bag_once_and_it_shows_in_every_language() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let (number, line) = bought(&mut app, &f).await;
    // Not delivered yet: refused with the reason; another account's line does not exist for him.
    let early = app.client.get(&format!("/en/reviews/new/{line}")).await;
    assert_eq!(early.status, 422);
    early.assert_contains("once your order has been delivered");
    app.client.cookies.clear();
    app.sign_in_as("lola@example.es", Role::Shopper).await;
    assert_eq!(
        app.client
            .get(&format!("/en/reviews/new/{line}"))
            .await
            .status,
        404
    );
    deliver(&mut app, &f, &number).await;
    // The delivery email invites a review (development mail, written as .eml files).
    {
        use caravan::config::MailTransport;
        use caravan::mail::transport::Mailer;
        let dir = app.db.config().data_dir.join("mail");
        let files = Mailer::from_settings(&MailTransport::Files(dir.clone()))
            .unwrap()
            .unwrap();
        let env = crate::mail::env(&app);
        caravan::mail::worker::pass(&mut app.db.conn(), &files, &env, app.clock.now()).unwrap();
        let letters: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .collect();
        assert!(
            letters.iter().any(|l| l.contains("Review this product")),
            "{} letters",
            letters.len()
        );
    }
    app.sign_in_as("hans@example.de", Role::Shopper).await;
    let order = app.client.get(&format!("/en/orders/{number}")).await;
    order.assert_contains("Review this product");
    order.assert_contains(&format!("/en/reviews/new/{line}"));
    // Bad input keeps what was typed, with a message per field.
    let long = "x".repeat(5_001);
    let bad = post_review(
        &mut app,
        line,
        &[("title", "Solid bag"), ("body", &long), ("lang", "en")],
        false,
    )
    .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("Choose from 1 to 5 stars.");
    bad.assert_contains("Keep your review under 5,000 characters.");
    bad.assert_contains("value=\"Solid bag\"");
    // Written in Italian, with HTML that must show as text, and a photo.
    let ok = post_review(
        &mut app,
        line,
        &[
            ("rating", "5"),
            ("title", "Borsa stupenda"),
            ("body", "Cuciture perfette. <script>alert(1)</script>"),
            ("lang", "it"),
        ],
        true,
    )
    .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let order = app.client.get(&format!("/en/orders/{number}")).await;
    order.assert_contains("You reviewed this product");
    // Once per product.
    let again = post_review(&mut app, line, &[("rating", "1"), ("lang", "en")], false).await;
    assert_eq!(again.status, 422);
    again.assert_contains("You have already reviewed this product.");
    assert_eq!(stars(&app, f.it_bag), (1, 5, 1));
    let shop: (i32, i32) = shop_ratings::table
        .find(f.it_shop)
        .select((shop_ratings::count, shop_ratings::sum))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(shop, (1, 5));
    // A Russian shopper's page: the review is listed, marked as Italian, escaped, with the photo; JSON-LD rates it.
    app.client.cookies.clear();
    let url = ru_url(&mut app, f.it_bag).await;
    let page = app.client.get(&url).await;
    assert_eq!(page.status, 200);
    page.assert_contains("lang=\"it\">Borsa stupenda</h3>");
    page.assert_contains("Написан на итальянском");
    page.assert_contains("Анна П.");
    page.assert_contains("&#60;script&#62;alert(1)&#60;/script&#62;");
    page.assert_not_contains("<script>alert(1)</script>");
    page.assert_contains("/media/uploads/reviews/");
    page.assert_contains("\"aggregateRating\":{\"@type\":\"AggregateRating\",\"bestRating\":5,\"ratingValue\":\"5.0\",\"reviewCount\":1,\"worstRating\":1}");
    page.assert_contains("\"@type\":\"Review\"");
}

/// A review of `product` (shop `shop`) by a new buyer, written `days_ago` days ago, recounted as the service does.
fn review(
    app: &TestApp,
    (product, shop): (i64, i64),
    n: usize,
    rating: i32,
    lang: &str,
    days_ago: i64,
) -> i64 {
    let mut c = app.db.conn();
    let user = builders::shopper(&mut c, &format!("buyer{n}@example.com"), lang);
    let now = caravan::clock::system_now();
    let id = repo::insert(
        &mut c,
        &NewReview {
            product_id: product,
            merchant_id: shop,
            user_id: user,
            order_line_id: None,
            product_title: "Santa Croce bag".into(),
            rating,
            title: format!("Review {n}"),
            body: format!("Text of review {n}"),
            lang: lang.into(),
            country: "KZ".into(),
            author: format!("Buyer{n} K."),
            variant_label: String::new(),
            status: "visible".into(),
            hidden_reason: String::new(),
            reports: 0,
            reply: String::new(),
            reply_lang: String::new(),
            replied_at: None,
            created_at: now - time::Duration::days(days_ago),
        },
    )
    .unwrap();
    repo::recount(&mut c, product, shop).unwrap();
    id
}

#[actix_web::test]
async fn shops_reply_shoppers_report_and_staff_hide_and_restore_with_exact_ratings() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let bag = (f.it_bag, f.it_shop);
    let first = review(&app, bag, 1, 1, "ru", 3);
    review(&app, bag, 2, 5, "en", 2);
    review(&app, bag, 3, 4, "en", 1);
    assert_eq!(stars(&app, f.it_bag), (3, 10, 1));
    // The shop replies in Italian; another shop cannot touch the review.
    app.sign_in_as_owner("owner@bottega.it", f.it_shop).await;
    let list = app.client.get("/en/merchant/reviews").await;
    assert_eq!(list.status, 200);
    list.assert_contains("Text of review 1");
    let csrf = app.csrf().await;
    let reply = format!("/en/merchant/reviews/{first}/reply");
    let res = app
        .client
        .post_form(
            &reply,
            &[
                ("csrf", &csrf),
                ("reply", "Ci dispiace, la contattiamo subito."),
                ("lang", "it"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@istanbul.tr", f.tr_shop).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &reply,
            &[("csrf", &csrf), ("reply", "Hijacked"), ("lang", "tr")],
        )
        .await;
    assert_eq!(res.status, 404);
    app.client
        .get("/en/merchant/reviews")
        .await
        .assert_not_contains("Text of review 1");
    // A shopper reports it; a second report of the same review is not counted; the hourly limit holds.
    app.client.cookies.clear();
    app.sign_in_as("lola@example.es", Role::Shopper).await;
    let csrf = app.csrf().await;
    let report = format!("/en/reviews/{first}/report");
    for expected in ["review-reported", "review-reported-already"] {
        let res = app
            .client
            .post_form(
                &report,
                &[("csrf", &csrf), ("reason", "offensive"), ("back", "/en/")],
            )
            .await;
        assert_eq!(res.status, 303);
        let home = app.client.get("/en/").await;
        home.assert_contains(if expected == "review-reported" {
            "Our team will look at this review."
        } else {
            "You have already reported this review."
        });
    }
    for _ in 0..8 {
        app.client
            .post_form(
                &report,
                &[("csrf", &csrf), ("reason", "spam"), ("back", "/en/")],
            )
            .await;
    }
    app.client
        .post_form(
            &report,
            &[("csrf", &csrf), ("reason", "spam"), ("back", "/en/")],
        )
        .await;
    app.client
        .get("/en/")
        .await
        .assert_contains("You have sent many reports in the last hour.");
    // Staff see it in the queue and hide it with a reason: the ratings drop it at once.
    app.client.cookies.clear();
    app.sign_in_as("marketing@example.com", Role::Staff).await;
    let queue = app.client.get("/en/staff/reviews").await;
    assert_eq!(queue.status, 200);
    queue.assert_contains("1 report");
    queue.assert_contains("Offensive or abusive");
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/staff/reviews/{first}/hide"),
            &[("csrf", &csrf), ("reason", "Insults the shop")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(stars(&app, f.it_bag), (2, 9, 1));
    let url = product_url(&mut app, f.it_bag).await;
    let page = app.client.get(&url).await;
    page.assert_not_contains("Text of review 1");
    page.assert_contains("2 reviews");
    let res = app
        .client
        .post_form(
            &format!("/en/staff/reviews/{first}/restore"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(stars(&app, f.it_bag), (3, 10, 1));
    // Cards and the shop's page carry the rating (10 / 3 = 3.3), in words for screen readers too.
    let shop = app.client.get("/en/shop/bottega-test").await;
    shop.assert_contains("Rated 3.3 out of 5");
    shop.assert_contains("3 reviews");
    shop.assert_contains("<span class=\"stars\">★</span> 3.3 <span class=\"count\">(3)</span></span><span class=\"visually-hidden\">Rated 3.3 out of 5, 3 reviews</span>");
    let ru = app.client.get("/ru/shop/bottega-test").await;
    ru.assert_contains("Средняя оценка: 3,3 из 5, 3 отзыва");
    let page = app.client.get(&format!("{url}/reviews")).await;
    page.assert_contains("Text of review 1");
    page.assert_contains("lang=\"it\">Ci dispiace, la contattiamo subito.</p>");
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::action.like("review.%"))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        actions,
        vec!["review.reply", "review.hide", "review.restore"]
    );
    // Shoppers cannot reach moderation.
    app.client.cookies.clear();
    app.sign_in_as("lola@example.es", Role::Shopper).await;
    assert_eq!(app.client.get("/en/staff/reviews").await.status, 403);
}

#[actix_web::test]
async fn the_reviews_page_puts_the_readers_language_first_and_filters_and_pages() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let bag = (f.it_bag, f.it_shop);
    for n in 0..8 {
        review(&app, bag, n, 5, "en", 1 + n as i64);
    }
    let ru_old = review(&app, bag, 8, 4, "ru", 200);
    review(&app, bag, 9, 3, "ru", 100);
    review(&app, bag, 10, 2, "it", 0);
    review(&app, bag, 11, 5, "tr", 0);
    {
        use caravan::db::schema::review_photos;
        diesel::insert_into(review_photos::table)
            .values((
                review_photos::review_id.eq(ru_old),
                review_photos::position.eq(0),
                review_photos::path.eq("uploads/reviews/x.jpg"),
                review_photos::thumb_path.eq("uploads/reviews/x-t.jpg"),
                review_photos::width.eq(40),
                review_photos::height.eq(30),
            ))
            .execute(&mut app.db.conn())
            .unwrap();
    }
    let url = ru_url(&mut app, f.it_bag).await;
    let all = app.client.get(&format!("{url}/reviews")).await;
    assert_eq!(all.status, 200, "{}", all.body);
    // Russian first (newest first), then the rest by date; ten per page.
    let order: Vec<usize> = [
        "Text of review 9",
        "Text of review 8",
        "Text of review 10",
        "Text of review 0",
    ]
    .iter()
    .map(|t| all.body.find(t).unwrap_or(usize::MAX))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    all.assert_contains("12 отзывов");
    all.assert_contains("rel=\"next\"");
    all.assert_not_contains("Text of review 7<");
    let second = app.client.get(&format!("{url}/reviews?page=2")).await;
    second.assert_contains("Text of review 7");
    second.assert_contains("rel=\"prev\"");
    let low = app.client.get(&format!("{url}/reviews?stars=2")).await;
    low.assert_contains("Text of review 10");
    low.assert_not_contains("Text of review 9<");
    let tr = app.client.get(&format!("{url}/reviews?lang=tr")).await;
    tr.assert_contains("Text of review 11");
    tr.assert_not_contains("Text of review 10<");
    let photos = app.client.get(&format!("{url}/reviews?photos=1")).await;
    photos.assert_contains("Text of review 8");
    photos.assert_not_contains("Text of review 9<");
    // Nonsense in the query is ignored; the slug of another language redirects.
    assert_eq!(
        app.client
            .get(&format!("{url}/reviews?stars=9&page=x"))
            .await
            .status,
        200
    );
    assert_eq!(
        app.client
            .get(&format!("/ru/p/{}-x/reviews", f.it_bag))
            .await
            .status,
        301
    );
}

/// Positions of `titles` in a page, in the order given (panics when one is missing).
fn positions(page: &crate::support::client::Page, titles: &[&str]) -> Vec<usize> {
    titles
        .iter()
        .map(|t| page.body.find(t).unwrap_or_else(|| panic!("{t} missing")))
        .collect()
}

#[actix_web::test]
async fn best_rated_ranks_by_the_bayesian_score_and_four_stars_and_up_filters() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    // One 5★ review (score 3.75) must rank below twenty averaging 4.8 (4.54); three 3★ (3.31) after both, and
    // the unrated bag last.
    review(&app, (f.it_bag, f.it_shop), 1, 5, "it", 1);
    for n in 0..20 {
        review(
            &app,
            (f.tr_bag, f.tr_shop),
            100 + n,
            if n < 16 { 5 } else { 4 },
            "tr",
            2,
        );
    }
    for n in 0..3 {
        review(&app, (f.ru_bag, f.ru_shop), 200 + n, 3, "ru", 3);
    }
    app.cache.clear();
    let order = [
        "Istanbul leather tote",
        "Florentine leather bag",
        "Handmade leather bag",
        "Sold out leather bag",
    ];
    // A parent category (two ordered ranges merged) and a search, in English and Russian.
    for url in [
        "/en/c/leather-goods?sort=rating",
        "/en/search?q=leather&sort=rating",
    ] {
        let page = app.client.get(url).await;
        assert_eq!(page.status, 200, "{url}");
        let at = positions(&page, &order);
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{url}: {at:?}");
        page.assert_contains("<option value=\"rating\" selected>Best rated</option>");
    }
    // Cards show the average and the count (spoken as one sentence).
    let page = app.client.get("/en/c/leather-goods?sort=rating").await;
    page.assert_contains("★</span> 4.8 <span class=\"count\">(20)</span></span><span class=\"visually-hidden\">Rated 4.8 out of 5, 20 reviews</span>");
    let ru = app.client.get("/ru/c/kozhanye-sumki?sort=rating").await;
    ru.assert_contains("Сначала с высокой оценкой");
    // "4★ and up" counts the two bags averaging 5.0 and 4.8, and lists only them.
    let all = app.client.get("/en/c/leather-goods").await;
    all.assert_contains("4★ and up <span class=\"count\">(2)</span>");
    let top = app
        .client
        .get("/en/c/leather-goods?rating=4&sort=price_asc")
        .await;
    assert_eq!(top.card_count(), 2, "{}", top.body);
    top.assert_contains("Istanbul leather tote");
    top.assert_contains("Florentine leather bag");
    top.assert_contains("id=\"top-rated\" name=\"rating\" value=\"4\" checked");
    ru.assert_contains("4★ и выше");
    // The facet counts alongside the others: the Italian origin has one of the two.
    let it = app.client.get("/en/c/leather-goods?origin=IT").await;
    it.assert_contains("4★ and up <span class=\"count\">(1)</span>");
    // A 1★ review brings the Florentine bag to 3.0 and out of the facet. It keeps its place above the Russian
    // bag, also at 3.0: with fewer reviews the prior pulls it more towards 3.5 ((6 + 17.5) / 7 = 3.36 against
    // (9 + 17.5) / 8 = 3.31).
    review(&app, (f.it_bag, f.it_shop), 2, 1, "en", 0);
    app.cache.clear();
    let top = app.client.get("/en/c/leather-goods?rating=4").await;
    assert_eq!(top.card_count(), 1, "{}", top.body);
    top.assert_not_contains("Florentine leather bag");
    let page = app.client.get("/en/c/leather-goods?sort=rating").await;
    let at = positions(&page, &order);
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // A listing where nothing is rated has no rating facet.
    let bowls = app.client.get("/en/c/ceramics").await;
    assert_eq!(bowls.status, 200);
    bowls.assert_not_contains("id=\"top-rated\"");
}
