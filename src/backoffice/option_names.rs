//! Naming options and their values in every language: the staff's shared list (what shoppers filter by across
//! shops) and a shop's own options. One sheet per option — its names, its values' names, a new value, and for
//! the shared list whether listings offer it as a facet — is checked as a whole and saved in one transaction.
//! Callers queue the products sold in it to be indexed again (their search words include these names).

use diesel::QueryResult;
use time::PrimitiveDateTime;

use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult};
use crate::http::forms::{normalize, FormErrors};
use crate::i18n::lowercase;
use crate::i18n::{Locale, PerLocale};
use crate::variants::model::{OptionRow, ValueRow};
use crate::variants::write::{create_option, create_value, key_of};
use crate::variants::{repo, write, OptionTexts};

/// Longest option or value name.
pub const MAX_NAME: usize = 60;

/// Whose options a sheet edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The staff's shared list.
    Shared,
    /// One shop's own options.
    Shop(i64),
}

impl Owner {
    fn owns(self, o: &OptionRow) -> bool {
        match self {
            Owner::Shared => o.merchant_id.is_none(),
            Owner::Shop(id) => o.merchant_id == Some(id),
        }
    }
}

/// One option as its editor sees it: the row, every name of it and of its values, and how many products use it.
pub struct Sheet {
    pub option: OptionRow,
    pub texts: OptionTexts,
    pub products: i64,
}

impl Sheet {
    pub fn values(&self) -> impl Iterator<Item = &ValueRow> {
        self.texts.values_of(self.option.id)
    }
}

/// What the sheet's form holds: names per language of the option, of each value (by id, in order) and of a new
/// value (all empty: none), and the facet flag (shared options only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetInput {
    pub names: PerLocale<String>,
    pub values: Vec<(i64, PerLocale<String>)>,
    pub new_value: PerLocale<String>,
    pub facet: bool,
}

/// Form field names: `name_en`, `v12_ru` (value 12), `new_tr`.
pub fn field(prefix: &str, l: Locale) -> String {
    format!("{prefix}_{}", l.code())
}

impl SheetInput {
    /// The stored names of a sheet.
    pub fn of(sheet: &Sheet) -> Self {
        let (id, t) = (sheet.option.id, &sheet.texts);
        let text = |s: Option<&str>| s.unwrap_or_default().to_string();
        SheetInput {
            names: PerLocale::from_fn(|l| text(t.option_name_in(id, l))),
            values: sheet
                .values()
                .map(|v| (v.id, PerLocale::from_fn(|l| text(t.value_name_in(v.id, l)))))
                .collect(),
            new_value: PerLocale::default(),
            facet: sheet.option.facet,
        }
    }

    /// The posted form, for the values the sheet has (`value_ids`, in order); fields of other values are ignored.
    pub fn from_pairs(pairs: &[(String, String)], value_ids: &[i64]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| normalize(v))
                .unwrap_or_default()
        };
        SheetInput {
            names: PerLocale::from_fn(|l| get(&field("name", l))),
            values: value_ids
                .iter()
                .map(|id| {
                    (
                        *id,
                        PerLocale::from_fn(|l| get(&field(&format!("v{id}"), l))),
                    )
                })
                .collect(),
            new_value: PerLocale::from_fn(|l| get(&field("new", l))),
            facet: pairs.iter().any(|(k, v)| k == "facet" && v == "1"),
        }
    }
}

fn given(names: &PerLocale<String>) -> Vec<(Locale, String)> {
    names
        .iter()
        .filter(|(_, n)| !n.is_empty())
        .map(|(l, n)| (l, n.clone()))
        .collect()
}

/// Each name at most [`MAX_NAME`] characters with a visible character; at least one per option and value.
fn check_names(errors: &mut FormErrors, prefix: &str, names: &PerLocale<String>, required: bool) {
    for (l, n) in names.iter() {
        if !n.is_empty() {
            errors.check_visible(&field(prefix, l), n, MAX_NAME);
        }
    }
    if required && names.iter().all(|(_, n)| n.is_empty()) {
        errors.add(&field(prefix, Locale::FALLBACK), "option-error-name-needed");
    }
}

/// The whole sheet checked: names given and sized, and no two values (the new one included) named alike in one
/// language, which would leave shoppers and CSV imports unable to tell them apart.
pub fn check(input: &SheetInput) -> Result<(), FormErrors> {
    let mut errors = FormErrors::default();
    check_names(&mut errors, "name", &input.names, true);
    let mut rows: Vec<(String, &PerLocale<String>)> = input
        .values
        .iter()
        .map(|(id, n)| (format!("v{id}"), n))
        .collect();
    for (prefix, names) in &rows {
        check_names(&mut errors, prefix, names, true);
    }
    check_names(&mut errors, "new", &input.new_value, false);
    rows.push(("new".into(), &input.new_value));
    for l in Locale::ALL {
        let mut seen: Vec<String> = Vec::new();
        for (prefix, names) in &rows {
            let n = names.get(l);
            if n.is_empty() {
                continue;
            }
            let folded = lowercase(n, l);
            if seen.contains(&folded) {
                errors.add(&field(prefix, l), "option-error-name-taken");
            } else {
                seen.push(folded);
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// One option of the owner with its names (404 for an option that is not the owner's).
pub fn load(conn: &mut DbConnection, owner: Owner, id: i64) -> AppResult<Sheet> {
    let texts = repo::texts(conn, &[id])?;
    let option = texts
        .option(id)
        .filter(|o| owner.owns(o))
        .cloned()
        .ok_or_else(AppError::not_found)?;
    let products = repo::products_of_option(conn, id)?;
    Ok(Sheet {
        option,
        texts,
        products,
    })
}

/// The owner's options, by position, with their names (product counts are the sheet's, not the list's).
pub fn list(conn: &mut DbConnection, owner: Owner) -> QueryResult<OptionTexts> {
    let ids: Vec<i64> = match owner {
        Owner::Shared => repo::shared(conn)?,
        Owner::Shop(shop) => repo::own(conn, shop)?,
    };
    repo::texts(conn, &ids)
}

/// Saves a checked sheet (inside the caller's transaction): the names as given (a name emptied is removed), the
/// facet flag for shared options, a new value last. The option's original language moves to the first language
/// with a name when its own was removed. Returns the new value's id, if one was added.
fn save(conn: &mut DbConnection, sheet: &Sheet, input: &SheetInput) -> QueryResult<Option<i64>> {
    let id = sheet.option.id;
    write::set_option_names(conn, id, &given(&input.names))?;
    // Only this option's values (the form was read against the sheet as first loaded).
    for (value_id, names) in &input.values {
        if sheet.values().any(|v| v.id == *value_id) {
            write::set_value_names(conn, *value_id, &given(names))?;
        }
    }
    let original = Locale::parse(&sheet.option.original_lang)
        .filter(|l| !input.names.get(*l).is_empty())
        .or_else(|| given(&input.names).first().map(|(l, _)| *l))
        .unwrap_or(Locale::FALLBACK);
    let facet = match sheet.option.merchant_id {
        None => input.facet,
        Some(_) => sheet.option.facet,
    };
    write::set_option_flags(conn, id, original, facet)?;
    let new = given(&input.new_value);
    if new.is_empty() {
        return Ok(None);
    }
    let taken = repo::value_keys(conn, id)?;
    create_value(conn, id, &key_of(&new, &taken), &new).map(Some)
}

/// What saving a sheet did.
pub struct Saved {
    /// Products queued to be indexed again.
    pub queued: usize,
    pub new_value: Option<i64>,
}

/// Loads the owner's option, checks the sheet and saves it (inside the caller's transaction), then has `queue`
/// queue the products sold in it to be indexed again. Problems come back per field, nothing saved.
pub fn save_sheet(
    conn: &mut DbConnection,
    (owner, id): (Owner, i64),
    input: &SheetInput,
    queue: fn(&mut DbConnection, i64) -> QueryResult<usize>,
) -> AppResult<Result<Saved, FormErrors>> {
    write_tx(conn, |c| {
        let sheet = load(c, owner, id)?;
        if let Err(e) = check(input) {
            return Ok(Err(e));
        }
        let new_value = save(c, &sheet, input)?;
        let queued = queue(c, id)?;
        Ok(Ok(Saved { queued, new_value }))
    })
}

/// A new shared option from its names (checked like a sheet) and facet flag; a name another shared option has
/// in the same language is refused. Returns its id.
pub fn create_shared(
    conn: &mut DbConnection,
    names: &PerLocale<String>,
    facet: bool,
    now: PrimitiveDateTime,
) -> AppResult<Result<i64, FormErrors>> {
    let mut errors = FormErrors::default();
    check_names(&mut errors, "name", names, true);
    let existing = list(conn, Owner::Shared)?;
    for (l, n) in names.iter().filter(|(_, n)| !n.is_empty()) {
        let folded = lowercase(n, l);
        let clash = existing.options.iter().any(|o| {
            existing
                .option_name_in(o.id, l)
                .is_some_and(|other| lowercase(other, l) == folded)
        });
        if clash {
            errors.add(&field("name", l), "option-error-option-taken");
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let given = given(names);
    let taken: Vec<String> = existing.options.iter().map(|o| o.key.clone()).collect();
    write_tx(conn, |c| {
        let id = create_option(c, None, &key_of(&given, &taken), &given, now)?;
        let original = given.first().map_or(Locale::FALLBACK, |(l, _)| *l);
        write::set_option_flags(c, id, original, facet)?;
        Ok(Ok(id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SheetInput {
        let names = |en: &str, ru: &str| {
            let mut p = PerLocale::<String>::default();
            *p.get_mut(Locale::En) = en.into();
            *p.get_mut(Locale::Ru) = ru.into();
            p
        };
        SheetInput {
            names: names("Colour", "Цвет"),
            values: vec![(1, names("Red", "Красный")), (2, names("Blue", "Синий"))],
            new_value: PerLocale::default(),
            facet: true,
        }
    }

    #[test]
    fn a_sheet_with_names_passes() {
        assert!(check(&input()).is_ok());
    }

    #[test]
    fn every_option_and_value_needs_a_name() {
        let mut i = input();
        i.names = PerLocale::default();
        i.values[1].1 = PerLocale::default();
        let e = check(&i).unwrap_err();
        assert_eq!(e.get("name_en"), Some("option-error-name-needed"));
        assert_eq!(e.get("v2_en"), Some("option-error-name-needed"));
    }

    #[test]
    fn two_values_named_alike_in_one_language_are_refused_whatever_the_case() {
        let mut i = input();
        *i.values[1].1.get_mut(Locale::Ru) = "КРАСНЫЙ".into();
        let e = check(&i).unwrap_err();
        assert_eq!(e.get("v2_ru"), Some("option-error-name-taken"));
        assert_eq!(e.get("v1_ru"), None);
        // The new value too, and Turkish casing: "IRMAK" and "ırmak" are one name.
        let mut i = input();
        *i.values[0].1.get_mut(Locale::Tr) = "ırmak".into();
        *i.new_value.get_mut(Locale::Tr) = "IRMAK".into();
        assert_eq!(
            check(&i).unwrap_err().get("new_tr"),
            Some("option-error-name-taken")
        );
    }

    #[test]
    fn the_form_is_read_by_field_names() {
        let pairs: Vec<(String, String)> = [
            ("name_en", " Colour "),
            ("v1_ru", "Красный"),
            ("v9_ru", "ignored"),
            ("new_it", "Verde"),
            ("facet", "1"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let i = SheetInput::from_pairs(&pairs, &[1]);
        assert_eq!(i.names.get(Locale::En), "Colour");
        assert_eq!(i.values.len(), 1);
        assert_eq!(i.values[0].1.get(Locale::Ru), "Красный");
        assert_eq!(i.new_value.get(Locale::It), "Verde");
        assert!(i.facet);
    }
}
