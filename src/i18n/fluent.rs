use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{I18n, Locale};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The Fluent bundles of every locale, loaded from the embedded `locales/<lang>/*.ftl`.
pub struct Messages {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
    /// Lookups of ids defined in no locale (each also logged): the test suite requires none.
    missing: AtomicU64,
}

impl Messages {
    pub fn load() -> Result<Self, String> {
        let mut bundles = HashMap::new();
        for locale in Locale::ALL {
            let langid = locale
                .code()
                .parse()
                .map_err(|e| format!("bad language id {locale}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for (lang, file, source) in embedded::FTL_FILES {
                if *lang != locale.code() {
                    continue;
                }
                let resource = FluentResource::try_new((*source).to_string())
                    .map_err(|(_, errs)| format!("locales/{lang}/{file}: {errs:?}"))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errs| format!("locales/{lang}/{file}: {errs:?}"))?;
            }
            bundles.insert(locale, bundle);
        }
        Ok(Self {
            bundles,
            missing: AtomicU64::new(0),
        })
    }

    /// Message ids defined for a locale (used by the parity tests).
    pub fn ids(locale: Locale) -> Vec<String> {
        let mut ids = Vec::new();
        for (lang, _, source) in embedded::FTL_FILES {
            if *lang != locale.code() {
                continue;
            }
            if let Ok(resource) = FluentResource::try_new((*source).to_string()) {
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        ids.push(m.id.name.to_string());
                    }
                }
            }
        }
        ids.sort();
        ids
    }

    /// Formats `id` in `locale`, falling back to English, then to the id itself (logged).
    pub fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for candidate in [locale, Locale::FALLBACK] {
            let Some(bundle) = self.bundles.get(&candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(%id, locale = %candidate, ?errors, "fluent formatting errors");
            }
            return text.into_owned();
        }
        self.missing.fetch_add(1, Ordering::Relaxed);
        tracing::warn!(%id, %locale, "missing fluent message");
        id.to_string()
    }

    /// Whether `id` is defined (in English at least, which every locale falls back to).
    pub fn has(&self, id: &str) -> bool {
        self.bundles
            .get(&Locale::FALLBACK)
            .is_some_and(|b| b.has_message(id))
    }

    /// How many lookups found no message so far.
    pub fn missing(&self) -> u64 {
        self.missing.load(Ordering::Relaxed)
    }
}

/// A per-request handle: the shared messages plus the request's locale.
#[derive(Clone)]
pub struct Translator {
    i18n: Arc<I18n>,
    locale: Locale,
}

/// A Fluent argument value: text (already formatted with ICU) or a number (for plural selection).
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

impl Translator {
    pub fn new(i18n: Arc<I18n>, locale: Locale) -> Self {
        Self { i18n, locale }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The same messages in another language (a shop's, for the snapshot it reads).
    pub fn in_locale(&self, locale: Locale) -> Translator {
        Translator {
            i18n: self.i18n.clone(),
            locale,
        }
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.messages.format(self.locale, id, None)
    }

    /// A country's name in this language: the messages' own (`country-de`, for the markets Caravan was built
    /// around), else CLDR's display name, else its code.
    pub fn country(&self, cc: crate::geo::CountryCode) -> String {
        self.try_t(&cc.name_id())
            .or_else(|| self.i18n.formatters.country(self.locale, cc))
            .unwrap_or_else(|| cc.as_str().to_string())
    }

    /// The message `id` if it is defined, without logging its absence (for ids built from data, such as a
    /// field's default label, which callers may replace).
    pub fn try_t(&self, id: &str) -> Option<String> {
        self.i18n.messages.has(id).then(|| self.t(id))
    }

    /// Formats with arguments; numbers are passed as `$count` style numbers for CLDR plural selection.
    pub fn t_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fargs.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        self.i18n.messages.format(self.locale, id, Some(&fargs))
    }

    /// A count message: `$count` selects the plural form, `$n` is the count formatted for the locale.
    pub fn t_count(&self, id: &str, count: i64) -> String {
        let n = self.i18n.formatters.number(self.locale, count);
        self.t_args(id, &[("count", Arg::Num(count)), ("n", Arg::Str(&n))])
    }
}
