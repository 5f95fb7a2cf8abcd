//! Option names and value names in every language, and variant labels ("Size: 39 · Colour: Red") in one.
//! A name missing in the reader's language falls back to the option's original language, then to any; the
//! language shown is reported so pages can mark it with `lang`.

use std::collections::HashMap;

use super::model::{OptionName, OptionRow, ProductOption, ValueName, ValueRow, VariantRow};
use crate::i18n::{Arg, Locale, PerLocale, Translator};

#[derive(Debug, Clone, Default)]
pub struct OptionTexts {
    pub options: Vec<OptionRow>,
    /// Values of those options, by option then position.
    pub values: Vec<ValueRow>,
    option_names: HashMap<i64, PerLocale<Option<String>>>,
    value_names: HashMap<i64, PerLocale<Option<String>>>,
}

/// A name as shown, with the language it is in when that is not the reader's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub lang: Option<&'static str>,
}

fn pick(names: Option<&PerLocale<Option<String>>>, l: Locale, original: Locale) -> Option<Shown> {
    let names = names?;
    let found = |x: Locale| names.get(x).as_ref().map(|t| (x, t));
    let (at, text) = found(l)
        .or_else(|| found(original))
        .or_else(|| names.iter().find_map(|(x, t)| t.as_ref().map(|t| (x, t))))?;
    Some(Shown {
        text: text.clone(),
        lang: (at != l).then(|| at.code()),
    })
}

impl OptionTexts {
    pub fn new(
        mut options: Vec<OptionRow>,
        mut values: Vec<ValueRow>,
        option_names: Vec<OptionName>,
        value_names: Vec<ValueName>,
    ) -> Self {
        options.sort_by_key(|o| (o.position, o.id));
        values.sort_by_key(|v| (v.option_id, v.position, v.id));
        let mut out = OptionTexts {
            options,
            values,
            ..Default::default()
        };
        for n in option_names {
            if let Some(l) = Locale::parse(&n.locale) {
                let e = out.option_names.entry(n.option_id).or_default();
                *e.get_mut(l) = Some(n.name);
            }
        }
        for n in value_names {
            if let Some(l) = Locale::parse(&n.locale) {
                let e = out.value_names.entry(n.value_id).or_default();
                *e.get_mut(l) = Some(n.name);
            }
        }
        out
    }

    pub fn option(&self, id: i64) -> Option<&OptionRow> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn value(&self, id: i64) -> Option<&ValueRow> {
        self.values.iter().find(|v| v.id == id)
    }

    /// The values of one option, in their order.
    pub fn values_of(&self, option_id: i64) -> impl Iterator<Item = &ValueRow> {
        self.values.iter().filter(move |v| v.option_id == option_id)
    }

    fn original_of(&self, option_id: i64) -> Locale {
        self.option(option_id)
            .and_then(|o| Locale::parse(&o.original_lang))
            .unwrap_or(Locale::FALLBACK)
    }

    /// The option's name in `l` (or its fallback); its key when it has no name at all.
    pub fn option_name(&self, id: i64, l: Locale) -> Shown {
        pick(self.option_names.get(&id), l, self.original_of(id)).unwrap_or_else(|| Shown {
            text: self.option(id).map(|o| o.key.clone()).unwrap_or_default(),
            lang: None,
        })
    }

    /// The value's name in `l` (or its fallback); its key when it has no name at all.
    pub fn value_name(&self, id: i64, l: Locale) -> Shown {
        let value = self.value(id);
        let original = value.map_or(Locale::FALLBACK, |v| self.original_of(v.option_id));
        pick(self.value_names.get(&id), l, original).unwrap_or_else(|| Shown {
            text: value.map(|v| v.key.clone()).unwrap_or_default(),
            lang: None,
        })
    }

    /// The exact name given in `l`, if any (for forms that edit translations).
    pub fn value_name_in(&self, id: i64, l: Locale) -> Option<&str> {
        self.value_names.get(&id)?.get(l).as_deref()
    }

    /// The exact option name given in `l`, if any.
    pub fn option_name_in(&self, id: i64, l: Locale) -> Option<&str> {
        self.option_names.get(&id)?.get(l).as_deref()
    }

    /// "Size: 39 · Colour: Red" in the translator's language ("" for a product without options).
    pub fn label(&self, options: &[ProductOption], v: &VariantRow, tr: &Translator) -> String {
        let l = tr.locale();
        let parts: Vec<String> = options
            .iter()
            .zip(v.values())
            .map(|(o, value)| {
                let name = self.option_name(o.option_id, l).text;
                let value = self.value_name(value, l).text;
                tr.t_args(
                    "variant-part",
                    &[("name", Arg::Str(&name)), ("value", Arg::Str(&value))],
                )
            })
            .collect();
        parts.join(&tr.t("variant-part-separator"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> OptionTexts {
        let option = OptionRow {
            id: 1,
            merchant_id: None,
            key: "colour".into(),
            original_lang: "it".into(),
            facet: true,
            position: 0,
        };
        let value = ValueRow {
            id: 7,
            option_id: 1,
            key: "red".into(),
            position: 0,
        };
        let names = vec![
            OptionName {
                option_id: 1,
                locale: "it".into(),
                name: "Colore".into(),
            },
            OptionName {
                option_id: 1,
                locale: "ru".into(),
                name: "Цвет".into(),
            },
        ];
        let values = vec![ValueName {
            value_id: 7,
            locale: "it".into(),
            name: "Rosso".into(),
        }];
        OptionTexts::new(vec![option], vec![value], names, values)
    }

    #[test]
    fn names_fall_back_to_the_original_language_and_say_so() {
        let t = texts();
        assert_eq!(
            t.option_name(1, Locale::Ru),
            Shown {
                text: "Цвет".into(),
                lang: None
            }
        );
        assert_eq!(
            t.option_name(1, Locale::Tr),
            Shown {
                text: "Colore".into(),
                lang: Some("it")
            }
        );
        assert_eq!(t.value_name(7, Locale::Es).text, "Rosso");
        assert_eq!(t.value_name(7, Locale::Es).lang, Some("it"));
        assert_eq!(t.value_name(99, Locale::Es).text, "");
    }
}
