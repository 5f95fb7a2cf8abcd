//! Staff handlers for commission rates: the current default, the history, and a form for the default or one shop.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::commissions;
use super::handlers::{stale_codes, url, when};
use super::views::CommissionsPage;
use crate::backoffice::staff::chrome;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{form_status, summary, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::render_status;
use crate::http::state::AppState;
use crate::i18n::parse_decimal;
use crate::payments::commission::{self, RateLine};

#[derive(Deserialize, Default)]
pub struct CommissionForm {
    #[serde(default)]
    shop: String,
    #[serde(default)]
    rate: String,
}

struct Data {
    default_bp: i32,
    history: Vec<RateLine>,
    shops: Vec<(i64, String)>,
    stale: Vec<String>,
    max_age: i64,
}

async fn load(state: &web::Data<AppState>) -> AppResult<Data> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    state
        .db(move |c| {
            Ok(Data {
                default_bp: commission::default_at(c, now)?,
                history: commission::history(c, 50)?,
                shops: crate::shops::repo::approved_names(c)?,
                stale: stale_codes(c, max_age, now)?,
                max_age,
            })
        })
        .await
}

fn page(
    ctx: PageCtx,
    d: Data,
    form: &CommissionForm,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let rate = |bp: i32| {
        let n = ctx
            .tr
            .i18n()
            .formatters
            .decimal(ctx.locale, i64::from(bp), 2);
        ctx.t1("commission-rate-value", "rate", &n)
    };
    let mut shop_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("commission-default"),
        selected: form.shop.is_empty(),
    }];
    shop_choices.extend(d.shops.iter().map(|(id, name)| Choice {
        value: id.to_string(),
        label: name.clone(),
        selected: form.shop == id.to_string(),
    }));
    let history = d
        .history
        .iter()
        .map(|(shop, bp, from)| {
            let who = shop.clone().unwrap_or_else(|| ctx.t("commission-default"));
            (who, rate(*bp), when(&ctx, *from))
        })
        .collect();
    let view = CommissionsPage {
        chrome: chrome(&ctx, "/commissions", &d.stale, d.max_age),
        default_rate: rate(d.default_bp),
        history,
        shop_choices,
        rate_value: form.rate.clone(),
        rate_error: errors.get("rate").map(|id| ctx.t(id)),
        shop_error: errors.get("shop").map(|id| ctx.t(id)),
        summary: summary(&ctx, errors),
        ctx,
    };
    render_status(&view, form_status(errors))
}

pub async fn commissions(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let d = load(&state).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    page(ctx, d, &CommissionForm::default(), &FormErrors::default())
}

pub async fn set_commission(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<CommissionForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let form = &checked.form;
    let (actor, now, shop) = (staff.0.id, state.clock.now(), form.shop.clone());
    let (field, problem) = match commissions::check(parse_decimal(&form.rate, lang.0, 2)) {
        Ok(bp) => {
            let set = move |c: &mut _| commissions::set(c, actor, (&shop, bp), now);
            match state.write(set).await? {
                Ok(()) => return Ok(checked.saved("staff-saved", &url(lang.0, "/commissions"))),
                Err(problem) => ("shop", problem),
            }
        }
        Err(problem) => ("rate", problem),
    };
    let mut errors = FormErrors::default();
    errors.add(field, problem);
    let d = load(&state).await?;
    page(PageCtx::build(&req, &state, lang.0), d, form, &errors)
}
