//! Thin handlers for the coupon pages: staff (`/staff/coupons`, the marketplace's codes) and merchants
//! (`/merchant/coupons`, the shop's own codes, in its currency). The rules are in `form.rs` and `service.rs`.

use actix_web::{web, HttpRequest, HttpResponse};

use super::form::{CouponForm, Owner};
use super::service;
use super::views::{self, Chrome};
use crate::backoffice::merchant as area;
use crate::error::{AppError, AppResult};
use crate::http::auth::{RequireMerchant, RequireStaff};
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{form_status, FormErrors};
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::http::{csv_download, render_status};
use crate::money::Currency;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/coupons", web::get().to(staff_list))
        .route("/staff/coupons", web::post().to(staff_create))
        .route("/staff/coupons/{id}/active", web::post().to(staff_toggle))
        .route("/staff/coupons/batch/{label}.csv", web::get().to(staff_csv))
        .route("/merchant/coupons", web::get().to(merchant_list))
        .route("/merchant/coupons", web::post().to(merchant_create))
        .route(
            "/merchant/coupons/{id}/active",
            web::post().to(merchant_toggle),
        )
        .route(
            "/merchant/coupons/batch/{label}.csv",
            web::get().to(merchant_csv),
        );
}

/// Whose codes a page shows, in what zone and currency.
struct Who {
    ctx: PageCtx,
    area: Chrome,
    owner: Owner,
    zone: String,
}

fn staff_who(req: &HttpRequest, state: &web::Data<AppState>, l: crate::i18n::Locale) -> Who {
    let ctx = PageCtx::build(req, state, l);
    let chrome =
        crate::backoffice::staff::chrome(&ctx, "/coupons", &[], state.config.rate_max_age_days);
    let zone = ctx.staff_zone().to_string();
    Who {
        ctx,
        area: Chrome::Staff(chrome),
        owner: Owner {
            shop: None,
            currency: None,
        },
        zone,
    }
}

async fn merchant_who(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    l: crate::i18n::Locale,
    user: &RequireMerchant,
) -> AppResult<Who> {
    let a = area::enter(req, state, l, user, "/coupons").await?;
    let currency = Currency::parse(&a.shop.currency);
    Ok(Who {
        zone: a.chrome.zone.to_string(),
        ctx: a.ctx,
        area: Chrome::Merchant(a.chrome),
        owner: Owner {
            shop: Some(a.shop.id),
            currency,
        },
    })
}

/// The list and the form (blank, or as typed with its errors).
async fn show(
    state: &web::Data<AppState>,
    w: Who,
    f: Option<CouponForm>,
    e: FormErrors,
) -> AppResult<HttpResponse> {
    let shop = w.owner.shop;
    let rows = state.db(move |c| Ok(super::repo::list(c, shop)?)).await?;
    let staff = shop.is_none();
    let lines = views::lines(&w.ctx, staff, &rows, &w.zone);
    let f = f.unwrap_or_else(|| CouponForm::blank(w.owner.currency.unwrap_or(Currency::BASE)));
    let status = form_status(&e);
    render_status(
        &views::page(w.ctx, w.area, lines, &f, &e, w.owner.currency),
        status,
    )
}

async fn create(
    state: &web::Data<AppState>,
    w: Who,
    checked: Checked<Vec<(String, String)>>,
    actor: i64,
) -> AppResult<HttpResponse> {
    let f = CouponForm::from_pairs(&checked.form);
    let (f2, owner, l, zone, now) = (
        f.clone(),
        w.owner,
        w.ctx.locale,
        w.zone.clone(),
        state.clock.now(),
    );
    let made = state
        .db(move |c| service::create(c, &f2, owner, l, &zone, actor, now))
        .await?;
    match made {
        Ok(_) => Ok(checked.saved(
            "coupon-created",
            &views::url(&w.ctx, owner.shop.is_none(), ""),
        )),
        Err(e) => show(state, w, Some(f), e).await,
    }
}

#[derive(serde::Deserialize)]
pub struct Toggle {
    #[serde(default)]
    active: String,
}

async fn toggle(
    state: &web::Data<AppState>,
    w: Who,
    id: i64,
    checked: Checked<Toggle>,
    actor: i64,
) -> AppResult<HttpResponse> {
    let (shop, on, now) = (w.owner.shop, checked.form.active == "1", state.clock.now());
    let found = state
        .db(move |c| service::set_active(c, id, shop, on, actor, now))
        .await?;
    if !found {
        return Err(AppError::not_found());
    }
    Ok(checked.saved("staff-saved", &views::url(&w.ctx, shop.is_none(), "")))
}

async fn batch_csv(
    state: &web::Data<AppState>,
    shop: Option<i64>,
    label: String,
) -> AppResult<HttpResponse> {
    let l2 = label.clone();
    let rows = state
        .db(move |c| Ok(super::repo::batch(c, &l2, shop)?))
        .await?;
    if rows.is_empty() {
        return Err(AppError::not_found());
    }
    let body = views::batch_csv(&rows).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(csv_download(&format!("coupons-{label}.csv"), body))
}

pub async fn staff_list(
    req: HttpRequest,
    lang: Lang,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let w = staff_who(&req, &state, lang.0);
    show(&state, w, None, FormErrors::default()).await
}

pub async fn staff_create(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let w = staff_who(&req, &state, lang.0);
    create(&state, w, checked, staff.0.id).await
}

pub async fn staff_toggle(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    checked: Checked<Toggle>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let w = staff_who(&req, &state, lang.0);
    toggle(&state, w, path.into_inner().1, checked, staff.0.id).await
}

pub async fn staff_csv(
    path: web::Path<(String, String)>,
    _s: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    batch_csv(&state, None, path.into_inner().1).await
}

pub async fn merchant_list(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let w = merchant_who(&req, &state, lang.0, &user).await?;
    show(&state, w, None, FormErrors::default()).await
}

pub async fn merchant_create(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let w = merchant_who(&req, &state, lang.0, &user).await?;
    create(&state, w, checked, user.0.id).await
}

pub async fn merchant_toggle(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    checked: Checked<Toggle>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let w = merchant_who(&req, &state, lang.0, &user).await?;
    toggle(&state, w, path.into_inner().1, checked, user.0.id).await
}

pub async fn merchant_csv(
    path: web::Path<(String, String)>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let shop = area::my_shop(&state, &user).await?.id;
    batch_csv(&state, Some(shop), path.into_inner().1).await
}
