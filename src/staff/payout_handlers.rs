//! Staff payout batches (`/staff/payouts`): what shops may be paid now per currency, a form that batches every
//! balance in a currency above a minimum, the batches with their bank export (CSV) and "mark paid".

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::handlers::{stale_codes, url, when};
use super::money_views::{BatchView, PayoutsPage};
use crate::backoffice::staff::chrome;
use crate::error::{AppError, AppResult};
use crate::http::auth::RequireStaff;
use crate::http::checked::{Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::forms::{form_status, summary, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::render_status;
use crate::http::state::AppState;
use crate::i18n::parse_decimal;
use crate::money::{Currency, Money};
use crate::payments::payouts::{self, BatchLine};

#[derive(Deserialize, Default)]
pub struct BatchForm {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    minimum: String,
}

struct Data {
    available: Vec<(i64, Currency, i64)>,
    batches: Vec<BatchLine>,
    stale: Vec<String>,
    max_age: i64,
}

async fn load(state: &web::Data<AppState>) -> AppResult<Data> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    state
        .db(move |c| {
            Ok(Data {
                available: payouts::available(c)?,
                batches: payouts::batches(c, 50)?,
                stale: stale_codes(c, max_age, now)?,
                max_age,
            })
        })
        .await
}

/// Per currency with money owed: (currency, shops, total).
fn owed(available: &[(i64, Currency, i64)]) -> Vec<(Currency, i64, i64)> {
    let mut out: Vec<(Currency, i64, i64)> = Vec::new();
    for (_, cur, amount) in available {
        match out.iter_mut().find(|(c, _, _)| c == cur) {
            Some(row) => (row.1, row.2) = (row.1 + 1, row.2 + amount),
            None => out.push((*cur, 1, *amount)),
        }
    }
    out
}

fn batch_view(ctx: &PageCtx, b: &BatchLine) -> BatchView {
    let l = ctx.locale;
    let open = b.batch.status == "open";
    BatchView {
        id: b.batch.id,
        created: when(ctx, b.batch.created_at),
        payouts: ctx.tr.i18n().formatters.number(l, b.payouts),
        total: ctx.money(&b.total),
        status: ctx.t(&format!("payout-batch-{}", b.batch.status)),
        open,
        export_url: url(l, &format!("/payouts/{}/export.csv", b.batch.id)),
        paid_url: url(l, &format!("/payouts/{}/paid", b.batch.id)),
    }
}

fn page(ctx: PageCtx, d: Data, form: &BatchForm, errors: &FormErrors) -> AppResult<HttpResponse> {
    let owed = owed(&d.available);
    let view = PayoutsPage {
        chrome: chrome(&ctx, "/payouts", &d.stale, d.max_age),
        available: owed
            .iter()
            .map(|(cur, shops, total)| {
                (
                    ctx.t_count("payout-shops", shops),
                    ctx.money(&Money::new(*total, *cur)),
                )
            })
            .collect(),
        currency_choices: owed
            .iter()
            .map(|(cur, _, _)| Choice {
                value: cur.code().to_string(),
                label: cur.code().to_string(),
                selected: form.currency == cur.code(),
            })
            .collect(),
        minimum_value: form.minimum.clone(),
        minimum_error: errors.get("minimum").map(|id| ctx.t(id)),
        currency_error: errors.get("currency").map(|id| ctx.t(id)),
        summary: summary(&ctx, errors),
        batches: d.batches.iter().map(|b| batch_view(&ctx, b)).collect(),
        ctx,
    };
    render_status(&view, form_status(errors))
}

pub async fn payouts_page(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let d = load(&state).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    page(ctx, d, &BatchForm::default(), &FormErrors::default())
}

/// The batch the form asks for, or the field and why not.
fn asked(form: &BatchForm, lang: Lang) -> Result<(Currency, i64), (&'static str, &'static str)> {
    let currency = Currency::parse(&form.currency).ok_or(("currency", "form-invalid-choice"))?;
    let minimum = match form.minimum.trim() {
        "" => Some(0),
        typed => parse_decimal(typed, lang.0, currency.minor_digits()),
    };
    match minimum {
        Some(m) if m >= 0 => Ok((currency, m)),
        _ => Err(("minimum", "payout-error-minimum")),
    }
}

pub async fn create_batch(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<BatchForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let form = &checked.form;
    let (actor, now) = (staff.0.id, state.clock.now());
    let (field, problem) = match asked(form, lang) {
        Ok((cur, min)) => {
            let made = state.db(move |c| payouts::create_batch(c, actor, cur, min, now));
            match made.await? {
                Some(_) => {
                    return Ok(checked.saved("payout-flash-created", &url(lang.0, "/payouts")))
                }
                None => ("minimum", "payout-error-nothing"),
            }
        }
        Err(why) => why,
    };
    let mut errors = FormErrors::default();
    errors.add(field, problem);
    let d = load(&state).await?;
    page(PageCtx::build(&req, &state, lang.0), d, form, &errors)
}

pub async fn export_batch(
    _staff: RequireStaff,
    path: web::Path<(String, i64)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let csv = state.db(move |c| payouts::export_csv(c, id)).await?;
    let csv = csv.ok_or_else(AppError::not_found)?;
    Ok(crate::http::csv_download(
        &format!("caravan-payouts-{id}.csv"),
        csv,
    ))
}

pub async fn mark_paid(
    lang: Lang,
    staff: RequireStaff,
    path: web::Path<(String, i64)>,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, actor, now) = (path.into_inner().1, staff.0.id, state.clock.now());
    let done = state
        .db(move |c| payouts::mark_paid(c, actor, id, now))
        .await?;
    let flash = if done {
        "payout-flash-paid"
    } else {
        "payout-flash-not-open"
    };
    Ok(checked.saved(flash, &url(lang.0, "/payouts")))
}
