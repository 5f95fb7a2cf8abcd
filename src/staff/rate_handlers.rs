//! Staff handlers for exchange rates: the table, one rate, a CSV import.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::handlers::{stale_codes, url, when};
use super::rates;
use super::views::*;
use crate::backoffice::staff::chrome;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::page::{Choice, PageCtx};
use crate::http::render_status;
use crate::http::state::AppState;
use crate::i18n::parse_decimal;
use crate::i18n::{Arg, Locale};
use crate::money::Currency;

// ---------- rates ----------

#[derive(Deserialize, Default)]
pub struct RateForm {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    rate: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    csv: String,
}

struct RatesData {
    current: Vec<(Currency, i64, time::PrimitiveDateTime)>,
    history: Vec<crate::catalogue::model::RateRow>,
    stale: Vec<String>,
    /// When the page was read (rates in force and their age are as of then).
    at: time::PrimitiveDateTime,
}

fn load_rates(
    c: &mut DbConnection,
    max_age: i64,
    now: time::PrimitiveDateTime,
) -> AppResult<RatesData> {
    Ok(RatesData {
        at: now,
        current: rates::current(c, now)?,
        history: rates::history(c, 50)?,
        stale: stale_codes(c, max_age, now)?,
    })
}

fn format_rate(ctx: &PageCtx, micros: i64) -> String {
    // Up to six decimals, in the staff member's number format.
    let whole = ctx
        .tr
        .i18n()
        .formatters
        .number(ctx.locale, micros / 1_000_000);
    let frac = format!("{:06}", micros % 1_000_000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        whole
    } else {
        let sep = if ctx.locale == Locale::En { '.' } else { ',' };
        format!("{whole}{sep}{frac}")
    }
}

struct RateFormState<'a> {
    form: &'a RateForm,
    rate_error: Option<String>,
    confirm_needed: bool,
    csv_errors: Vec<String>,
    csv_confirm_needed: bool,
}

impl<'a> RateFormState<'a> {
    /// The forms as typed, without problems.
    fn typed(form: &'a RateForm) -> Self {
        Self {
            form,
            rate_error: None,
            confirm_needed: false,
            csv_errors: vec![],
            csv_confirm_needed: false,
        }
    }
}

fn rates_page(ctx: PageCtx, d: RatesData, max_age: i64, st: RateFormState<'_>) -> RatesPage {
    let t = d.at;
    let lines = Currency::ALL
        .iter()
        .map(|cur| {
            let found = d.current.iter().find(|(c, _, _)| c == cur);
            RateLine {
                code: cur.code().to_string(),
                name: ctx.t(&format!("currency-{}", cur.code().to_ascii_lowercase())),
                value: found
                    .map(|(_, m, _)| format_rate(&ctx, *m))
                    .unwrap_or_else(|| "—".into()),
                since: found.map(|(_, _, f)| when(&ctx, *f)).unwrap_or_default(),
                stale: *cur != Currency::BASE
                    && found.is_none_or(|(_, _, f)| *f < t - time::Duration::days(max_age)),
                is_base: *cur == Currency::BASE,
            }
        })
        .collect();
    let history = d
        .history
        .iter()
        .map(|r| {
            (
                r.currency.clone(),
                format_rate(&ctx, r.per_base_micros),
                when(&ctx, r.effective_from),
            )
        })
        .collect();
    let currency_choices = Currency::ALL
        .iter()
        .filter(|c| **c != Currency::BASE)
        .map(|c| Choice {
            value: c.code().to_string(),
            label: c.code().to_string(),
            selected: c.code() == st.form.currency,
        })
        .collect();
    RatesPage {
        chrome: chrome(&ctx, "/rates", &d.stale, max_age),
        lines,
        history,
        currency_choices,
        rate_value: st.form.rate.clone(),
        rate_error: st.rate_error,
        confirm_needed: st.confirm_needed,
        csv_value: st.form.csv.clone(),
        csv_errors: st.csv_errors,
        csv_confirm_needed: st.csv_confirm_needed,
        ctx,
    }
}

pub async fn rates(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let d = state.db(move |c| load_rates(c, max_age, now)).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let form = RateForm::default();
    let st = RateFormState::typed(&form);
    render_status(&rates_page(ctx, d, max_age, st), StatusCode::OK)
}

pub async fn set_rate(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<RateForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let form = &checked.form;
    let now = state.clock.now();
    let currency = Currency::parse(&form.currency);
    let micros = parse_decimal(&form.rate, lang.0, 6);
    let (actor, confirmed) = (staff.0.id, form.confirm == "1");
    let outcome = match (currency, micros) {
        (Some(cur), Some(m)) => state
            .write(move |c| rates::set_rate(c, actor, cur, m, confirmed, now))
            .await?
            .map_err(|p| p.message_id()),
        (None, _) => Err("form-invalid-choice"),
        (_, None) => Err("staff-rate-not-number"),
    };
    match outcome {
        Ok(()) => Ok(checked.saved("staff-saved", &url(lang.0, "/rates"))),
        Err(problem) => refused(&req, &state, lang.0, form, Refused::Rate(problem)).await,
    }
}

/// What was wrong with a rate or a CSV of rates.
enum Refused {
    /// A message id for the single rate.
    Rate(&'static str),
    /// (line, message id) per refused CSV line.
    Csv(Vec<(usize, &'static str)>),
}

/// The rates page again with what was typed and what was wrong (nothing was saved).
async fn refused(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    l: Locale,
    form: &RateForm,
    why: Refused,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let d = state.db(move |c| load_rates(c, max_age, now)).await?;
    let ctx = PageCtx::build(req, state, l);
    let mut st = RateFormState::typed(form);
    match why {
        Refused::Rate(problem) => {
            st.rate_error = Some(ctx.t(problem));
            st.confirm_needed = problem == "staff-rate-confirm";
        }
        Refused::Csv(errors) => {
            st.csv_confirm_needed = errors.iter().all(|(_, id)| *id == "staff-rate-confirm");
            st.csv_errors = errors
                .iter()
                .map(|(line, id)| {
                    let problem = ctx.t(id);
                    let args = [
                        ("line", Arg::Num(*line as i64)),
                        ("problem", Arg::Str(&problem)),
                    ];
                    ctx.tr.t_args("staff-import-line", &args)
                })
                .collect();
        }
    }
    render_status(
        &rates_page(ctx, d, max_age, st),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

pub async fn import_rates(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<RateForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let form = &checked.form;
    let now = state.clock.now();
    let (actor, confirmed, text) = (staff.0.id, form.confirm == "1", form.csv.clone());
    let imported = state
        .write(move |c| rates::import_csv(c, actor, &text, confirmed, now))
        .await?;
    match imported {
        Ok(_) => Ok(checked.saved("staff-saved", &url(lang.0, "/rates"))),
        Err(errors) => refused(&req, &state, lang.0, form, Refused::Csv(errors)).await,
    }
}
