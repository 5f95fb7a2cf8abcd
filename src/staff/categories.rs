//! Category management: create, rename (old slugs redirect), move, reorder, hide, delete after moving products.

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::audit;
use crate::catalogue::write::{create_category, slugify};
use crate::categories::model::CategoryTranslation;
use crate::categories::repo::category_tree_rows;
use crate::categories::tree::CategoryTree;
use crate::db::schema::{categories, category_slug_history, category_translations, products};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::forms::{normalize, FormErrors};
use crate::i18n::Locale;

/// (locale, name, slug) per language.
pub type NameEntries = Vec<(Locale, String, String)>;

/// Categories under `parent` (the top level for `None`).
fn siblings(parent: Option<i64>) -> categories::BoxedQuery<'static, crate::db::Db> {
    match parent {
        Some(p) => categories::table
            .filter(categories::parent_id.eq(p))
            .into_boxed(),
        None => categories::table
            .filter(categories::parent_id.is_null())
            .into_boxed(),
    }
}

fn next_position(c: &mut DbConnection, parent: Option<i64>) -> QueryResult<i32> {
    Ok(siblings(parent)
        .select(diesel::dsl::max(categories::position))
        .first::<Option<i32>>(c)?
        .map_or(0, |p| p + 1))
}

/// A row of the staff tree: names and slugs per locale (missing ones are `None`), product count, depth.
pub struct AdminCategory {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub depth: usize,
    pub hidden: bool,
    /// Its goods take countries' reduced VAT rate (itself; subcategories inherit it).
    pub reduced_vat: bool,
    pub names: Vec<(Locale, Option<(String, String)>)>,
    pub products: i64,
}

pub fn load_tree(conn: &mut DbConnection) -> QueryResult<CategoryTree> {
    let (rows, names) = category_tree_rows(conn)?;
    Ok(CategoryTree::build(rows, names))
}

/// The whole tree in display order (parents before children, siblings by position), hidden ones included.
pub fn admin_rows(conn: &mut DbConnection) -> QueryResult<Vec<AdminCategory>> {
    let (rows, names) = category_tree_rows(conn)?;
    let counts: HashMap<i64, i64> = products::table
        .group_by(products::category_id)
        .select((products::category_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let mut by_id: HashMap<i64, HashMap<Locale, (String, String)>> = HashMap::new();
    for t in names {
        if let Some(l) = Locale::parse(&t.locale) {
            by_id
                .entry(t.category_id)
                .or_default()
                .insert(l, (t.name, t.slug));
        }
    }
    let mut rows = rows;
    rows.sort_by_key(|r| (r.position, r.id));
    let mut out = Vec::new();
    fn walk(
        parent: Option<i64>,
        depth: usize,
        rows: &[crate::categories::model::CategoryRow],
        by_id: &HashMap<i64, HashMap<Locale, (String, String)>>,
        counts: &HashMap<i64, i64>,
        out: &mut Vec<AdminCategory>,
    ) {
        if depth > 16 {
            return;
        }
        for r in rows.iter().filter(|r| r.parent_id == parent) {
            let names = Locale::ALL
                .iter()
                .map(|l| (*l, by_id.get(&r.id).and_then(|m| m.get(l)).cloned()))
                .collect();
            out.push(AdminCategory {
                id: r.id,
                parent_id: r.parent_id,
                depth,
                hidden: r.hidden,
                reduced_vat: r.reduced_vat,
                names,
                products: counts.get(&r.id).copied().unwrap_or(0),
            });
            walk(Some(r.id), depth + 1, rows, by_id, counts, out);
        }
    }
    walk(None, 0, &rows, &by_id, &counts, &mut out);
    Ok(out)
}

fn slug_taken(
    conn: &mut DbConnection,
    locale: Locale,
    slug: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let owner: Option<i64> = category_translations::table
        .filter(category_translations::locale.eq(locale.code()))
        .filter(category_translations::slug.eq(slug))
        .select(category_translations::category_id)
        .first(conn)
        .optional()?;
    Ok(owner.is_some_and(|o| Some(o) != except))
}

/// Form field names of each language's name and slug.
pub const NAME_FIELDS: [(Locale, &str, &str); 5] = [
    (Locale::En, "name_en", "slug_en"),
    (Locale::Ru, "name_ru", "slug_ru"),
    (Locale::Tr, "name_tr", "slug_tr"),
    (Locale::It, "name_it", "slug_it"),
    (Locale::Es, "name_es", "slug_es"),
];

fn field_of(l: Locale, what: &str) -> &'static str {
    let (_, name, slug) = NAME_FIELDS
        .iter()
        .find(|(x, _, _)| *x == l)
        .copied()
        .unwrap_or(NAME_FIELDS[0]);
    if what == "name" {
        name
    } else {
        slug
    }
}

/// Validated (locale, name, slug) entries; an empty slug is derived from the name. English is required.
fn validate(
    conn: &mut DbConnection,
    entries: &[(Locale, String, String)],
    except: Option<i64>,
) -> AppResult<Result<NameEntries, FormErrors>> {
    let mut errors = FormErrors::default();
    let mut out = Vec::new();
    for (l, name, slug) in entries {
        let name = normalize(name);
        let slug_in = normalize(slug);
        errors.check_len(field_of(*l, "name"), &name, *l == Locale::En, 80);
        if name.is_empty() {
            continue;
        }
        let slug = if slug_in.is_empty() {
            slugify(&name)
        } else {
            slugify(&slug_in)
        };
        if slug_in.chars().count() > 80 {
            errors.add(field_of(*l, "slug"), "form-too-long");
        } else if slug_taken(conn, *l, &slug, except)? {
            errors.add(field_of(*l, "slug"), "staff-slug-taken");
        }
        out.push((*l, name, slug));
    }
    Ok(if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    })
}

pub fn create(
    conn: &mut DbConnection,
    actor: i64,
    parent: Option<i64>,
    entries: &[(Locale, String, String)],
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, FormErrors>> {
    crate::db::write_tx(conn, |c| {
        if let Some(p) = parent {
            load_tree(c)?.get(p).ok_or_else(AppError::not_found)?;
        }
        let valid = match validate(c, entries, None)? {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        let position = next_position(c, parent)?;
        let en = valid
            .iter()
            .find(|(l, _, _)| *l == Locale::En)
            .map(|(_, _, s)| s.clone())
            .unwrap_or_default();
        let key = format!("{en}-{}", now.assume_utc().unix_timestamp());
        let names: Vec<(Locale, &str)> = valid.iter().map(|(l, n, _)| (*l, n.as_str())).collect();
        let id = create_category(c, &key, parent, position, &names)?;
        for (l, _, slug) in &valid {
            set_slug(c, id, *l, slug, now)?;
        }
        audit::record(
            c,
            actor,
            "category.create",
            &format!("#{id}"),
            &describe(&valid),
            now,
        )?;
        Ok(Ok(id))
    })
}

fn describe(entries: &[(Locale, String, String)]) -> String {
    entries
        .iter()
        .map(|(l, n, s)| format!("{l}: {n} /{s}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Sets a slug, keeping the old one as a redirect and releasing the new one from any history.
fn set_slug(
    conn: &mut DbConnection,
    id: i64,
    l: Locale,
    slug: &str,
    now: PrimitiveDateTime,
) -> QueryResult<()> {
    let old: Option<String> = category_translations::table
        .filter(category_translations::category_id.eq(id))
        .filter(category_translations::locale.eq(l.code()))
        .select(category_translations::slug)
        .first(conn)
        .optional()?;
    diesel::delete(
        category_slug_history::table
            .filter(category_slug_history::locale.eq(l.code()))
            .filter(category_slug_history::slug.eq(slug)),
    )
    .execute(conn)?;
    if let Some(old) = old.filter(|o| o != slug) {
        diesel::delete(
            category_slug_history::table
                .filter(category_slug_history::locale.eq(l.code()))
                .filter(category_slug_history::slug.eq(&old)),
        )
        .execute(conn)?;
        diesel::insert_into(category_slug_history::table)
            .values((
                category_slug_history::locale.eq(l.code()),
                category_slug_history::slug.eq(&old),
                category_slug_history::category_id.eq(id),
                category_slug_history::created_at.eq(now),
            ))
            .execute(conn)?;
        diesel::update(
            category_translations::table
                .filter(category_translations::category_id.eq(id))
                .filter(category_translations::locale.eq(l.code())),
        )
        .set(category_translations::slug.eq(slug))
        .execute(conn)?;
    }
    Ok(())
}

/// Renames a category in each given locale; an emptied non-English name removes that translation.
pub fn update(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    entries: &[(Locale, String, String)],
    now: PrimitiveDateTime,
) -> AppResult<Result<(), FormErrors>> {
    crate::db::write_tx(conn, |c| {
        load_tree(c)?.get(id).ok_or_else(AppError::not_found)?;
        let valid = match validate(c, entries, Some(id))? {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        for l in Locale::ALL {
            match valid.iter().find(|(x, _, _)| *x == l) {
                Some((_, name, slug)) => {
                    let exists = category_translations::table
                        .filter(category_translations::category_id.eq(id))
                        .filter(category_translations::locale.eq(l.code()))
                        .select(count_star())
                        .first::<i64>(c)?
                        > 0;
                    if exists {
                        diesel::update(
                            category_translations::table
                                .filter(category_translations::category_id.eq(id))
                                .filter(category_translations::locale.eq(l.code())),
                        )
                        .set(category_translations::name.eq(name))
                        .execute(c)?;
                        set_slug(c, id, l, slug, now)?;
                    } else {
                        diesel::insert_into(category_translations::table)
                            .values(&CategoryTranslation {
                                category_id: id,
                                locale: l.code().to_string(),
                                name: name.clone(),
                                slug: slug.clone(),
                            })
                            .execute(c)?;
                    }
                }
                None => {
                    diesel::delete(
                        category_translations::table
                            .filter(category_translations::category_id.eq(id))
                            .filter(category_translations::locale.eq(l.code())),
                    )
                    .execute(c)?;
                }
            }
        }
        audit::record(
            c,
            actor,
            "category.update",
            &format!("#{id}"),
            &describe(&valid),
            now,
        )?;
        Ok(Ok(()))
    })
}

/// Moves a category under another parent (or to the top level); never under itself or its descendants.
pub fn move_to(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    parent: Option<i64>,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), &'static str>> {
    crate::db::write_tx(conn, |c| {
        let tree = load_tree(c)?;
        let node = tree.get(id).ok_or_else(AppError::not_found)?.clone();
        if let Some(p) = parent {
            tree.get(p).ok_or_else(AppError::not_found)?;
            if tree.path(p).iter().any(|n| n.id == id) {
                return Ok(Err("staff-move-into-itself"));
            }
        }
        let position = next_position(c, parent)?;
        diesel::update(categories::table.find(id))
            .set((
                categories::parent_id.eq(parent),
                categories::position.eq(position),
            ))
            .execute(c)?;
        let detail = format!("parent {:?} → {:?}", node.parent_id, parent);
        audit::record(c, actor, "category.move", &format!("#{id}"), &detail, now)?;
        Ok(Ok(()))
    })
}

/// Swaps a category with its previous (`up`) or next sibling.
pub fn reorder(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    up: bool,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    crate::db::write_tx(conn, |c| {
        let me = categories::table
            .find(id)
            .select((categories::parent_id, categories::position))
            .first::<(Option<i64>, i32)>(c)?;
        let mut siblings: Vec<(i64, i32)> = siblings(me.0)
            .select((categories::id, categories::position))
            .load(c)?;
        siblings.sort_by_key(|(sid, pos)| (*pos, *sid));
        let Some(i) = siblings.iter().position(|(sid, _)| *sid == id) else {
            return Ok(());
        };
        let j = if up {
            i.checked_sub(1)
        } else {
            Some(i + 1).filter(|j| *j < siblings.len())
        };
        let Some(j) = j else { return Ok(()) };
        siblings.swap(i, j);
        for (pos, (sid, _)) in siblings.iter().enumerate() {
            diesel::update(categories::table.find(*sid))
                .set(categories::position.eq(pos as i32))
                .execute(c)?;
        }
        audit::record(
            c,
            actor,
            "category.reorder",
            &format!("#{id}"),
            if up { "up" } else { "down" },
            now,
        )?;
        Ok(())
    })
}

pub fn set_hidden(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    hidden: bool,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    crate::db::write_tx(conn, |c| {
        let n = diesel::update(categories::table.find(id))
            .set(categories::hidden.eq(hidden))
            .execute(c)?;
        if n == 0 {
            return Err(AppError::not_found());
        }
        let action = if hidden {
            "category.hide"
        } else {
            "category.show"
        };
        audit::record(c, actor, action, &format!("#{id}"), "", now)?;
        Ok(())
    })
}

/// Whether goods of a category (and its subcategories) take countries' reduced VAT rate; audited.
pub fn set_reduced_vat(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    reduced: bool,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    crate::db::write_tx(conn, |c| {
        if crate::catalogue::write::set_reduced_vat(c, id, reduced)? == 0 {
            return Err(AppError::not_found());
        }
        let rate = if reduced { "reduced" } else { "standard" };
        audit::record(c, actor, "category.vat", &format!("#{id}"), rate, now)?;
        Ok(())
    })
}

/// Deletes a category without subcategories. If it holds products, they move to `move_to` first and its old
/// slugs then lead there.
pub fn delete(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    move_to: Option<i64>,
    now: PrimitiveDateTime,
) -> AppResult<Result<(), &'static str>> {
    crate::db::write_tx(conn, |c| {
        let tree = load_tree(c)?;
        tree.get(id).ok_or_else(AppError::not_found)?;
        let has_children = categories::table
            .filter(categories::parent_id.eq(id))
            .select(count_star())
            .first::<i64>(c)?
            > 0;
        if has_children {
            return Ok(Err("staff-delete-has-children"));
        }
        let held: i64 = products::table
            .filter(products::category_id.eq(id))
            .select(count_star())
            .first(c)?;
        let target = match (held, move_to) {
            (0, t) => t.filter(|t| *t != id),
            (_, None) => return Ok(Err("staff-delete-needs-target")),
            (_, Some(t)) if t == id => return Ok(Err("staff-delete-needs-target")),
            (_, Some(t)) => {
                tree.get(t).ok_or_else(AppError::not_found)?;
                Some(t)
            }
        };
        if let Some(t) = target {
            diesel::update(products::table.filter(products::category_id.eq(id)))
                .set(products::category_id.eq(t))
                .execute(c)?;
            // Old links of the deleted category lead to where its products went.
            let slugs: Vec<(String, String)> = category_translations::table
                .filter(category_translations::category_id.eq(id))
                .select((category_translations::locale, category_translations::slug))
                .load(c)?;
            diesel::update(
                category_slug_history::table.filter(category_slug_history::category_id.eq(id)),
            )
            .set(category_slug_history::category_id.eq(t))
            .execute(c)?;
            diesel::delete(
                category_translations::table.filter(category_translations::category_id.eq(id)),
            )
            .execute(c)?;
            for (l, s) in slugs {
                diesel::insert_into(category_slug_history::table)
                    .values((
                        category_slug_history::locale.eq(&l),
                        category_slug_history::slug.eq(&s),
                        category_slug_history::category_id.eq(t),
                        category_slug_history::created_at.eq(now),
                    ))
                    .execute(c)?;
            }
        } else {
            diesel::delete(
                category_translations::table.filter(category_translations::category_id.eq(id)),
            )
            .execute(c)?;
        }
        diesel::delete(
            category_slug_history::table.filter(category_slug_history::category_id.eq(id)),
        )
        .execute(c)?;
        diesel::delete(categories::table.find(id)).execute(c)?;
        let detail = format!("{held} products moved to {target:?}");
        audit::record(c, actor, "category.delete", &format!("#{id}"), &detail, now)?;
        Ok(Ok(()))
    })
}
