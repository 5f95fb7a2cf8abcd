//! Listing parameters from the query string: facets, sort and paging. Bad values are ignored, never an error.

use crate::geo::{is_origin, CountryCode};
use crate::i18n::parse_major_amount;
use crate::money::Currency;

pub const PAGE_SIZE: i64 = 24;
/// Deep pages are bounded: past this a shopper refines the filters (keeps every page fast).
pub const MAX_PAGE: i64 = 200;
/// Option values one listing filters by at most.
pub const MAX_VALUES: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
    BestRated,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::Newest,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::BestRated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::BestRated => "rating",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListingQuery {
    pub q: String,
    pub origins: Vec<CountryCode>,
    /// Child category chosen inside the page's category (or any category on search/origin/shop pages).
    pub category: Option<String>,
    /// Bounds in minor units of the shopper's display currency.
    pub price_min: Option<i64>,
    pub price_max: Option<i64>,
    /// As typed, to re-show in the form.
    pub price_min_raw: String,
    pub price_max_raw: String,
    pub in_stock: bool,
    /// Only products whose shop ships to the shopper's country (`ships_to_me=1`).
    pub ships_to_me: bool,
    /// Only products rated 4★ and up (`rating=4`).
    pub top_rated: bool,
    /// Option values chosen (`value=ID`, repeatable): sizes, colours… (grouped by option when resolved).
    pub values: Vec<i64>,
    /// The shopper's ship-to country (from the market, not the URL).
    pub ship_to: Option<CountryCode>,
    pub sort: Sort,
    pub page: i64,
    /// Keyset position from a "next" link: (sort key, id) of the previous page's last product.
    pub after: Option<(i64, i64)>,
}

impl ListingQuery {
    /// Records the shopper's ship-to country, which `ships_to_me` filters by and cards quote shipping to.
    pub fn shipping_to(mut self, cc: CountryCode) -> Self {
        self.ship_to = Some(cc);
        self
    }

    pub fn parse(query_string: &str, currency: Currency) -> Self {
        let mut q = ListingQuery {
            page: 1,
            ..Default::default()
        };
        for (k, v) in form_urlencoded::parse(query_string.as_bytes()) {
            let v = v.trim();
            match k.as_ref() {
                // Control characters are no text anyone types (and PostgreSQL refuses NUL in text).
                "q" => q.q = v.chars().filter(|c| !c.is_control()).take(200).collect(),
                "origin" => {
                    if let Some(cc) = CountryCode::parse(v).filter(|c| is_origin(*c)) {
                        if !q.origins.contains(&cc) {
                            q.origins.push(cc);
                        }
                    }
                }
                "category" if !v.is_empty() && v.len() <= 120 => q.category = Some(v.to_string()),
                "price_min" => {
                    q.price_min_raw = v.chars().take(24).collect();
                    q.price_min = parse_major_amount(v, currency.minor_digits());
                }
                "price_max" => {
                    q.price_max_raw = v.chars().take(24).collect();
                    q.price_max = parse_major_amount(v, currency.minor_digits());
                }
                "in_stock" => q.in_stock = matches!(v, "1" | "true" | "on"),
                "value" => {
                    if let Ok(id) = v.parse::<i64>() {
                        if id > 0 && !q.values.contains(&id) && q.values.len() < MAX_VALUES {
                            q.values.push(id);
                        }
                    }
                }
                "ships_to_me" => q.ships_to_me = matches!(v, "1" | "true" | "on"),
                "rating" => q.top_rated = v == "4",
                "sort" => q.sort = Sort::parse(v).unwrap_or_default(),
                "page" => q.page = v.parse::<i64>().unwrap_or(1).clamp(1, MAX_PAGE),
                "after" => q.after = parse_cursor(v),
                _ => {}
            }
        }
        q.origins.sort();
        q.values.sort_unstable();
        q
    }

    /// The query string for this listing with some changes (used by pagination and facet links).
    pub fn to_pairs(&self, page: i64) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(("q", self.q.clone()));
        }
        for o in &self.origins {
            out.push(("origin", o.as_str().to_string()));
        }
        if let Some(c) = &self.category {
            out.push(("category", c.clone()));
        }
        if !self.price_min_raw.is_empty() {
            out.push(("price_min", self.price_min_raw.clone()));
        }
        if !self.price_max_raw.is_empty() {
            out.push(("price_max", self.price_max_raw.clone()));
        }
        for v in &self.values {
            out.push(("value", v.to_string()));
        }
        if self.in_stock {
            out.push(("in_stock", "1".to_string()));
        }
        if self.ships_to_me {
            out.push(("ships_to_me", "1".to_string()));
        }
        if self.top_rated {
            out.push(("rating", "4".to_string()));
        }
        if self.sort != Sort::Relevance {
            out.push(("sort", self.sort.as_str().to_string()));
        }
        if page > 1 {
            out.push(("page", page.to_string()));
        }
        out
    }

    /// The query string of the page after `page`, starting right after the product with `cursor`.
    pub fn next_pairs(&self, page: i64, cursor: (i64, i64)) -> Vec<(&'static str, String)> {
        let mut out = self.to_pairs(page);
        out.push(("after", format!("{}_{}", cursor.0, cursor.1)));
        out
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * PAGE_SIZE
    }
}

/// `key_id` as written by [`ListingQuery::next_pairs`]; anything else is ignored.
fn parse_cursor(v: &str) -> Option<(i64, i64)> {
    let (key, id) = v.split_once('_')?;
    Some((key.parse().ok()?, id.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_facets_and_ignores_garbage() {
        let q = ListingQuery::parse(
            "origin=IT&origin=tr&origin=XX&origin=IT&price_min=10&price_max=abc&in_stock=1&sort=price_desc&page=999999",
            Currency::Eur,
        );
        assert!(!q.top_rated);
        assert_eq!(q.origins, vec![CountryCode::IT, CountryCode::TR]);
        assert_eq!(q.price_min, Some(1000));
        assert_eq!(q.price_max, None);
        assert!(q.in_stock);
        assert_eq!(q.sort, Sort::PriceDesc);
        assert_eq!(q.page, MAX_PAGE);
        let q = ListingQuery::parse("page=-3&sort=bogus&%ZZ=1", Currency::Eur);
        assert_eq!(q.page, 1);
        assert_eq!(q.sort, Sort::Relevance);
        assert_eq!(q.after, None);
        let q = ListingQuery::parse("rating=4&sort=rating", Currency::Eur);
        assert!(q.top_rated);
        assert_eq!(q.sort, Sort::BestRated);
        assert!(q.to_pairs(1).contains(&("rating", "4".to_string())));
        assert!(!ListingQuery::parse("rating=5", Currency::Eur).top_rated);
    }

    #[test]
    fn a_next_link_round_trips_its_cursor() {
        let q = ListingQuery::parse("sort=newest&page=3", Currency::Eur);
        let pairs = q.next_pairs(4, (1_764_000_000_123_456_000, 42));
        let qs: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let next = ListingQuery::parse(&qs, Currency::Eur);
        assert_eq!(next.page, 4);
        assert_eq!(next.sort, Sort::Newest);
        assert_eq!(next.after, Some((1_764_000_000_123_456_000, 42)));
        // The facet and sort links of that page start over without it.
        assert!(!next.to_pairs(1).iter().any(|(k, _)| *k == "after"));
        for bad in ["after=12", "after=x_1", "after=1_", "after=_5"] {
            assert_eq!(ListingQuery::parse(bad, Currency::Eur).after, None, "{bad}");
        }
    }
}
