use diesel::prelude::*;

use caravan::db::schema::{merchants, product_translations, products};
use caravan::seed::{seed_demo, seed_synthetic};

use crate::support::{TestApp, TestDb};

#[test]
fn demo_catalogue_is_large_translated_and_idempotent() {
    let db = TestDb::new();
    let mut conn = db.conn();
    let report = seed_demo(&mut conn, &db.dir.path().join("media"), &db.passwords()).expect("seed");
    assert!(!report.skipped);
    assert!(report.merchants >= 16, "merchants {}", report.merchants);
    assert!(report.categories >= 10);
    assert!(report.products >= 400, "products {}", report.products);
    let n: i64 = products::table
        .count()
        .get_result(&mut conn)
        .expect("count");
    let t: i64 = product_translations::table
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert_eq!(t, n * 5, "every product in all five languages");
    let countries: Vec<String> = merchants::table
        .select(merchants::country)
        .distinct()
        .load(&mut conn)
        .expect("c");
    for cc in ["RU", "TR", "IT", "ES"] {
        assert!(countries.iter().any(|c| c == cc));
    }
    assert!(
        db.dir
            .path()
            .join("media/products")
            .read_dir()
            .expect("images")
            .count()
            >= 400
    );
    assert!(
        seed_demo(&mut conn, &db.dir.path().join("media"), &db.passwords())
            .expect("again")
            .skipped
    );
    let added = seed_synthetic(&mut conn, 1200, false).expect("synthetic");
    assert_eq!(added, 1200);
    let m: i64 = products::table
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert_eq!(m, n + 1200);
    // Every product has a variant; copies of demo products sold in sizes have the same sizes, and each
    // product's stock is its active variants' total.
    {
        use caravan::db::schema::{product_options, product_variants};
        let without: i64 = products::table
            .filter(diesel::dsl::not(diesel::dsl::exists(
                product_variants::table.filter(product_variants::product_id.eq(products::id)),
            )))
            .count()
            .get_result(&mut conn)
            .expect("count");
        assert_eq!(without, 0);
        let sized: i64 = product_options::table
            .inner_join(products::table)
            .filter(products::sku.like("SYN-%"))
            .count()
            .get_result(&mut conn)
            .expect("count");
        assert!(sized > 50, "{sized} options on synthetic products");
        let totals: Vec<(i64, i32, Option<i64>)> = products::table
            .filter(products::sku.like("SYN-%"))
            .select((
                products::id,
                products::stock,
                product_variants::table
                    .filter(product_variants::product_id.eq(products::id))
                    .filter(product_variants::active)
                    .select(diesel::dsl::sum(product_variants::stock))
                    .single_value(),
            ))
            .load(&mut conn)
            .expect("totals");
        for (id, stock, sum) in totals {
            assert_eq!(Some(i64::from(stock)), sum, "product {id}");
        }
    }
    // The load ran without the facet triggers (it doubles the catalogue): the counts were rebuilt, and the
    // triggers are back.
    use caravan::catalogue::repo::{scan_facet_groups, Filters, Scope, Skip};
    let f = Filters::default();
    let summary = caravan::catalogue::facet_counts::groups(&mut conn, &Scope::All, &f, Skip::None)
        .expect("summary");
    let mut scan = scan_facet_groups(&mut conn, &Scope::All, &f, Skip::None).expect("scan");
    scan.sort_by(|a, b| (&a.origin, a.category_id).cmp(&(&b.origin, b.category_id)));
    assert_eq!(summary, scan);
    let before: i64 = facet_total(&mut conn);
    diesel::update(products::table.filter(products::sku.like("SYN-%")))
        .set(products::listed.eq(false))
        .execute(&mut conn)
        .expect("unlist");
    assert_eq!(facet_total(&mut conn), before - 1200, "triggers rebuilt");
    if db.is_pg() {
        // The seed chooses ids itself: the sequence was moved past them before the load.
        #[derive(QueryableByName)]
        struct Seq {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            last: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            max: i64,
        }
        let seq: Seq = diesel::sql_query(
            "SELECT (SELECT last_value FROM products_id_seq) AS last, (SELECT MAX(id) FROM products) AS max",
        )
        .get_result(&mut conn)
        .expect("sequence");
        assert!(seq.last >= seq.max, "{} < {}", seq.last, seq.max);
    }
}

fn facet_total(conn: &mut caravan::db::DbConnection) -> i64 {
    use caravan::db::schema::facet_counts;
    facet_counts::table
        .select(facet_counts::product_count)
        .load::<i64>(conn)
        .expect("counts")
        .into_iter()
        .sum()
}

#[actix_web::test]
async fn demo_storefront_serves_every_locale() {
    let mut app = TestApp::new().await;
    seed_demo(
        &mut app.db.conn(),
        &app.db.dir.path().join("media"),
        &app.db.passwords(),
    )
    .expect("seed");
    for l in ["en", "ru", "tr", "it", "es"] {
        let res = app.client.get(&format!("/{l}/")).await;
        assert_eq!(res.status, 200);
        assert!(res.card_count() >= 12);
        let res = app.client.get(&format!("/{l}/origin/it")).await;
        assert_eq!(res.card_count(), 24);
    }
    let res = app.client.get("/ru/search?q=сумка").await;
    assert!(res.card_count() >= 1);
    let res = app.client.get("/tr/search?q=çanta").await;
    assert!(res.card_count() >= 1);
}

#[actix_web::test]
async fn demo_roles_sign_in_in_every_language() {
    use caravan::seed::{demo_merchant_email, DEMO_PASSWORD, DEMO_SHOPPER, DEMO_STAFF};
    let mut app = TestApp::new().await;
    seed_demo(
        &mut app.db.conn(),
        &app.db.dir.path().join("media"),
        &app.db.passwords(),
    )
    .expect("seed");
    let i18n = caravan::i18n::I18n::load().expect("i18n");
    let merchant = demo_merchant_email("pelletteria-ghiberti");
    for l in caravan::i18n::Locale::ALL {
        for (email, role) in [
            (DEMO_SHOPPER, "shopper"),
            (DEMO_STAFF, "staff"),
            (merchant.as_str(), "merchant"),
        ] {
            app.client.cookies.clear();
            let page = app.client.get(&format!("/{l}/sign-in")).await;
            let csrf = page.input_value("csrf").expect("csrf");
            let res = app
                .client
                .post_form(
                    &format!("/{l}/sign-in"),
                    &[
                        ("csrf", &csrf),
                        ("email", email),
                        ("password", DEMO_PASSWORD),
                    ],
                )
                .await;
            assert_eq!(res.status, 303, "{l} {email}");
            let acc = app.client.get(&format!("/{l}/account")).await;
            acc.assert_contains(
                &i18n
                    .messages
                    .format(l, &format!("account-role-{role}"), None),
            );
        }
    }
    // Each demo shop is owned by its merchant account.
    let owned: i64 = merchants::table
        .filter(merchants::owner_user_id.is_not_null())
        .count()
        .get_result(&mut app.db.conn())
        .expect("count");
    assert!(owned >= 16);
}
