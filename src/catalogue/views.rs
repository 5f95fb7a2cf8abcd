//! Askama page structs of the catalogue. Everything is computed before rendering.

use askama::Template;

use super::cards::ProductCard;
use super::listing::{ListingQuery, Sort};
use super::service::{FacetLink, FacetOption, HomeData, ListingData, ProductData, ShopListing};
use crate::geo::CountryCode;
use crate::http::page::{Choice, PageCtx};
use crate::i18n::Locale;
use crate::routes;

#[derive(Template)]
#[template(path = "catalogue/home.html")]
pub struct HomePage {
    pub ctx: PageCtx,
    pub data: HomeData,
    /// Live campaigns for the hero slot, in staff order.
    pub promos: Vec<crate::campaigns::tiles::PromoTile>,
}

pub struct PageLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub struct Pager {
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "catalogue/listing.html")]
pub struct ListingPage {
    pub ctx: PageCtx,
    pub heading: String,
    pub intro: String,
    pub intro_lang: Option<&'static str>,
    /// A shop's rating from its products' reviews.
    pub rating: Option<crate::reviews::views::Rating>,
    pub breadcrumbs: Vec<(String, String)>,
    pub form_action: String,
    pub query: ListingQuery,
    pub cards: Vec<ProductCard>,
    pub total_label: String,
    pub origins: Vec<FacetOption>,
    /// Sizes, colours… with counts.
    pub value_facets: Vec<super::value_facets::ValueFacet>,
    pub categories: Vec<FacetLink>,
    pub in_stock_count: String,
    /// "Did you mean: leather bag?" with its link, when a misspelt word was corrected.
    pub did_you_mean: Option<(String, String)>,
    /// Why nothing ships to the shopper's destination ("ships to me" on a destination staff closed).
    pub closed_notice: Option<String>,
    /// Categories matching a search's words, on a page with few or no results: (name, link).
    pub matching_categories: Vec<(String, String)>,
    /// Whether the filter panel shows: not on an empty page with no filter to take away.
    pub show_filters: bool,
    /// "4★ and up" with its count, when any product has it.
    pub top_rated_count: Option<String>,
    /// "Ships to Kazakhstan": the filter by the shopper's market.
    pub ships_to_label: String,
    pub price_hint_min: String,
    pub price_hint_max: String,
    pub sort_choices: Vec<Choice>,
    pub pager: Pager,
    pub show_search_box: bool,
    pub empty_message: String,
    /// The shop's logo on shop pages.
    pub logo_url: Option<String>,
    /// Who sells, on shop pages.
    pub seller: Option<crate::shops::model::SellerIdentity>,
    /// On campaign pages: the campaign's hero and content, and its featured products.
    pub promo: Option<PromoHeader>,
    pub featured: Vec<ProductCard>,
    /// How many filters are set (shown on the closed "Filters" disclosure on phones).
    pub active_filters: usize,
}

/// The top of a campaign page.
pub struct PromoHeader {
    /// `upcoming`, `live` or `ended`.
    pub phase: &'static str,
    /// "Starts in 3 days", "Ends in 2 days 4 hours", "Ended on …".
    pub when: String,
    pub discount: String,
    pub subtitle: String,
    /// Sanitized HTML.
    pub body_html: String,
    pub text_lang: Option<&'static str>,
    pub hero: Option<(String, String)>,
    /// Set on staff previews.
    pub preview: Option<String>,
    pub promos_url: String,
}

impl ListingPage {
    pub fn new(
        ctx: PageCtx,
        heading: String,
        form_action: String,
        query: ListingQuery,
        data: ListingData,
    ) -> Self {
        let sort_choices = Sort::ALL
            .iter()
            .filter(|s| data.searched || **s != Sort::Relevance)
            .map(|s| Choice {
                value: s.as_str().to_string(),
                label: ctx.t(&format!("sort-{}", s.as_str().replace('_', "-"))),
                selected: *s == data.sort,
            })
            .collect();
        let link = |page: i64| format!("{form_action}{}", routes::query(&query.to_pairs(page)));
        let window_start = (data.page - 2).max(1);
        let window_end = (data.page + 2).min(data.pages);
        let pages = (window_start..=window_end)
            .map(|p| PageLink {
                label: ctx.tr.i18n().formatters.number(ctx.locale, p),
                href: link(p),
                current: p == data.page,
            })
            .collect();
        let pager = Pager {
            prev: (data.page > 1).then(|| link(data.page - 1)),
            next: (data.page < data.pages).then(|| match data.next_after {
                Some(cursor) => format!(
                    "{form_action}{}",
                    routes::query(&query.next_pairs(data.page + 1, cursor))
                ),
                None => link(data.page + 1),
            }),
            pages,
            summary: ctx.tr.t_args(
                "listing-page-of",
                &[
                    (
                        "page",
                        crate::i18n::Arg::Str(
                            &ctx.tr.i18n().formatters.number(ctx.locale, data.page),
                        ),
                    ),
                    (
                        "pages",
                        crate::i18n::Arg::Str(
                            &ctx.tr.i18n().formatters.number(ctx.locale, data.pages),
                        ),
                    ),
                ],
            ),
        };
        let total_label = ctx.tr.t_count("catalogue-product-count", data.total);
        let empty_message = match data.unusable {
            Some(crate::search::Unusable::TooShort) => ctx.t("search-too-short"),
            Some(crate::search::Unusable::TooLong) => ctx.t("search-too-long"),
            None if data.searched => ctx.t1("search-no-results", "query", &query.q),
            None => ctx.t("listing-empty"),
        };
        let active_filters = query.origins.len()
            + query.values.len()
            + usize::from(query.category.is_some())
            + usize::from(query.price_min.is_some() || query.price_max.is_some())
            + usize::from(query.in_stock)
            + usize::from(query.top_rated)
            + usize::from(query.ships_to_me);
        let ships_to_label = ctx.t1(
            "listing-ships-to-me",
            "country",
            &ctx.country_name(&ctx.market.ship_to),
        );
        let did_you_mean = data.suggestion.as_ref().map(|s| {
            (
                ctx.t1("search-did-you-mean", "query", s),
                routes::search_corrected(ctx.locale, s, &query.q),
            )
        });
        let closed_notice = data
            .closed
            .map(|(r, cc)| ctx.t1(&r.shopper_message_id(), "country", &ctx.country_name(&cc)));
        Self {
            did_you_mean,
            closed_notice,
            matching_categories: data.matching_categories,
            show_filters: data.total > 0 || active_filters > 0,
            active_filters,
            ships_to_label,
            heading,
            intro: String::new(),
            intro_lang: None,
            rating: None,
            breadcrumbs: Vec::new(),
            form_action,
            query,
            cards: data.cards,
            total_label,
            origins: data.origins,
            value_facets: data.value_facets,
            categories: data.categories,
            in_stock_count: data.in_stock_count,
            top_rated_count: data.top_rated_count,
            price_hint_min: data.price_hint_min,
            price_hint_max: data.price_hint_max,
            sort_choices,
            pager,
            show_search_box: false,
            logo_url: None,
            seller: None,
            promo: None,
            featured: Vec::new(),
            empty_message,
            ctx,
        }
    }
}

#[derive(Template)]
#[template(path = "catalogue/product.html")]
pub struct ProductPage {
    pub ctx: PageCtx,
    pub p: ProductData,
    pub shop_url: String,
    pub origin_url: String,
    pub origin_name: String,
    pub stock_label: String,
    pub report_url: String,
    pub json_ld: String,
    /// The product's own URL (the variant form's target).
    pub product_url: String,
    pub reviews: crate::reviews::views::Summary,
}

impl HomePage {
    pub fn new(ctx: PageCtx, data: HomeData, live: crate::campaigns::tiles::LiveCampaigns) -> Self {
        let promos = live.tiles(&ctx);
        HomePage { ctx, data, promos }
    }
}

impl ListingPage {
    /// A category's page: its breadcrumbs, and its own slug in every language.
    pub fn for_category(mut ctx: PageCtx, lq: ListingQuery, c: super::pages::CategoryData) -> Self {
        let l = ctx.locale;
        ctx.set_paths(&c.per_locale, "");
        let own = c
            .per_locale
            .iter()
            .find(|(x, _)| *x == l)
            .map(|(_, p)| p[3..].to_string())
            .unwrap_or_default();
        let mut page = ListingPage::new(ctx, c.name, routes::category(l, &own), lq, c.data);
        page.breadcrumbs = c.crumbs;
        page
    }

    /// Search results, with the search box and the query kept in every language's link.
    pub fn for_search(mut ctx: PageCtx, lq: ListingQuery, data: ListingData) -> Self {
        let l = ctx.locale;
        ctx.search_q = lq.q.clone();
        let per_locale: Vec<(Locale, String)> = Locale::ALL
            .iter()
            .map(|x| (*x, "/search".to_string()))
            .collect();
        ctx.set_paths(&per_locale, &routes::query(&[("q", lq.q.clone())]));
        let heading = if lq.q.is_empty() || data.unusable.is_some() {
            ctx.t("search-title")
        } else {
            ctx.t1("search-results-for", "query", &lq.q)
        };
        let mut page = ListingPage::new(ctx, heading, routes::search_base(l), lq, data);
        page.show_search_box = true;
        page
    }

    /// Products from one country of origin, with its heading and introduction.
    pub fn for_origin(ctx: PageCtx, cc: CountryCode, lq: ListingQuery, data: ListingData) -> Self {
        let heading = ctx.t(&format!("origin-heading-{}", cc.lower()));
        let intro = ctx.t(&format!("origin-intro-{}", cc.lower()));
        let base = routes::origin(ctx.locale, cc);
        let mut page = ListingPage::new(ctx, heading, base, lq, data);
        page.intro = intro;
        page
    }

    /// A shop's page: its products, the description, city and country, the logo and who sells.
    pub fn for_shop(ctx: PageCtx, base: String, lq: ListingQuery, shop: ShopListing) -> Self {
        let m = shop.merchant;
        let country = CountryCode::parse(&m.country)
            .map(|c| ctx.country_name(&c))
            .unwrap_or_default();
        let mut page = ListingPage::new(ctx, m.name.clone(), base, lq, shop.data);
        page.intro = format!("{} · {}, {}", shop.description.1, m.city, country);
        page.intro_lang = shop.description.0;
        page.logo_url = (!m.logo_path.is_empty()).then(|| routes::media(&m.logo_path));
        page.seller = m.identity(&page.ctx.tr);
        page.rating = crate::reviews::views::rating(&page.ctx, shop.rating.0, shop.rating.1);
        page
    }
}

impl ProductPage {
    /// The product page: links to every language's slug, the origin, stock, JSON-LD.
    pub fn new(mut ctx: PageCtx, p: ProductData) -> Self {
        let l = ctx.locale;
        let per_locale: Vec<(Locale, String)> = p
            .slugs
            .iter()
            .map(|(x, s)| (*x, format!("/p/{}-{s}", p.id)))
            .collect();
        ctx.set_paths(&per_locale, "");
        let stock_label = if p.variant.is_none() && !p.picker.groups.is_empty() {
            ctx.t("variant-not-made")
        } else if p.stock > 0 {
            ctx.tr.t_count("product-in-stock", i64::from(p.stock))
        } else {
            ctx.t("product-out-of-stock")
        };
        let all_reviews = routes::product_reviews(l, p.id, &p.slug_in(l), "");
        ProductPage {
            reviews: crate::reviews::views::summary(&ctx, &p.reviews, all_reviews),
            shop_url: routes::shop(l, &p.shop_slug),
            origin_url: routes::origin(l, p.origin),
            report_url: routes::report(l, p.id),
            product_url: routes::product(l, p.id, &p.slug_in(l)),
            origin_name: ctx.country_name(&p.origin),
            json_ld: json_ld(&ctx, &p),
            stock_label,
            p,
            ctx,
        }
    }
}

/// schema.org data: a `Product` with one `Offer`, or for a product with options a `ProductGroup` whose
/// `hasVariant` lists each variant on sale with its own offer.
fn json_ld(ctx: &PageCtx, p: &ProductData) -> String {
    let currency =
        crate::money::Currency::parse(&p.currency).unwrap_or(crate::money::Currency::BASE);
    let price = |minor: i64| crate::money::Money::new(minor, currency).plain_decimal();
    let availability = |in_stock: bool| {
        if in_stock {
            "https://schema.org/InStock"
        } else {
            "https://schema.org/OutOfStock"
        }
    };
    let seller = serde_json::json!({
        "@type": "Organization",
        "name": p.shop_name,
        "legalName": p.seller.as_ref().map(|s| s.legal_name.as_str()),
    });
    let images: Vec<String> = p
        .images
        .iter()
        .map(|i| format!("{}{}", ctx.public_url, i.url))
        .collect();
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.title,
        "description": p.description,
        "sku": p.sku,
        "image": images,
        "countryOfOrigin": p.origin.as_str(),
        "brand": { "@type": "Brand", "name": p.shop_name },
        "offers": {
            "@type": "Offer",
            "url": ctx.canonical,
            "price": price(p.price_minor),
            "priceCurrency": p.currency,
            "availability": availability(p.stock > 0),
            "seller": seller,
        },
    });
    if !p.offers.is_empty() {
        let variants: Vec<serde_json::Value> = p
            .offers
            .iter()
            .map(|o| {
                serde_json::json!({
                    "@type": "Product",
                    "sku": o.sku,
                    "name": format!("{} ({})", p.title, o.label),
                    "offers": {
                        "@type": "Offer",
                        "url": format!("{}{}", ctx.public_url, o.url),
                        "price": price(o.price_minor),
                        "priceCurrency": p.currency,
                        "availability": availability(o.in_stock),
                        "seller": seller,
                    },
                })
            })
            .collect();
        value = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "ProductGroup",
            "name": p.title,
            "description": p.description,
            "productGroupID": p.id.to_string(),
            "image": images,
            "countryOfOrigin": p.origin.as_str(),
            "brand": { "@type": "Brand", "name": p.shop_name },
            "variesBy": p.picker.groups.iter().map(|g| g.schema_property()).collect::<Vec<_>>(),
            "hasVariant": variants,
        });
    }
    // Ratings belong to the product, or to the group of its variants.
    let stars = &p.reviews.stars;
    if stars.count > 0 {
        // Machine-read: a plain decimal with one digit ("4.7").
        let tenths = stars.average_tenths();
        value["aggregateRating"] = serde_json::json!({
            "@type": "AggregateRating",
            "ratingValue": format!("{}.{}", tenths / 10, tenths % 10),
            "reviewCount": stars.count,
            "bestRating": 5,
            "worstRating": 1,
        });
        let reviews: Vec<serde_json::Value> = p
            .reviews
            .items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "@type": "Review",
                    "author": { "@type": "Person", "name": i.row.author },
                    "datePublished": i.row.created_at.date().to_string(),
                    "inLanguage": i.row.lang,
                    "name": i.row.title,
                    "reviewBody": i.row.body,
                    "reviewRating": { "@type": "Rating", "ratingValue": i.row.rating, "bestRating": 5, "worstRating": 1 },
                })
            })
            .collect();
        value["review"] = serde_json::Value::Array(reviews);
    }
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
