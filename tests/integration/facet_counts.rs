//! `facet_counts` (kept by triggers) must always equal a full aggregate of the listed products, after every kind
//! of write, for every scope and filter the summary answers.

use diesel::prelude::*;

use caravan::campaigns::model::Targets;
use caravan::catalogue::facet_counts;
use caravan::catalogue::repo::{scan_facet_groups, FacetGroup, Filters, Scope, Skip};
use caravan::db::schema::products;
use caravan::db::DbConnection;
use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::money::{Currency, Money};

use crate::support::builders::{self, Fixture, P};
use crate::support::TestDb;

fn sorted(mut g: Vec<FacetGroup>) -> Vec<FacetGroup> {
    g.sort_by(|a, b| (&a.origin, a.category_id).cmp(&(&b.origin, b.category_id)));
    g
}

/// Every scope and filter combination the summary serves, compared with the scan.
fn assert_agrees(conn: &mut DbConnection, fx: &Fixture, step: &str) {
    let scopes = [
        Scope::All,
        Scope::Categories(vec![fx.bags]),
        Scope::Categories(vec![fx.leather, fx.bags, fx.ceramics]),
        Scope::Origin("IT".into()),
        Scope::Merchant(fx.tr_shop),
        Scope::Promo(Targets {
            origins: vec!["ES".into()],
            merchants: vec![fx.ru_shop],
            categories: vec![fx.ceramics],
            products: vec![fx.it_bag, fx.iznik_bowl, fx.sold_out],
        }),
    ];
    let filters = [
        Filters::default(),
        Filters {
            in_stock: true,
            ..Filters::default()
        },
        Filters {
            origins: vec!["IT".into(), "TR".into()],
            categories: Some(vec![fx.bags]),
            in_stock: true,
            ..Filters::default()
        },
    ];
    for scope in &scopes {
        for f in &filters {
            for skip in [Skip::None, Skip::Origin, Skip::Category] {
                assert!(facet_counts::applies(f, skip));
                let summary = sorted(facet_counts::groups(conn, scope, f, skip).expect("summary"));
                let scan = sorted(scan_facet_groups(conn, scope, f, skip).expect("scan"));
                assert_eq!(summary, scan, "{step}: {scope:?} {f:?} {skip:?}");
            }
        }
    }
    // A price bound is answered by the scan, except when the price facet itself is being counted.
    let priced = Filters {
        base_min: Some(1_000),
        ..Filters::default()
    };
    assert!(!facet_counts::applies(&priced, Skip::None));
    assert!(facet_counts::applies(&priced, Skip::Price));
    for scope in &scopes {
        let summary =
            sorted(facet_counts::groups(conn, scope, &priced, Skip::Price).expect("summary"));
        let scan = sorted(scan_facet_groups(conn, scope, &priced, Skip::Price).expect("scan"));
        assert_eq!(
            summary, scan,
            "{step}: {scope:?} price facet counted without its bound"
        );
    }
    assert!(!facet_counts::applies(
        &Filters {
            terms: vec![vec!["bag".into()]],
            ..Filters::default()
        },
        Skip::None
    ));
}

fn set_price(conn: &mut DbConnection, id: i64, base: i64) {
    diesel::update(products::table.find(id))
        .set(products::base_price_minor.eq(base))
        .execute(conn)
        .expect("price");
}

fn set_stock(conn: &mut DbConnection, id: i64, stock: i32) {
    diesel::update(products::table.find(id))
        .set(products::stock.eq(stock))
        .execute(conn)
        .expect("stock");
}

#[test]
fn summary_equals_a_full_scan_after_every_kind_of_write() {
    let db = TestDb::new();
    let mut conn = db.conn();
    let fx = builders::standard(&mut conn);
    assert_agrees(&mut conn, &fx, "fixture");

    // More products in one group, so removing an extreme leaves others behind.
    let mut extra = Vec::new();
    for (i, (price, stock)) in [(1_500, 3), (90_000, 0), (2_500, 7), (70_000, 1)]
        .into_iter()
        .enumerate()
    {
        extra.push(builders::product(
            &mut conn,
            P {
                merchant: fx.it_shop,
                category: fx.bags,
                origin: CountryCode::IT,
                price: Money::new(price, Currency::Eur),
                stock,
                lang: Locale::It,
                texts: vec![(Locale::It, "Borsa extra", "Pelle.")],
                age_minutes: 500 + i as i64,
            },
        ));
    }
    assert_agrees(&mut conn, &fx, "inserts");

    // The group's cheapest and dearest products change price, sell out, come back.
    let cheapest = extra[0];
    let dearest_in_stock = extra[3];
    set_price(&mut conn, cheapest, 60_000);
    assert_agrees(&mut conn, &fx, "cheapest raised");
    set_stock(&mut conn, dearest_in_stock, 0);
    assert_agrees(&mut conn, &fx, "dearest in stock sold out");
    set_stock(&mut conn, extra[1], 4);
    assert_agrees(&mut conn, &fx, "out of stock restocked");
    set_stock(&mut conn, extra[1], 3);
    assert_agrees(&mut conn, &fx, "stock change within in-stock");
    set_price(&mut conn, extra[2], 100);
    assert_agrees(&mut conn, &fx, "new cheapest");

    // Moves between groups, unlisting and listing again.
    diesel::update(products::table.find(extra[2]))
        .set(products::category_id.eq(fx.ceramics))
        .execute(&mut conn)
        .expect("move");
    assert_agrees(&mut conn, &fx, "category move");
    diesel::update(products::table.find(fx.it_bag))
        .set(products::listed.eq(false))
        .execute(&mut conn)
        .expect("unlist");
    assert_agrees(&mut conn, &fx, "unlisted");

    // One statement over many rows: a shop suspended, then approved again.
    diesel::update(products::table.filter(products::merchant_id.eq(fx.it_shop)))
        .set(products::listed.eq(false))
        .execute(&mut conn)
        .expect("suspend");
    assert_agrees(&mut conn, &fx, "shop unlisted");
    diesel::update(products::table.filter(products::merchant_id.eq(fx.it_shop)))
        .set(products::listed.eq(true))
        .execute(&mut conn)
        .expect("approve");
    assert_agrees(&mut conn, &fx, "shop listed again");
    diesel::update(products::table.filter(products::merchant_id.eq(fx.it_shop)))
        .set((
            products::base_price_minor.eq(products::base_price_minor * 2),
            products::stock.eq(products::stock - 1),
        ))
        .execute(&mut conn)
        .expect("reprice");
    assert_agrees(&mut conn, &fx, "shop repriced in one statement");

    // Deletes, down to an empty group.
    for id in &extra {
        diesel::delete(products::table.find(*id))
            .execute(&mut conn)
            .expect("delete");
        assert_agrees(&mut conn, &fx, "delete");
    }
    diesel::delete(products::table.filter(products::merchant_id.eq(fx.tr_shop)))
        .execute(&mut conn)
        .expect("delete shop's products");
    assert_agrees(&mut conn, &fx, "shop emptied");
    let groups = facet_counts::groups(
        &mut conn,
        &Scope::Merchant(fx.tr_shop),
        &Filters::default(),
        Skip::None,
    )
    .expect("groups");
    assert!(groups.is_empty(), "an emptied group leaves no row");
}

/// Secondary indexes on `products` and the triggers on it, by name.
fn products_objects(conn: &mut DbConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let sql = match conn {
        DbConnection::Sqlite(_) => {
            "SELECT name FROM sqlite_master WHERE tbl_name = 'products' AND sql IS NOT NULL \
             AND type IN ('index', 'trigger') ORDER BY name"
        }
        DbConnection::Pg(_) => {
            "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'products' \
             AND indexname NOT IN (SELECT conname FROM pg_constraint) \
             UNION SELECT tgname FROM pg_trigger WHERE tgrelid = 'products'::regclass AND NOT tgisinternal \
             ORDER BY name"
        }
    };
    diesel::sql_query(sql)
        .load::<Name>(conn)
        .expect("objects")
        .into_iter()
        .map(|n| n.name)
        .collect()
}

#[test]
fn a_bulk_load_killed_half_way_is_finished_at_the_next_start() {
    use caravan::seed::bulk;
    let db = TestDb::new();
    let mut conn = db.conn();
    let fx = builders::standard(&mut conn);
    let objects = products_objects(&mut conn);
    assert!(
        objects.iter().any(|o| o == "products_category_facets")
            && objects.iter().any(|o| o.starts_with("facet_counts_")),
        "{objects:?}"
    );
    let dropped = bulk::begin(&mut conn).expect("begin");
    assert!(dropped >= objects.len(), "{dropped} < {objects:?}");
    assert!(products_objects(&mut conn).is_empty());
    // Rows go in without the triggers, and then the process dies: the summary no longer matches.
    builders::product(
        &mut conn,
        P {
            merchant: fx.tr_shop,
            category: fx.ceramics,
            origin: CountryCode::TR,
            price: Money::new(4_200, Currency::Try),
            stock: 2,
            lang: Locale::Tr,
            texts: vec![(Locale::Tr, "Kase", "Çini.")],
            age_minutes: 900,
        },
    );
    let f = Filters::default();
    let stale = facet_counts::groups(&mut conn, &Scope::All, &f, Skip::None).expect("summary");
    let scan = scan_facet_groups(&mut conn, &Scope::All, &f, Skip::None).expect("scan");
    assert_ne!(
        sorted(stale),
        sorted(scan),
        "the load bypassed the triggers"
    );

    // The next start finishes the load: same objects, exact counts, working triggers, nothing left to do.
    assert_eq!(bulk::resume(&mut conn).expect("resume"), dropped);
    assert_eq!(products_objects(&mut conn), objects);
    assert_agrees(&mut conn, &fx, "after resume");
    set_stock(&mut conn, fx.iznik_bowl, 0);
    assert_agrees(&mut conn, &fx, "a write after resume");
    assert_eq!(bulk::resume(&mut conn).expect("again"), 0);

    // A load that runs to the end leaves nothing recorded either.
    let n = bulk::without_indexes(&mut conn, |_| Ok(7)).expect("load");
    assert_eq!(n, 7);
    assert_eq!(products_objects(&mut conn), objects);
    assert_eq!(bulk::resume(&mut conn).expect("nothing"), 0);
}
