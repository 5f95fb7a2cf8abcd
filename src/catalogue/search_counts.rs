//! Counting what searches give shoppers (see [`crate::search::stats`]): every first page of a query typed is
//! a search, also when a stored page answers it; a search listing nothing, and a correction offered, are
//! counted where the page is built (such pages are never stored, so each one is built); following a "Did you
//! mean" link is counted from the `typed` parameter the link carries.

use super::service::ListingData;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::search::stats::Event;

#[derive(serde::Deserialize, Default)]
pub struct Asked {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<String>,
    /// The query a "Did you mean" link corrected.
    #[serde(default)]
    typed: Option<String>,
}

impl Asked {
    pub fn parse(query_string: &str) -> Self {
        serde_urlencoded::from_str(query_string).unwrap_or_default()
    }

    fn first_page(&self) -> bool {
        !self.q.trim().is_empty() && self.page.as_deref().is_none_or(|p| p == "1")
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
