//! Staff handlers for VAT by destination: the rules in force, a form to set one country's rule, the history.

use actix_web::{web, HttpRequest, HttpResponse};

use super::handlers::{stale_codes, url, when};
use super::views::{TaxLine, TaxesPage};
use crate::backoffice::staff::chrome;
use crate::error::AppResult;
use crate::geo::CountryCode;
use crate::http::auth::RequireStaff;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{form_status, summary, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::render_status;
use crate::http::state::AppState;
use crate::money::Currency;
use crate::tax::repo::TaxRuleRow;
use crate::tax::rules::Scheme;
use crate::tax::service::{self, Draft};

struct Data {
    in_force: Vec<TaxRuleRow>,
    history: Vec<TaxRuleRow>,
    stale: Vec<String>,
    max_age: i64,
}

async fn load(state: &web::Data<AppState>) -> AppResult<Data> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    state
        .db(move |c| {
            Ok(Data {
                in_force: crate::tax::repo::in_force(c, now)?,
                history: crate::tax::repo::history(c, 50)?,
                stale: stale_codes(c, max_age, now)?,
                max_age,
            })
        })
        .await
}

/// A stored rule as a table line in the staff member's language.
fn line(ctx: &PageCtx, row: &TaxRuleRow) -> TaxLine {
    let f = &ctx.tr.i18n().formatters;
    let percent = |bp: i32| crate::tax::rate_text(&ctx.tr, i64::from(bp));
    let rule = row.rule();
    TaxLine {
        code: row.country.clone(),
        country: CountryCode::parse(&row.country)
            .and_then(|c| f.country(ctx.locale, c))
            .unwrap_or_else(|| row.country.clone()),
        scheme: ctx.t(&format!("tax-scheme-{}", row.scheme)),
        standard: percent(row.standard_bp),
        reduced: row.reduced_bp.map(percent).unwrap_or_else(|| "—".into()),
        threshold: rule
            .and_then(|r| r.threshold)
            .map(|t| f.money(ctx.locale, t))
            .unwrap_or_else(|| "—".into()),
        since: when(ctx, row.effective_from),
    }
}

fn page(ctx: PageCtx, d: Data, form: &Draft, errors: &FormErrors) -> AppResult<HttpResponse> {
    let scheme_choices = [Scheme::Eu, Scheme::LowValue, Scheme::None]
        .into_iter()
        .map(|s| Choice {
            value: s.code().to_string(),
            label: ctx.t(&format!("tax-scheme-{}", s.code())),
            selected: form.scheme == s.code(),
        })
        .collect();
    let currency_choices = Currency::ALL
        .iter()
        .map(|c| Choice {
            value: c.code().to_string(),
            label: c.code().to_string(),
            selected: form.currency == c.code()
                || (form.currency.is_empty() && *c == Currency::Eur),
        })
        .collect();
    let error = |f: &str| errors.get(f).map(|id| ctx.t(id));
    let view = TaxesPage {
        chrome: chrome(&ctx, "/taxes", &d.stale, d.max_age),
        lines: d.in_force.iter().map(|r| line(&ctx, r)).collect(),
        history: d.history.iter().map(|r| line(&ctx, r)).collect(),
        scheme_choices,
        currency_choices,
        country: form.country.clone(),
        standard: form.standard.clone(),
        reduced: form.reduced.clone(),
        threshold: form.threshold.clone(),
        country_error: error("country"),
        scheme_error: error("scheme"),
        standard_error: error("standard"),
        reduced_error: error("reduced"),
        threshold_error: error("threshold"),
        currency_error: error("currency"),
        summary: summary(&ctx, errors),
        ctx,
    };
    render_status(&view, form_status(errors))
}

/// `GET /{lang}/staff/taxes`.
pub async fn taxes(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let d = load(&state).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    page(ctx, d, &Draft::default(), &FormErrors::default())
}

/// `POST /{lang}/staff/taxes`: puts one country's rule in force from now.
pub async fn set_tax(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<Draft>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (form, actor, now) = (&checked.form, staff.0.id, state.clock.now());
    let names = state.i18n.clone();
    let known = |c: CountryCode| service::known_country(&names.formatters, c);
    match service::check(form, lang.0, known) {
        Ok(rule) => {
            state
                .write(move |c| service::set(c, actor, &rule, now))
                .await?;
            Ok(checked.saved("staff-saved", &url(lang.0, "/taxes")))
        }
        Err(problems) => {
            let mut errors = FormErrors::default();
            problems
                .iter()
                .for_each(|(field, id)| errors.add(field, id));
            let d = load(&state).await?;
            page(PageCtx::build(&req, &state, lang.0), d, form, &errors)
        }
    }
}
