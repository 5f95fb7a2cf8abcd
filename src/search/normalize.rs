//! What runs on every word before stemming, at index and query time alike, and the reading of a word that mixes
//! Latin and Cyrillic letters.

use unicode_normalization::UnicodeNormalization;

/// A lowercased word as stemmers see it: composed (NFC), with `ё` read as `е` (Russian texts write either, and
/// the stemmer would treat `мёдом` and `медом` as different words).
pub fn prepare(lowered: &str) -> String {
    lowered
        .nfc()
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    /// Neither letter kind (digits, other scripts), or as many of each.
    Other,
}

/// Which script most of `word`'s letters are in.
pub fn majority(word: &str) -> Script {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in word.chars() {
        if is_cyrillic(c) {
            cyrillic += 1;
        } else if c.is_alphabetic() && is_latin(c) {
            latin += 1;
        }
    }
    match latin.cmp(&cyrillic) {
        std::cmp::Ordering::Greater => Script::Latin,
        std::cmp::Ordering::Less => Script::Cyrillic,
        std::cmp::Ordering::Equal => Script::Other,
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Lowercase letters that look alike in both scripts, (Cyrillic, Latin): what a switched keyboard layout or a
/// pasted word mixes in.
const LOOKALIKES: [(char, char); 11] = [
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('к', 'k'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
];

/// `word` with its minority-script lookalike letters written in the majority script (`bаg` with a Cyrillic
/// `а` → `bag`); unchanged when it is in one script, or the scripts are tied.
pub fn in_majority_script(word: &str) -> String {
    match majority(word) {
        Script::Latin => word
            .chars()
            .map(|c| {
                LOOKALIKES
                    .iter()
                    .find(|(cy, _)| *cy == c)
                    .map_or(c, |(_, la)| *la)
            })
            .collect(),
        Script::Cyrillic => word
            .chars()
            .map(|c| {
                LOOKALIKES
                    .iter()
                    .find(|(_, la)| *la == c)
                    .map_or(c, |(cy, _)| *cy)
            })
            .collect(),
        Script::Other => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yo_is_ye_and_text_is_composed() {
        assert_eq!(prepare("мёдом"), "медом");
        // "й" typed as и + combining breve composes to one letter.
        assert_eq!(prepare("чаи\u{306}"), "чай");
    }

    #[test]
    fn mixed_words_are_read_in_their_majority_script() {
        assert_eq!(in_majority_script("bаg"), "bag");
        assert_eq!(in_majority_script("сумkа"), "сумка");
        assert_eq!(in_majority_script("çanta"), "çanta");
        assert_eq!(in_majority_script("iphone15"), "iphone15");
        assert_eq!(majority("ab"), Script::Latin);
        assert_eq!(majority("12"), Script::Other);
    }
}
