//! The outbox as the mail worker and staff see it: claiming due rows (a lease, so a row is sent by one instance at
//! a time), recording the outcome, the wait before a retry, failed rows for staff and their retry.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamp};
use time::{Duration, PrimitiveDateTime};

use crate::db::schema::{notifications, orders, users};
use crate::db::{write_tx, DbConnection};

/// Attempts before a message is left `failed`.
pub const MAX_ATTEMPTS: i32 = 10;
/// How long a claimed row is left to its sender before another may send it.
const LEASE: Duration = Duration::minutes(10);

/// A claimed row: what to send.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct Claimed {
    pub id: i64,
    pub user_id: i64,
    pub order_id: Option<i64>,
    pub kind: String,
    pub attempts: i32,
    /// What an account email carries (a reset link's token); emptied once the row is done.
    pub payload: String,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Claims up to `limit` due rows (queued, or due again after a failure or an expired lease) for this sender.
pub fn claim(
    conn: &mut DbConnection,
    limit: i64,
    now: PrimitiveDateTime,
) -> QueryResult<Vec<Claimed>> {
    // PostgreSQL: rows another instance is claiming right now are skipped, not waited for. SQLite: writers take
    // turns (BEGIN IMMEDIATE), and the outer WHERE checks each row again.
    let skip = match conn {
        DbConnection::Sqlite(_) => "",
        DbConnection::Pg(_) => " FOR UPDATE SKIP LOCKED",
    };
    // A lease that ran out after the last attempt (its sender crashed or hung each time) is not taken again.
    let due = "(mail_status = 'queued' OR (mail_status = 'retry' AND next_attempt_at <= $2) \
               OR (mail_status = 'sending' AND next_attempt_at <= $2 AND attempts < $4))";
    let sql = format!(
        "UPDATE notifications SET mail_status = 'sending', attempts = attempts + 1, next_attempt_at = $1 \
         WHERE id IN (SELECT id FROM notifications WHERE {due} ORDER BY id LIMIT $3{skip}) AND {due} \
         RETURNING id"
    );
    give_up_stuck(conn, now)?;
    let ids: Vec<i64> = write_tx(conn, |c| {
        diesel::sql_query(&sql)
            .bind::<Timestamp, _>(now + LEASE)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .bind::<diesel::sql_types::Integer, _>(MAX_ATTEMPTS)
            .load::<Id>(c)
    })?
    .into_iter()
    .map(|r| r.id)
    .collect();
    notifications::table
        .filter(notifications::id.eq_any(&ids))
        .order(notifications::id)
        .select(Claimed::as_select())
        .load(conn)
}

/// Rows whose last attempt's lease ran out without an outcome: failed (staff see them), their secrets dropped.
fn give_up_stuck(conn: &mut DbConnection, now: PrimitiveDateTime) -> QueryResult<()> {
    diesel::update(
        notifications::table
            .filter(notifications::mail_status.eq("sending"))
            .filter(notifications::next_attempt_at.le(now))
            .filter(notifications::attempts.ge(MAX_ATTEMPTS)),
    )
    .set((
        notifications::mail_status.eq("failed"),
        notifications::last_error.eq("stuck"),
    ))
    .execute(conn)?;
    drop_secrets_of_failed(conn)
}

/// Kinds whose payload is a secret (a link's token): kept only while the email may still be sent.
const SECRET_KINDS: [&str; 2] = ["password-reset", "verify-email"];

fn drop_secrets_of_failed(conn: &mut DbConnection) -> QueryResult<()> {
    diesel::update(
        notifications::table
            .filter(notifications::mail_status.eq("failed"))
            .filter(notifications::kind.eq_any(SECRET_KINDS))
            .filter(notifications::payload.ne("")),
    )
    .set(notifications::payload.eq(""))
    .execute(conn)?;
    Ok(())
}

/// The wait before the next attempt after `attempts` failures.
pub use crate::clock::backoff;

/// How a claimed row ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Nothing to send (another message covers it).
    Skipped,
    /// Not sent: the error code, and whether trying again may help.
    Failed(&'static str, bool),
}

/// Records the outcome of a claimed row (only while this sender still holds it).
pub fn finish(
    conn: &mut DbConnection,
    row: &Claimed,
    outcome: Outcome,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    // Only while this sender's claim stands: a claim after an expired lease raised the attempts.
    let mine = notifications::table
        .find(row.id)
        .filter(notifications::mail_status.eq("sending"))
        .filter(notifications::attempts.eq(row.attempts));
    match outcome {
        Outcome::Sent | Outcome::Skipped => {
            let status = if outcome == Outcome::Sent {
                "sent"
            } else {
                "skipped"
            };
            diesel::update(mine)
                .set((
                    notifications::mail_status.eq(status),
                    notifications::sent_at.eq(Some(now)),
                    notifications::next_attempt_at.eq(None::<PrimitiveDateTime>),
                    notifications::last_error.eq(""),
                    notifications::payload.eq(""),
                ))
                .execute(conn)?;
        }
        Outcome::Failed(code, retry) => {
            let last = !retry || row.attempts >= MAX_ATTEMPTS;
            let status = if last { "failed" } else { "retry" };
            diesel::update(mine)
                .set((
                    notifications::mail_status.eq(status),
                    notifications::next_attempt_at.eq(Some(now + backoff(row.attempts))),
                    notifications::last_error.eq(code),
                ))
                .execute(conn)?;
            if last {
                // A secret that will not be sent is not kept.
                drop_secrets_of_failed(conn)?;
            }
        }
    }
    Ok(())
}

/// Queues an email about the account itself (`password-reset`, `password-changed`), not about an order.
pub fn enqueue(
    conn: &mut DbConnection,
    user_id: i64,
    kind: &str,
    payload: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::order_id.eq(None::<i64>),
            notifications::kind.eq(kind),
            notifications::status.eq(""),
            notifications::payload.eq(payload),
            notifications::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Makes a failed message due now, with its attempts counted afresh (staff's "retry"); whether it was one.
pub fn retry_now(conn: &mut DbConnection, id: i64, now: PrimitiveDateTime) -> QueryResult<bool> {
    // A link whose token was dropped cannot be sent again: the reader asks for a new one.
    let secret_gone = notifications::kind
        .eq_any(SECRET_KINDS)
        .and(notifications::payload.eq(""));
    Ok(diesel::update(
        notifications::table
            .find(id)
            .filter(notifications::mail_status.eq("failed"))
            .filter(diesel::dsl::not(secret_gone)),
    )
    .set((
        notifications::mail_status.eq("retry"),
        notifications::attempts.eq(0),
        notifications::next_attempt_at.eq(Some(now)),
    ))
    .execute(conn)?
        == 1)
}

/// A failed message as staff see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedMail {
    pub id: i64,
    pub kind: String,
    pub email: String,
    pub order: Option<String>,
    pub attempts: i32,
    pub error: String,
    pub created_at: PrimitiveDateTime,
}

/// Failed messages, newest first.
pub fn failed(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<FailedMail>> {
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        i32,
        String,
        PrimitiveDateTime,
    );
    let rows: Vec<Row> = notifications::table
        .inner_join(users::table)
        .left_join(orders::table)
        .filter(notifications::mail_status.eq("failed"))
        .order(notifications::id.desc())
        .limit(limit)
        .select((
            notifications::id,
            notifications::kind,
            users::email,
            orders::number.nullable(),
            notifications::attempts,
            notifications::last_error,
            notifications::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, email, order, attempts, error, created_at)| FailedMail {
                id,
                kind,
                email,
                order,
                attempts,
                error,
                created_at,
            },
        )
        .collect())
}

/// How many messages stand in each state: (state, count).
pub fn counts(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    notifications::table
        .group_by(notifications::mail_status)
        .select((notifications::mail_status, diesel::dsl::count_star()))
        .order(notifications::mail_status)
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_and_stops_at_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(3), Duration::minutes(4));
        assert_eq!(backoff(MAX_ATTEMPTS), Duration::minutes(360));
    }
}
