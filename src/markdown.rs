//! Staff-written text (campaign bodies, site pages): Markdown rendered with pulldown-cmark, then sanitized with
//! ammonia (no scripts, no `javascript:` links, no event attributes, links get `rel="noopener noreferrer"`).

use pulldown_cmark::{html, Options, Parser};

/// Safe HTML from staff-written Markdown.
pub fn render(markdown: &str) -> String {
    let mut raw = String::new();
    html::push_html(
        &mut raw,
        Parser::new_ext(
            markdown,
            Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
        ),
    );
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_sanitized() {
        let out = render("## Sconti\n\n**-20%** su [tutto](https://caravan.example/it/promos)");
        assert!(out.contains("<h2>Sconti</h2>"));
        assert!(out.contains("<strong>-20%</strong>"));
        assert!(out.contains("rel=\"noopener noreferrer\""));
        let evil = render(
            "<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n<a href=\"#\" onclick=\"alert(4)\">x</a>",
        );
        assert!(!evil.contains("<script"), "{evil}");
        assert!(!evil.contains("javascript:"), "{evil}");
        assert!(!evil.contains("onerror"), "{evil}");
        assert!(!evil.contains("onclick"), "{evil}");
    }
}
