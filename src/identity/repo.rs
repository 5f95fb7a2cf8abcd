use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::{NewUser, Role, UserRow};
use crate::db::schema::{auth_sessions, users};
use crate::db::DbConnection;

pub fn by_email_norm(conn: &mut DbConnection, email_norm: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email_norm.eq(email_norm))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, user: &NewUser) -> QueryResult<i64> {
    diesel::insert_into(users::table)
        .values(user)
        .returning(users::id)
        .get_result(conn)
}

pub fn update_profile(
    conn: &mut DbConnection,
    id: i64,
    name: &str,
    locale: &str,
    time_zone: Option<&str>,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    let row = users::table.filter(users::id.eq(id));
    let values = (
        users::display_name.eq(name),
        users::locale.eq(locale),
        users::updated_at.eq(now),
    );
    match time_zone {
        Some(z) => diesel::update(row)
            .set((values, users::time_zone.eq(z)))
            .execute(conn),
        None => diesel::update(row).set(values).execute(conn),
    }
}

pub fn update_password(
    conn: &mut DbConnection,
    id: i64,
    hash: &str,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::password_hash.eq(hash), users::updated_at.eq(now)))
        .execute(conn)
}

/// Gives user `id` role `to` if they have role `from` (a shopper whose shop was approved becomes a merchant;
/// staff stay staff).
pub fn promote(conn: &mut DbConnection, id: i64, from: Role, to: Role) -> QueryResult<usize> {
    diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::role.eq(from.as_str())),
    )
    .set(users::role.eq(to.as_str()))
    .execute(conn)
}

pub fn set_role(conn: &mut DbConnection, id: i64, role: &str) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::role.eq(role))
        .execute(conn)
}

pub fn insert_session(
    conn: &mut DbConnection,
    id: &str,
    user_id: i64,
    now: PrimitiveDateTime,
    expires: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(auth_sessions::table)
        .values((
            auth_sessions::id.eq(id),
            auth_sessions::user_id.eq(user_id),
            auth_sessions::created_at.eq(now),
            auth_sessions::expires_at.eq(expires),
        ))
        .execute(conn)
}

/// The user of a live signed-in session.
pub fn session_user(
    conn: &mut DbConnection,
    id: &str,
    now: PrimitiveDateTime,
) -> QueryResult<Option<(UserRow, PrimitiveDateTime)>> {
    auth_sessions::table
        .inner_join(users::table)
        .filter(auth_sessions::id.eq(id))
        .filter(auth_sessions::expires_at.gt(now))
        .select((UserRow::as_select(), auth_sessions::expires_at))
        .first(conn)
        .optional()
}

pub fn delete_session(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(auth_sessions::table.filter(auth_sessions::id.eq(id))).execute(conn)
}

/// Signs the user out everywhere except `keep` (after a password change).
pub fn delete_other_sessions(
    conn: &mut DbConnection,
    user_id: i64,
    keep: &str,
) -> QueryResult<usize> {
    diesel::delete(
        auth_sessions::table
            .filter(auth_sessions::user_id.eq(user_id))
            .filter(auth_sessions::id.ne(keep)),
    )
    .execute(conn)
}
