//! Search text analysis, identical on both backends and at index and query time: words are normalized (case
//! by their language's rules, NFC, `ё` → `е`) before their language's Snowball stemmer sees them, then folded
//! (case and diacritics). A query word also matches its transliteration (Russian typed in Latin letters, and
//! the reverse), is read in its majority script when it mixes Latin and Cyrillic letters, and is optional when
//! it is a stop word of any of the five languages. A word that matches no index term is matched to terms one or
//! two typing mistakes away (see [`typos`]). How searches fare per language is counted in [`stats`].

pub mod analyzer;
pub mod lexicon;
pub mod normalize;
pub mod stats;
pub mod stop_words;
pub mod translit;
pub mod typos;

pub use analyzer::{Analyzer, Query, Unusable};
pub use typos::{Expansion, Typos};
