//! The merchant's view of campaigns: which live or upcoming campaigns include the shop's products, and at
//! what price (in the shop's currency).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::service;
use super::views::{self, MerchantPromosPage};
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::extract::Lang;
use crate::http::render_status;
use crate::http::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/promos", web::get().to(page));
    super::participation_handlers::configure(cfg);
}

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Area { shop, ctx, chrome } = area::enter(&req, &state, lang.0, &user, "/promos").await?;
    let (at, shop_id) = (state.clock.now(), shop.id);
    let view = state
        .db(move |c| service::merchant_view(c, shop_id, at))
        .await?;
    let page = MerchantPromosPage {
        promos: views::merchant_promos(&ctx, &chrome, &view, at),
        open: super::participation_views::open_lines(&ctx, chrome.zone, &view.open, at),
        chrome,
        ctx,
    };
    render_status(&page, StatusCode::OK)
}
