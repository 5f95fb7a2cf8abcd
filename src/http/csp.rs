//! The Content-Security-Policy: scripts, styles and requests from our own origin only, no inline script, no
//! frames. A page that needs a third party's script (the card payment step) widens it for that page alone,
//! naming the third party's origins; the middleware adds the default only where a page set none.

/// The policy of every page.
pub const DEFAULT: &str =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Origins a page's third-party script needs: to load from, to frame, to send requests to.
pub struct ThirdParty<'a> {
    pub script: &'a [String],
    pub frame: &'a [String],
    pub connect: &'a [String],
}

/// The default policy widened for one page's third-party script (origins with anything but URL characters are
/// left out, so configuration cannot inject directives).
pub fn with(third: &ThirdParty<'_>) -> String {
    let list = |origins: &[String]| -> String {
        origins
            .iter()
            .filter(|o| {
                o.starts_with("http")
                    && o.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b":/.-_".contains(&b))
            })
            .map(|o| format!(" {o}"))
            .collect()
    };
    format!(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'{}; frame-src{}; \
         connect-src 'self'{}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        list(third.script),
        none_if_empty(list(third.frame)),
        list(third.connect),
    )
}

fn none_if_empty(s: String) -> String {
    if s.is_empty() {
        " 'none'".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_third_party_is_named_and_nothing_else_gets_in() {
        let script = ["https://js.stripe.com".to_string()];
        let frame = [
            "https://js.stripe.com".to_string(),
            "https://evil.example; script-src *".to_string(),
        ];
        let connect = ["https://api.stripe.com".to_string()];
        let p = with(&ThirdParty {
            script: &script,
            frame: &frame,
            connect: &connect,
        });
        assert!(
            p.contains("script-src 'self' https://js.stripe.com;"),
            "{p}"
        );
        assert!(p.contains("frame-src https://js.stripe.com;"), "{p}");
        assert!(
            p.contains("connect-src 'self' https://api.stripe.com;"),
            "{p}"
        );
        assert!(!p.contains("evil"), "{p}");
        let none = with(&ThirdParty {
            script: &[],
            frame: &[],
            connect: &[],
        });
        assert!(none.contains("frame-src 'none';"), "{none}");
    }
}
