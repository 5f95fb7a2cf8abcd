//! The shop's own options (made in the variant editor or by an import): the list with what is left to translate,
//! and one option's names and its values' names in every language. The staff's shared options are not the
//! shop's to rename.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::area_views::{OptionEditPage, OptionsPage};
use crate::backoffice::merchant::{self as area, Area};
use crate::backoffice::option_names::{self as names, Owner, Sheet, SheetInput};
use crate::backoffice::option_sheet;
use crate::catalogue::reindex;
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::FormErrors;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/options", web::get().to(options))
        .route("/merchant/options/{id}", web::get().to(option))
        .route("/merchant/options/{id}", web::post().to(save_option));
}

type Pairs = Vec<(String, String)>;

fn option_url(l: crate::i18n::Locale, id: i64) -> String {
    routes::merchant(l, &format!("/options/{id}"))
}

pub async fn options(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/translations").await?;
    let shop = area.shop.id;
    let texts = state
        .db(move |c| Ok(names::list(c, Owner::Shop(shop))?))
        .await?;
    let Area { ctx, chrome, .. } = area;
    let l = ctx.locale;
    let page = OptionsPage {
        lines: option_sheet::lines(&ctx, &texts, |id| option_url(l, id)),
        chrome,
        ctx,
    };
    render_status(&page, StatusCode::OK)
}

/// The shop's area and one of its own options (404 for a shared option or another shop's).
async fn open(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    lang: &Lang,
    user: &RequireMerchant,
    id: i64,
) -> AppResult<(Area, Sheet)> {
    let area = area::enter(req, state, lang.0, user, "/translations").await?;
    let shop = area.shop.id;
    let sheet = state
        .db(move |c| names::load(c, Owner::Shop(shop), id))
        .await?;
    Ok((area, sheet))
}

fn edit_page(
    area: Area,
    sheet: &Sheet,
    input: Option<&SheetInput>,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let Area { ctx, chrome, .. } = area;
    let l = ctx.locale;
    let stored = SheetInput::of(sheet);
    let action = option_url(l, sheet.option.id);
    let view = option_sheet::sheet(&ctx, sheet, input.unwrap_or(&stored), errors, action);
    let page = OptionEditPage {
        back_url: routes::merchant(l, "/options"),
        sheet: view,
        chrome,
        ctx,
    };
    render_status(&page, crate::http::forms::form_status(errors))
}

pub async fn option(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    path: web::Path<(String, i64)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (area, sheet) = open(&req, &state, &lang, &user, path.1).await?;
    edit_page(area, &sheet, None, &FormErrors::default())
}

pub async fn save_option(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    path: web::Path<(String, i64)>,
    form: Checked<Pairs>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, l) = (path.1, lang.0);
    let (area, sheet) = open(&req, &state, &lang, &user, id).await?;
    let ids: Vec<i64> = sheet.values().map(|v| v.id).collect();
    let input = SheetInput::from_pairs(&form.form, &ids);
    let (owner, typed) = (Owner::Shop(area.shop.id), input.clone());
    let saved = state
        .write(move |c| names::save_sheet(c, (owner, id), &typed, reindex::queue_option))
        .await?;
    match saved {
        Ok(_) => Ok(form.saved("option-saved", &option_url(l, id))),
        Err(errors) => edit_page(area, &sheet, Some(&input), &errors),
    }
}
