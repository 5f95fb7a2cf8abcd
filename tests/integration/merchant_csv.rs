//! CSV export and import of a shop's catalogue.

use caravan::db::schema::{merchants, product_translations, products, users};
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::support::builders::{self, Fixture};
use crate::support::client::Page;
use crate::support::TestApp;

async fn merchant_app() -> (TestApp, Fixture) {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    (app, f)
}

pub(crate) async fn check(app: &mut TestApp, lang: &str, body: &[u8]) -> Page {
    let csrf = app.csrf().await;
    app.client
        .post_multipart(
            &format!("/{lang}/merchant/import"),
            &[("csrf", &csrf)],
            &[("file", "products.csv", "text/csv", body)],
        )
        .await
}

pub(crate) async fn apply(app: &mut TestApp, token: &str) -> Page {
    let csrf = app.csrf().await;
    app.client
        .post_form(
            "/en/merchant/import/apply",
            &[("csrf", &csrf), ("token", token)],
        )
        .await
}

fn shop_products(app: &TestApp, shop: i64) -> Vec<(String, i64, i32, String)> {
    products::table
        .filter(products::merchant_id.eq(shop))
        .order(products::sku)
        .select((
            products::sku,
            products::price_minor,
            products::stock,
            products::status,
        ))
        .load(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn export_then_import_round_trips_and_updates_by_sku() {
    let (mut app, f) = merchant_app().await;
    let res = app.client.get("/en/merchant/products.csv").await;
    assert_eq!(res.status, 200);
    assert!(res.header("content-type").unwrap().starts_with("text/csv"));
    assert!(res
        .header("content-disposition")
        .unwrap()
        .contains("attachment"));
    let body = res.body.clone();
    assert!(body.starts_with('\u{feff}'), "BOM for spreadsheets");
    let mut rows = csv::Reader::from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..4], ["sku", "category", "status", "price"]);
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 1);
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    assert_eq!(&records[0][col("category")], "leather-bags");
    assert_eq!(&records[0][col("currency")], "EUR");
    // Re-import unchanged: one update, nothing new, nothing different.
    let before = shop_products(&app, f.it_shop);
    let res = check(&mut app, "en", body.as_bytes()).await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains("0 new, 1 updated");
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    assert_eq!(shop_products(&app, f.it_shop), before);
    // Edit a price, add a product, and import again.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    let mut first: Vec<String> = records[0].iter().map(String::from).collect();
    first[col("price")] = "99.90".into();
    first[col("stock")] = "7".into();
    w.write_record(&first).unwrap();
    let mut new_row = vec![String::new(); header.len()];
    new_row[col("sku")] = "NEW-CSV-1".into();
    new_row[col("category")] = "ceramics".into();
    new_row[col("status")] = "active".into();
    new_row[col("price")] = "25".into();
    new_row[col("stock")] = "3".into();
    new_row[col("original_language")] = "it".into();
    new_row[col("title_it")] = "Piatto di maiolica, \"Deruta\"".into();
    new_row[col("description_it")] = "Dipinto a mano,\nsu due righe.".into();
    new_row[col("title_tr")] = "Deruta majolika tabak".into();
    w.write_record(&new_row).unwrap();
    let file = w.into_inner().unwrap();
    let res = check(&mut app, "en", &file).await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains("1 new, 1 updated");
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    // A token works once.
    let again = apply(&mut app, &token).await;
    assert_eq!(again.status, 422);
    again.assert_contains("expired or was already applied");
    let after = shop_products(&app, f.it_shop);
    assert_eq!(after.len(), 2);
    assert!(after.contains(&("NEW-CSV-1".into(), 2500, 3, "active".into())));
    assert!(after.iter().any(|p| p.1 == 9990 && p.2 == 7));
    // Live and searchable in Turkish at once.
    app.client
        .get("/tr/search?q=majolika")
        .await
        .assert_contains("Deruta majolika tabak");
    let export = app.client.get("/en/merchant/products.csv").await;
    assert!(export.body.contains("\"Dipinto a mano,\nsu due righe.\""));
}

#[actix_web::test]
async fn a_file_with_errors_lists_them_by_line_and_applies_nothing() {
    let (mut app, f) = merchant_app().await;
    let before = shop_products(&app, f.it_shop);
    let file = "sku,category,status,price,stock,original_language,title_it,title_en\n\
                OK-1,ceramics,active,10.00,1,it,Tazza,Cup\n\
                BAD-CAT,no-such-category,active,10.00,1,it,Tazza,Cup\n\
                BAD-PRICE,ceramics,active,ten,1,it,Tazza,Cup\n\
                OK-1,ceramics,active,10.00,1,it,Tazza,Cup\n\
                NO-TITLE,ceramics,sold,10.00,-1,it,,Cup\n";
    let res = check(&mut app, "en", file.as_bytes()).await;
    assert_eq!(res.status, 422);
    res.assert_contains("line 3");
    res.assert_contains("Choose a category from the list.");
    res.assert_contains("line 4");
    res.assert_contains("Write a price like in the example.");
    res.assert_contains("line 5");
    res.assert_contains("This SKU already appears on line 2.");
    res.assert_contains("line 6");
    res.assert_contains("The title in your original language is required.");
    res.assert_contains("Nothing has been changed.");
    assert!(
        res.input_value("token").is_none(),
        "no way to apply a broken file"
    );
    assert_eq!(shop_products(&app, f.it_shop), before);
    // The same messages in the merchant's language.
    let ru = check(&mut app, "ru", file.as_bytes()).await;
    assert_eq!(ru.status, 422);
    ru.assert_not_contains("Choose a category from the list.");
    // A file without a required column is refused whole.
    let res = check(&mut app, "en", b"sku,price\nA,1\n").await;
    assert_eq!(res.status, 422);
    res.assert_contains("The column &#34;category&#34; is missing");
    let res = check(&mut app, "en", &[0xff, 0xfe, 0x00, 0x41]).await;
    assert_eq!(res.status, 422);
    res.assert_contains("not UTF-8");
}

#[actix_web::test]
async fn spreadsheet_files_with_bom_semicolons_crlf_and_comma_decimals_import() {
    let (mut app, f) = merchant_app().await;
    let it_sku: String = products::table
        .find(f.it_bag)
        .select(products::sku)
        .first(&mut app.db.conn())
        .unwrap();
    let file = format!(
        "\u{feff}SKU;Category;Status;Price;Stock;Original_Language;Title_IT\r\n\
         NEW-1;leather-bags;active;1.299,50;3;it;Borsa nuova\r\n\
         {it_sku};leather-bags;active;45,00;2;it;Borsa fiorentina rinnovata\r\n"
    );
    let res = check(&mut app, "it", file.as_bytes()).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    let prices: Vec<(String, i64)> = products::table
        .filter(products::merchant_id.eq(f.it_shop))
        .order(products::sku)
        .select((products::sku, products::price_minor))
        .load(&mut app.db.conn())
        .unwrap();
    assert!(prices.contains(&("NEW-1".into(), 129_950)));
    assert!(prices.contains(&(it_sku.clone(), 4500)));
    // Languages the file does not carry keep their texts on the updated product.
    let langs: Vec<String> = product_translations::table
        .filter(product_translations::product_id.eq(f.it_bag))
        .order(product_translations::locale)
        .select(product_translations::locale)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(langs, vec!["en", "es", "it", "ru", "tr"]);
    let it_title: String = product_translations::table
        .filter(product_translations::product_id.eq(f.it_bag))
        .filter(product_translations::locale.eq("it"))
        .select(product_translations::title)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(it_title, "Borsa fiorentina rinnovata");
}

#[actix_web::test]
async fn a_checked_file_cannot_be_applied_by_another_shop() {
    let (mut app, f) = merchant_app().await;
    let res = check(
        &mut app,
        "en",
        b"sku,category,status,price,stock,original_language,title_it\nX-1,ceramics,active,5,1,it,Tazza\n",
    )
    .await;
    let token = res.input_value("token").unwrap();
    // Another shop's owner with the token in hand.
    app.client.cookies.clear();
    app.sign_in_as("owner@istanbul.example", Role::Merchant)
        .await;
    let uid: i64 = users::table
        .filter(users::email_norm.eq("owner@istanbul.example"))
        .select(users::id)
        .first(&mut app.db.conn())
        .unwrap();
    diesel::update(merchants::table.find(f.tr_shop))
        .set(merchants::owner_user_id.eq(uid))
        .execute(&mut app.db.conn())
        .unwrap();
    let res = apply(&mut app, &token).await;
    assert_eq!(res.status, 422);
    let n: i64 = products::table
        .filter(products::sku.eq("X-1"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 0);
}

#[actix_web::test]
async fn a_few_thousand_rows_import_in_one_go() {
    let (mut app, f) = merchant_app().await;
    let mut file = String::from(
        "sku,category,status,price,stock,original_language,title_it,description_it,title_en\n",
    );
    // `CARAVAN_IMPORT_ROWS=10000 cargo test --release … a_few_thousand -- --nocapture` measures a bigger file.
    let rows: usize = std::env::var("CARAVAN_IMPORT_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    for i in 0..rows {
        file.push_str(&format!(
            "BULK-{i:06},ceramics,active,{}.{:02},{},it,Piatto dipinto {i},Maiolica fatta a mano numero {i},Painted plate {i}\n",
            10 + i % 90,
            i % 100,
            i % 7
        ));
    }
    let started = std::time::Instant::now();
    let res = check(&mut app, "en", file.as_bytes()).await;
    assert_eq!(res.status, 200, "{}", &res.body[..res.body.len().min(2000)]);
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    eprintln!(
        "import of {rows} rows (check + apply): {:?}",
        started.elapsed()
    );
    let n: i64 = products::table
        .filter(products::merchant_id.eq(f.it_shop))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, rows as i64 + 1);
    app.client
        .get(&format!("/en/search?q=painted+plate+{}", rows - 1))
        .await
        .assert_contains(&format!("Painted plate {}", rows - 1));
}

/// Texts a spreadsheet would run as formulas (OWASP's CSV injection list) leave the export neutralized with a
/// leading apostrophe, and an unchanged re-import keeps the merchant's real text, apostrophes included.
#[actix_web::test]
async fn exported_cells_never_run_as_formulas_and_import_keeps_the_real_text() {
    let (mut app, f) = merchant_app().await;
    let texts = [
        (
            "it",
            "=HYPERLINK(\"http://evil.example\",\"Clicca\")",
            "=cmd|' /C calc'!A0",
        ),
        ("en", "+1 gift inside", "-20% this week"),
        ("tr", "@SUM(A1:A9)", "'=1+1 is not a formula here"),
    ];
    for (lang, title, description) in texts {
        diesel::update(
            product_translations::table
                .filter(product_translations::product_id.eq(f.it_bag))
                .filter(product_translations::locale.eq(lang)),
        )
        .set((
            product_translations::title.eq(title),
            product_translations::description.eq(description),
        ))
        .execute(&mut app.db.conn())
        .unwrap();
    }
    let stored = |app: &TestApp| -> Vec<(String, String, String)> {
        product_translations::table
            .filter(product_translations::product_id.eq(f.it_bag))
            .order(product_translations::locale)
            .select((
                product_translations::locale,
                product_translations::title,
                product_translations::description,
            ))
            .load(&mut app.db.conn())
            .unwrap()
    };
    let before = stored(&app);
    assert!(before.len() >= 3, "{before:?}");
    let export = app.client.get("/en/merchant/products.csv").await;
    let body = export.body.clone();
    let mut rows = csv::Reader::from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    let record = rows.records().next().unwrap().unwrap();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    assert_eq!(
        &record[col("title_it")],
        "'=HYPERLINK(\"http://evil.example\",\"Clicca\")"
    );
    assert_eq!(&record[col("description_it")], "'=cmd|' /C calc'!A0");
    assert_eq!(&record[col("title_en")], "'+1 gift inside");
    assert_eq!(&record[col("description_en")], "'-20% this week");
    assert_eq!(&record[col("title_tr")], "'@SUM(A1:A9)");
    assert_eq!(
        &record[col("description_tr")],
        "''=1+1 is not a formula here"
    );
    // No cell of the file starts a formula, after trimming as a spreadsheet would.
    for cell in record.iter() {
        assert!(
            !cell.trim().starts_with(['=', '+', '-', '@']),
            "live cell {cell:?}"
        );
    }
    let res = check(&mut app, "en", body.as_bytes()).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let token = res.input_value("token").unwrap();
    assert_eq!(apply(&mut app, &token).await.status, 303);
    assert_eq!(stored(&app), before);
}

/// The category column takes what a merchant can see: the key (listed on the import page), the form's value,
/// the storefront slug or the name, in any language and any case; Windows line ends keep line numbers right.
#[actix_web::test]
async fn categories_by_key_slug_or_name_and_crlf_line_numbers() {
    let (mut app, f) = merchant_app().await;
    let page = app.client.get("/en/merchant/import").await;
    assert_eq!(page.status, 200);
    page.assert_contains("<code>ceramics</code>");
    let file = format!(
        "sku,category,status,price,stock,original_language,title_it\r\n\
         BY-KEY,ceramics,active,10.00,1,it,Tazza\r\n\
         BY-ID,{},active,10.00,1,it,Tazza\r\n\
         BY-RU-NAME,Керамика,active,10.00,1,it,Tazza\r\n\
         BY-TR-SLUG,seramik,active,10.00,1,it,Tazza\r\n\
         BY-IT-NAME,CERAMICHE,active,10.00,1,it,Tazza\r\n",
        f.ceramics
    );
    let res = check(&mut app, "en", file.as_bytes()).await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains("5 new");
    let bad = "sku,category,status,price,stock,original_language,title_it\r\n\
               OK-1,ceramics,active,10.00,1,it,Tazza\r\n\
               OK-2,ceramics,active,10.00,1,it,Tazza\r\n\
               BAD,no-such-category,active,10.00,1,it,Tazza\r\n";
    let res = check(&mut app, "en", bad.as_bytes()).await;
    assert_eq!(res.status, 422);
    res.assert_contains("<td>line 4</td>");
    res.assert_not_contains("<td>line 3</td>");
}
