//! (g) A shopper in Madrid buys a bag, receives it, reviews it in Spanish with a photo from the order page, and
//! a shopper on a 390 px phone in Russian finds the review on the product page, marked as written in Spanish,
//! and saves the bag to her wishlist (the heart turns to "saved" on the cached page) and takes it off again.

use caravan::db::schema::orders;
use caravan::identity::model::Role;
use diesel::prelude::*;
use fantoccini::Locator;

use super::{account, open, open_with, serve, ship_everywhere};
use crate::support::builders;
use crate::support::TestDb;

#[actix_web::test]
async fn journey_g_a_delivered_bag_is_reviewed_with_a_photo_and_read_in_russian() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    ship_everywhere(&db, &f);
    account(&db, "lucia@example.es", Role::Shopper);
    let (base, server, _clock) = serve(&db).await;
    let Some(mut b) = open(&base, "es-ES,es", "g-review").await else {
        return;
    };
    b.sign_in("es", "lucia@example.es", crate::support::TEST_PASSWORD)
        .await;
    b.go(&format!("/es/p/{}-x", f.it_bag)).await;
    b.click(".add-to-cart button").await;
    b.go("/es/checkout").await;
    b.fill("#f-full-name", "Lucía Fernández").await;
    b.fill("#f-line1", "Calle de Alcalá, 42").await;
    b.fill("#f-city", "Madrid").await;
    b.fill("#f-postal-code", "28014").await;
    b.set("#f-country", "ES").await;
    b.fill("#f-phone", "+34 910 123 456").await;
    b.click("main form button[type=submit]").await;
    b.toggle("input[name=payment][value=bank_transfer]").await;
    b.click("form[action$='/checkout/place'] button[type=submit]")
        .await;
    // The shop is paid, ships and marks the parcel delivered (its own journey covers those buttons).
    let number: String = orders::table
        .select(orders::number)
        .first(&mut db.conn())
        .unwrap();
    diesel::update(orders::table)
        .set(orders::status.eq("delivered"))
        .execute(&mut db.conn())
        .unwrap();
    b.go(&format!("/es/orders/{number}")).await;
    b.check("order-delivered").await;
    b.click("a.review-invite").await;
    b.check("review-form").await;
    b.toggle("input[name=rating][value='5']").await;
    b.fill("#f-title", "Preciosa y muy bien cosida").await;
    b.fill(
        "#f-body",
        "El cuero huele de maravilla y las costuras son perfectas. Llegó a Madrid en cinco días.",
    )
    .await;
    b.set("#f-lang", "es").await;
    b.upload_photo("#f-photos", "review", [120, 70, 30, 255])
        .await;
    assert!(b.path().await.ends_with(&number), "{}", b.path().await);
    assert!(
        b.text().await.contains("Gracias por tu opinión"),
        "{}",
        b.text().await
    );
    b.close("g-review").await;
    // A Russian shopper on a phone reads it on the product page.
    let Some(mut p) = open_with(&base, "ru-RU,ru", "g-review-ru", (390, 844), true).await else {
        return;
    };
    p.go(&format!("/ru/p/{}-x", f.it_bag)).await;
    p.c.execute(
        "document.getElementById('reviews-h').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    p.check("product-with-review").await;
    let text = p.text().await;
    assert!(text.contains("Preciosa y muy bien cosida"), "{text}");
    assert!(text.contains("Написан на испанском"), "{text}");
    assert!(p.html().await.contains("/media/uploads/reviews/"));
    p.click("#reviews-h ~ p a").await;
    p.check("all-reviews").await;
    // She saves the bag. Its page comes from the page cache, the same for everyone; the script marks the heart
    // as saved, and a tap takes the bag off the list again.
    p.go(&format!("/ru/p/{}-x", f.it_bag)).await;
    p.click("form.wish-add button").await;
    p.c.wait()
        .at_most(std::time::Duration::from_secs(10))
        .for_element(Locator::Css("form.wish-add.saved"))
        .await
        .expect("the heart marked as saved");
    let label =
        p.c.find(Locator::Css("form.wish-add .wish-label"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
    assert_eq!(label, "В избранном");
    p.c.execute(
        "document.querySelector('form.wish-add').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await
    .unwrap();
    p.check("product-saved").await;
    p.click("form.wish-add button").await;
    assert!(
        p.text().await.contains("Товар удалён из избранного"),
        "{}",
        p.text().await
    );
    // She types in the search box: completions drop down under it (an ARIA combobox); the down arrow and
    // Enter open the first.
    p.fill("#site-q", "сумк").await;
    p.c.wait()
        .at_most(std::time::Duration::from_secs(10))
        .for_element(Locator::Css("#site-q-list li[role=option]"))
        .await
        .expect("suggestions");
    let search_box = p.c.find(Locator::Css("#site-q")).await.unwrap();
    let expanded = search_box.attr("aria-expanded").await.unwrap();
    assert_eq!(expanded.as_deref(), Some("true"));
    p.check("search-suggestions").await;
    let first =
        p.c.find(Locator::Css("#site-q-list li"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
    search_box.send_keys("\u{E015}").await.unwrap();
    let active = search_box.attr("aria-activedescendant").await.unwrap();
    assert_eq!(active.as_deref(), Some("site-q-opt-0"));
    p.mark().await;
    search_box.send_keys("\u{E007}").await.unwrap();
    p.settle().await;
    assert!(p.path().await.starts_with("/ru/p/"), "{}", p.path().await);
    assert!(p.text().await.contains(first.trim()), "{first}");
    p.close("g-review-ru").await;
    server.stop(true).await;
}
