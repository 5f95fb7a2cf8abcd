//! The shop's money (`/merchant/payouts`): what it is owed — pending until the buyer-protection window ends,
//! available, paid out — from the ledger, in its currency, and its latest ledger transactions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::area_views::{PayoutsPage, StatementRow};
use super::statement_csv;
use crate::backoffice::merchant::{self as area, Area};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::RequireMerchant;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::money::{Currency, Money};
use crate::payments::ledger::{self, StatementLine};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/payouts", web::get().to(payouts))
        .route(
            "/merchant/payouts/statement.csv",
            web::get().to(statement_file),
        );
}

#[derive(Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// Lines one statement file holds at most.
const FILE_LINES: i64 = 50_000;

/// Statement lines shown.
const LINES: i64 = 100;

struct Money3 {
    pending: i64,
    available: i64,
    in_payout: i64,
    paid_out: i64,
}

fn totals(balances: &[(String, String, i64)], currency: &str) -> Money3 {
    let of = |account: &str| {
        balances
            .iter()
            .filter(|(a, c, _)| a == account && c == currency)
            .map(|(_, _, v)| *v)
            .sum::<i64>()
    };
    Money3 {
        pending: -of("merchant_pending"),
        available: -of("merchant_available"),
        in_payout: -of("merchant_in_payout"),
        paid_out: -of("merchant_paid_out"),
    }
}

fn rows(
    ctx: &PageCtx,
    zone: &str,
    lines: Vec<StatementLine>,
    numbers: &[(i64, String)],
) -> Vec<StatementRow> {
    let l = ctx.locale;
    lines
        .into_iter()
        .map(|s| {
            let cur = Currency::parse(&s.currency).unwrap_or(Currency::BASE);
            let number = s
                .order_id
                .and_then(|id| numbers.iter().find(|(o, _)| *o == id))
                .map(|(_, n)| n.clone());
            StatementRow {
                when: ctx.when(s.at, zone),
                what: ctx.t(&format!("ledger-kind-{}", s.kind)),
                order_url: number
                    .as_ref()
                    .map(|n| crate::routes::merchant(l, &format!("/orders/{n}"))),
                order: number.unwrap_or_default(),
                to_shop: ctx.money(&Money::new(s.to_shop, cur)),
                commission: ctx.money(&Money::new(s.commission, cur)),
            }
        })
        .collect()
}

pub async fn payouts(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/payouts").await?;
    let shop = area.shop.id;
    let (balances, lines, numbers) = state
        .db(move |c| {
            let lines = ledger::statement(c, shop, LINES)?;
            let ids: Vec<i64> = lines.iter().filter_map(|s| s.order_id).collect();
            let numbers = crate::orders::manage::numbers_of_shop(c, shop, &ids)?;
            Ok((ledger::balances(c, shop)?, lines, numbers))
        })
        .await?;
    let Area { ctx, chrome, shop } = area;
    let cur = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let t = totals(&balances, cur.code());
    let page = PayoutsPage {
        pending: ctx.money(&Money::new(t.pending, cur)),
        available: ctx.money(&Money::new(t.available, cur)),
        in_payout: (t.in_payout != 0).then(|| ctx.money(&Money::new(t.in_payout, cur))),
        paid_out: ctx.money(&Money::new(t.paid_out, cur)),
        rows: rows(&ctx, chrome.zone, lines, &numbers),
        chrome,
        ctx,
    };
    render_status(&page, StatusCode::OK)
}

/// The statement for a period as a CSV download (400 for a period that is not one).
pub async fn statement_file(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    q: web::Query<PeriodQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/payouts").await?;
    let today = state.clock.now().date();
    let p = statement_csv::period(&q.from, &q.to, today)
        .ok_or_else(|| AppError::new(ErrorCode::BadRequest))?;
    let shop = area.shop.id;
    let (lines, numbers) = state
        .db(move |c| {
            let lines = ledger::statement_between(c, shop, p.bounds(), FILE_LINES)?;
            let ids: Vec<i64> = lines.iter().filter_map(|s| s.order_id).collect();
            Ok((
                lines,
                crate::orders::manage::numbers_of_shop(c, shop, &ids)?,
            ))
        })
        .await?;
    let body = statement_csv::csv(&area.ctx, &lines, &numbers)?;
    let name = format!("caravan-statement-{}-{}.csv", p.from, p.to);
    Ok(crate::http::csv_download(&name, body))
}
