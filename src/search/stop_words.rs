//! Stop words of the five languages, from the Snowball project's lists as NLTK packages them (the
//! `stop-words` crate): a query's "of", "di", "с", "ve" are optional, so a natural phrase finds its product.

use std::collections::HashSet;

use crate::i18n::{fold_for_search, Locale};

pub struct StopWords(HashSet<String>);

impl StopWords {
    /// Every language's list, folded as query words are.
    pub fn load() -> Self {
        let mut set = HashSet::new();
        for l in Locale::ALL {
            for w in stop_words::lookup(l.code()).unwrap_or_default() {
                set.insert(fold_for_search(&super::normalize::prepare(w)));
            }
        }
        Self(set)
    }

    /// Whether folded word `w` is a stop word in any of the languages.
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_list() {
        let s = StopWords::load();
        for w in ["of", "from", "di", "de", "с", "ve", "para", "için"] {
            assert!(s.contains(&fold_for_search(w)), "{w}");
        }
        for w in ["bag", "сумка", "borsa", "kase", "miel"] {
            assert!(!s.contains(w), "{w}");
        }
    }
}
