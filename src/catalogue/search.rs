//! Text analysis for search, identical on both backends: words are lowercased with their language's rules,
//! stemmed with that language's Snowball stemmer and folded (case and diacritics). A query word is tried
//! with every language's stemmer, so a query in any language matches any translation.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::i18n::{fold_for_search, lowercase, Locale};

/// Weight of a term found in a title; description terms weigh 1. Title matches rank first.
pub const TITLE_WEIGHT: i32 = 3;
pub const BODY_WEIGHT: i32 = 1;
/// At most this many words of a query are used.
pub const MAX_QUERY_WORDS: usize = 6;

pub struct Analyzer {
    stemmers: Vec<(Locale, Stemmer)>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

fn algorithm(l: Locale) -> Algorithm {
    match l {
        Locale::En => Algorithm::English,
        Locale::Ru => Algorithm::Russian,
        Locale::Tr => Algorithm::Turkish,
        Locale::It => Algorithm::Italian,
        Locale::Es => Algorithm::Spanish,
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\u{307}')
        .filter(|w| !w.is_empty())
}

impl Analyzer {
    pub fn new() -> Self {
        Self {
            stemmers: Locale::ALL
                .iter()
                .map(|l| (*l, Stemmer::create(algorithm(*l))))
                .collect(),
        }
    }

    fn stem(&self, l: Locale, lowered: &str) -> String {
        match self.stemmers.iter().find(|(x, _)| *x == l) {
            Some((_, s)) => s.stem(lowered).into_owned(),
            None => lowered.to_string(),
        }
    }

    /// Index terms for one translation: stem and plain form of every word, with the field's weight.
    pub fn index_terms(
        &self,
        lang: Locale,
        title: &str,
        description: &str,
        into: &mut HashMap<String, i32>,
    ) {
        for (text, weight) in [(title, TITLE_WEIGHT), (description, BODY_WEIGHT)] {
            let lowered = lowercase(text, lang);
            for w in words(&lowered) {
                let plain = fold_for_search(w);
                if plain.chars().count() < 2 {
                    continue;
                }
                let stemmed = fold_for_search(&self.stem(lang, w));
                for term in [plain, stemmed] {
                    if term.is_empty() || term.len() > 64 {
                        continue;
                    }
                    let e = into.entry(term).or_insert(weight);
                    *e = (*e).max(weight);
                }
            }
        }
    }

    /// For each query word, the terms that match it (its plain fold and its stem in every language).
    /// The query is lowercased with the shopper's UI language rules (Turkish `I` → `ı`).
    pub fn query_terms(&self, query: &str, ui: Locale) -> Vec<Vec<String>> {
        let lowered = lowercase(query, ui);
        let mut out: Vec<Vec<String>> = Vec::new();
        for w in words(&lowered) {
            let plain = fold_for_search(w);
            if plain.chars().count() < 2 || plain.len() > 64 {
                continue;
            }
            let mut terms = vec![plain];
            for l in Locale::ALL {
                let t = fold_for_search(&self.stem(l, w));
                if !t.is_empty() && !terms.contains(&t) {
                    terms.push(t);
                }
            }
            if !out.contains(&terms) {
                out.push(terms);
            }
            if out.len() >= MAX_QUERY_WORDS {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(a: &Analyzer, lang: Locale, title: &str, query: &str, ui: Locale) -> bool {
        let mut idx = HashMap::new();
        a.index_terms(lang, title, "", &mut idx);
        let q = a.query_terms(query, ui);
        !q.is_empty()
            && q.iter()
                .all(|alts| alts.iter().any(|t| idx.contains_key(t)))
    }

    #[test]
    fn stems_each_language() {
        let a = Analyzer::new();
        assert!(matches(
            &a,
            Locale::Ru,
            "Кожаная сумка",
            "сумки",
            Locale::Ru
        ));
        assert!(matches(
            &a,
            Locale::Tr,
            "Deri çanta",
            "çantalar",
            Locale::Tr
        ));
        assert!(matches(
            &a,
            Locale::It,
            "Borsa in pelle",
            "borse",
            Locale::It
        ));
        assert!(matches(
            &a,
            Locale::Es,
            "Bolso de cuero",
            "bolsos",
            Locale::Es
        ));
        assert!(matches(&a, Locale::Es, "Taza de café", "CAFE", Locale::En));
        assert!(matches(&a, Locale::En, "Leather bags", "bag", Locale::Ru));
    }

    #[test]
    fn turkish_dotted_and_dotless_i() {
        let a = Analyzer::new();
        assert!(matches(
            &a,
            Locale::Tr,
            "İznik çini kase",
            "iznik",
            Locale::Tr
        ));
        assert!(matches(
            &a,
            Locale::Tr,
            "İznik çini kase",
            "İZNİK",
            Locale::Tr
        ));
        assert!(matches(
            &a,
            Locale::Tr,
            "Iğdır kayısısı",
            "IĞDIR",
            Locale::Tr
        ));
        assert!(matches(
            &a,
            Locale::Tr,
            "Iğdır kayısısı",
            "igdir",
            Locale::En
        ));
        assert!(matches(
            &a,
            Locale::Tr,
            "İznik çini kase",
            "İznik",
            Locale::En
        ));
    }
}
