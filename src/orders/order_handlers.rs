//! Thin handlers for orders: the shopper's history, order page and cancel; the merchant's orders and status
//! actions; the staff's read-only view. Each viewer only ever finds the orders it may see (others are 404).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::manage::{self, OrderFilter, Viewer};
use super::model::{Action, OrderEvent, OrderLineRow, OrderRow, OrderStatus, PaymentMethod};
use super::views::{Chrome, OrderAction, OrderLineView, OrderListRow, OrderPage, OrdersPage};
use crate::backoffice::merchant as area;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::geo::CountryCode;
use crate::http::auth::{RequireMerchant, RequireStaff, RequireUser};
use crate::http::extract::Lang;
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::i18n::{Arg, Locale};
use crate::money::{Currency, Money};
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders", web::get().to(my_orders))
        .route("/orders/{number}", web::get().to(my_order))
        .route("/orders/{number}/cancel", web::post().to(cancel_mine))
        .route("/merchant/orders", web::get().to(shop_orders))
        .route("/merchant/orders/{number}", web::get().to(shop_order))
        .route("/merchant/orders/{number}/status", web::post().to(shop_act))
        .route("/staff/orders", web::get().to(staff_orders))
        .route("/staff/orders/{number}", web::get().to(staff_order));
}

/// Where the viewer's clock is: a shopper's in their market's country, a merchant's in their shop's; staff
/// work in UTC.
fn zone_of<'a>(ctx: &'a PageCtx, area: &Chrome) -> &'a str {
    match area {
        Chrome::Shopper => crate::zones::of_country(ctx.market.ship_to),
        Chrome::Merchant(c) => c.zone,
        Chrome::Staff(_) => ctx.staff_zone(),
    }
}

/// An instant as the viewer's wall-clock time, in the locale's CLDR date-time pattern (UTC is said so, and staff
/// see the zone they chose named).
fn when(ctx: &PageCtx, t: time::PrimitiveDateTime, zone: &str) -> String {
    match ctx.user.as_ref().map(|u| u.role) {
        Some(crate::identity::model::Role::Staff) => ctx.when_zoned(t, zone),
        _ => ctx.when(t, zone),
    }
}

fn status_code(s: &str) -> &'static str {
    OrderStatus::parse(s).map_or("awaiting_payment", OrderStatus::as_str)
}

fn status_label(ctx: &PageCtx, s: &str) -> String {
    OrderStatus::parse(s).map_or_else(|| s.to_string(), |st| ctx.t(&st.message_id()))
}

/// Amounts are shown in the shopper's currency to shoppers and staff, in the merchant's to merchants.
fn merchant_view(viewer: Viewer) -> bool {
    matches!(viewer, Viewer::Merchant(_))
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

fn parse_date(s: &str) -> Option<time::Date> {
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
    let is_merchant = merchant_view(viewer);
    let zone = zone_of(&ctx, &area);
    let rows = rows
        .into_iter()
        .map(|(o, shop)| {
            let total = if is_merchant {
                Money::new(o.merchant_total_minor, currency(&o.merchant_currency))
            } else {
                Money::new(o.total_minor, currency(&o.currency))
            };
            OrderListRow {
                url: format!("{base}/{}", o.number),
                date: when(&ctx, o.created_at, zone),
                shop,
                status: status_label(&ctx, &o.status),
                status_code: status_code(&o.status),
                total: ctx.money(&total),
                number: o.number,
            }
        })
        .collect();
    let mut statuses = vec![Choice {
        value: String::new(),
        label: ctx.t("merchant-filter-all"),
        selected: filter.status.is_none(),
    }];
    statuses.extend(OrderStatus::ALL.iter().map(|s| Choice {
        value: s.as_str().to_string(),
        label: ctx.t(&s.message_id()),
        selected: filter.status == Some(*s),
    }));
    let paging = area::paging(
        &ctx,
        &base,
        &[
            ("status", q.status.clone()),
            ("from", q.from.clone()),
            ("to", q.to.clone()),
        ],
        filter.page,
        total,
        manage::PAGE_SIZE,
    );
    Ok(OrdersPage {
        heading: ctx.t("orders-title"),
        show_dates: !matches!(viewer, Viewer::Shopper(_)),
        form_action: base,
        from: q.from.clone(),
        to: q.to.clone(),
        total: ctx.t_count("orders-count", &total),
        area,
        rows,
        statuses,
        paging,
        ctx,
    })
}

fn currency(code: &str) -> Currency {
    Currency::parse(code).unwrap_or(Currency::BASE)
}

struct Loaded {
    order: OrderRow,
    lines: Vec<OrderLineRow>,
    events: Vec<OrderEvent>,
    shop: String,
}

fn order_page(
    ctx: PageCtx,
    viewer: Viewer,
    area: Chrome,
    base: &str,
    d: Loaded,
    problem: Option<String>,
) -> OrderPage {
    let Loaded {
        order: o,
        lines,
        events,
        shop,
    } = d;
    let mine = merchant_view(viewer);
    let zone = zone_of(&ctx, &area);
    let (cur, other) = if mine {
        (currency(&o.merchant_currency), currency(&o.currency))
    } else {
        (currency(&o.currency), currency(&o.merchant_currency))
    };
    let amount = |shopper: i64, merchant: i64| {
        ctx.money(&Money::new(if mine { merchant } else { shopper }, cur))
    };
    let status = OrderStatus::parse(&o.status).unwrap_or(OrderStatus::AwaitingPayment);
    let payment = PaymentMethod::parse(&o.payment_method).unwrap_or(PaymentMethod::BankTransfer);
    let mut actions = Vec::new();
    match viewer {
        Viewer::Merchant(_) => {
            use OrderStatus::*;
            if status == AwaitingPayment {
                actions.push(OrderAction {
                    value: "paid",
                    label: ctx.t("order-action-paid"),
                    field: None,
                });
            }
            if status == Paid
                || (status == AwaitingPayment && payment == PaymentMethod::CashOnDelivery)
            {
                actions.push(OrderAction {
                    value: "shipped",
                    label: ctx.t("order-action-shipped"),
                    field: Some(("tracking", ctx.t("order-tracking"), true)),
                });
            }
            if status == Shipped {
                actions.push(OrderAction {
                    value: "delivered",
                    label: ctx.t("order-action-delivered"),
                    field: None,
                });
            }
            if matches!(status, AwaitingPayment | Paid) {
                actions.push(OrderAction {
                    value: "cancel",
                    label: ctx.t("order-action-cancel"),
                    field: Some(("reason", ctx.t("order-cancel-reason"), true)),
                });
            }
        }
        Viewer::Shopper(_) => {
            if matches!(status, OrderStatus::AwaitingPayment | OrderStatus::Paid) {
                actions.push(OrderAction {
                    value: "cancel",
                    label: ctx.t("order-action-cancel-mine"),
                    field: Some(("reason", ctx.t("order-cancel-reason-optional"), false)),
                });
            }
        }
        Viewer::Staff => {}
    }
    let country = CountryCode::parse(&o.ship_country)
        .map(|c| ctx.country_name(&c))
        .unwrap_or_default();
    let total_other = (cur != other).then(|| {
        ctx.money(&Money::new(
            if mine {
                o.total_minor
            } else {
                o.merchant_total_minor
            },
            other,
        ))
    });
    let rate_note = (currency(&o.currency) != currency(&o.merchant_currency)).then(|| {
        // 1 unit of the merchant's currency in the shopper's, at the snapshotted rates (display only).
        let f = &ctx.tr.i18n().formatters;
        let per =
            i128::from(o.shopper_rate_micros) * 10_000 / i128::from(o.merchant_rate_micros.max(1));
        ctx.tr.t_args(
            "order-rate-note",
            &[
                ("from", Arg::Str(currency(&o.merchant_currency).code())),
                ("to", Arg::Str(currency(&o.currency).code())),
                (
                    "rate",
                    Arg::Str(&f.decimal(ctx.locale, i64::try_from(per).unwrap_or(0), 4)),
                ),
            ],
        )
    });
    let l = ctx.locale;
    OrderPage {
        number: o.number.clone(),
        shop,
        status: ctx.t(&status.message_id()),
        status_code: status.as_str(),
        placed: when(&ctx, o.created_at, zone),
        payment: ctx.t(&payment.message_id()),
        lines: lines
            .iter()
            .map(|li| OrderLineView {
                title: li.title.clone(),
                title_lang: Locale::parse(&li.title_locale)
                    .filter(|x| *x != l)
                    .map(Locale::code),
                sku: li.sku.clone(),
                quantity: ctx.tr.i18n().formatters.number(l, i64::from(li.quantity)),
                unit: amount(li.unit_shopper_minor, li.unit_minor),
                line: amount(li.line_shopper_minor, li.line_minor),
            })
            .collect(),
        subtotal: amount(o.subtotal_minor, o.merchant_subtotal_minor),
        shipping: amount(o.shipping_minor, o.merchant_shipping_minor),
        total: amount(o.total_minor, o.merchant_total_minor),
        total_other,
        rate_note,
        address: [
            o.ship_name.clone(),
            o.ship_line1.clone(),
            o.ship_line2.clone(),
            format!("{} {}", o.ship_postal_code, o.ship_city),
            country,
            o.ship_phone.clone(),
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect(),
        delivery: ctx.tr.t_args(
            "cart-delivery-days",
            &[
                ("min", Arg::Num(i64::from(o.delivery_days_min))),
                ("max", Arg::Num(i64::from(o.delivery_days_max))),
            ],
        ),
        tracking: (!o.tracking_number.is_empty()).then(|| o.tracking_number.clone()),
        cancel_reason: (!o.cancel_reason.is_empty()).then(|| o.cancel_reason.clone()),
        timeline: events
            .iter()
            .map(|e| {
                (
                    when(&ctx, e.created_at, zone),
                    status_label(&ctx, &e.status),
                    e.note.clone(),
                )
            })
            .collect(),
        action_url: match viewer {
            Viewer::Merchant(_) => format!("{base}/{}/status", o.number),
            _ => format!("{base}/{}/cancel", o.number),
        },
        actions,
        problem,
        back_url: base.to_string(),
        area,
        ctx,
    }
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
    let (order, lines, events, shop) = state.db(move |c| manage::load(c, viewer, &number)).await?;
    let ctx = PageCtx::build(req, state, lang.0);
    let page = order_page(
        ctx,
        viewer,
        area,
        &base,
        Loaded {
            order,
            lines,
            events,
            shop,
        },
        problem,
    );
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
    let base = format!("/{}/orders", lang.0);
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
    let base = format!("/{}/orders", lang.0);
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
    reason: String,
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
    let base = format!("/{}/orders", lang.0);
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
    let action = match form.action.as_str() {
        "paid" => Action::MarkPaid,
        "shipped" => Action::MarkShipped {
            tracking: crate::http::forms::normalize(&form.tracking)
                .chars()
                .take(64)
                .collect(),
        },
        "delivered" => Action::MarkDelivered,
        "cancel" => Action::Cancel {
            reason: crate::http::forms::normalize(&form.reason),
        },
        _ => return Err(AppError::new(ErrorCode::BadRequest)),
    };
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

pub async fn staff_orders(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    q: web::Query<ListQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome = staff_chrome(&ctx, &state);
    let base = format!("/{}/staff/orders", lang.0);
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
    let base = format!("/{}/staff/orders", lang.0);
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
