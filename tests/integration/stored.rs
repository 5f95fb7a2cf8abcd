//! Typed values in plain columns, on the backend under test: statuses read back as their enums, an unknown
//! code is an error (never a panic), and typed ids bind and load like the numbers they wrap.

use caravan::catalogue::model::{ProductRow, ProductStatus};
use caravan::db::schema::{merchants, products, promos};
use caravan::ids::{ProductId, PromoId};
use caravan::shops::model::{MerchantRow, MerchantStatus};
use diesel::prelude::*;

use crate::support::builders;
use crate::support::TestDb;

#[test]
fn statuses_and_ids_round_trip() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    let mut c = db.conn();
    let shop: MerchantRow = merchants::table
        .find(f.it_shop)
        .select(MerchantRow::as_select())
        .first(&mut c)
        .expect("shop");
    assert_eq!(shop.status, MerchantStatus::Approved);
    // An enum binds where its text does.
    let n: i64 = merchants::table
        .filter(merchants::status.eq(MerchantStatus::Approved))
        .count()
        .get_result(&mut c)
        .expect("count");
    assert!(n >= 4, "{n}");
    let row: ProductRow = products::table
        .filter(products::id.eq(ProductId(f.it_bag)))
        .select(ProductRow::as_select())
        .first(&mut c)
        .expect("product");
    assert_eq!(row.status, ProductStatus::Active);
    let id: ProductId = products::table
        .find(f.it_bag)
        .select(products::id)
        .first(&mut c)
        .expect("id");
    assert_eq!(id, ProductId(f.it_bag));
    assert_eq!(id.to_string().parse::<ProductId>(), Ok(id));
    let none: Option<PromoId> = promos::table
        .select(promos::id)
        .first(&mut c)
        .optional()
        .expect("promos");
    assert_eq!(none, None);
}

#[test]
fn an_unknown_status_is_an_error_not_a_panic() {
    let db = TestDb::new();
    let f = builders::standard(&mut db.conn());
    let mut c = db.conn();
    diesel::update(products::table.find(f.it_bag))
        .set(products::status.eq("mislaid"))
        .execute(&mut c)
        .expect("update");
    let read = products::table
        .find(f.it_bag)
        .select(ProductRow::as_select())
        .first(&mut c);
    let err = read.expect_err("an unknown status must not load");
    assert!(err.to_string().contains("status"), "{err}");
    assert!(format!("{err:?}").contains("mislaid"), "{err:?}");
}
