//! The merchant area: products in every locale's number format, images, shipping, profile, translation
//! coverage, CSV import/export, and that no shop can see or touch another shop's data.

use caravan::db::schema::{
    merchant_translations, merchants, product_images, product_translations, products,
    shipping_rates,
};
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::support::builders::{self, Fixture};
use crate::support::client::Page;
use crate::support::TestApp;

/// Signs in as the owner of the Italian fixture shop (Bottega Test, EUR).
async fn merchant_app() -> (TestApp, Fixture) {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    (app, f)
}

fn product_form<'a>(
    csrf: &'a str,
    category: &'a str,
    sku: &'a str,
    price: &'a str,
    status: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("sku", sku),
        ("category", category),
        ("price", price),
        ("stock", "5"),
        ("weight", "750"),
        ("status", status),
        ("original_lang", "it"),
        ("title_it", "Borsa a tracolla fiorentina"),
        (
            "description_it",
            "Cuoio conciato al vegetale, cucita a mano.",
        ),
        ("slug_it", ""),
        ("title_en", "Florentine crossbody bag"),
        ("description_en", "Vegetable-tanned leather, hand stitched."),
        ("slug_en", ""),
        ("title_ru", ""),
        ("description_ru", ""),
        ("slug_ru", ""),
    ]
}

fn stored_price(app: &TestApp, sku: &str) -> (i64, i64, String, bool) {
    products::table
        .filter(products::sku.eq(sku))
        .select((
            products::id,
            products::price_minor,
            products::currency,
            products::listed,
        ))
        .first(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn merchant_creates_products_in_each_locales_number_format_and_they_go_live() {
    let (mut app, f) = merchant_app().await;
    let page = app.client.get("/it/merchant").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Bottega Test");
    let bags = f.bags.to_string();
    for (lang, price, sku) in [
        ("it", "1.299,50", "IT-1"),
        ("es", "1.299,50", "ES-1"),
        ("tr", "1.299,50", "TR-1"),
        ("ru", "1 299,50", "RU-1"),
        ("en", "1,299.50", "EN-1"),
    ] {
        let csrf = app.csrf().await;
        let res = app
            .client
            .post_form(
                &format!("/{lang}/merchant/products/new"),
                &product_form(&csrf, &bags, sku, price, "active"),
            )
            .await;
        assert_eq!(res.status, 303, "{lang}: {}", res.body);
        let (id, minor, currency, listed) = stored_price(&app, sku);
        assert_eq!(
            (minor, currency.as_str(), listed),
            (129_950, "EUR", true),
            "{lang}"
        );
        assert!(res
            .location()
            .unwrap()
            .ends_with(&format!("/merchant/products/{id}/edit")));
    }
    // The edit form shows the price back in the page language's own format.
    let (id, ..) = stored_price(&app, "IT-1");
    let edit = app
        .client
        .get(&format!("/it/merchant/products/{id}/edit"))
        .await;
    assert_eq!(edit.input_value("price").as_deref(), Some("1299,50"));
    let edit = app
        .client
        .get(&format!("/en/merchant/products/{id}/edit"))
        .await;
    assert_eq!(edit.input_value("price").as_deref(), Some("1,299.50"));
    // Live at once, in every language: own text where written, the original (marked) elsewhere, and found by
    // search.
    let en = app.client.get(&format!("/en/p/{id}-x")).await;
    assert_eq!(
        en.location().unwrap(),
        format!("/en/p/{id}-florentine-crossbody-bag")
    );
    app.client
        .get(&en.location().unwrap())
        .await
        .assert_contains("Florentine crossbody bag");
    let ru = app.client.get(&format!("/ru/p/{id}-x")).await;
    assert_eq!(ru.status, 301);
    let ru = app.client.get(&ru.location().unwrap()).await;
    ru.assert_contains("lang=\"it\"");
    ru.assert_contains("Borsa a tracolla fiorentina");
    app.client
        .get("/tr/search?q=tracolla")
        .await
        .assert_contains("Borsa a tracolla fiorentina");
    // A draft is not public; publishing it through the status action shows it.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/merchant/products/new",
            &product_form(&csrf, &bags, "DRAFT-1", "10", "draft"),
        )
        .await;
    assert_eq!(res.status, 303);
    let (draft, _, _, listed) = stored_price(&app, "DRAFT-1");
    assert!(!listed);
    assert_eq!(
        app.client.get(&format!("/en/p/{draft}-x")).await.status,
        404
    );
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/products/{draft}/status"),
            &[("csrf", &csrf), ("status", "active")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        app.client.get(&format!("/en/p/{draft}-x")).await.status,
        301
    );
    // The list finds products by title in any language and by SKU.
    let list = app.client.get("/en/merchant/products?q=crossbody").await;
    list.assert_contains("6 products");
    let list = app.client.get("/en/merchant/products?q=DRAFT-1").await;
    list.assert_contains("1 product");
}

#[actix_web::test]
async fn product_form_errors_are_per_field_localized_and_keep_input() {
    let (mut app, f) = merchant_app().await;
    let csrf = app.csrf().await;
    let bags = f.bags.to_string();
    let mut form = product_form(&csrf, &bags, "bad sku!", "1,299.50", "active");
    form.retain(|(k, _)| *k != "title_it");
    form.push(("title_it", ""));
    form.push(("description_tr", "Açıklama var ama başlık yok"));
    let res = app
        .client
        .post_form("/it/merchant/products/new", &form)
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("aria-describedby=\"f-sku-error");
    res.assert_contains("aria-describedby=\"f-price-error");
    res.assert_contains("id=\"f-title-it-error\"");
    res.assert_contains("id=\"f-title-tr-error\"");
    assert_eq!(res.input_value("sku").as_deref(), Some("bad sku!"));
    assert_eq!(res.input_value("price").as_deref(), Some("1,299.50"));
    res.assert_contains("Açıklama var ama başlık yok");
    let n: i64 = products::table
        .filter(products::merchant_id.eq(f.it_shop))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 1, "nothing saved");
    // A SKU already used by the shop is a field error too.
    let it_sku: String = products::table
        .find(f.it_bag)
        .select(products::sku)
        .first(&mut app.db.conn())
        .unwrap();
    let res = app
        .client
        .post_form(
            "/en/merchant/products/new",
            &product_form(&csrf, &bags, &it_sku, "10", "active"),
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Another of your products already has this SKU.");
}

#[actix_web::test]
async fn only_merchants_with_a_shop_enter_the_merchant_area() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    let res = app.client.get("/en/merchant/products").await;
    assert_eq!(res.status, 303, "anonymous → sign in");
    app.sign_in_as("shopper@example.com", Role::Shopper).await;
    assert_eq!(app.client.get("/en/merchant").await.status, 403);
    app.client.cookies.clear();
    // A merchant account whose shop is not theirs (no owner link) gets nothing either.
    app.sign_in_as("nobody@example.com", Role::Merchant).await;
    assert_eq!(app.client.get("/en/merchant").await.status, 403);
}

#[actix_web::test]
async fn another_shops_product_is_not_found_on_every_route_and_nothing_changes() {
    let (mut app, f) = merchant_app().await;
    let theirs = f.tr_bag;
    let before: (String, i64, String, bool) = products::table
        .find(theirs)
        .select((
            products::sku,
            products::price_minor,
            products::status,
            products::listed,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    let image: i64 = product_images::table
        .filter(product_images::product_id.eq(theirs))
        .select(product_images::id)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        app.client
            .get(&format!("/en/merchant/products/{theirs}/edit"))
            .await
            .status,
        404
    );
    let csrf = app.csrf().await;
    let bags = f.bags.to_string();
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            format!("/en/merchant/products/{theirs}/edit"),
            product_form(&csrf, &bags, "HIJACK", "1", "archived"),
        ),
        (
            format!("/en/merchant/products/{theirs}/status"),
            vec![("csrf", &csrf), ("status", "archived")],
        ),
        (
            format!("/en/merchant/products/{theirs}/duplicate"),
            vec![("csrf", &csrf)],
        ),
        (
            format!("/en/merchant/products/{theirs}/delete"),
            vec![("csrf", &csrf)],
        ),
        (
            format!("/en/merchant/products/{theirs}/images/{image}/move"),
            vec![("csrf", &csrf), ("dir", "down")],
        ),
        (
            format!("/en/merchant/products/{theirs}/images/{image}/alt"),
            vec![("csrf", &csrf), ("alt_en", "hijacked")],
        ),
        (
            format!("/en/merchant/products/{theirs}/images/{image}/delete"),
            vec![("csrf", &csrf)],
        ),
        // Their image through my product id.
        (
            format!("/en/merchant/products/{}/images/{image}/delete", f.it_bag),
            vec![("csrf", &csrf)],
        ),
    ];
    for (uri, form) in posts {
        let res = app.client.post_form(&uri, &form).await;
        assert_eq!(res.status, 404, "{uri}");
    }
    let png = tiny_png();
    let res = app
        .client
        .post_multipart(
            &format!("/en/merchant/products/{theirs}/images"),
            &[("csrf", &csrf)],
            &[("images", "a.png", "image/png", &png)],
        )
        .await;
    assert_eq!(res.status, 404);
    let after: (String, i64, String, bool) = products::table
        .find(theirs)
        .select((
            products::sku,
            products::price_minor,
            products::status,
            products::listed,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(before, after);
    let images: i64 = product_images::table
        .filter(product_images::product_id.eq(theirs))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(images, 1);
    let copies: i64 = products::table
        .filter(products::sku.like("%-copy%"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(copies, 0, "no duplicate was made");
    // Their products never show in my lists or my export.
    let list = app.client.get("/en/merchant/products").await;
    list.assert_not_contains("Deri");
    let csv = app.client.get("/en/merchant/products.csv").await;
    assert!(!csv.body.contains(&before.0), "export holds only my SKUs");
}

pub(crate) fn tiny_png() -> Vec<u8> {
    encode_png(&image::RgbaImage::from_pixel(
        40,
        30,
        image::Rgba([180, 90, 30, 255]),
    ))
}

fn encode_png(img: &image::RgbaImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A real JPEG with an EXIF block carrying a "location" marker that must not survive.
fn jpeg_with_exif() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(64, 48, image::Rgb([20, 120, 200]));
    let mut jpeg = std::io::Cursor::new(Vec::new());
    img.write_to(&mut jpeg, image::ImageFormat::Jpeg).unwrap();
    let jpeg = jpeg.into_inner();
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00".to_vec();
    tiff.extend_from_slice(b"GPS-SECRET-41.9028N-12.4964E");
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let len = u16::try_from(app1.len() + 2).unwrap();
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

async fn upload(app: &mut TestApp, product: i64, files: &[(&str, &str, &[u8])]) -> Page {
    let csrf = app.csrf().await;
    let parts: Vec<(&str, &str, &str, &[u8])> = files
        .iter()
        .map(|(name, ctype, bytes)| ("images", *name, *ctype, *bytes))
        .collect();
    app.client
        .post_multipart(
            &format!("/en/merchant/products/{product}/images"),
            &[("csrf", &csrf)],
            &parts,
        )
        .await
}

fn image_rows(app: &TestApp, product: i64) -> Vec<(i64, i32, String, String)> {
    product_images::table
        .filter(product_images::product_id.eq(product))
        .order(product_images::position)
        .select((
            product_images::id,
            product_images::position,
            product_images::path,
            product_images::thumb_path,
        ))
        .load(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn image_uploads_are_sniffed_reencoded_stripped_and_limited() {
    let (mut app, f) = merchant_app().await;
    let media = app.db.config().media_dir;
    let product = f.it_bag;
    let exif = jpeg_with_exif();
    assert!(exif.windows(10).any(|w| w == b"GPS-SECRET"));
    // A valid JPEG: stored re-encoded, thumbnail made, EXIF gone.
    let res = upload(&mut app, product, &[("holiday.JPG", "image/jpeg", &exif)]).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let rows = image_rows(&app, product);
    assert_eq!(rows.len(), 2);
    let (_, pos, path, thumb) = rows[1].clone();
    assert_eq!(pos, 1);
    assert!(path.starts_with(&format!("uploads/products/{product}/")) && path.ends_with(".jpg"));
    let stored = std::fs::read(media.join(&path)).unwrap();
    assert!(
        !stored.windows(10).any(|w| w == b"GPS-SECRET"),
        "EXIF stripped"
    );
    let decoded = image::load_from_memory(&stored).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (64, 48));
    assert!(media.join(&thumb).exists());
    // It is served from /media.
    let served = app.client.get(&format!("/media/{path}")).await;
    assert_eq!(served.status, 200);
    // Never rewritten under its name (a new upload gets a new one): kept by browsers for a year.
    assert_eq!(
        served.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert!(served.header("etag").is_some());
    // A text file renamed .jpg is refused by content, whatever its name and declared type.
    let res = upload(
        &mut app,
        product,
        &[("photo.jpg", "image/jpeg", b"this is not a picture at all")],
    )
    .await;
    assert_eq!(res.status, 422);
    res.assert_contains("photo.jpg: this file is not a JPEG, PNG or WebP picture.");
    // Over 10 MB is refused.
    let mut big = exif.clone();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let res = upload(&mut app, product, &[("big.jpg", "image/jpeg", &big)]).await;
    assert_eq!(res.status, 422);
    res.assert_contains("big.jpg: this file is larger than 10 MB.");
    // Polyglots: HTML in front of a PNG is not a picture; a PNG with a script after its end is accepted but
    // what is stored is a clean re-encoding without the script.
    let mut html_first = b"<html><script>alert(1)</script>".to_vec();
    html_first.extend_from_slice(&tiny_png());
    let res = upload(&mut app, product, &[("x.png", "image/png", &html_first)]).await;
    assert_eq!(res.status, 422);
    let mut script_after = tiny_png();
    script_after.extend_from_slice(b"<script>alert(document.cookie)</script>");
    let res = upload(&mut app, product, &[("y.png", "image/png", &script_after)]).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let rows = image_rows(&app, product);
    assert_eq!(rows.len(), 3);
    let stored = std::fs::read(media.join(&rows[2].2)).unwrap();
    assert!(!stored.windows(7).any(|w| w == b"<script"));
    // Nothing refused was stored: exactly the two accepted uploads (and their thumbnails) are on disk.
    let files = std::fs::read_dir(media.join(format!("uploads/products/{product}")))
        .unwrap()
        .count();
    assert_eq!(files, 4);
    // At most 8 images per product.
    let pngs: Vec<Vec<u8>> = (0..6).map(|_| tiny_png()).collect();
    let six: Vec<(&str, &str, &[u8])> = pngs
        .iter()
        .map(|b| ("p.png", "image/png", b.as_slice()))
        .collect();
    let res = upload(&mut app, product, &six).await;
    assert_eq!(res.status, 422);
    res.assert_contains("Only 5 more images fit");
    assert_eq!(image_rows(&app, product).len(), 3);
    // Reorder: the new image becomes the cover; delete renumbers and removes the files.
    let (new_id, _, new_path, new_thumb) = image_rows(&app, product)[2].clone();
    let csrf = app.csrf().await;
    for _ in 0..2 {
        let res = app
            .client
            .post_form(
                &format!("/en/merchant/products/{product}/images/{new_id}/move"),
                &[("csrf", &csrf), ("dir", "up")],
            )
            .await;
        assert_eq!(res.status, 303);
    }
    assert_eq!(image_rows(&app, product)[0].0, new_id);
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/products/{product}/images/{new_id}/alt"),
            &[
                ("csrf", &csrf),
                ("alt_en", "Tan bag, front"),
                ("alt_it", "Borsa color cuoio"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    app.client
        .get("/it/c/borse-in-pelle")
        .await
        .assert_contains("alt=\"Borsa color cuoio\"");
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/products/{product}/images/{new_id}/delete"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303);
    let rows = image_rows(&app, product);
    assert_eq!(rows.iter().map(|r| r.1).collect::<Vec<_>>(), vec![0, 1]);
    assert!(!media.join(&new_path).exists() && !media.join(&new_thumb).exists());
}

#[actix_web::test]
async fn shipping_rates_take_the_locales_numbers_and_errors_keep_input() {
    let (mut app, _f) = merchant_app().await;
    let page = app.client.get("/it/merchant/shipping").await;
    assert_eq!(page.status, 200);
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/it/merchant/shipping",
            &[
                ("csrf", &csrf),
                ("handling", "tre"),
                ("ship_DE", "1"),
                ("rate_DE", "12,50"),
                ("min_DE", "5"),
                ("max_DE", "3"),
                ("ship_other", "1"),
                ("rate_other", "abc"),
                ("min_other", "7"),
                ("max_other", "14"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("id=\"f-max-DE-error\"");
    res.assert_contains("id=\"f-rate-other-error\"");
    res.assert_contains("Scrivi un numero intero di giorni lavorativi da 0 a 60.");
    assert_eq!(res.input_value("rate_other").as_deref(), Some("abc"));
    assert_eq!(res.input_value("handling").as_deref(), Some("tre"));
    let res = app
        .client
        .post_form(
            "/it/merchant/shipping",
            &[
                ("csrf", &csrf),
                ("handling", "3"),
                ("ship_DE", "1"),
                ("rate_DE", "12,50"),
                ("min_DE", "3"),
                ("max_DE", "5"),
                ("ship_IT", "1"),
                ("rate_IT", "0"),
                ("min_IT", "1"),
                ("max_IT", "2"),
                ("ship_other", "1"),
                ("rate_other", "1.234,00"),
                ("min_other", "7"),
                ("max_other", "14"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let rows: Vec<(String, i64, i32, i32)> = shipping_rates::table
        .order(shipping_rates::destination)
        .select((
            shipping_rates::destination,
            shipping_rates::rate_minor,
            shipping_rates::days_min,
            shipping_rates::days_max,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        rows,
        vec![
            ("*".to_string(), 123_400, 7, 14),
            ("DE".to_string(), 1250, 3, 5),
            ("IT".to_string(), 0, 1, 2),
        ]
    );
    let page = app.client.get("/en/merchant/shipping").await;
    assert_eq!(page.input_value("rate_other").as_deref(), Some("1,234.00"));
    assert_eq!(
        page.input_value("handling").as_deref(),
        Some("3"),
        "handling days saved"
    );
}

#[actix_web::test]
async fn shop_profile_and_logo() {
    let (mut app, f) = merchant_app().await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/merchant/profile",
            &[
                ("csrf", &csrf),
                ("name", "Bottega Test Firenze"),
                ("city", "Firenze"),
                ("address", "Via Roma 1, 50123"),
                ("original_lang", "it"),
                ("description_it", ""),
                ("description_tr", "Floransa'dan el yapımı çantalar."),
            ],
        )
        .await;
    assert_eq!(
        res.status, 422,
        "the original language's description is required"
    );
    res.assert_contains("Floransa&#39;dan el yapımı çantalar.");
    let res = app
        .client
        .post_form(
            "/en/merchant/profile",
            &[
                ("csrf", &csrf),
                ("name", "Bottega Test Firenze"),
                ("city", "Firenze"),
                ("address", "Via Roma 1, 50123"),
                ("original_lang", "it"),
                ("description_it", "Borse fatte a mano a Firenze."),
                ("description_tr", "Floransa'dan el yapımı çantalar."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let descs: i64 = merchant_translations::table
        .filter(merchant_translations::merchant_id.eq(f.it_shop))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(descs, 2);
    let tr = app.client.get("/tr/shop/bottega-test").await;
    tr.assert_contains("Bottega Test Firenze");
    tr.assert_contains("Floransa&#39;dan el yapımı çantalar.");
    // Logo: a fake is refused, a picture is stored as a small square-bounded image.
    let res = app
        .client
        .post_multipart(
            "/en/merchant/profile/logo",
            &[("csrf", &csrf)],
            &[("logo", "logo.png", "image/png", b"GIF89a not really")],
        )
        .await;
    assert_eq!(res.status, 422);
    let big = encode_png(&image::RgbaImage::from_pixel(
        900,
        600,
        image::Rgba([10, 10, 10, 255]),
    ));
    let res = app
        .client
        .post_multipart(
            "/en/merchant/profile/logo",
            &[("csrf", &csrf)],
            &[("logo", "logo.png", "image/png", &big)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let logo: String = merchants::table
        .find(f.it_shop)
        .select(merchants::logo_path)
        .first(&mut app.db.conn())
        .unwrap();
    let img = image::open(app.db.config().media_dir.join(&logo)).unwrap();
    assert_eq!((img.width(), img.height()), (160, 107));
}

#[actix_web::test]
async fn translation_coverage_lists_what_misses_a_language() {
    let (mut app, f) = merchant_app().await;
    let bags = f.bags.to_string();
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/merchant/products/new",
            &product_form(&csrf, &bags, "COV-1", "10", "active"),
        )
        .await;
    assert_eq!(res.status, 303);
    // The fixture bag has all five languages; the new one only it + en.
    let missing_tr = app.client.get("/en/merchant/translations?missing=tr").await;
    missing_tr.assert_contains("COV-1");
    missing_tr.assert_contains("1 product");
    let missing_en = app.client.get("/en/merchant/translations?missing=en").await;
    missing_en.assert_not_contains("COV-1");
    let dash = app.client.get("/en/merchant").await;
    dash.assert_contains("1 of 2");
    let fixture_langs: i64 = product_translations::table
        .filter(product_translations::product_id.eq(f.it_bag))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(fixture_langs, 5);
}

/// The whole path of a new merchant through the browser forms only: sign up, apply, get approved by staff,
/// set shipping, create a product in five languages, and see it live in every language.
#[actix_web::test]
async fn from_sign_up_to_a_live_product_in_five_languages() {
    use caravan::db::schema::merchants;
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let csrf = app
        .client
        .get("/tr/sign-up")
        .await
        .input_value("csrf")
        .unwrap();
    let res = app
        .client
        .post_form(
            "/tr/sign-up",
            &[
                ("csrf", &csrf),
                ("email", "ayse@kapadokya.example"),
                ("display_name", "Ayşe"),
                ("password", "kapadokya-seramik-2026"),
                ("locale", "tr"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    // Not before the address is confirmed: every page reminds, and the application page says why.
    let home = app.client.get("/tr/").await;
    home.assert_contains("verify-reminder");
    let apply = app.client.get("/tr/merchant/apply").await;
    apply.assert_not_contains("id=\"f-shop-name\"");
    let confirmed = app.verify_email("tr", "ayse@kapadokya.example").await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    app.client
        .get("/tr/")
        .await
        .assert_not_contains("verify-reminder");
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/tr/merchant/apply",
            &[
                ("csrf", &csrf),
                ("shop_name", "Kapadokya Seramik"),
                ("legal_name", "Kapadokya Seramik Ltd. Şti."),
                ("country", "TR"),
                ("city", "Avanos"),
                ("address", "Yeni Mah. Atatürk Cad. No: 5, 50500"),
                ("contact", "ayse@kapadokya.example"),
                ("tax_id", "1234567890"),
                ("description", "Avanos'tan el yapımı seramikler."),
                ("description_lang", "tr"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let shop: i64 = merchants::table
        .filter(merchants::slug.eq("kapadokya-seramik"))
        .select(merchants::id)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        app.client.get("/tr/merchant").await.status,
        403,
        "not before approval"
    );
    let merchant_cookies = app.client.cookies.clone();
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/staff/merchants/{shop}/decision"),
            &[("csrf", &csrf), ("decision", "approve"), ("reason", "")],
        )
        .await;
    assert_eq!(res.status, 303);
    app.client.cookies = merchant_cookies;
    let apply_page = app.client.get("/tr/merchant/apply").await;
    apply_page.assert_contains("href=\"/tr/merchant\"");
    let dash = app.client.get("/tr/merchant").await;
    assert_eq!(dash.status, 200);
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/tr/merchant/shipping",
            &[
                ("csrf", &csrf),
                ("handling", "2"),
                ("ship_other", "1"),
                ("rate_other", "450,00"),
                ("min_other", "5"),
                ("max_other", "12"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let ceramics = f.ceramics.to_string();
    let res = app
        .client
        .post_form(
            "/tr/merchant/products/new",
            &[
                ("csrf", &csrf),
                ("sku", "KS-001"),
                ("category", &ceramics),
                ("price", "1.250,00"),
                ("stock", "4"),
                ("weight", ""),
                ("status", "active"),
                ("original_lang", "tr"),
                ("title_tr", "El yapımı Avanos testisi"),
                ("description_tr", "Kızılırmak kilinden."),
                ("title_en", "Handmade Avanos jug"),
                ("title_ru", "Кувшин ручной работы из Аваноса"),
                ("title_it", "Brocca artigianale di Avanos"),
                ("title_es", "Jarra artesanal de Avanos"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let id: i64 = products::table
        .filter(products::sku.eq("KS-001"))
        .select(products::id)
        .first(&mut app.db.conn())
        .unwrap();
    for (lang, title) in [
        ("tr", "El yapımı Avanos testisi"),
        ("en", "Handmade Avanos jug"),
        ("ru", "Кувшин ручной работы из Аваноса"),
        ("it", "Brocca artigianale di Avanos"),
        ("es", "Jarra artesanal de Avanos"),
    ] {
        let first = app.client.get(&format!("/{lang}/p/{id}-x")).await;
        assert_eq!(first.status, 301, "{lang}");
        let page = app.client.get(&first.location().unwrap()).await;
        assert_eq!(page.status, 200, "{lang}");
        page.assert_contains(title);
        page.assert_contains("Kapadokya Seramik");
    }
}

#[actix_web::test]
async fn an_edit_shows_at_once_on_listings_rendered_from_cached_cards() {
    let (mut app, f) = merchant_app().await;
    let csrf = app.csrf().await;
    let bags = f.bags.to_string();
    let res = app
        .client
        .post_form(
            "/en/merchant/products/new",
            &product_form(&csrf, &bags, "CARD-1", "100", "active"),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (id, ..) = stored_price(&app, "CARD-1");
    // Signed in, the listing is rendered on every request (never a stored page); its cards come from the
    // catalogue's card cache after the first view.
    for _ in 0..2 {
        let page = app.client.get("/en/c/leather-bags").await;
        page.assert_contains("Florentine crossbody bag");
        // €100.00 with Italy's VAT, shown net outside the EU: €81.97.
        page.assert_contains("€81.97");
    }
    let mut form = product_form(&csrf, &bags, "CARD-1", "120", "active");
    form.retain(|(k, _)| *k != "title_en");
    form.push(("title_en", "Florentine saddle bag"));
    let res = app
        .client
        .post_form(&format!("/en/merchant/products/{id}/edit"), &form)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = app.client.get("/en/c/leather-bags").await;
    page.assert_contains("Florentine saddle bag");
    page.assert_contains("€98.36");
    assert!(
        !page.body.contains("Florentine crossbody bag"),
        "stale card"
    );
    assert!(!page.body.contains("€81.97"), "stale price");
}
