//! The review form as typed: stars, title, text, language; checked field by field, kept when refused.

use super::model::{MAX_REPLY, MAX_TEXT, MAX_TITLE};
use crate::http::forms::{normalize, FormErrors};
use crate::i18n::Locale;

#[derive(Debug, Clone, Default)]
pub struct ReviewForm {
    pub rating: String,
    pub title: String,
    pub body: String,
    pub lang: String,
}

/// A form that passed its checks.
#[derive(Debug, Clone)]
pub struct Valid {
    pub rating: i32,
    pub title: String,
    pub body: String,
    pub lang: Locale,
}

impl ReviewForm {
    pub fn from_texts(get: impl Fn(&str) -> String) -> Self {
        ReviewForm {
            rating: get("rating"),
            title: get("title"),
            body: get("body"),
            lang: get("lang"),
        }
    }

    /// A blank form in the page's language.
    pub fn blank(l: Locale) -> Self {
        ReviewForm {
            lang: l.code().to_string(),
            ..ReviewForm::default()
        }
    }

    /// The checked values, or a message per field. Text is stored as typed (trimmed, NFC): pages escape it.
    pub fn validate(&self) -> Result<Valid, FormErrors> {
        let mut errors = FormErrors::default();
        let rating = self
            .rating
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|r| (1..=5).contains(r));
        if rating.is_none() {
            errors.add("rating", "review-rating-required");
        }
        let title = normalize(&self.title)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if title.chars().count() > MAX_TITLE {
            errors.add("title", "review-title-too-long");
        }
        let body = self.body.trim().replace("\r\n", "\n");
        if body.chars().count() > MAX_TEXT {
            errors.add("body", "review-text-too-long");
        }
        let lang = Locale::parse(self.lang.trim());
        if lang.is_none() {
            errors.add("lang", "review-lang-required");
        }
        match (rating, lang) {
            (Some(rating), Some(lang)) if errors.is_empty() => Ok(Valid {
                rating,
                title,
                body,
                lang,
            }),
            _ => Err(errors),
        }
    }
}

/// A merchant's reply or a moderator's reason: trimmed, required, at most [`MAX_REPLY`] characters.
pub fn short_text(raw: &str) -> Result<String, &'static str> {
    let t = raw.trim().replace("\r\n", "\n");
    if t.is_empty() {
        Err("review-reply-required")
    } else if t.chars().count() > MAX_REPLY {
        Err("review-reply-too-long")
    } else {
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(rating: &str, body: &str) -> ReviewForm {
        ReviewForm {
            rating: rating.into(),
            title: "  Lovely   bowl ".into(),
            body: body.into(),
            lang: "it".into(),
        }
    }

    #[test]
    fn a_review_needs_stars_and_at_most_five_thousand_characters() {
        let ok = form("5", "<b>Bella</b>").validate().unwrap();
        assert_eq!(
            (ok.rating, ok.title.as_str(), ok.body.as_str()),
            (5, "Lovely bowl", "<b>Bella</b>")
        );
        assert_eq!(ok.lang, Locale::It);
        let e = form("", "x").validate().unwrap_err();
        assert_eq!(e.get("rating"), Some("review-rating-required"));
        assert!(form("6", "x").validate().is_err());
        assert!(form("5", &"я".repeat(5_000)).validate().is_ok());
        let e = form("5", &"я".repeat(5_001)).validate().unwrap_err();
        assert_eq!(e.get("body"), Some("review-text-too-long"));
        assert_eq!(short_text("  "), Err("review-reply-required"));
    }
}
