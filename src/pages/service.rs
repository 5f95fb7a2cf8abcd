//! Reading and editing site pages: the newest revision in the page's language, else the built-in text; saving and
//! restoring add a revision and an audit entry in one transaction.

use std::collections::HashMap;

use time::PrimitiveDateTime;

use super::{defaults, repo, PageKey};
use crate::audit;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::forms::{normalize, FormErrors};
use crate::i18n::Locale;

pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 30_000;

/// A page as a reader sees it.
pub struct Shown {
    pub title: String,
    /// Sanitized HTML.
    pub html: String,
    /// When staff last saved it; `None` while the built-in text is shown.
    pub edited_at: Option<PrimitiveDateTime>,
}

pub fn show(conn: &mut DbConnection, key: PageKey, locale: Locale) -> AppResult<Shown> {
    Ok(match repo::latest(conn, key.as_str(), locale.code())? {
        Some(rev) => Shown {
            html: crate::markdown::render(&rev.body),
            title: rev.title,
            edited_at: Some(rev.created_at),
        },
        None => {
            let (title, body) = defaults::text(key, locale);
            Shown {
                title: title.to_string(),
                html: crate::markdown::render(body),
                edited_at: None,
            }
        }
    })
}

/// What the staff editor starts from: the current text (saved or built-in) and the saved versions.
pub struct Editor {
    pub title: String,
    pub body: String,
    pub is_default: bool,
    /// Newest first: (revision, author email).
    pub history: Vec<(repo::Revision, Option<String>)>,
}

pub fn editor(conn: &mut DbConnection, key: PageKey, locale: Locale) -> AppResult<Editor> {
    let history = repo::history(conn, key.as_str(), locale.code(), 50)?;
    Ok(match history.first() {
        Some((rev, _)) => Editor {
            title: rev.title.clone(),
            body: rev.body.clone(),
            is_default: false,
            history,
        },
        None => {
            let (title, body) = defaults::text(key, locale);
            Editor {
                title: title.to_string(),
                body: body.to_string(),
                is_default: true,
                history,
            }
        }
    })
}

/// A page as staff typed it.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub title: String,
    pub body: String,
}

/// Saves a new version (unless it equals the current one) and records it in the audit log.
pub fn save(
    conn: &mut DbConnection,
    actor: i64,
    key: PageKey,
    locale: Locale,
    draft: &Draft,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let title = normalize(&draft.title);
    // The body keeps its line breaks (Markdown needs them); only trailing space is dropped.
    let body = draft.body.replace("\r\n", "\n").trim().to_string();
    errors.check_visible("title", &title, TITLE_MAX);
    errors.check_visible("body", &body, BODY_MAX);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    crate::db::write_tx(conn, |c| {
        let current = repo::latest(c, key.as_str(), locale.code())?;
        if current.is_some_and(|r| r.title == title && r.body == body) {
            return Ok(Ok(()));
        }
        let id = repo::insert(c, key.as_str(), locale.code(), &title, &body, actor, now)?;
        audit::record(
            c,
            actor,
            "page.save",
            &format!("{}/{}", key.as_str(), locale.code()),
            &format!("revision {id}: {title}"),
            now,
        )?;
        Ok(Ok(()))
    })
}

/// Makes an earlier version the current one again (as a new revision, so the history stays whole).
pub fn restore(
    conn: &mut DbConnection,
    actor: i64,
    key: PageKey,
    locale: Locale,
    revision: i64,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    crate::db::write_tx(conn, |c| {
        let old = repo::by_id(c, revision)?
            .filter(|r| r.page_key == key.as_str() && r.locale == locale.code())
            .ok_or_else(AppError::not_found)?;
        let id = repo::insert(
            c,
            key.as_str(),
            locale.code(),
            &old.title,
            &old.body,
            actor,
            now,
        )?;
        audit::record(
            c,
            actor,
            "page.restore",
            &format!("{}/{}", key.as_str(), locale.code()),
            &format!("revision {id} restores revision {revision}"),
            now,
        )?;
        Ok(())
    })
}

/// For the staff list: (revisions, last saved) per edited (page, language).
pub fn overview(
    conn: &mut DbConnection,
) -> AppResult<HashMap<(PageKey, Locale), (i64, PrimitiveDateTime)>> {
    Ok(repo::edited(conn)?
        .into_iter()
        .filter_map(|(k, l, n, at)| Some(((PageKey::parse(&k)?, Locale::parse(&l)?), (n, at?))))
        .collect())
}
