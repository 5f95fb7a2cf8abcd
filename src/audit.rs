//! The audit log: every staff action with who, when and what changed.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{audit_log, users};
use crate::db::{Db, DbConnection};

#[derive(Debug, Clone, Queryable)]
pub struct AuditEntry {
    pub id: i64,
    pub action: String,
    pub subject: String,
    pub detail: String,
    pub created_at: PrimitiveDateTime,
    pub actor_email: Option<String>,
}

pub fn record(
    conn: &mut DbConnection,
    actor: i64,
    action: &str,
    subject: &str,
    detail: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor),
            audit_log::action.eq(action),
            audit_log::subject.eq(subject),
            audit_log::detail.eq(detail),
            audit_log::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Who did what to what, and when: an action to record if it changes something.
pub struct Act<'a> {
    pub actor: i64,
    pub action: &'a str,
    pub subject: String,
    pub now: PrimitiveDateTime,
}

/// Runs `change` in one write transaction and records `act` when it changed something (it returns `true`);
/// whether it did.
pub fn if_changed(
    conn: &mut DbConnection,
    act: &Act<'_>,
    change: impl FnOnce(&mut DbConnection) -> QueryResult<bool>,
) -> QueryResult<bool> {
    crate::db::write_tx(conn, |c| {
        let changed = change(c)?;
        if changed {
            record(c, act.actor, act.action, &act.subject, "", act.now)?;
        }
        Ok(changed)
    })
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor: Option<String>,
}

impl AuditFilter {
    /// `?action=…&actor=…&page=…` as the audit page's filter form sends it: the filter and the page (from 1).
    pub fn from_query(query: &str) -> (Self, i64) {
        let (mut filter, mut page) = (Self::default(), 1);
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "action" if !v.is_empty() => filter.action = Some(v.chars().take(64).collect()),
                "actor" if !v.trim().is_empty() => {
                    filter.actor = Some(v.trim().chars().take(254).collect())
                }
                "page" => page = v.parse::<i64>().unwrap_or(1).clamp(1, 1000),
                _ => {}
            }
        }
        (filter, page)
    }
}

pub fn list(
    conn: &mut DbConnection,
    f: &AuditFilter,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<AuditEntry>> {
    let mut q = audit_log::table
        .left_join(users::table)
        .select((
            audit_log::id,
            audit_log::action,
            audit_log::subject,
            audit_log::detail,
            audit_log::created_at,
            users::email.nullable(),
        ))
        .into_boxed::<Db>();
    if let Some(a) = &f.action {
        q = q.filter(audit_log::action.eq(a.clone()));
    }
    if let Some(email) = &f.actor {
        q = q.filter(users::email_norm.eq(email.to_lowercase()));
    }
    q.order((audit_log::created_at.desc(), audit_log::id.desc()))
        .limit(limit)
        .offset(offset)
        .load(conn)
}

pub fn actions(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    audit_log::table
        .select(audit_log::action)
        .distinct()
        .order(audit_log::action)
        .load(conn)
}
