//! The shop's money (`/merchant/payouts`): what it is owed — pending until the buyer-protection window ends,
//! available, paid out — from the ledger, in its currency, and its latest ledger transactions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::area_views::{PayoutsPage, StatementRow};
use super::statement_csv::{self, PeriodErrors};
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{Field, FormErrors};
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::money::{Currency, Money};
use crate::payments::ledger::{self, StatementLine};
use crate::shops::bank::{self, BankAccount, BankForm};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/payouts", web::get().to(payouts))
        .route(
            "/merchant/payouts/statement.csv",
            web::get().to(statement_file),
        )
        .route("/merchant/payouts/bank", web::post().to(save_bank));
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

/// The page's forms as typed and what was wrong with them.
#[derive(Default)]
struct Typed {
    from: String,
    to: String,
    errors: PeriodErrors,
    /// The bank form as typed (none: as saved).
    bank: Option<(BankForm, FormErrors)>,
}

impl Typed {
    /// The statement form as typed (each date cut to a date's length) and what was wrong with it.
    fn period(q: &PeriodQuery, errors: PeriodErrors) -> Self {
        Typed {
            from: q.from.chars().take(10).collect(),
            to: q.to.chars().take(10).collect(),
            errors,
            bank: None,
        }
    }
}

fn bank_fields(
    ctx: &PageCtx,
    saved: Option<&BankAccount>,
    typed: Option<(BankForm, FormErrors)>,
) -> (Vec<Field>, Vec<(String, String)>) {
    let (form, errors) = typed.unwrap_or_else(|| {
        let form = saved.map_or_else(BankForm::default, |b| BankForm {
            holder: b.holder.clone(),
            iban: String::new(),
            bic: b.bic.clone(),
        });
        (form, FormErrors::default())
    });
    let fields = vec![
        Field::new(ctx, "holder", "text", &form.holder, &errors)
            .label(ctx.t("bank-holder"))
            .max(140),
        Field::new(ctx, "iban", "text", &form.iban, &errors)
            .label(ctx.t("bank-iban"))
            .hint(ctx.t("bank-iban-hint"))
            .max(42),
        Field::new(ctx, "bic", "text", &form.bic, &errors)
            .label(ctx.t("bank-bic"))
            .hint(ctx.t("bank-bic-hint"))
            .max(11)
            .optional(),
    ];
    (fields, crate::http::forms::summary(ctx, &errors))
}

/// The payouts page: balances, the latest statement lines and the statement form.
async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    lang: Lang,
    user: &RequireMerchant,
    typed: Typed,
) -> AppResult<HttpResponse> {
    let area = area::enter(req, state, lang.0, user, "/payouts").await?;
    let shop = area.shop.id;
    let (balances, lines, numbers, bank) = state
        .db(move |c| {
            let lines = ledger::statement(c, shop, LINES)?;
            let ids: Vec<i64> = lines.iter().filter_map(|s| s.order_id).collect();
            let numbers = crate::orders::card::numbers_of_shop(c, shop, &ids)?;
            let bank = crate::shops::bank::of_shop(c, shop)?;
            Ok((ledger::balances(c, shop)?, lines, numbers, bank))
        })
        .await?;
    let Area { ctx, chrome, shop } = area;
    let cur = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let t = totals(&balances, cur.code());
    let refused = typed.errors != PeriodErrors::default()
        || typed.bank.as_ref().is_some_and(|(_, e)| !e.is_empty());
    let (bank_fields, bank_summary) = bank_fields(&ctx, bank.as_ref(), typed.bank);
    let page = PayoutsPage {
        pending: ctx.money(&Money::new(t.pending, cur)),
        available: ctx.money(&Money::new(t.available, cur)),
        in_payout: (t.in_payout != 0).then(|| ctx.money(&Money::new(t.in_payout, cur))),
        paid_out: ctx.money(&Money::new(t.paid_out, cur)),
        rows: rows(&ctx, chrome.zone, lines, &numbers),
        from_error: typed.errors.from.map(|m| ctx.t(m)),
        to_error: typed.errors.to.map(|m| ctx.t(m)),
        from: typed.from,
        to: typed.to,
        bank_saved: bank.map(|b| (b.masked(), ctx.when(b.updated_at, chrome.zone))),
        bank_fields,
        summary: bank_summary,
        chrome,
        ctx,
    };
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render_status(&page, status)
}

pub async fn payouts(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    page(&req, &state, lang, &user, Typed::default()).await
}

/// The statement for a period as a CSV download; a period that is not one, or one with more lines than a file
/// holds, shows the payouts page again with the dates as typed and a message on the field.
pub async fn statement_file(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    q: web::Query<PeriodQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let typed = |errors| Typed::period(&q, errors);
    let shop = area::my_shop(&state, &user).await?.id;
    let p = match statement_csv::period(&q.from, &q.to, state.clock.now().date()) {
        Ok(p) => p,
        Err(errors) => return page(&req, &state, lang, &user, typed(errors)).await,
    };
    let file = state
        .db(move |c| statement_csv::lines(c, shop, p, FILE_LINES))
        .await?;
    let Some((lines, numbers)) = file else {
        let errors = PeriodErrors::to("payouts-error-too-many");
        return page(&req, &state, lang, &user, typed(errors)).await;
    };
    let ctx = PageCtx::build(&req, &state, lang.0);
    let body = statement_csv::csv(&ctx, &lines, &numbers)?;
    let name = format!("caravan-statement-{}-{}.csv", p.from, p.to);
    Ok(crate::http::csv_download(&name, body))
}

/// Saves where the shop is paid; a form with problems shows the page again as typed with a message per field.
pub async fn save_bank(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    checked: Checked<BankForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let account = match bank::check(&checked.form) {
        Ok(a) => a,
        Err(errors) => {
            let bank = Some((checked.form.clone(), errors));
            let typed = Typed {
                bank,
                ..Typed::default()
            };
            return page(&req, &state, lang, &user, typed).await;
        }
    };
    let shop = area::my_shop(&state, &user).await?.id;
    let (actor, now) = (user.0.id, state.clock.now());
    state
        .db(move |c| bank::save(c, shop, &account, actor, now))
        .await?;
    let to = crate::routes::merchant(lang.0, "/payouts");
    Ok(checked.saved("bank-saved", &to))
}
