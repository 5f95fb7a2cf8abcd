//! The sitemap (sitemaps.org 0.9 with `xhtml:link` hreflang alternates): every home, category, origin and shop
//! page and every listed product, in every language, each URL listing its other languages.
//!
//! While the whole store fits one file (at most [`MAX_URLS`]), `/sitemap.xml` is that file. Beyond, it is an index
//! of `/sitemap-pages.xml` and `/sitemap-products-{n}.xml`, where sitemap `n` holds the listed products with ids
//! from `n × PRODUCTS_PER_CHILD` (so a child never moves when products are added, and is read by one id-range
//! query: nothing is loaded beyond the products of the file asked for).

use std::collections::HashMap;
use std::fmt::Write as _;

use super::cards;
use super::service::Shopper;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::routes;

/// The protocol's limit of URLs per file.
pub const MAX_URLS: i64 = 50_000;

/// Products per child sitemap: five languages make 10,000 URLs, about 7 MB of XML, built and compressed in
/// well under a second.
pub const PRODUCTS_PER_CHILD: i64 = 2_000;

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['&', '<', '>', '"', '\'']) {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&apos;")
            .into()
    } else {
        s.into()
    }
}

/// One page in every language: a `<url>` per language, each listing all of them and `x-default` (English).
fn push_page(xml: &mut String, base: &str, paths: &[(Locale, String)]) {
    for (_, own) in paths {
        let _ = write!(xml, "<url><loc>{base}{}</loc>", escape(own));
        for (l, path) in paths {
            let _ = write!(
                xml,
                "<xhtml:link rel=\"alternate\" hreflang=\"{l}\" href=\"{base}{}\"/>",
                escape(path)
            );
        }
        if let Some((_, en)) = paths.iter().find(|(l, _)| *l == Locale::FALLBACK) {
            let _ = write!(
                xml,
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}{}\"/>",
                escape(en)
            );
        }
        xml.push_str("</url>\n");
    }
}

fn each_locale(f: impl Fn(Locale) -> String) -> Vec<(Locale, String)> {
    Locale::ALL.iter().map(|l| (*l, f(*l))).collect()
}

/// Home, categories, origins and shops.
fn push_pages(xml: &mut String, base: &str, shop: &Shopper, shops: &[String]) {
    push_page(xml, base, &each_locale(routes::home));
    for n in shop.tree.visible() {
        push_page(xml, base, &each_locale(|l| routes::category(l, &n.slug(l))));
    }
    for (cc, _) in crate::geo::ORIGINS {
        push_page(xml, base, &each_locale(|l| routes::origin(l, cc)));
    }
    for s in shops {
        push_page(xml, base, &each_locale(|l| routes::shop(l, s)));
    }
}

/// Products with `from <= id < to`; a language without a translation links to the page the product shows in
/// it (the original language's slug, as the product page redirects to).
fn push_products(
    xml: &mut String,
    conn: &mut DbConnection,
    base: &str,
    from: i64,
    to: i64,
) -> AppResult<()> {
    let rows = super::repo::sitemap_slugs(conn, from, to)?;
    let mut i = 0;
    while i < rows.len() {
        let id = rows[i].0;
        let original = Locale::parse(&rows[i].1).unwrap_or(Locale::FALLBACK);
        let mut slugs: HashMap<Locale, &str> = HashMap::new();
        while i < rows.len() && rows[i].0 == id {
            if let Some(l) = Locale::parse(&rows[i].2) {
                slugs.insert(l, rows[i].3.as_str());
            }
            i += 1;
        }
        let paths: Vec<(Locale, String)> = Locale::ALL
            .iter()
            .filter_map(|l| {
                cards::pick(&slugs, *l, original)
                    .map(|(_, slug)| (*l, routes::product(*l, id, slug)))
            })
            .collect();
        push_page(xml, base, &paths);
    }
    Ok(())
}

/// Which sitemap files exist: `None` when everything fits one file, else the numbers of the product children.
pub fn children(
    conn: &mut DbConnection,
    page_count: i64,
) -> AppResult<Option<std::ops::RangeInclusive<i64>>> {
    let (listed, lo, hi) = super::repo::sitemap_span(conn)?;
    let urls = (page_count + listed) * Locale::ALL.len() as i64;
    Ok(match (lo, hi) {
        (Some(lo), Some(hi)) if urls > MAX_URLS => {
            Some(lo / PRODUCTS_PER_CHILD..=hi / PRODUCTS_PER_CHILD)
        }
        _ => None,
    })
}

/// Pages other than products (each in five languages).
pub fn page_count(shop: &Shopper, shops: &[String]) -> i64 {
    (1 + shop.tree.visible().count() + crate::geo::ORIGINS.len() + shops.len()) as i64
}

/// `/sitemap.xml`: the whole store in one file, or the index.
pub fn root(
    conn: &mut DbConnection,
    base: &str,
    shop: &Shopper,
    shops: &[String],
) -> AppResult<String> {
    match children(conn, page_count(shop, shops))? {
        None => {
            let mut xml = String::from(URLSET_OPEN);
            push_pages(&mut xml, base, shop, shops);
            push_products(&mut xml, conn, base, i64::MIN, i64::MAX)?;
            xml.push_str(URLSET_CLOSE);
            Ok(xml)
        }
        Some(range) => {
            let mut xml = String::from(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            );
            let _ = writeln!(
                xml,
                "<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>"
            );
            for n in range {
                let _ = writeln!(
                    xml,
                    "<sitemap><loc>{base}/sitemap-products-{n}.xml</loc></sitemap>"
                );
            }
            xml.push_str("</sitemapindex>\n");
            Ok(xml)
        }
    }
}

/// `/sitemap-pages.xml`.
pub fn pages(base: &str, shop: &Shopper, shops: &[String]) -> String {
    let mut xml = String::from(URLSET_OPEN);
    push_pages(&mut xml, base, shop, shops);
    xml.push_str(URLSET_CLOSE);
    xml
}

/// `/sitemap-products-{n}.xml`; `None` when the index lists no such file.
pub fn products(
    conn: &mut DbConnection,
    base: &str,
    n: i64,
    page_count: i64,
) -> AppResult<Option<String>> {
    match children(conn, page_count)? {
        Some(range) if range.contains(&n) => {
            let mut xml = String::from(URLSET_OPEN);
            let from = n * PRODUCTS_PER_CHILD;
            push_products(&mut xml, conn, base, from, from + PRODUCTS_PER_CHILD)?;
            xml.push_str(URLSET_CLOSE);
            Ok(Some(xml))
        }
        _ => Ok(None),
    }
}

/// A file of the sitemap.
#[derive(Clone, Copy, Debug)]
pub enum File {
    Root,
    Pages,
    Products(i64),
}

/// Renders `file` (`None`: no such file). The category tree comes from the catalogue cache.
pub fn render(
    conn: &mut DbConnection,
    file: File,
    base: &str,
    shop: &Shopper,
) -> AppResult<Option<String>> {
    let shops = crate::shops::repo::approved_slugs(conn)?;
    match file {
        File::Root => root(conn, base, shop, &shops).map(Some),
        File::Pages => Ok(Some(pages(base, shop, &shops))),
        File::Products(n) => products(conn, base, n, page_count(shop, &shops)),
    }
}
