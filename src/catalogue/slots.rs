//! What the catalogue keeps in the shared [`crate::cache::Cache`], and the budget of each kind.

use std::sync::Arc;

use super::cards::CardData;
use super::repo::FacetGroup;
use crate::cache::{ItemSlot, Slot};
use crate::categories::tree::CategoryTree;
use crate::money::Rates;
use crate::tax::book::TaxBook;

/// What every shopper page needs: the category tree, the rates and the VAT rules with the shops' settings,
/// shared with each request, never copied.
pub type Basics = (
    Arc<CategoryTree>,
    Arc<Rates>,
    Arc<TaxBook>,
    Arc<crate::destinations::model::Closed>,
);

const MAX_ENTRIES: usize = 20_000;

/// Bytes of facet groups and of search orders kept, each: without a byte bound, 20,000 distinct searches of
/// 2,000 ids each would hold 320 MB.
const FACET_BUDGET_BYTES: u64 = 16 * 1024 * 1024;
const RANKED_BUDGET_BYTES: u64 = 16 * 1024 * 1024;
/// Bytes of listing pages' (id, sort key) lists kept: a page of 24 is 384 bytes, so some 20,000 pages.
const PAGE_KEYS_BUDGET_BYTES: u64 = 8 * 1024 * 1024;

/// Facet groups per listing (scope, filters, skipped group).
pub const FACETS: Slot<Vec<FacetGroup>> =
    Slot::weighed("facets", MAX_ENTRIES, FACET_BUDGET_BYTES, |groups| {
        let strings: usize = groups.iter().map(|g| g.origin.len()).sum();
        (std::mem::size_of_val(groups.as_slice()) + strings) as u64
    });

/// The relevance order of a search (product ids, best first).
pub const RANKED: Slot<Vec<i64>> =
    Slot::weighed("ranked", MAX_ENTRIES, RANKED_BUDGET_BYTES, |ids| {
        std::mem::size_of_val(ids.as_slice()) as u64
    });

/// The (id, sort key) list of one listing page: a page counted from the start of a large category
/// (`?page=150`) skips thousands of rows, every time, for every signed-in shopper.
pub const PAGE_KEYS: Slot<Vec<(i64, i64)>> =
    Slot::weighed("page_keys", MAX_ENTRIES, PAGE_KEYS_BUDGET_BYTES, |keys| {
        std::mem::size_of_val(keys.as_slice()) as u64
    });

/// Products per option value of a listing (scope, filters, values).
pub const VALUE_COUNTS: Slot<Vec<(i64, i64)>> =
    Slot::weighed("value_counts", MAX_ENTRIES, FACET_BUDGET_BYTES, |counts| {
        std::mem::size_of_val(counts.as_slice()) as u64
    });

/// The search vocabulary for typo tolerance and completions (one entry, key ""), built from `search_terms`. A
/// catalogue write does not drop it: searches keep the one they have while the background thread builds the
/// next (a GROUP BY over every product's words, seconds at a million products).
pub const TYPOS: Slot<crate::search::Typos> = Slot::kept("typos", 1);

/// (slug, name) of every approved shop (one entry, key ""), for the search box's completions.
pub const SHOP_NAMES: Slot<Vec<(String, String)>> = Slot::counted("shop_names", 1);

/// The five languages' stop words, folded (one entry, key "").
pub const STOP_WORDS: Slot<crate::search::stop_words::StopWords> = Slot::counted("stop_words", 1);

/// Products rated 4★ and up per listing (scope, filters).
pub const TOP_RATED: Slot<i64> = Slot::counted("top_rated", MAX_ENTRIES);

/// The shared options listings offer as facets, with their values and names (one entry, key "").
pub const FACET_OPTIONS: Slot<crate::variants::OptionTexts> = Slot::counted("facet_options", 1);

/// Option names and value names by set of options (a product page's picker and labels; key: the option ids).
pub const OPTION_TEXTS: Slot<crate::variants::OptionTexts> = Slot::counted("option_texts", 512);

/// The category tree, the exchange rates, the VAT book and the destinations staff closed (one entry, key "").
pub const BASICS: Slot<Basics> = Slot::counted("basics", 1);

/// Product card data by product id.
pub const CARDS: ItemSlot<CardData> = ItemSlot::new("cards", card_bytes);

/// A card's weight: the bytes of its strings plus a fixed share for the row, the maps and the entry.
fn card_bytes(d: &CardData) -> u64 {
    let p = &d.product;
    let texts = d
        .titles
        .values()
        .map(|(t, s)| t.len() + s.len() + 48)
        .sum::<usize>()
        + d.alts.values().map(|a| a.len() + 40).sum::<usize>()
        + d.image_url.as_ref().map_or(0, String::len)
        + d.shop_name.len()
        + p.sku.len()
        + p.currency.len()
        + p.origin.len()
        + p.original_lang.len();
    (texts + 384) as u64
}
