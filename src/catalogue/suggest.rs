//! Search-box suggestions: as a shopper types, up to [`MAX_SUGGESTIONS`] completions of what they typed,
//! products first (the last word completed to the catalogue's most common words starting with it, every other
//! word matched as a search matches it), then categories and shops whose names have words starting with what
//! was typed. Everything but the product lookup is read from memory (the vocabulary, the category tree and the
//! shop names are cached), and the product lookup is a one-page listing query.

use serde::Serialize;

use super::cards;
use super::repo::{Filters, Order, Position, Scope};
use super::service::Shopper;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::i18n::{fold_for_search, lowercase};
use crate::search::analyzer::MIN_WORD_CHARS;

/// Completions offered at most, and of them products at most.
pub const MAX_SUGGESTIONS: usize = 8;
const MAX_PRODUCTS: usize = 5;
/// Words the last, unfinished word is completed to at most (the most common ones).
const COMPLETED_WORDS: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Product,
    Category,
    Shop,
}

/// One completion: what the dropdown shows and where choosing it leads.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub label: String,
    pub href: String,
    pub kind: Kind,
    /// "Category", "Shop" in the shopper's language (empty for products).
    pub note: String,
}

/// What was typed, folded into words; the last word is a prefix unless a space follows it.
struct Typed {
    words: Vec<String>,
    prefix: Option<String>,
}

fn typed(q: &str, shop: &Shopper) -> Typed {
    let lowered = lowercase(q, shop.locale());
    let mut words: Vec<String> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fold_for_search(&crate::search::normalize::prepare(w)))
        .take(crate::search::analyzer::MAX_QUERY_WORDS)
        .collect();
    let open = !q.ends_with(char::is_whitespace);
    let prefix = if open { words.pop() } else { None };
    Typed { words, prefix }
}

/// Whether a name has, for each typed word (or with `any`, for one of them), a word starting with it. Names
/// are matched folded, word by word.
fn name_matches(name: &str, shop: &Shopper, t: &Typed, any: bool) -> bool {
    let folded = fold_for_search(&lowercase(name, shop.locale()));
    let name_words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
    let mut typed = t.words.iter().chain(t.prefix.as_ref());
    let starts = |w: &String| name_words.iter().any(|n| n.starts_with(w.as_str()));
    if any {
        typed.any(|w| w.chars().count() >= MIN_CATEGORY_WORD && starts(w))
    } else {
        typed.all(starts)
    }
}

/// A word of a search with few results offers the categories it begins a word of from this many letters.
const MIN_CATEGORY_WORD: usize = 3;

fn matching_categories(shop: &Shopper, t: &Typed, any: bool, n: usize) -> Vec<(String, String)> {
    if t.words.is_empty() && t.prefix.is_none() {
        return Vec::new();
    }
    let l = shop.locale();
    shop.tree
        .visible()
        .map(|c| (c.name(l), crate::routes::category(l, &c.slug(l))))
        .filter(|(name, _)| name_matches(name, shop, t, any))
        .take(n)
        .collect()
}

/// The categories (visible, named in the shopper's language) with a word starting with any finished word of
/// `q` of 3 letters or more that is no stop word ("the", "per", "con"), at most `n`: what a search that found
/// little offers instead.
pub fn categories_for_any_word(
    conn: &mut DbConnection,
    shop: &Shopper,
    q: &str,
    n: usize,
) -> AppResult<Vec<(String, String)>> {
    let stop = shop.stop_words(conn)?;
    let mut t = typed(&format!("{q} "), shop);
    t.prefix = None;
    t.words.retain(|w| !stop.contains(w));
    Ok(matching_categories(shop, &t, true, n))
}

/// Up to [`MAX_SUGGESTIONS`] completions of `q` for the search box.
pub fn suggest(conn: &mut DbConnection, shop: &Shopper, q: &str) -> AppResult<Vec<Suggestion>> {
    let t = typed(q, shop);
    // "b" suggests nothing; "leather b" completes the b.
    let long_enough = !t.words.is_empty()
        || t.prefix
            .as_ref()
            .is_some_and(|w| w.chars().count() >= MIN_WORD_CHARS);
    if !long_enough {
        return Ok(Vec::new());
    }
    let mut out = products(conn, shop, q, &t)?;
    let l = shop.locale();
    for (label, href) in matching_categories(shop, &t, false, 2) {
        out.push(Suggestion {
            label,
            href,
            kind: Kind::Category,
            note: shop.tr.t("search-suggest-category"),
        });
    }
    for (slug, name) in shop.shop_names(conn)?.iter() {
        if out.len() >= MAX_SUGGESTIONS {
            break;
        }
        if name_matches(name, shop, &t, false) {
            out.push(Suggestion {
                label: name.clone(),
                href: crate::routes::shop(l, slug),
                kind: Kind::Shop,
                note: shop.tr.t("search-suggest-shop"),
            });
        }
    }
    out.truncate(MAX_SUGGESTIONS);
    Ok(out)
}

/// Products matching every finished word and a completion of the unfinished one, newest first.
fn products(
    conn: &mut DbConnection,
    shop: &Shopper,
    q: &str,
    t: &Typed,
) -> AppResult<Vec<Suggestion>> {
    let analyzer = shop.analyzer(conn)?;
    let query = analyzer.query(q, shop.locale());
    let mut terms = query.required;
    // One letter is not completed (it would pick among thousands of words alphabetically): "leather b" lists
    // leather.
    let prefix = t
        .prefix
        .as_ref()
        .filter(|p| p.chars().count() >= MIN_WORD_CHARS);
    if let Some(prefix) = prefix {
        // The unfinished word is the query's last: it matches its completions instead of itself.
        let completions = shop.typos(conn)?.completions(prefix, COMPLETED_WORDS);
        if completions.is_empty() {
            return Ok(Vec::new());
        }
        if terms.last().and_then(|w| w.first()) == Some(prefix) {
            terms.pop();
        }
        terms.push(completions);
    }
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let filters = Filters {
        terms,
        ..Filters::default()
    };
    let keys = shop.page_keys(
        conn,
        &Scope::All,
        &filters,
        Order::Newest,
        MAX_PRODUCTS as i64,
        Position::Offset(0),
    )?;
    let ids: Vec<i64> = keys.iter().map(|(id, _)| *id).collect();
    Ok(cards::load(conn, shop, &ids)?
        .into_iter()
        .map(|c| Suggestion {
            label: c.title,
            href: c.url,
            kind: Kind::Product,
            note: String::new(),
        })
        .collect())
}
