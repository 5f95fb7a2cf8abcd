//! Text analysis for search, identical on both backends: words are lowercased with their language's rules and
//! normalized (see [`super::normalize::prepare`]), stemmed with that language's Snowball stemmer and folded (case
//! and diacritics). A query word is tried with the shopper's language's stemmer and, when the stem is long enough
//! to mean something, every other language's, so a query in any language matches any translation.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};

use super::lexicon::Lexicons;
use super::normalize::{in_majority_script, majority, prepare, Script};
use super::stop_words::StopWords;
use super::translit;
use crate::i18n::{fold_for_search, lowercase, Locale};

/// Weight of a term found in a title; description terms weigh 1. Title matches rank first.
pub const TITLE_WEIGHT: i32 = 3;
pub const BODY_WEIGHT: i32 = 1;
/// At most this many words of a query are used.
pub const MAX_QUERY_WORDS: usize = 6;
/// Shortest and longest word searched for (characters, and bytes of its folded form).
pub const MIN_WORD_CHARS: usize = 2;
pub const MAX_WORD_BYTES: usize = 64;
/// A stem from a language other than the shopper's counts only from this many letters: `Kazan` must not find
/// whatever some language's stemmer cuts to `kaz`.
pub const MIN_FOREIGN_STEM: usize = 4;
/// A dictionary form's stem must begin with this many letters of the word typed, and at most this many such
/// stems are added to one query word.
const MIN_SHARED: usize = 3;
const MAX_LEXICON_STEMS: usize = 16;

pub struct Analyzer {
    stemmers: Vec<(Locale, Stemmer)>,
    /// Loaded on the first query unless shared (a request's listing shares the cached lists).
    stop_words: OnceCell<Arc<StopWords>>,
    /// Dictionaries for irregular forms of query words, when a serving instance has them.
    lexicons: Option<Arc<Lexicons>>,
}

/// Why a query that was typed searches for nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Only words of one character (or no letters at all).
    TooShort,
    /// Its only words are longer than [`MAX_WORD_BYTES`].
    TooLong,
}

/// A query as the catalogue looks it up: per word, the terms any of which matches it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words every product found must match.
    pub required: Vec<Vec<String>>,
    /// Stop words ("of", "di", "с"): they rank what they match, but a product need not contain them.
    pub optional: Vec<Vec<String>>,
    /// Set when something was typed and nothing can be searched for.
    pub unusable: Option<Unusable>,
    /// Every word kept, folded, in the order typed (what "Did you mean" rewrites).
    pub typed: Vec<String>,
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
    text.split(|c: char| !c.is_alphanumeric() && c != '\u{307}' && c != '\u{306}' && c != '\u{308}')
        .filter(|w| !w.is_empty())
}

/// Whether index or query term `t` is a word as written with its diacritics (every other term is folded).
pub fn is_accented(t: &str) -> bool {
    fold_for_search(t) != t
}

impl Analyzer {
    pub fn new() -> Self {
        Self {
            stemmers: Locale::ALL
                .iter()
                .map(|l| (*l, Stemmer::create(algorithm(*l))))
                .collect(),
            stop_words: OnceCell::new(),
            lexicons: None,
        }
    }

    /// An analyzer using stop word lists loaded once and shared (folding ~1,000 words per search is waste) and
    /// the instance's dictionaries for irregular forms.
    pub fn sharing(stop_words: Arc<StopWords>, lexicons: Arc<Lexicons>) -> Self {
        let mut a = Self::new();
        let _ = a.stop_words.set(stop_words);
        a.lexicons = Some(lexicons);
        a
    }

    /// The folded stem of prepared word `w` in language `l`.
    fn stem(&self, l: Locale, w: &str) -> String {
        let stemmed = match self.stemmers.iter().find(|(x, _)| *x == l) {
            Some((_, s)) => s.stem(w).into_owned(),
            None => w.to_string(),
        };
        fold_for_search(&stemmed)
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
                let w = prepare(w);
                let plain = fold_for_search(&w);
                if plain.chars().count() < MIN_WORD_CHARS {
                    continue;
                }
                let stemmed = self.stem(lang, &w);
                // The word with its diacritics as well, when folding changed it: a query typed with them
                // ranks it first (Turkish `küpe`, earrings, above `kupa`'s stem).
                let accented = if plain != w { w.clone() } else { String::new() };
                for term in [plain, stemmed, accented] {
                    if term.is_empty() || term.len() > MAX_WORD_BYTES {
                        continue;
                    }
                    let e = into.entry(term).or_insert(weight);
                    *e = (*e).max(weight);
                }
            }
        }
    }

    /// The terms matching one query word: its plain fold, its stem in the shopper's language `ui`, its stems in
    /// the other languages when long enough, and the same for its transliterations. `w` is lowercased.
    /// A stop word (`expand` false) gets no dictionary forms: `para` must not bring `parar`'s `par`.
    fn word_terms(&self, w: &str, ui: Locale, expand: bool) -> Vec<String> {
        let read = in_majority_script(w);
        let w = prepare(&read);
        let mut forms = vec![w.clone()];
        forms.extend(translit::to_cyrillic(&w));
        forms.extend(translit::to_latin(&w));
        let mut terms: Vec<String> = Vec::new();
        let mut push = |t: String| {
            if !t.is_empty() && t.len() <= MAX_WORD_BYTES && !terms.contains(&t) {
                terms.push(t);
            }
        };
        for form in &forms {
            let plain = fold_for_search(form);
            // Cyrillic can only be Russian here: its stem is the word's own language's, however short.
            let cyrillic = majority(form) == Script::Cyrillic;
            push(self.stem(ui, form));
            for l in Locale::ALL.into_iter().filter(|l| *l != ui) {
                let t = self.stem(l, form);
                let own = cyrillic && l == Locale::Ru;
                if own || t == plain || t.chars().count() >= MIN_FOREIGN_STEM {
                    push(t);
                }
            }
            push(plain);
        }
        if expand {
            for t in self.lexicon_terms(&read, ui) {
                push(t);
            }
        }
        // The word as typed first: ranking prefers it; then, when typed with diacritics, the word with them
        // (see [`is_accented`]).
        let plain = fold_for_search(&w);
        terms.retain(|t| *t != plain);
        terms.insert(0, plain.clone());
        if plain != w && w.len() <= MAX_WORD_BYTES {
            terms.insert(1, w);
        }
        terms
    }

    /// The stems of the forms a dictionary relates to lowercased word `w` (`кружек` → `кружка`, `кружки`, …):
    /// the dictionary of the word's script's language (Cyrillic is Russian) or else of the shopper's.
    fn lexicon_terms(&self, w: &str, ui: Locale) -> Vec<String> {
        let lang = match majority(w) {
            Script::Cyrillic => Locale::Ru,
            _ if ui == Locale::Ru => return Vec::new(),
            _ => ui,
        };
        let Some(lexicon) = self.lexicons.as_ref().and_then(|x| x.get(lang)) else {
            return Vec::new();
        };
        let mut related = lexicon.related(w);
        // A word typed with `ё` is also looked up with `е`, in case the dictionary lists only that spelling.
        let prepared = prepare(w);
        if prepared != w {
            related.extend(lexicon.related(&prepared));
        }
        // A form's stem counts when it means something: long enough, and beginning as the word typed does
        // (`tazas` may be a form of the verb `tazar`, whose `taces` stems to `tac`, the stem of `tacos`).
        let start: String = fold_for_search(&prepared)
            .chars()
            .take(MIN_SHARED)
            .collect();
        let mut stems: Vec<String> = Vec::new();
        for form in &related {
            let stem = self.stem(lang, &prepare(form));
            let kept = stem.chars().count() >= MIN_FOREIGN_STEM && stem.starts_with(&start);
            if kept && !stems.contains(&stem) && stems.len() < MAX_LEXICON_STEMS {
                stems.push(stem);
            }
        }
        stems
    }

    /// A shopper's query in their UI language `ui` (lowercased with its rules: Turkish `I` → `ı`).
    pub fn query(&self, query: &str, ui: Locale) -> Query {
        let lowered = lowercase(query, ui);
        let stop = self.stop_words.get_or_init(|| Arc::new(StopWords::load()));
        let (mut required, mut optional) = (Vec::new(), Vec::new());
        let mut typed = Vec::new();
        let (mut short, mut long) = (false, false);
        for w in words(&lowered) {
            let plain = fold_for_search(&prepare(w));
            if plain.chars().count() < MIN_WORD_CHARS {
                short = true;
                continue;
            }
            if plain.len() > MAX_WORD_BYTES {
                long = true;
                continue;
            }
            let terms = self.word_terms(w, ui, !stop.contains(&plain));
            if required.contains(&terms) || optional.contains(&terms) {
                continue;
            }
            typed.push(terms[0].clone());
            if stop.contains(&plain) {
                optional.push(terms);
            } else {
                required.push(terms);
            }
            if required.len() + optional.len() >= MAX_QUERY_WORDS {
                break;
            }
        }
        // A query of stop words only ("the", "и") looks for them.
        if required.is_empty() {
            required = std::mem::take(&mut optional);
        }
        let unusable = match (required.is_empty(), query.trim().is_empty()) {
            (true, false) if long && !short => Some(Unusable::TooLong),
            (true, false) => Some(Unusable::TooShort),
            _ => None,
        };
        Query {
            required,
            optional,
            unusable,
            typed,
        }
    }

    /// For each query word, the terms that match it; every word required (merchants' own product search).
    pub fn query_terms(&self, query: &str, ui: Locale) -> Vec<Vec<String>> {
        let q = self.query(query, ui);
        let mut all = q.required;
        all.extend(q.optional);
        all
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
    fn yo_and_ye_stem_alike() {
        let a = Analyzer::new();
        assert!(matches(&a, Locale::Ru, "Горный мёд", "медом", Locale::Ru));
        assert!(matches(&a, Locale::Ru, "Горный мед", "мёдом", Locale::Ru));
        assert!(matches(&a, Locale::Ru, "Горный мёд", "мёдом", Locale::En));
    }

    #[test]
    fn transliterated_and_mixed_script_words() {
        let a = Analyzer::new();
        assert!(matches(
            &a,
            Locale::Ru,
            "Кожаная сумка",
            "sumka",
            Locale::Ru
        ));
        assert!(matches(
            &a,
            Locale::Ru,
            "Матрёшка, 5 мест",
            "matryoshka",
            Locale::En
        ));
        assert!(matches(
            &a,
            Locale::En,
            "Leather bag",
            "b\u{430}g",
            Locale::En
        ));
        assert!(matches(
            &a,
            Locale::En,
            "Samsung case",
            "самсунг",
            Locale::Ru
        ));
    }

    #[test]
    fn stop_words_are_optional_and_short_or_long_words_are_no_query() {
        let a = Analyzer::new();
        let q = a.query("a bag of leather", Locale::En);
        assert_eq!(q.required.len(), 2);
        assert_eq!(q.optional.len(), 1);
        assert_eq!(q.required[0][0], "bag");
        // Only stop words: they are looked for.
        assert_eq!(a.query("the and", Locale::En).required.len(), 2);
        assert_eq!(a.query("a", Locale::En).unusable, Some(Unusable::TooShort));
        assert_eq!(
            a.query(" ! ", Locale::En).unusable,
            Some(Unusable::TooShort)
        );
        assert_eq!(
            a.query(&"x".repeat(65), Locale::En).unusable,
            Some(Unusable::TooLong)
        );
        assert_eq!(a.query("", Locale::En), Query::default());
    }

    #[test]
    fn short_stems_of_other_languages_do_not_match() {
        let a = Analyzer::new();
        for terms in a.query("kazan", Locale::En).required {
            assert!(
                terms.iter().all(|t| t.chars().count() >= MIN_FOREIGN_STEM),
                "{terms:?}"
            );
        }
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
