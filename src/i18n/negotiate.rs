use fluent_langneg::{negotiate_languages, parse_accepted_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use super::Locale;

/// Picks the best supported locale for an `Accept-Language` header (RFC 4647 lookup with q-values),
/// falling back to English.
pub fn negotiate(accept_language: &str) -> Locale {
    // fluent-langneg keeps header order; RFC 9110 orders by q-value (stable for equal weights), q=0 excluded.
    let mut weighted: Vec<(&str, u16)> = accept_language
        .split(',')
        .filter_map(|part| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .map(|q| {
                    q.trim()
                        .parse::<f32>()
                        .map(|v| (v.clamp(0.0, 1.0) * 1000.0) as u16)
                        .unwrap_or(0)
                })
                .unwrap_or(1000);
            (!tag.is_empty() && q > 0).then_some((tag, q))
        })
        .take(32)
        .collect();
    weighted.sort_by_key(|w| std::cmp::Reverse(w.1));
    let ordered: Vec<&str> = weighted.iter().map(|(t, _)| *t).collect();
    let requested = parse_accepted_languages(&ordered.join(","));
    let available: Vec<LanguageIdentifier> = Locale::ALL
        .iter()
        .filter_map(|l| l.code().parse().ok())
        .collect();
    let default: LanguageIdentifier = unic_langid::langid!("en");
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .and_then(|id| Locale::parse(id.language.as_str()))
        .unwrap_or(Locale::FALLBACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_rfc4647_lookup() {
        assert_eq!(negotiate("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"), Locale::Ru);
        assert_eq!(negotiate("tr"), Locale::Tr);
        assert_eq!(negotiate("de"), Locale::En);
        assert_eq!(negotiate("de-DE,it;q=0.5"), Locale::It);
        assert_eq!(negotiate("es-MX"), Locale::Es);
        assert_eq!(negotiate("fr;q=0.9, tr;q=0.2, ru;q=0.8"), Locale::Ru);
        assert_eq!(negotiate(""), Locale::En);
        assert_eq!(negotiate("garbage;;q=x,,"), Locale::En);
        assert_eq!(negotiate("ru;q=0, es"), Locale::Es);
    }
}
