//! Page structs for campaign pages (public and staff).

use askama::Template;

use actix_web::HttpRequest;
use time::PrimitiveDateTime;

use super::service::Live;
use crate::backoffice::staff::StaffChrome;
use crate::campaigns::model::Phase;
use crate::campaigns::schedule;
use crate::campaigns::tiles::{discount_label, when_line, PromoTile};
use crate::catalogue::listing::ListingQuery;
use crate::catalogue::views::{ListingPage, PromoHeader};
use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};
use crate::i18n::Locale;
use crate::routes;

#[derive(Template)]
#[template(path = "promos/index.html")]
pub struct PromosPage {
    pub ctx: PageCtx,
    pub live: Vec<PromoTile>,
    pub upcoming: Vec<PromoTile>,
}

#[derive(Template)]
#[template(path = "promos/ended.html")]
pub struct EndedPage {
    pub ctx: PageCtx,
    pub title: String,
    pub when: String,
    /// Why there is nothing to see: the campaign is over, or it is for other markets or languages.
    pub note: String,
    pub preview: Option<String>,
}

pub struct StaffPromoLine {
    pub id: crate::ids::PromoId,
    pub name: String,
    pub status: String,
    pub phase: String,
    pub window: String,
    pub discount: String,
    pub edit_url: String,
    pub preview_url: Option<String>,
    pub analytics_url: String,
}

#[derive(Template)]
#[template(path = "promos/staff_list.html")]
pub struct StaffPromosPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<StaffPromoLine>,
}

pub struct PromoLangSection {
    pub code: &'static str,
    pub name: &'static str,
    pub fields: Vec<Field>,
    pub preview_url: Option<String>,
}

/// A group of checkboxes (targets).
pub struct CheckGroup {
    pub legend: String,
    pub name: &'static str,
    pub options: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "promos/staff_form.html")]
pub struct StaffPromoForm {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub heading: String,
    pub action: String,
    pub fields: Vec<Field>,
    pub targets: Vec<CheckGroup>,
    pub target_fields: Vec<Field>,
    /// Markets, languages, and the campaign's switches.
    pub audience: Vec<CheckGroup>,
    /// Each market's start and end as typed: (market, start, end), in the market's zone and in UTC.
    pub instants: Vec<(String, String, String)>,
    /// Finding products by name to add to the campaign.
    pub finder: Finder,
    /// The preview form: languages, markets, and the start as a default instant (staff's zone).
    pub preview_langs: Vec<crate::http::page::Choice>,
    pub preview_markets: Vec<crate::http::page::Choice>,
    pub preview_at: String,
    pub languages: Vec<PromoLangSection>,
    pub summary: Vec<(String, String)>,
    /// For a stored campaign: (id, published, hero url).
    pub stored: Option<(crate::ids::PromoId, bool, Option<String>)>,
    pub hero_error: Option<String>,
}

/// What a search of names found: products (id, title, SKU), shops and categories (id, name or path).
#[derive(Default)]
pub struct Found {
    pub q: String,
    pub products: Vec<(i64, String, String)>,
    pub shops: Vec<(i64, String)>,
    pub categories: Vec<(i64, String)>,
}

impl Found {
    pub fn is_empty(&self) -> bool {
        self.products.is_empty() && self.shops.is_empty() && self.categories.is_empty()
    }
}

/// The search on a campaign's edit page (no script needed: search, tick, add).
#[derive(Default)]
pub struct Finder {
    pub action: String,
    pub add_url: String,
    pub searched: bool,
    pub found: Found,
}

/// A shop's products in one campaign, for the merchant.
pub struct MerchantPromo {
    pub title: String,
    pub url: String,
    pub when: String,
    pub discount: String,
    /// (product title, regular price, campaign price).
    pub products: Vec<(String, String, String)>,
    pub more: Option<String>,
}

#[derive(Template)]
#[template(path = "promos/merchant.html")]
pub struct MerchantPromosPage {
    pub ctx: PageCtx,
    pub chrome: crate::backoffice::merchant::MerchantChrome,
    pub promos: Vec<MerchantPromo>,
    pub open: Vec<super::participation_views::OpenLine>,
}

/// The campaign's URL under its own slug, keeping the query (filters, staff preview).
pub fn own_slug_url(req: &HttpRequest, l: Locale, own: &str) -> String {
    match req.query_string() {
        "" => routes::promo(l, own),
        q => format!("{}?{q}", routes::promo(l, own)),
    }
}

/// The banner of a staff preview: "Preview at …".
fn preview_note(ctx: &PageCtx, preview: Option<PrimitiveDateTime>) -> Option<String> {
    preview.map(|p| {
        ctx.t1(
            "promo-preview-banner",
            "at",
            &schedule::show(&ctx.tr, p, ctx.staff_zone()),
        )
    })
}

pub fn ended_page(
    ctx: PageCtx,
    title: String,
    when: String,
    note_id: &str,
    preview: Option<PrimitiveDateTime>,
) -> EndedPage {
    EndedPage {
        title,
        when,
        note: ctx.t(note_id),
        preview: preview_note(&ctx, preview),
        ctx,
    }
}

/// A live or upcoming campaign: its header above the listing of what it discounts.
pub fn live_page(
    mut ctx: PageCtx,
    lq: ListingQuery,
    live: Live,
    at: PrimitiveDateTime,
    preview: Option<PrimitiveDateTime>,
) -> ListingPage {
    let Live {
        data,
        featured,
        promo,
        text: t,
        slugs,
    } = live;
    let l = ctx.locale;
    let per_locale: Vec<(Locale, String)> = slugs
        .iter()
        .map(|(x, s)| (*x, format!("/promo/{s}")))
        .collect();
    ctx.set_paths(&per_locale, "");
    let header = PromoHeader {
        phase: match promo.phase(at) {
            Phase::Upcoming => "upcoming",
            Phase::Live => "live",
            Phase::Ended => "ended",
        },
        when: when_line(
            &ctx.tr,
            &promo,
            at,
            crate::zones::of_country(ctx.market.ship_to),
        ),
        discount: discount_label(&ctx.tr, promo.discount_percent),
        subtitle: t.subtitle.clone(),
        body_html: crate::markdown::render(&t.body),
        text_lang: Locale::parse(&t.locale)
            .filter(|x| *x != l)
            .map(Locale::code),
        hero: (!promo.hero_path.is_empty())
            .then(|| (routes::media(&promo.hero_path), t.hero_alt.clone())),
        preview: preview_note(&ctx, preview),
        promos_url: routes::promos(l),
    };
    let base = routes::promo(l, &t.slug);
    let mut page = ListingPage::new(ctx, t.title.clone(), base, lq, data);
    page.promo = Some(header);
    page.featured = featured;
    page
}

/// Products listed per campaign on the merchant's page.
const SHOWN: usize = 50;

/// The current campaigns that include some of the shop's products, each with those products' regular and
/// campaign prices in the shop's currency.
pub fn merchant_promos(
    ctx: &PageCtx,
    chrome: &crate::backoffice::merchant::MerchantChrome,
    view: &super::service::MerchantView,
    at: PrimitiveDateTime,
) -> Vec<MerchantPromo> {
    use crate::campaigns::pricing::{self, ProductKey};
    use crate::catalogue::model::ProductRow;
    use crate::money::{Currency, Money};
    let l = ctx.locale;
    let title_of = |p: &ProductRow| {
        let titles = &view.titles;
        titles
            .iter()
            .find(|t| t.0 == p.id && t.1 == l.code())
            .or_else(|| {
                titles
                    .iter()
                    .find(|t| t.0 == p.id && t.1 == p.original_lang)
            })
            .map_or(p.sku.clone(), |t| t.2.clone())
    };
    view.rows
        .iter()
        .filter_map(|p| {
            let t = view.targets.get(&p.id)?;
            let hits: Vec<&ProductRow> = view
                .mine
                .iter()
                .filter(|x| {
                    let key = ProductKey {
                        id: x.id,
                        merchant_id: x.merchant_id,
                        category_id: x.category_id,
                        origin: &x.origin,
                    };
                    pricing::matches(t, key)
                })
                .collect();
            if hits.is_empty() {
                return None;
            }
            let own: Vec<crate::campaigns::model::PromoText> = view
                .texts
                .iter()
                .filter(|x| x.promo_id == p.id)
                .cloned()
                .collect();
            let text = super::repo::pick(&own, l)?;
            let products = hits
                .iter()
                .take(SHOWN)
                .map(|x| {
                    let cur = Currency::parse(&x.currency).unwrap_or(Currency::BASE);
                    let regular = Money::new(x.price_minor, cur);
                    let promo =
                        crate::money::percent_off(regular, p.discount_percent).unwrap_or(regular);
                    (title_of(x), ctx.money(&regular), ctx.money(&promo))
                })
                .collect();
            Some(MerchantPromo {
                title: text.title.clone(),
                url: routes::promo(l, &text.slug),
                when: when_line(&ctx.tr, p, at, chrome.zone),
                discount: discount_label(&ctx.tr, p.discount_percent),
                products,
                more: (hits.len() > SHOWN)
                    .then(|| ctx.t_count("merchant-promos-more", &((hits.len() - SHOWN) as i64))),
            })
        })
        .collect()
}
