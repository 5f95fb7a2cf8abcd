//! What the option pages of both back offices show: the list of options with what is left to translate, and one
//! option's sheet (names per language of the option and of each value, a new value, the facet flag). Rendered by
//! `partials/option_list.html` and `partials/option_sheet.html`.

use super::option_names::{field, Sheet, SheetInput};
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::PageCtx;
use crate::i18n::{Locale, PerLocale};
use crate::variants::OptionTexts;

/// One option in a list.
pub struct OptionLine {
    pub name: String,
    pub lang: Option<&'static str>,
    pub url: String,
    /// "S, M, L, XL" (the first values, in the reader's language).
    pub values: String,
    pub value_count: String,
    /// Languages some name is missing in ("" when complete).
    pub missing: String,
    pub facet: bool,
}

/// The values shown in a list line before "…".
const SHOWN_VALUES: usize = 8;

fn missing_of(ctx: &PageCtx, texts: &OptionTexts, id: i64) -> String {
    let missing: Vec<&str> = Locale::ALL
        .iter()
        .filter(|l| {
            texts.option_name_in(id, **l).is_none()
                || texts
                    .values_of(id)
                    .any(|v| texts.value_name_in(v.id, **l).is_none())
        })
        .map(|l| l.autonym())
        .collect();
    if missing.is_empty() {
        String::new()
    } else {
        ctx.t1("option-missing", "languages", &missing.join(", "))
    }
}

pub fn lines(
    ctx: &PageCtx,
    texts: &OptionTexts,
    url_of: impl Fn(i64) -> String,
) -> Vec<OptionLine> {
    let l = ctx.locale;
    texts
        .options
        .iter()
        .map(|o| {
            let name = texts.option_name(o.id, l);
            let all: Vec<String> = texts
                .values_of(o.id)
                .map(|v| texts.value_name(v.id, l).text)
                .collect();
            let mut values = all
                .iter()
                .take(SHOWN_VALUES)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if all.len() > SHOWN_VALUES {
                values.push_str(", …");
            }
            OptionLine {
                name: name.text,
                lang: name.lang,
                url: url_of(o.id),
                values,
                value_count: ctx.t_count("option-value-count", &(all.len() as i64)),
                missing: missing_of(ctx, texts, o.id),
                facet: o.facet,
            }
        })
        .collect()
}

/// A value's names, as a group of fields.
pub struct ValueFields {
    pub legend: String,
    pub lang: Option<&'static str>,
    pub fields: Vec<Field>,
}

/// One option's sheet as a form.
pub struct SheetView {
    pub heading: String,
    pub heading_lang: Option<&'static str>,
    pub action: String,
    /// "Sold in 1,204 products …".
    pub note: String,
    pub summary: Vec<(String, String)>,
    pub names: Vec<Field>,
    pub values: Vec<ValueFields>,
    pub new_value: Vec<Field>,
    /// Shared options: whether listings offer it as a facet.
    pub facet: Option<bool>,
}

fn name_fields(
    ctx: &PageCtx,
    prefix: &str,
    names: &PerLocale<String>,
    errors: &FormErrors,
) -> Vec<Field> {
    names
        .iter()
        .map(|(l, n)| {
            Field::new(ctx, &field(prefix, l), "text", n, errors)
                .max(super::option_names::MAX_NAME)
                .label(l.autonym().to_string())
                .lang(l.code())
                .optional()
        })
        .collect()
}

pub fn sheet(
    ctx: &PageCtx,
    sheet: &Sheet,
    input: &SheetInput,
    errors: &FormErrors,
    action: String,
) -> SheetView {
    let (l, t) = (ctx.locale, &sheet.texts);
    let name = t.option_name(sheet.option.id, l);
    let values = input
        .values
        .iter()
        .map(|(id, names)| {
            let shown = t.value_name(*id, l);
            ValueFields {
                legend: shown.text,
                lang: shown.lang,
                fields: name_fields(ctx, &format!("v{id}"), names, errors),
            }
        })
        .collect();
    SheetView {
        heading: name.text,
        heading_lang: name.lang,
        action,
        note: ctx.t_count("option-products", &sheet.products),
        summary: summary(ctx, errors),
        names: name_fields(ctx, "name", &input.names, errors),
        values,
        new_value: name_fields(ctx, "new", &input.new_value, errors),
        facet: sheet.option.merchant_id.is_none().then_some(input.facet),
    }
}
