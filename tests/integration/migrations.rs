use caravan::db::{revert_all_migrations, run_migrations};
use diesel::prelude::*;

use crate::support::TestDb;

#[test]
fn migrations_round_trip_up_down_up() {
    let db = TestDb::new();
    let mut conn = db.conn();
    crate::support::builders::standard(&mut conn);
    let reverted = revert_all_migrations(&mut conn).expect("down");
    assert!(reverted >= 1);
    // Tables are gone.
    let gone = diesel::sql_query("SELECT 1 FROM products").execute(&mut conn);
    assert!(gone.is_err());
    let applied = run_migrations(&mut conn).expect("up again");
    assert_eq!(applied, reverted);
    // And usable.
    crate::support::builders::standard(&mut conn);
}
