//! VAT collected over a period: staff see every destination in euros (what IOSS and OSS returns need), a shop
//! its own orders in its currency; both as a page and as CSV.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::vat_report::{self, Scope};
use super::vat_views::{csv, vat_page, Period};
use super::views::Chrome;
use crate::backoffice::merchant as area;
use crate::error::AppResult;
use crate::http::auth::{RequireMerchant, RequireStaff};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/vat", web::get().to(shop_vat))
        .route("/staff/taxes/collected", web::get().to(staff_vat));
}

#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    format: String,
}

async fn report(
    ctx: PageCtx,
    state: &web::Data<AppState>,
    (scope, area, base): (Scope, Chrome, String),
    q: &PeriodQuery,
) -> AppResult<HttpResponse> {
    let period = Period::read(&q.from, &q.to, state.clock.now().date());
    let (from, to) = (period.from, period.to);
    let sums = state
        .db(move |c| vat_report::collected(c, scope, from, to))
        .await?;
    if q.format == "csv" {
        return Ok(csv(&period, &sums));
    }
    render_status(&vat_page(ctx, area, (base, &period), &sums), StatusCode::OK)
}

/// `GET /{lang}/merchant/vat`: the VAT on the shop's orders over a period.
pub async fn shop_vat(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    q: web::Query<PeriodQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/vat").await?;
    let scope = Scope::Shop(a.shop.id);
    let base = routes::merchant(lang.0, "/vat");
    report(a.ctx, &state, (scope, Chrome::Merchant(a.chrome), base), &q).await
}

/// `GET /{lang}/staff/taxes/collected`: VAT collected per destination over a period, in euros.
pub async fn staff_vat(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    q: web::Query<PeriodQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let days = state.config.rate_max_age_days;
    let chrome = crate::backoffice::staff::chrome(&ctx, "/taxes", &[], days);
    let base = routes::staff(lang.0, "/taxes/collected");
    report(ctx, &state, (Scope::Staff, Chrome::Staff(chrome), base), &q).await
}
