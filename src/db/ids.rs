//! Id lists in queries with one SQL text whatever the list's length, so each statement is prepared once per
//! connection and then reused: PostgreSQL binds an array (`= ANY($1)`, Diesel's `eq_any` on that backend) and
//! SQLite binds the list as one JSON text read by `json_each`. Diesel's `IN (?, ?, …)` on SQLite changes with
//! the length and is never cached, and preparing it again on every page was a fifth of a listing's cost.

use diesel::expression::{AppearsOnTable, Expression, ValidGrouping};
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;
use diesel::sql_types::{Bool, Text};
use diesel::sqlite::Sqlite;

/// `column IN (SELECT value FROM json_each(?))` with the ids bound as a JSON array.
#[derive(Debug, Clone)]
pub struct InJson<C> {
    column: C,
    json: String,
}

pub fn in_json<C>(column: C, ids: &[i64]) -> InJson<C> {
    let mut json = String::with_capacity(ids.len() * 8 + 2);
    json.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&id.to_string());
    }
    json.push(']');
    InJson { column, json }
}

impl<C: Expression> Expression for InJson<C> {
    type SqlType = Bool;
}

impl<C, QS> AppearsOnTable<QS> for InJson<C> where C: AppearsOnTable<QS> {}

impl<C: ValidGrouping<GB>, GB> ValidGrouping<GB> for InJson<C> {
    type IsAggregate = C::IsAggregate;
}

impl<C: QueryId> QueryId for InJson<C> {
    type QueryId = InJson<C::QueryId>;
    const HAS_STATIC_QUERY_ID: bool = C::HAS_STATIC_QUERY_ID;
}

impl<C: QueryFragment<Sqlite>> QueryFragment<Sqlite> for InJson<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (SELECT value FROM json_each(");
        out.push_bind_param::<Text, _>(&self.json)?;
        out.push_sql("))");
        Ok(())
    }
}

/// Loads `$query`, in which `$f` stands for "`$col` is one of `$ids`", in the form each backend caches.
#[macro_export]
macro_rules! load_by_ids {
    ($conn:expr, $col:expr, $ids:expr, |$f:ident| $query:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite(c) => {
                let $f = $crate::db::ids::in_json($col, $ids);
                diesel::RunQueryDsl::load($query, c)
            }
            $crate::db::DbConnection::Pg(c) => {
                let $f = diesel::ExpressionMethods::eq_any($col, $ids);
                diesel::RunQueryDsl::load($query, c)
            }
        }
    };
}
