//! The merchant's view of campaigns: which live or upcoming campaigns include the shop's products, and at
//! what price (in the shop's currency).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::repo;
use super::views::{MerchantPromo, MerchantPromosPage};
use crate::backoffice::merchant::{self as area, Area};
use crate::campaigns::pricing::{self, ProductKey};
use crate::catalogue::model::ProductRow;
use crate::catalogue::service::tree_now;
use crate::db::schema::{product_translations, products};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::extract::Lang;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::money::{Currency, Money};
use crate::routes;

/// Products listed per campaign on the page.
const SHOWN: usize = 50;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/promos", web::get().to(page));
}

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Area { shop, ctx, chrome } = area::enter(&req, &state, lang.0, &user, "/promos").await?;
    let at = state.clock.now();
    let (l, shop_id) = (lang.0, shop.id);
    let (rows, texts, targets, mine, titles) = state
        .db(move |c| {
            let rows = repo::current(c, at)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let tree = tree_now(c)?;
            let targets = pricing::targets_of(c, &ids, &tree)?;
            let mine: Vec<ProductRow> = products::table
                .filter(products::merchant_id.eq(shop_id))
                .filter(products::status.ne("archived"))
                .order(products::id)
                .select(ProductRow::as_select())
                .load(c)?;
            let pids: Vec<i64> = mine.iter().map(|p| p.id).collect();
            let titles: Vec<(i64, String, String)> = product_translations::table
                .filter(product_translations::product_id.eq_any(&pids))
                .select((
                    product_translations::product_id,
                    product_translations::locale,
                    product_translations::title,
                ))
                .load(c)?;
            Ok((rows, repo::texts_of(c, &ids)?, targets, mine, titles))
        })
        .await?;
    let title_of = |p: &ProductRow| {
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
    let promos = rows
        .iter()
        .filter_map(|p| {
            let t = targets.get(&p.id)?;
            let hits: Vec<&ProductRow> = mine
                .iter()
                .filter(|x| {
                    pricing::matches(
                        t,
                        ProductKey {
                            id: x.id,
                            merchant_id: x.merchant_id,
                            category_id: x.category_id,
                            origin: &x.origin,
                        },
                    )
                })
                .collect();
            if hits.is_empty() {
                return None;
            }
            let own: Vec<crate::campaigns::model::PromoText> = texts
                .iter()
                .filter(|x| x.promo_id == p.id)
                .cloned()
                .collect();
            let text = repo::pick(&own, l)?;
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
                when: crate::campaigns::tiles::when_line(&ctx.tr, p, at, chrome.zone),
                discount: crate::campaigns::tiles::discount_label(&ctx.tr, p.discount_percent),
                products,
                more: (hits.len() > SHOWN)
                    .then(|| ctx.t_count("merchant-promos-more", &((hits.len() - SHOWN) as i64))),
            })
        })
        .collect();
    let page = MerchantPromosPage {
        promos,
        chrome,
        ctx,
    };
    render_status(&page, StatusCode::OK)
}
