//! What every merchant page shares: the signed-in merchant's shop, the page context and the navigation.

use actix_web::{web, HttpRequest};

use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::i18n::Locale;
use crate::routes;
use crate::shops::model::MerchantRow;
use crate::shops::shop;

/// Navigation and the shop banner shown on every merchant page.
pub struct MerchantChrome {
    /// (label, href, current).
    pub nav: Vec<(String, String, bool)>,
    pub shop_name: String,
    /// Shown while staff have suspended the shop.
    pub suspended: Option<String>,
    /// The shop's time zone: the merchant area shows instants in it.
    pub zone: &'static str,
}

/// Previous / next page links and "page x of y".
pub struct Paging {
    pub prev: Option<String>,
    pub next: Option<String>,
    pub label: String,
}

/// The shop behind the request, its page context and navigation.
pub struct Area {
    pub shop: MerchantRow,
    pub ctx: PageCtx,
    pub chrome: MerchantChrome,
}

/// The signed-in merchant's shop (403 for a merchant account without an approved or suspended shop).
pub async fn my_shop(
    state: &web::Data<AppState>,
    user: &RequireMerchant,
) -> AppResult<MerchantRow> {
    let uid = user.0.id;
    state.db(move |c| shop::owned(c, uid)).await
}

pub async fn enter(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    locale: Locale,
    user: &RequireMerchant,
    current: &str,
) -> AppResult<Area> {
    let shop = my_shop(state, user).await?;
    Ok(area_for(req, state, locale, shop, current))
}

pub fn area_for(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    locale: Locale,
    shop: MerchantRow,
    current: &str,
) -> Area {
    let ctx = PageCtx::build(req, state, locale);
    let chrome = chrome(&ctx, &shop, current);
    Area { shop, ctx, chrome }
}

pub fn chrome(ctx: &PageCtx, shop: &MerchantRow, current: &str) -> MerchantChrome {
    let l = ctx.locale;
    let nav = [
        ("", "merchant-nav-overview"),
        ("/orders", "merchant-nav-orders"),
        ("/payouts", "merchant-nav-payouts"),
        ("/vat", "merchant-nav-vat"),
        ("/products", "merchant-nav-products"),
        ("/translations", "merchant-nav-translations"),
        ("/promos", "merchant-nav-promos"),
        ("/coupons", "merchant-nav-coupons"),
        ("/reviews", "merchant-nav-reviews"),
        ("/analytics", "merchant-nav-analytics"),
        ("/shipping", "merchant-nav-shipping"),
        ("/profile", "merchant-nav-profile"),
        ("/import", "merchant-nav-import"),
    ]
    .iter()
    .map(|(rest, id)| (ctx.t(id), routes::merchant(l, rest), *rest == current))
    .collect();
    MerchantChrome {
        nav,
        shop_name: shop.name.clone(),
        suspended: (shop.status == crate::shops::model::MerchantStatus::Suspended)
            .then(|| ctx.t("merchant-suspended-banner")),
        zone: crate::geo::CountryCode::parse(&shop.country).map_or("UTC", crate::zones::of_country),
    }
}

/// Paging links for a list of `total` rows, `size` per page, keeping the other query pairs.
pub fn paging(
    ctx: &PageCtx,
    base: &str,
    pairs: &[(&str, String)],
    page: i64,
    total: i64,
    size: i64,
) -> Paging {
    let pages = ((total + size - 1) / size).max(1);
    let link = |p: i64| {
        let mut q: Vec<(&str, String)> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .cloned()
            .collect();
        if p > 1 {
            q.push(("page", p.to_string()));
        }
        format!("{base}{}", routes::query(&q))
    };
    Paging {
        prev: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
        label: ctx.tr.t_args(
            "merchant-page-of",
            &[
                (
                    "page",
                    crate::i18n::Arg::Str(&ctx.tr.i18n().formatters.number(ctx.locale, page)),
                ),
                (
                    "pages",
                    crate::i18n::Arg::Str(&ctx.tr.i18n().formatters.number(ctx.locale, pages)),
                ),
            ],
        ),
    }
}
