//! Staff handlers for the shared options: the list with a form for a new one, and one option's names.

use actix_web::{web, HttpRequest, HttpResponse};

use super::handlers::{stale_codes, url};
use super::options;
use super::views::{OptionEditPage, OptionsPage};
use crate::backoffice::option_names::{self as names, field, Owner, Sheet, SheetInput};
use crate::backoffice::option_sheet;
use crate::backoffice::staff::chrome;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{summary, FormErrors};
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::i18n::{Locale, PerLocale};
use crate::variants::OptionTexts;

type Pairs = Vec<(String, String)>;

/// A new option's form as typed.
struct NewOption {
    names: PerLocale<String>,
    facet: bool,
}

impl NewOption {
    fn from_pairs(pairs: &Pairs) -> Self {
        let input = SheetInput::from_pairs(pairs, &[]);
        NewOption {
            names: input.names,
            facet: input.facet,
        }
    }
}

fn list_page(
    ctx: PageCtx,
    (texts, stale, max_age): (OptionTexts, Vec<String>, i64),
    typed: &NewOption,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let l = ctx.locale;
    let fields = typed
        .names
        .iter()
        .map(|(x, n)| {
            crate::http::forms::Field::new(&ctx, &field("name", x), "text", n, errors)
                .max(names::MAX_NAME)
                .label(x.autonym().to_string())
                .lang(x.code())
                .optional()
        })
        .collect();
    let page = OptionsPage {
        chrome: chrome(&ctx, "/options", &stale, max_age),
        lines: option_sheet::lines(&ctx, &texts, |id| url(l, &format!("/options/{id}"))),
        fields,
        facet: typed.facet,
        summary: summary(&ctx, errors),
        ctx,
    };
    render_status(&page, crate::http::forms::form_status(errors))
}

async fn list_data(state: &web::Data<AppState>) -> AppResult<(OptionTexts, Vec<String>, i64)> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (texts, stale) = state
        .db(move |c| {
            Ok((
                names::list(c, Owner::Shared)?,
                stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    Ok((texts, stale, max_age))
}

pub async fn options(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let data = list_data(&state).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let empty = NewOption::from_pairs(&Vec::new());
    list_page(ctx, data, &empty, &FormErrors::default())
}

pub async fn create_option(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    form: Checked<Pairs>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let typed = NewOption::from_pairs(&form.form);
    let (actor, now, l) = (staff.0.id, state.clock.now(), lang.0);
    let (n, facet) = (typed.names.clone(), typed.facet);
    let created = state
        .write(move |c| options::create(c, actor, &n, facet, now))
        .await?;
    match created {
        Ok(id) => Ok(form.saved("option-created", &url(l, &format!("/options/{id}")))),
        Err(errors) => {
            let data = list_data(&state).await?;
            list_page(PageCtx::build(&req, &state, l), data, &typed, &errors)
        }
    }
}

/// One shared option (404 for an option of a shop) with the stale-rate warning.
async fn open(state: &web::Data<AppState>, id: i64) -> AppResult<(Sheet, Vec<String>, i64)> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (sheet, stale) = state
        .db(move |c| {
            Ok((
                names::load(c, Owner::Shared, id)?,
                stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    Ok((sheet, stale, max_age))
}

fn edit_page(
    ctx: PageCtx,
    (sheet, stale, max_age): (Sheet, Vec<String>, i64),
    input: Option<&SheetInput>,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let l: Locale = ctx.locale;
    let stored = SheetInput::of(&sheet);
    let action = url(l, &format!("/options/{}", sheet.option.id));
    let view = option_sheet::sheet(&ctx, &sheet, input.unwrap_or(&stored), errors, action);
    let page = OptionEditPage {
        chrome: chrome(&ctx, "/options", &stale, max_age),
        back_url: url(l, "/options"),
        sheet: view,
        ctx,
    };
    render_status(&page, crate::http::forms::form_status(errors))
}

pub async fn option(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    path: web::Path<(String, i64)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let data = open(&state, path.1).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    edit_page(ctx, data, None, &FormErrors::default())
}

pub async fn save_option(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    path: web::Path<(String, i64)>,
    form: Checked<Pairs>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, l) = (path.1, lang.0);
    let data = open(&state, id).await?;
    let ids: Vec<i64> = data.0.values().map(|v| v.id).collect();
    let input = SheetInput::from_pairs(&form.form, &ids);
    let (actor, now, typed) = (staff.0.id, state.clock.now(), input.clone());
    let saved = state
        .write(move |c| options::save(c, actor, id, &typed, now))
        .await?;
    match saved {
        Ok(_) => Ok(form.saved("option-saved", &url(l, &format!("/options/{id}")))),
        Err(errors) => edit_page(PageCtx::build(&req, &state, l), data, Some(&input), &errors),
    }
}
