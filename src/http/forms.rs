//! One way to validate and render forms: normalized input, per-field localized errors, values kept on error.

use unicode_normalization::UnicodeNormalization;

use super::page::{Choice, PageCtx};

/// Trims and NFC-normalizes user text.
pub fn normalize(input: &str) -> String {
    input.trim().nfc().collect()
}

/// Whether a text shows anything: at least one letter, number, punctuation mark or symbol (Unicode general
/// categories L, N, P, S). Spaces, control and format characters (a lone BOM, zero-width spaces, direction
/// marks), bare combining marks and the blank "filler" characters that render as nothing do not count.
pub fn has_visible_char(text: &str) -> bool {
    use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
    let categories = icu_properties::CodePointMapData::<GeneralCategory>::new();
    let visible = GeneralCategoryGroup::Letter
        .union(GeneralCategoryGroup::Number)
        .union(GeneralCategoryGroup::Punctuation)
        .union(GeneralCategoryGroup::Symbol);
    text.chars().any(|c| {
        // Hangul fillers (letters) and the blank Braille pattern (a symbol) draw nothing.
        !matches!(
            c,
            '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
        ) && visible.contains(categories.get(c))
    })
}

/// Field errors as Fluent ids, in form order.
#[derive(Debug, Default, Clone)]
pub struct FormErrors {
    errors: Vec<(String, String)>,
}

impl FormErrors {
    pub fn add(&mut self, field: &str, message_id: &str) {
        if self.get(field).is_none() {
            self.errors
                .push((field.to_string(), message_id.to_string()));
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(String, String)> {
        self.errors.iter()
    }

    /// Checks a length in characters; records `form-required` or `form-too-long`.
    /// Like [`Self::check_len`], and a non-empty value must show something (see [`has_visible_char`]).
    pub fn check_visible(&mut self, field: &str, value: &str, max: usize) {
        self.check_len(field, value, true, max);
        if !value.is_empty() && !has_visible_char(value) {
            self.add(field, "form-invisible");
        }
    }

    pub fn check_len(&mut self, field: &str, value: &str, required: bool, max: usize) {
        let n = value.chars().count();
        if required && n == 0 {
            self.add(field, "form-required");
        } else if n > max {
            self.add(field, "form-too-long");
        }
    }
}

/// A normalized email (display form and the lowercase key used for uniqueness), or `None` when it is not one.
pub fn parse_email(input: &str) -> Option<(String, String)> {
    let email = normalize(input);
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (local, domain) = email.rsplit_once('@')?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
        return None;
    }
    let norm = format!("{}@{}", local.to_lowercase(), domain.to_lowercase());
    Some((email, norm))
}

/// A form field ready to render by `partials/field.html`.
pub struct Field {
    pub name: String,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub hint: Option<String>,
    pub required: bool,
    pub maxlength: usize,
    pub autocomplete: &'static str,
    pub options: Vec<Choice>,
    pub value_lang: Option<&'static str>,
}

impl Field {
    pub fn new(
        ctx: &PageCtx,
        name: &str,
        kind: &'static str,
        value: &str,
        errors: &FormErrors,
    ) -> Self {
        // The default label is `field-<name>`; fields labelled otherwise replace it with [`Field::label`].
        let id = format!("field-{}", name.replace('_', "-"));
        Self {
            name: name.to_string(),
            label: ctx.tr.try_t(&id).unwrap_or(id),
            kind,
            // Passwords are never sent back.
            value: if kind == "password" {
                String::new()
            } else {
                value.to_string()
            },
            error: errors.get(name).map(|id| ctx.t(id)),
            hint: None,
            required: true,
            maxlength: 200,
            autocomplete: "off",
            options: Vec::new(),
            value_lang: None,
        }
    }

    pub fn autocomplete(mut self, v: &'static str) -> Self {
        self.autocomplete = v;
        self
    }

    pub fn max(mut self, n: usize) -> Self {
        self.maxlength = n;
        self
    }

    pub fn hint(mut self, text: String) -> Self {
        self.hint = Some(text);
        self
    }

    pub fn label(mut self, text: String) -> Self {
        self.label = text;
        self
    }

    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// The `lang` of the value when it is written in another language than the page (per-language fields).
    pub fn lang(mut self, code: &'static str) -> Self {
        self.value_lang = Some(code);
        self
    }

    pub fn options(mut self, options: Vec<Choice>) -> Self {
        self.options = options;
        self
    }

    pub fn id(&self) -> String {
        format!("f-{}", self.name.replace('_', "-"))
    }

    pub fn is_select(&self) -> bool {
        self.kind == "select"
    }

    /// HTML allows `maxlength` on text-like inputs only (not on numbers, dates or times).
    pub fn has_maxlength(&self) -> bool {
        matches!(
            self.kind,
            "text" | "search" | "url" | "tel" | "email" | "password"
        )
    }

    /// A required `select` must start with an empty placeholder option; one that starts with a real choice
    /// always has a value, so it is not marked required.
    pub fn select_required(&self) -> bool {
        self.required && self.options.first().is_none_or(|o| o.value.is_empty())
    }
}

/// The status of a form page: 200 as stored, 422 when it comes back with problems.
pub fn form_status(errors: &FormErrors) -> actix_web::http::StatusCode {
    if errors.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The error summary shown above a form: (link to field, message).
pub fn summary(ctx: &PageCtx, errors: &FormErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(f, id)| (format!("#f-{}", f.replace('_', "-")), ctx.t(id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            parse_email("  Ayşe@Example.COM "),
            Some(("Ayşe@Example.COM".into(), "ayşe@example.com".into()))
        );
        assert!(parse_email("no-at-sign").is_none());
        assert!(parse_email("a@b").is_none());
        assert!(parse_email("a b@c.de").is_none());
        assert!(parse_email("a@.de").is_none());
    }

    #[test]
    fn names_must_show_something() {
        for blank in [
            "\u{FEFF}",
            "\u{200B}\u{200D}",
            "\u{3164}",
            "\u{2800}",
            "\u{0301}",
            "\u{202E}\u{00A0}",
        ] {
            assert!(!has_visible_char(blank), "{blank:?}");
        }
        for name in ["Ana", "İz", "Ёж", "7", "★", "\u{FEFF}Lu"] {
            assert!(has_visible_char(name), "{name:?}");
        }
    }

    #[test]
    fn nfc() {
        assert_eq!(normalize(" Cafe\u{301} "), "Café");
    }
}
