//! Thin handlers of the variant editor: the page, saving the options (and generating the combinations), saving
//! the variants table.

use actix_web::{web, HttpRequest, HttpResponse};

use super::variant_editor::{self, Editor};
use super::variant_input::{self, OptionsInput, VariantsInput};
use super::variant_views;
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::FormErrors;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::money::Currency;
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/products/{id}/variants", web::get().to(editor))
        .route(
            "/merchant/products/{id}/variants",
            web::post().to(save_variants),
        )
        .route(
            "/merchant/products/{id}/variants/options",
            web::post().to(save_options),
        );
}

type Pairs = Vec<(String, String)>;

/// The shop's area and the product's editor data (404 for another shop's product).
async fn open(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    lang: &Lang,
    user: &RequireMerchant,
    id: i64,
) -> AppResult<(Area, Editor)> {
    let area = area::enter(req, state, lang.0, user, "/products").await?;
    let (shop_id, l) = (area.shop.id, lang.0);
    let ed = state
        .db(move |c| variant_editor::load(c, shop_id, id, l))
        .await?;
    Ok((area, ed))
}

/// The page with the stored options and table, or with what was typed into one of them and its errors.
fn render(
    area: Area,
    ed: &Editor,
    options: Option<&OptionsInput>,
    table: Option<&VariantsInput>,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let currency = Currency::parse(&area.shop.currency).unwrap_or(Currency::BASE);
    let stored_options = variant_views::options_input(ed, area.ctx.locale);
    let stored_table = variant_views::variants_input(&area.ctx, ed, currency);
    let page = variant_views::page(
        area,
        ed,
        options.unwrap_or(&stored_options),
        table.unwrap_or(&stored_table),
        errors,
    );
    render_status(&page, crate::http::forms::form_status(errors))
}

pub async fn editor(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    path: web::Path<(String, i64)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (area, ed) = open(&req, &state, &lang, &user, path.1).await?;
    render(area, &ed, None, None, &FormErrors::default())
}

pub async fn save_options(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    path: web::Path<(String, i64)>,
    form: Checked<Pairs>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, id) = (lang.0, path.1);
    let (area, ed) = open(&req, &state, &lang, &user, id).await?;
    let (input, too_many) = OptionsInput::from_pairs(&form.form);
    let checked = variant_input::validate_options(&input, too_many, &ed.usable, l);
    let (shop, at) = (area.shop.clone(), state.clock.now());
    let saved = match checked {
        Err(e) => Err(e),
        Ok(slots) => {
            let write = move |c: &mut _| variant_editor::save_options(c, &shop, id, &slots, l, at);
            state.write(write).await?
        }
    };
    match saved {
        Ok(()) => Ok(form.saved(
            "variant-options-saved",
            &routes::merchant_product(l, id, "variants"),
        )),
        Err(e) => render(area, &ed, Some(&input), None, &e),
    }
}

pub async fn save_variants(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    path: web::Path<(String, i64)>,
    form: Checked<Pairs>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, id) = (lang.0, path.1);
    let (area, ed) = open(&req, &state, &lang, &user, id).await?;
    let ids: Vec<i64> = ed.variants.iter().map(|v| v.id).collect();
    let input = VariantsInput::from_pairs(&form.form, &ids);
    let currency = Currency::parse(&area.shop.currency).unwrap_or(Currency::BASE);
    let images: Vec<i64> = ed.images.iter().map(|i| i.id).collect();
    let (shop, at) = (area.shop.clone(), state.clock.now());
    let saved = match variant_input::validate_variants(&input, l, currency, &images) {
        Err(e) => Err(e),
        Ok(rows) => {
            let write = move |c: &mut _| variant_editor::save_variants(c, &shop, id, &rows, at);
            state.write(write).await?
        }
    };
    match saved {
        Ok(()) => Ok(form.saved(
            "variant-saved",
            &routes::merchant_product(l, id, "variants"),
        )),
        Err(e) => render(area, &ed, None, Some(&input), &e),
    }
}
