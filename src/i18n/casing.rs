use std::borrow::Cow;

use icu_casemap::CaseMapper;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::Locale;

/// Lowercases with the language's rules (Turkish: `I` → `ı`, `İ` → `i`).
pub fn lowercase(text: &str, locale: Locale) -> String {
    let langid = locale.icu().id;
    let mapped: Cow<'_, str> = CaseMapper::new().lowercase_to_string(text, &langid);
    mapped.into_owned()
}

/// Folds an already lowercased word for search: strips diacritics (`é` → `e`, `ç` → `c`, `ё` → `е`)
/// and maps the letters that do not decompose (`ı` → `i`, `ß` → `ss`), so queries typed without accents match.
pub fn fold_for_search(lowered: &str) -> String {
    let mut out = String::with_capacity(lowered.len());
    for c in lowered.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ł' => out.push('l'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_casing() {
        assert_eq!(lowercase("İSTANBUL IĞDIR", Locale::Tr), "istanbul ığdır");
        assert_eq!(lowercase("İSTANBUL IĞDIR", Locale::En), "i̇stanbul iğdir");
    }

    #[test]
    fn folding() {
        assert_eq!(fold_for_search("café"), "cafe");
        assert_eq!(fold_for_search("ığdır"), "igdir");
        assert_eq!(fold_for_search("i̇stanbul"), "istanbul");
        assert_eq!(fold_for_search("ёлка"), "елка");
        assert_eq!(fold_for_search("çanta"), "canta");
    }
}
