//! The text every site page starts with, in each language, compiled into the binary (`defaults/{lang}/{key}.md`:
//! `# Title`, a blank line, the Markdown body). Staff replace them page by page; until then these are shown.

use super::PageKey;
use crate::i18n::Locale;

macro_rules! texts {
    ($key:literal) => {
        [
            include_str!(concat!("defaults/en/", $key, ".md")),
            include_str!(concat!("defaults/ru/", $key, ".md")),
            include_str!(concat!("defaults/tr/", $key, ".md")),
            include_str!(concat!("defaults/it/", $key, ".md")),
            include_str!(concat!("defaults/es/", $key, ".md")),
        ]
    };
}

fn all(key: PageKey) -> [&'static str; 5] {
    match key {
        PageKey::About => texts!("about"),
        PageKey::Help => texts!("help"),
        PageKey::ShippingReturns => texts!("shipping-returns"),
        PageKey::Contact => texts!("contact"),
        PageKey::Terms => texts!("terms"),
        PageKey::Privacy => texts!("privacy"),
        PageKey::Cookies => texts!("cookies"),
        PageKey::Legal => texts!("legal"),
    }
}

/// Splits `# Title\n\nbody` into (title, body).
pub fn split(text: &str) -> (&str, &str) {
    let text = text.trim_start_matches('\u{feff}');
    match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# ") => (first[2..].trim(), rest.trim()),
        _ => ("", text.trim()),
    }
}

/// The built-in (title, Markdown body) of a page in a language.
pub fn text(key: PageKey, locale: Locale) -> (&'static str, &'static str) {
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    split(all(key)[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_a_title_and_a_body_in_every_language() {
        for key in PageKey::ALL {
            for l in Locale::ALL {
                let (title, body) = text(key, l);
                assert!(!title.is_empty(), "{key:?} {l:?} has no `# Title` line");
                assert!(body.len() > 200, "{key:?} {l:?} is too short");
                // Links stay inside the same language.
                for (i, _) in body.match_indices("](/") {
                    let rest = &body[i + 3..];
                    assert!(
                        rest.starts_with(&format!("{}/", l.code())),
                        "{key:?} {l:?} links to another language: {}",
                        &rest[..rest.len().min(40)]
                    );
                }
            }
        }
    }

    #[test]
    fn the_title_line_is_split_off() {
        assert_eq!(split("# About\n\nText."), ("About", "Text."));
        assert_eq!(split("No title"), ("", "No title"));
    }
}
