//! Counting what searches give shoppers (see [`crate::search::stats`]): every first page of a query typed,
//! without filters or a sort, is a search, also when a stored page answers it; a search listing nothing, and a correction offered, are
//! counted where the page is built (such pages are never stored, so each one is built); following a "Did you
//! mean" link is counted from the `typed` parameter the link carries.

use super::service::ListingData;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::search::stats::Event;

#[derive(Default)]
pub struct Asked {
    q: String,
    /// The query a "Did you mean" link corrected.
    typed: Option<String>,
    /// Only `q` (and `typed`, and `page=1`) was asked: a filter, a sort or another page is the same search
    /// looked at again, not one more.
    plain: bool,
}

impl Asked {
    pub fn parse(query_string: &str) -> Self {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query_string).unwrap_or_default();
        let mut asked = Asked {
            plain: true,
            ..Asked::default()
        };
        for (k, v) in pairs {
            match k.as_str() {
                "q" => asked.q = v,
                "typed" => asked.typed = Some(v),
                "page" if v == "1" => {}
                _ => asked.plain = false,
            }
        }
        asked
    }

    fn first_page(&self) -> bool {
        self.plain && !self.q.trim().is_empty()
    }

    /// Counts the search, and the correction it follows, before the page is looked up.
    pub fn count(&self, state: &AppState, l: Locale) {
        if !self.first_page() {
            return;
        }
        let day = state.clock.now().date();
        state.searches.count(Event::Searched, l, day);
        if let Some(typed) = self.typed.as_deref().filter(|t| *t != self.q) {
            state
                .searches
                .correction(l, day, typed, self.q.trim(), true);
        }
    }

    /// Counts what a built page found: nothing, or a correction offered.
    pub fn outcome(&self, state: &AppState, l: Locale, data: &ListingData) {
        if !self.first_page() || !data.searched {
            return;
        }
        let day = state.clock.now().date();
        if data.total == 0 {
            state.searches.count(Event::FoundNothing, l, day);
        }
        if let Some(s) = &data.suggestion {
            state.searches.correction(l, day, self.q.trim(), s, false);
        }
    }
}
