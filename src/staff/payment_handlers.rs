//! Staff payments (`/staff/payments`): search by payment reference, order number or shop; each payment with its
//! orders and refunds; refunds not through yet (with "retry now"); webhook events that matched no payment.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::handlers::{stale_codes, url, when};
use super::money_views::{DisputeView, PaymentView, PaymentsPage, RefundView};
use crate::audit::{self, Act};
use crate::backoffice::staff::chrome;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::checked::{Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render;
use crate::http::state::AppState;
use crate::money::{Currency, Money};
use crate::payments::disputes::{self, DisputeRow};
use crate::payments::refunds::{self, RefundRow};
use crate::payments::search::{self, PaymentLine};

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

fn money(ctx: &PageCtx, minor: i64, code: &str) -> String {
    ctx.money(&Money::new(
        minor,
        Currency::parse(code).unwrap_or(Currency::BASE),
    ))
}

fn refund_view(ctx: &PageCtx, r: &RefundRow, order: String) -> RefundView {
    RefundView {
        order,
        amount: money(ctx, r.amount_minor, &r.currency),
        status: ctx.t(&format!("refund-status-{}", r.status)),
        attempts: ctx
            .tr
            .i18n()
            .formatters
            .number(ctx.locale, i64::from(r.attempts)),
        failure: if r.failure.is_empty() {
            String::new()
        } else {
            ctx.t(&format!("refund-failure-{}", r.failure.replace('_', "-")))
        },
        retry_url: (r.status == "failed")
            .then(|| url(ctx.locale, &format!("/payments/refunds/{}/retry", r.id))),
    }
}

fn payment_view(ctx: &PageCtx, p: &PaymentLine) -> PaymentView {
    let l = ctx.locale;
    let number_of = |order: i64| p.orders.iter().find(|o| o.0 == order).map(|o| o.1.clone());
    PaymentView {
        when: when(ctx, p.payment.created_at),
        amount: money(ctx, p.payment.amount_minor, &p.payment.currency),
        status: ctx.t(&format!("payment-status-{}", p.payment.status)),
        reference: p.payment.provider_ref.clone().unwrap_or_default(),
        failure: match p.payment.failure_code.as_str() {
            "" => String::new(),
            "orders_changed" => ctx.t("staff-payment-orders-changed"),
            code => ctx.t1("staff-payment-card-refused", "code", code),
        },
        orders: p
            .orders
            .iter()
            .map(|(_, n, _, st)| {
                let label = ctx.t(&format!("order-status-{}", st.replace('_', "-")));
                (n.clone(), url(l, &format!("/orders/{n}")), label)
            })
            .collect(),
        refunds: p
            .refunds
            .iter()
            .map(|r| refund_view(ctx, r, number_of(r.order_id).unwrap_or_default()))
            .collect(),
    }
}

fn dispute_view(ctx: &PageCtx, (d, payment): &(DisputeRow, Option<String>)) -> DisputeView {
    DisputeView {
        when: when(ctx, d.created_at),
        amount: money(ctx, d.amount_minor, &d.currency),
        status: ctx.t(&format!(
            "dispute-status-{}",
            disputes::Stage::of(&d.status).key()
        )),
        reason: d.reason.replace('_', " "),
        reference: d.provider_ref.clone(),
        payment_url: payment
            .as_ref()
            .map(|p| format!("{}?q={p}", url(ctx.locale, "/payments"))),
    }
}

/// What the page found: payments, refunds not through, disputes needing a look, odd webhook events.
pub struct Found {
    payments: Vec<PaymentLine>,
    open: Vec<RefundRow>,
    disputes: Vec<(DisputeRow, Option<String>)>,
    odd: Vec<(String, String, String, time::PrimitiveDateTime)>,
    stale: Vec<String>,
}

fn found(
    c: &mut crate::db::DbConnection,
    text: &str,
    (max_age, now): (i64, time::PrimitiveDateTime),
) -> AppResult<Found> {
    Ok(Found {
        payments: search::find(c, text, 50)?,
        open: refunds::open_refunds(c, 50)?,
        disputes: disputes::needing_attention(c, 50)?,
        odd: search::odd_events(c, 20)?,
        stale: stale_codes(c, max_age, now)?,
    })
}

fn page(ctx: PageCtx, q: String, f: Found, max_age: i64) -> PaymentsPage {
    PaymentsPage {
        chrome: chrome(&ctx, "/payments", &f.stale, max_age),
        q,
        payments: f.payments.iter().map(|p| payment_view(&ctx, p)).collect(),
        open_refunds: f
            .open
            .iter()
            .map(|r| refund_view(&ctx, r, format!("#{}", r.order_id)))
            .collect(),
        disputes: f.disputes.iter().map(|d| dispute_view(&ctx, d)).collect(),
        odd_events: f
            .odd
            .into_iter()
            .map(|(id, kind, outcome, at)| (id, kind, outcome, when(&ctx, at)))
            .collect(),
        ctx,
    }
}

pub async fn payments_page(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    q: web::Query<SearchQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let text = q.q.clone();
    let f = state.db(move |c| found(c, &text, (max_age, now))).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    render(&page(ctx, q.q.clone(), f, max_age))
}

pub async fn retry_refund(
    lang: Lang,
    staff: RequireStaff,
    path: web::Path<(String, i64)>,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, actor, now) = (path.into_inner().1, staff.0.id, state.clock.now());
    let act = Act {
        actor,
        action: "refund.retry",
        subject: format!("refund#{id}"),
        now,
    };
    let retried = state
        .db(move |c| {
            Ok(audit::if_changed(c, &act, |c| {
                refunds::retry_now(c, id, now)
            })?)
        })
        .await?;
    let flash = if retried {
        "refund-retry-queued"
    } else {
        "refund-retry-not-failed"
    };
    Ok(checked.saved(flash, &url(lang.0, "/payments")))
}
