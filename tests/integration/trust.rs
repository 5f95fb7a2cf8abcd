//! Trust and legal: the footer's site pages in every language (staff-edited, with history and audit), the
//! seller's identity on shop and product pages, and "report this product" through to the staff queue.

use caravan::db::schema::{audit_log, product_reports};
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::support::builders;
use crate::support::TestApp;

const KEYS: [&str; 8] = [
    "about",
    "help",
    "shipping-returns",
    "contact",
    "terms",
    "privacy",
    "cookies",
    "legal",
];

fn h1(body: &str) -> String {
    let start = body.find("<h1>").map(|i| i + 4).unwrap_or(0);
    let end = body[start..].find("</h1>").map_or(start, |i| start + i);
    body[start..end].to_string()
}

#[actix_web::test]
async fn every_footer_page_exists_in_every_language() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    let mut titles = std::collections::HashSet::new();
    for l in ["en", "ru", "tr", "it", "es"] {
        let home = app.client.get(&format!("/{l}/")).await;
        for key in KEYS {
            let href = format!("href=\"/{l}/info/{key}\"");
            home.assert_contains(&href);
            let page = app.client.get(&format!("/{l}/info/{key}")).await;
            assert_eq!(page.status, 200, "/{l}/info/{key}");
            let title = h1(&page.body);
            assert!(!title.is_empty(), "/{l}/info/{key} has a heading");
            assert!(
                titles.insert((l, title.clone())),
                "{title} is used twice in {l}"
            );
            assert!(page.body.contains("class=\"prose\"><"), "/{l}/info/{key}");
        }
    }
    assert_eq!(titles.len(), 40);
    // The operator's identity comes from configuration (the test config names one).
    let legal = app.client.get("/it/info/legal").await;
    legal.assert_contains("Caravan Marketplace S.L.");
    legal.assert_contains("ESB00000000");
    legal.assert_contains("Partita IVA");
    let contact = app.client.get("/ru/info/contact").await;
    contact.assert_contains("href=\"mailto:help@caravan.example\"");
    contact.assert_not_contains("ESB00000000");
    assert_eq!(app.client.get("/en/info/imprint").await.status, 404);
}

#[actix_web::test]
async fn staff_edit_a_page_keep_history_restore_and_audit() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    // Warm the page cache, so the edit must reach shoppers through its invalidation.
    let before = app.client.get("/ru/info/about").await;
    assert_eq!(before.status, 200);
    app.sign_in_as("shopper@example.com", Role::Shopper).await;
    assert_eq!(app.client.get("/en/staff/pages").await.status, 403);
    assert_eq!(app.client.get("/en/staff/pages/about/ru").await.status, 403);
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/staff/pages/about/ru",
            &[("csrf", &csrf), ("title", "Взлом"), ("body", "Текст")],
        )
        .await;
    assert_eq!(res.status, 403);
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let list = app.client.get("/en/staff/pages").await;
    assert_eq!(list.status, 200);
    for key in KEYS {
        for l in ["en", "ru", "tr", "it", "es"] {
            list.assert_contains(&format!("href=\"/en/staff/pages/{key}/{l}\""));
        }
    }
    list.assert_contains("Built-in text");
    let edit = app.client.get("/en/staff/pages/about/ru").await;
    assert_eq!(edit.status, 200);
    assert_eq!(
        edit.input_value("title").as_deref(),
        Some(h1(&before.body).as_str())
    );
    let csrf = app.csrf().await;
    // Errors keep what was typed.
    let res = app
        .client
        .post_form(
            "/en/staff/pages/about/ru",
            &[
                ("csrf", &csrf),
                ("title", "  "),
                ("body", "Черновик **важного** текста"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("This field is required.");
    res.assert_contains("Черновик **важного** текста");
    let body = "## Кто мы\n\nМастерские из **четырёх** стран.\n\n<script>alert(1)</script>\n\n[ссылка](javascript:alert(2))";
    let res = app
        .client
        .post_form(
            "/en/staff/pages/about/ru",
            &[("csrf", &csrf), ("title", "О нас"), ("body", body)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = app.client.get("/ru/info/about").await;
    assert_eq!(h1(&page.body), "О нас");
    page.assert_contains("<h2>Кто мы</h2>");
    page.assert_contains("<strong>четырёх</strong>");
    page.assert_not_contains("<script>alert");
    page.assert_not_contains("javascript:");
    page.assert_contains("Обновлено");
    // Other languages keep their own text.
    assert_ne!(h1(&app.client.get("/en/info/about").await.body), "О нас");
    // A second version, then the first restored.
    let res = app
        .client
        .post_form(
            "/en/staff/pages/about/ru",
            &[
                ("csrf", &csrf),
                ("title", "О маркетплейсе"),
                ("body", "Новый текст страницы."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        h1(&app.client.get("/ru/info/about").await.body),
        "О маркетплейсе"
    );
    let edit = app.client.get("/en/staff/pages/about/ru").await;
    let first: i64 = caravan::db::schema::site_page_revisions::table
        .filter(caravan::db::schema::site_page_revisions::title.eq("О нас"))
        .select(caravan::db::schema::site_page_revisions::id)
        .first(&mut app.db.conn())
        .unwrap();
    edit.assert_contains(&format!("name=\"revision\" value=\"{first}\""));
    let res = app
        .client
        .post_form(
            "/en/staff/pages/about/ru/restore",
            &[("csrf", &csrf), ("revision", &first.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(h1(&app.client.get("/ru/info/about").await.body), "О нас");
    // A revision of another page cannot be restored here.
    let res = app
        .client
        .post_form(
            "/en/staff/pages/terms/ru/restore",
            &[("csrf", &csrf), ("revision", &first.to_string())],
        )
        .await;
    assert_eq!(res.status, 404);
    let list = app.client.get("/en/staff/pages").await;
    list.assert_contains("3 versions");
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::subject.eq("about/ru"))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(actions, ["page.save", "page.save", "page.restore"]);
}

#[actix_web::test]
async fn shop_and_product_pages_name_the_seller() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let moved = app.client.get(&format!("/it/p/{}-x", f.it_bag)).await;
    let product = app.client.get(&moved.location().unwrap()).await;
    assert_eq!(product.status, 200);
    product.assert_contains("Il venditore");
    product.assert_contains("S.r.l.");
    product.assert_contains("Via Roma 1, 50123, Città, Italia");
    product.assert_contains("<dt>Partita IVA</dt><dd>00743110157</dd>");
    product.assert_contains("Venditore professionale");
    product.assert_contains(&format!("href=\"/it/p/{}/report\"", f.it_bag));
    product.assert_contains("\"legalName\":");
    let moved = app.client.get(&format!("/ru/p/{}-x", f.ru_bag)).await;
    let product = app.client.get(&moved.location().unwrap()).await;
    product.assert_contains("<dt>ИНН</dt>");
    let shop = app.client.get("/en/shop/gzhel-test").await;
    assert_eq!(shop.status, 200);
    shop.assert_contains("About the seller");
    shop.assert_contains("Tax number (INN)");
}

#[actix_web::test]
async fn a_product_report_reaches_the_staff_queue_and_is_worked_with_an_audit_trail() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let url = format!("/en/p/{}/report", f.it_bag);
    assert_eq!(app.client.get("/en/p/999999/report").await.status, 404);
    let form = app.client.get(&url).await;
    assert_eq!(form.status, 200);
    form.assert_contains("Report “");
    let csrf = form.input_value("csrf").unwrap();
    // Everything missing: one message per field, the typed text kept.
    let res = app
        .client
        .post_form(&url, &[("csrf", &csrf), ("details", "Fake")])
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Please write at least 10 characters.");
    res.assert_contains(">Fake</textarea>");
    res.assert_contains("This field is required.");
    res.assert_contains("Please confirm that you are sending this notice in good faith.");
    let notice = [
        ("csrf", csrf.as_str()),
        ("reason", "counterfeit"),
        ("details", "The logo copies a well-known fashion brand."),
        ("contact", "watcher@example.com"),
        ("good_faith", "1"),
    ];
    let res = app.client.post_form(&url, &notice).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let product_url = res.location().unwrap();
    assert!(product_url.starts_with(&format!("/en/p/{}-", f.it_bag)));
    app.client
        .get(&product_url)
        .await
        .assert_contains("Thank you. Your notice has been sent to our staff.");
    // Sent twice (a reload): stored once.
    assert_eq!(app.client.post_form(&url, &notice).await.status, 303);
    let count = |app: &TestApp| -> i64 {
        product_reports::table
            .count()
            .get_result(&mut app.db.conn())
            .unwrap()
    };
    assert_eq!(count(&app), 1);
    // A signed-in reporter's account email stands in for an empty contact.
    app.sign_in_as("buyer@example.com", Role::Shopper).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/ru/p/{}/report", f.tr_bag),
            &[
                ("csrf", &csrf),
                ("reason", "misleading"),
                ("details", "Описание не соответствует фото."),
                ("contact", ""),
                ("good_faith", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let contact: String = product_reports::table
        .filter(product_reports::product_id.eq(f.tr_bag))
        .select(product_reports::contact)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(contact, "buyer@example.com");
    assert_eq!(app.client.get("/en/staff/reports").await.status, 403);
    // Staff: the dashboard counts open notices; the queue lists them oldest first.
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let dash = app.client.get("/en/staff").await;
    dash.assert_contains("Open notices");
    let queue = app.client.get("/en/staff/reports").await;
    assert_eq!(queue.status, 200);
    queue.assert_contains("The logo copies a well-known fashion brand.");
    queue.assert_contains("Counterfeit or infringes a trademark or copyright");
    queue.assert_contains("watcher@example.com");
    queue.assert_contains("Open (2)");
    let (id, _) = product_reports::table
        .filter(product_reports::product_id.eq(f.it_bag))
        .select((product_reports::id, product_reports::status))
        .first::<(i64, String)>(&mut app.db.conn())
        .unwrap();
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/staff/reports/{id}?back=/en/staff/reports"),
            &[
                ("csrf", &csrf),
                ("status", "dismissed"),
                ("note", "Own design, checked the trademark register."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        res.location().as_deref(),
        Some(format!("/en/staff/reports#report-{id}").as_str())
    );
    // A dismissed notice is reopened for review, not flipped straight to "action taken".
    let res = app
        .client
        .post_form(
            &format!("/en/staff/reports/{id}"),
            &[("csrf", &csrf), ("status", "actioned"), ("note", "")],
        )
        .await;
    assert_eq!(res.status, 303);
    let all = app.client.get("/en/staff/reports?status=all").await;
    all.assert_contains("This change of status is not allowed.");
    all.assert_contains("Own design, checked the trademark register.");
    let status: String = product_reports::table
        .find(id)
        .select(product_reports::status)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(status, "dismissed");
    let audit: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("report.status"))
        .select(audit_log::detail)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        audit,
        ["open → dismissed: Own design, checked the trademark register."]
    );
    // A shopper cannot work the queue.
    app.client.cookies.clear();
    app.sign_in_as("buyer@example.com", Role::Shopper).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/staff/reports/{id}"),
            &[("csrf", &csrf), ("status", "reviewing"), ("note", "")],
        )
        .await;
    assert_eq!(res.status, 403);
}

#[actix_web::test]
async fn a_shop_application_needs_the_business_address() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    app.sign_in_as("maker@example.com", Role::Shopper).await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/es/merchant/apply",
            &[
                ("csrf", &csrf),
                ("shop_name", "Taller Nuevo"),
                ("legal_name", "Taller Nuevo S.L."),
                ("country", "ES"),
                ("city", "Sevilla"),
                ("address", ""),
                ("contact", "hola@taller.example"),
                ("tax_id", "B12345674"),
                ("description", "Cerámica hecha a mano en Triana."),
                ("description_lang", "es"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Domicilio social");
    res.assert_contains("Taller Nuevo S.L.");
}
