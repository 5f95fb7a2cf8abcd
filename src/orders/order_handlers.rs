//! Thin handlers for orders: the shopper's history, order page and cancel; the merchant's orders and status
//! actions; the staff's read-only view. Each viewer only ever finds the orders it may see (others are 404).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::manage::{self, OrderFilter, Viewer};
use super::model::{Action, OrderStatus};
use super::order_views::{self, order_page};
use super::views::{Chrome, OrdersPage};
use crate::backoffice::merchant as area;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::{RequireMerchant, RequireStaff, RequireUser};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders", web::get().to(my_orders))
        .route("/orders/{number}", web::get().to(my_order))
        .route("/orders/{number}/cancel", web::post().to(cancel_mine))
        .route("/merchant/orders", web::get().to(shop_orders))
        .route("/merchant/orders/{number}", web::get().to(shop_order))
        .route("/merchant/orders/{number}/status", web::post().to(shop_act))
        .route("/merchant/orders/{number}/slip", web::get().to(shop_slip))
        .route("/staff/orders", web::get().to(staff_orders))
        .route("/staff/orders/{number}", web::get().to(staff_order));
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

/// A date typed as `YYYY-MM-DD` (a date input's value).
pub(super) fn parse_date(s: &str) -> Option<time::Date> {
    time::Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

async fn list_page(
    ctx: PageCtx,
    state: &web::Data<AppState>,
    viewer: Viewer,
    area: Chrome,
    base: String,
    q: &ListQuery,
) -> AppResult<OrdersPage> {
    let filter = OrderFilter {
        status: OrderStatus::parse(&q.status),
        from: parse_date(&q.from),
        to: parse_date(&q.to),
        page: q.page.unwrap_or(1).clamp(1, 10_000),
    };
    let f = filter.clone();
    let (rows, total) = state.db(move |c| Ok(manage::list(c, viewer, &f)?)).await?;
    let pairs = [
        ("status", q.status.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ];
    let list = order_views::OrderList {
        viewer,
        base,
        filter,
        pairs,
        rows,
        total,
    };
    Ok(order_views::orders_page(ctx, area, list))
}

#[allow(clippy::too_many_arguments)]
async fn show(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    lang: Lang,
    viewer: Viewer,
    area: Chrome,
    base: String,
    number: String,
    problem: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let loaded = state.db(move |c| manage::load(c, viewer, &number)).await?;
    let ctx = PageCtx::build(req, state, lang.0);
    let page = order_page(ctx, viewer, area, &base, loaded, problem);
    render_status(&page, status)
}

// ---------- shopper ----------

pub async fn my_orders(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    q: web::Query<ListQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let base = routes::orders(lang.0);
    let page = list_page(
        ctx,
        &state,
        Viewer::Shopper(user.0.id),
        Chrome::Shopper,
        base,
        &q,
    )
    .await?;
    render_status(&page, StatusCode::OK)
}

pub async fn my_order(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: RequireUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let number = path.into_inner().1;
    let base = routes::orders(lang.0);
    let viewer = Viewer::Shopper(user.0.id);
    show(
        &req,
        &state,
        lang,
        viewer,
        Chrome::Shopper,
        base,
        number,
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct ActForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    tracking: String,
    #[serde(default)]
    carrier: String,
    #[serde(default)]
    reason: String,
}

impl ActForm {
    /// The merchant's status action as typed (tracking number and reason normalized).
    fn action(&self) -> Option<Action> {
        Some(match self.action.as_str() {
            "paid" => Action::MarkPaid,
            "shipped" => Action::MarkShipped {
                tracking: crate::http::forms::normalize(&self.tracking)
                    .chars()
                    .take(64)
                    .collect(),
                carrier: match self.carrier.trim() {
                    "" => super::carriers::OTHER.to_string(),
                    c => c.to_string(),
                },
            },
            "delivered" => Action::MarkDelivered,
            "cancel" => Action::Cancel {
                reason: crate::http::forms::normalize(&self.reason),
            },
            _ => return None,
        })
    }
}

pub async fn cancel_mine(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: RequireUser,
    session: Session,
    form: web::Form<ActForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let number = path.into_inner().1;
    let viewer = Viewer::Shopper(user.0.id);
    let action = Action::Cancel {
        reason: crate::http::forms::normalize(&form.reason),
    };
    let base = routes::orders(lang.0);
    act(
        &req,
        &state,
        &session,
        lang,
        viewer,
        user.0.id,
        Chrome::Shopper,
        base,
        number,
        action,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn act(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    session: &Session,
    lang: Lang,
    viewer: Viewer,
    actor: i64,
    area: Chrome,
    base: String,
    number: String,
    action: Action,
) -> AppResult<HttpResponse> {
    let n = number.clone();
    let now = state.clock.now();
    let result = state
        .write(move |c| manage::act(c, viewer, actor, &n, &action, now))
        .await?;
    match result {
        Ok(_) => {
            SessionData(session).set_flash("order-updated");
            Ok(see_other(&format!("{base}/{number}")))
        }
        Err(why) => {
            let msg = PageCtx::build(req, state, lang.0).t(why);
            show(
                req,
                state,
                lang,
                viewer,
                area,
                base,
                number,
                Some(msg),
                StatusCode::CONFLICT,
            )
            .await
        }
    }
}

// ---------- merchant ----------

pub async fn shop_orders(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    q: web::Query<ListQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/orders").await?;
    let base = routes::merchant(lang.0, "/orders");
    let viewer = Viewer::Merchant(a.shop.id);
    let page = list_page(a.ctx, &state, viewer, Chrome::Merchant(a.chrome), base, &q).await?;
    render_status(&page, StatusCode::OK)
}

pub async fn shop_order(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let number = path.into_inner().1;
    let a = area::enter(&req, &state, lang.0, &user, "/orders").await?;
    let base = routes::merchant(lang.0, "/orders");
    let viewer = Viewer::Merchant(a.shop.id);
    show(
        &req,
        &state,
        lang,
        viewer,
        Chrome::Merchant(a.chrome),
        base,
        number,
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn shop_act(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<ActForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let number = path.into_inner().1;
    let action = form
        .action()
        .ok_or_else(|| AppError::new(ErrorCode::BadRequest))?;
    let a = area::enter(&req, &state, lang.0, &user, "/orders").await?;
    let base = routes::merchant(lang.0, "/orders");
    let viewer = Viewer::Merchant(a.shop.id);
    act(
        &req,
        &state,
        &session,
        lang,
        viewer,
        user.0.id,
        Chrome::Merchant(a.chrome),
        base,
        number,
        action,
    )
    .await
}

// ---------- staff ----------

fn staff_chrome(ctx: &PageCtx, state: &AppState) -> crate::backoffice::staff::StaffChrome {
    crate::backoffice::staff::chrome(ctx, "/orders", &[], state.config.rate_max_age_days)
}

/// `GET /{lang}/merchant/orders/{number}/slip`: the packing slip with the customs declaration's fields.
pub async fn shop_slip(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/orders").await?;
    let (shop, number) = (a.shop.id, path.into_inner().1);
    let back = routes::merchant(lang.0, &format!("/orders/{number}"));
    let data = state
        .db(move |c| super::slip::load(c, shop, &number))
        .await?;
    let page = super::slip::page(a.ctx, Chrome::Merchant(a.chrome), back, data);
    render_status(&page, StatusCode::OK)
}

pub async fn staff_orders(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    q: web::Query<ListQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome = staff_chrome(&ctx, &state);
    let base = routes::staff(lang.0, "/orders");
    let page = list_page(ctx, &state, Viewer::Staff, Chrome::Staff(chrome), base, &q).await?;
    render_status(&page, StatusCode::OK)
}

pub async fn staff_order(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let number = path.into_inner().1;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome = staff_chrome(&ctx, &state);
    let base = routes::staff(lang.0, "/orders");
    show(
        &req,
        &state,
        lang,
        Viewer::Staff,
        Chrome::Staff(chrome),
        base,
        number,
        None,
        StatusCode::OK,
    )
    .await
}
