//! Thin handlers for the report pages: a campaign's (staff), the marketplace's over 30 or 90 days (staff), and
//! a shop's over 30 or 90 days (its merchant), each with its tables as CSV.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::report::{self, Report};
use super::views::{self, Chrome};
use crate::backoffice::merchant as area;
use crate::catalogue::service::rates_at;
use crate::error::{AppError, AppResult};
use crate::http::auth::{RequireMerchant, RequireStaff};
use crate::http::extract::Lang;
use crate::http::page::{Choice, PageCtx};
use crate::http::state::AppState;
use crate::http::{csv_download, render_status};
use crate::ids::PromoId;
use crate::money::Currency;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/promos/{id}/analytics", web::get().to(campaign))
        .route(
            "/staff/promos/{id}/analytics.csv",
            web::get().to(campaign_csv),
        )
        .route("/staff/analytics", web::get().to(platform))
        .route("/staff/analytics.csv", web::get().to(platform_csv))
        .route("/merchant/analytics", web::get().to(shop))
        .route("/merchant/analytics.csv", web::get().to(shop_csv));
}

#[derive(serde::Deserialize, Default)]
pub struct Ask {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    days: Option<i64>,
    #[serde(default)]
    table: String,
}

impl Ask {
    fn currency(&self, default: Currency) -> Currency {
        Currency::parse(&self.currency).unwrap_or(default)
    }

    /// 30 or 90 days.
    fn days(&self) -> i64 {
        if self.days == Some(90) {
            90
        } else {
            30
        }
    }

    fn query(&self, cur: Currency, table: &str) -> String {
        format!(
            "?currency={}&days={}&table={table}",
            cur.code(),
            self.days()
        )
    }
}

fn periods(ctx: &PageCtx, days: i64) -> Vec<Choice> {
    [30, 90]
        .iter()
        .map(|d| Choice {
            value: d.to_string(),
            label: ctx.t_count("analytics-days", d),
            selected: *d == days,
        })
        .collect()
}

/// Campaign `id`'s report in `cur`, with its title in `l`.
async fn campaign_report(
    state: &AppState,
    id: PromoId,
    cur: Currency,
    l: crate::i18n::Locale,
) -> AppResult<(Report, String)> {
    let now = state.clock.now();
    state
        .db(move |c| {
            use crate::campaigns::repo as campaigns;
            let p = campaigns::by_id(c, id)?.ok_or_else(AppError::not_found)?;
            let texts = campaigns::texts_of(c, &[id])?;
            let title = campaigns::pick(&texts, l).map_or(p.name.clone(), |t| t.title.clone());
            let rates = rates_at(c, now)?;
            Ok((report::campaign(c, &p, &rates, cur, now)?, title))
        })
        .await
}

pub async fn campaign(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    q: web::Query<Ask>,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, cur) = (path.1, q.currency(Currency::BASE));
    let (r, title) = campaign_report(&state, id, cur, lang.0).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome =
        crate::backoffice::staff::chrome(&ctx, "/promos", &[], state.config.rate_max_age_days);
    let base = crate::routes::staff_area::promo(lang.0, id, "analytics");
    let heading = ctx.t1("analytics-campaign-title", "title", &title);
    let csv = |t: &str| format!("{base}.csv{}", q.query(cur, t));
    let page = views::page(
        ctx,
        Chrome::Staff(chrome),
        heading,
        &r,
        csv,
        base.clone(),
        Vec::new(),
        true,
    );
    render_status(&page, StatusCode::OK)
}

pub async fn campaign_csv(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    q: web::Query<Ask>,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, cur) = (path.1, q.currency(Currency::BASE));
    let (r, _) = campaign_report(&state, id, cur, lang.0).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    respond_csv(&ctx, &r, &q.table, &format!("campaign-{id}"))
}

fn respond_csv(ctx: &PageCtx, r: &Report, table: &str, name: &str) -> AppResult<HttpResponse> {
    if !views::TABLES.iter().any(|t| t.0 == table) {
        return Err(AppError::not_found());
    }
    let body = views::csv(ctx, r, table).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(csv_download(&format!("{name}-{table}.csv"), body))
}

async fn period_report(
    state: &AppState,
    shop: Option<i64>,
    days: i64,
    cur: Currency,
) -> AppResult<Report> {
    let now = state.clock.now();
    state
        .db(move |c| {
            let rates = rates_at(c, now)?;
            report::period(c, shop, days, &rates, cur, now)
        })
        .await
}

pub async fn platform(
    req: HttpRequest,
    lang: Lang,
    q: web::Query<Ask>,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let cur = q.currency(Currency::BASE);
    let r = period_report(&state, None, q.days(), cur).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome =
        crate::backoffice::staff::chrome(&ctx, "/analytics", &[], state.config.rate_max_age_days);
    let base = crate::routes::staff(lang.0, "/analytics");
    let (heading, periods) = (ctx.t("analytics-platform-title"), periods(&ctx, q.days()));
    let csv = |t: &str| format!("{base}.csv{}", q.query(cur, t));
    let page = views::page(
        ctx,
        Chrome::Staff(chrome),
        heading,
        &r,
        csv,
        base.clone(),
        periods,
        true,
    );
    render_status(&page, StatusCode::OK)
}

pub async fn platform_csv(
    req: HttpRequest,
    lang: Lang,
    q: web::Query<Ask>,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let r = period_report(&state, None, q.days(), q.currency(Currency::BASE)).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    respond_csv(&ctx, &r, &q.table, "marketplace")
}

/// The signed-in merchant's shop, the reporting currency (the shop's unless asked) and its report.
async fn shop_report(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    l: crate::i18n::Locale,
    user: &RequireMerchant,
    q: &Ask,
) -> AppResult<(area::Area, Currency, Report)> {
    let a = area::enter(req, state, l, user, "/analytics").await?;
    let cur = q.currency(Currency::parse(&a.shop.currency).unwrap_or(Currency::BASE));
    let r = period_report(state, Some(a.shop.id), q.days(), cur).await?;
    Ok((a, cur, r))
}

pub async fn shop(
    req: HttpRequest,
    lang: Lang,
    q: web::Query<Ask>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (a, cur, r) = shop_report(&req, &state, lang.0, &user, &q).await?;
    let base = crate::routes::merchant(lang.0, "/analytics");
    let (heading, periods) = (a.ctx.t("analytics-shop-title"), periods(&a.ctx, q.days()));
    let csv = |t: &str| format!("{base}.csv{}", q.query(cur, t));
    let page = views::page(
        a.ctx,
        Chrome::Merchant(a.chrome),
        heading,
        &r,
        csv,
        base.clone(),
        periods,
        false,
    );
    render_status(&page, StatusCode::OK)
}

pub async fn shop_csv(
    req: HttpRequest,
    lang: Lang,
    q: web::Query<Ask>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (a, _, r) = shop_report(&req, &state, lang.0, &user, &q).await?;
    respond_csv(&a.ctx, &r, &q.table, "shop")
}
