//! Typo tolerance: the search vocabulary (every index term with the number of products that have it) as an
//! `fst` map, walked with Levenshtein automata that count a transposition as one edit (Damerau–Levenshtein). A
//! query word of 5–8 letters is matched to terms one edit away, from 9 letters two; shorter words are never
//! corrected (a one-letter change to a 3-letter word is another word). Terms in another script are never
//! offered: the distance counts letters, and a Latin word is far from every Cyrillic one anyway, but a word
//! mixing both is read in its majority script before it gets here.

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Map, MapBuilder, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};

use super::normalize::{majority, Script};

/// Corrections offered per word at most.
pub const MAX_CORRECTIONS: usize = 4;
/// Terms looked at for one completion at most.
pub const MAX_PREFIX_SCAN: usize = 5_000;

pub struct Typos {
    vocabulary: Map<Vec<u8>>,
    one: LevenshteinAutomatonBuilder,
    two: LevenshteinAutomatonBuilder,
}

/// A term close to a query word: the term, its distance and how many products have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub term: String,
    pub distance: u8,
    pub products: u64,
}

impl Typos {
    /// The vocabulary from (term, products) pairs in any order; a term listed twice keeps its larger count.
    pub fn build(mut terms: Vec<(String, u64)>) -> Self {
        terms.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(b.1.cmp(&a.1)));
        terms.dedup_by(|a, b| a.0 == b.0);
        let mut builder = MapBuilder::memory();
        for (term, n) in &terms {
            // Sorted and unique, so inserting cannot fail.
            let _ = builder.insert(term.as_bytes(), *n);
        }
        let vocabulary = Map::new(builder.into_inner().unwrap_or_default()).unwrap_or_default();
        Self {
            vocabulary,
            one: LevenshteinAutomatonBuilder::new(1, true),
            two: LevenshteinAutomatonBuilder::new(2, true),
        }
    }

    pub fn contains(&self, term: &str) -> bool {
        self.vocabulary.contains_key(term.as_bytes())
    }

    pub fn len(&self) -> usize {
        self.vocabulary.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vocabulary.is_empty()
    }

    /// Bytes the vocabulary takes.
    pub fn bytes(&self) -> usize {
        self.vocabulary.as_fst().as_bytes().len()
    }

    /// Up to `n` terms starting with folded `prefix`, the most common first (what a search box completes the
    /// word being typed to). At most [`MAX_PREFIX_SCAN`] terms are looked at, so a short prefix stays cheap.
    pub fn completions(&self, prefix: &str, n: usize) -> Vec<String> {
        if prefix.is_empty() {
            return Vec::new();
        }
        let automaton = Str::new(prefix).starts_with();
        let mut stream = self.vocabulary.search(automaton).into_stream();
        let mut found: Vec<(u64, String)> = Vec::new();
        while let Some((key, products)) = stream.next() {
            if found.len() >= MAX_PREFIX_SCAN {
                break;
            }
            if let Ok(term) = std::str::from_utf8(key) {
                found.push((products, term.to_string()));
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.len().cmp(&b.1.len())));
        found.into_iter().take(n).map(|(_, t)| t).collect()
    }

    /// Terms close to folded word `word`, nearest and then most common first.
    pub fn corrections(&self, word: &str) -> Vec<Correction> {
        let letters = word.chars().count();
        let builder = match letters {
            0..=4 => return Vec::new(),
            5..=8 => &self.one,
            _ => &self.two,
        };
        let script = majority(word);
        let dfa = builder.build_dfa(word);
        let mut stream = self.vocabulary.search(&dfa).into_stream();
        let mut out = Vec::new();
        while let Some((key, products)) = stream.next() {
            let Ok(term) = std::str::from_utf8(key) else {
                continue;
            };
            if term == word || (script != Script::Other && majority(term) != script) {
                continue;
            }
            if let Distance::Exact(distance) = dfa.eval(key) {
                out.push(Correction {
                    term: term.to_string(),
                    distance,
                    products,
                });
            }
        }
        out.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(b.products.cmp(&a.products))
                .then(a.term.cmp(&b.term))
        });
        out.truncate(MAX_CORRECTIONS);
        out
    }
}

/// What typo tolerance added to a query: the terms found by correction (they rank below exact and stemmed ones)
/// and the query with each corrected word replaced by its best correction, for "Did you mean".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub fuzzy: Vec<String>,
    pub suggestion: String,
}

impl Typos {
    /// Adds corrections to each required word of `q` that matches no index term at all.
    pub fn expand(&self, q: &mut super::Query) -> Option<Expansion> {
        let mut fuzzy = Vec::new();
        let mut best: Vec<(String, String)> = Vec::new();
        for word in &mut q.required {
            if word.iter().any(|t| self.contains(t)) {
                continue;
            }
            let Some(plain) = word.first().cloned() else {
                continue;
            };
            let found = self.corrections(&plain);
            if let Some(b) = found.first() {
                best.push((plain, b.term.clone()));
            }
            for c in found {
                if !word.contains(&c.term) {
                    word.push(c.term.clone());
                    fuzzy.push(c.term);
                }
            }
        }
        if best.is_empty() {
            return None;
        }
        let suggestion = q
            .typed
            .iter()
            .map(|w| {
                best.iter()
                    .find(|(p, _)| p == w)
                    .map_or(w.as_str(), |(_, b)| b.as_str())
            })
            .collect::<Vec<_>>()
            .join(" ");
        Some(Expansion { fuzzy, suggestion })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typos() -> Typos {
        Typos::build(
            [
                ("leather", 40),
                ("backpack", 6),
                ("рюкзак", 5),
                ("рюкзаки", 1),
                ("candlestick", 3),
                ("ring", 2),
                ("earrings", 3),
                ("bag", 30),
            ]
            .into_iter()
            .map(|(t, n)| (t.to_string(), n))
            .collect(),
        )
    }

    fn first(t: &Typos, w: &str) -> Option<String> {
        t.corrections(w).first().map(|c| c.term.clone())
    }

    #[test]
    fn completes_a_prefix_to_the_most_common_terms() {
        let t = typos();
        assert_eq!(t.completions("ba", 2), vec!["bag", "backpack"]);
        assert_eq!(t.completions("рюк", 5), vec!["рюкзак", "рюкзаки"]);
        assert!(t.completions("zz", 5).is_empty());
        assert!(t.completions("", 5).is_empty());
    }

    #[test]
    fn one_edit_from_five_letters_two_from_nine() {
        let t = typos();
        assert_eq!(first(&t, "leathr").as_deref(), Some("leather"));
        // A transposition is one edit.
        assert_eq!(first(&t, "bakcpack").as_deref(), Some("backpack"));
        assert_eq!(first(&t, "рюкзк").as_deref(), Some("рюкзак"));
        assert_eq!(first(&t, "candlestik").as_deref(), Some("candlestick"));
        assert_eq!(first(&t, "cndlestik").as_deref(), Some("candlestick"));
        // Too far, or too short to correct.
        assert_eq!(first(&t, "lethr"), None);
        assert_eq!(first(&t, "bog"), None);
        assert_eq!(first(&t, "rings").as_deref(), Some("ring"));
        // The word itself is no correction.
        assert_eq!(first(&t, "leather"), None);
        assert!(t.contains("bag") && !t.contains("bags"));
        assert_eq!(t.len(), 8);
    }
}
