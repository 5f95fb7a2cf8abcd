//! Thin handlers for a merchant's products: list, create, edit, duplicate, status, delete, and images.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::area_views::ProductExtras;
use super::own_products::{self, ListFilter, ListSort, WriteCtx};
use super::product_input::{self, ProductInput};
use super::product_views::{self, form_page, FormData};
use super::{images, uploads};
use crate::backoffice::merchant::{self as area, Area};
use crate::catalogue::service::{rates_at, tree_now};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::RequireMerchant;
use crate::http::checked::{saved, Checked};
use crate::http::extract::Lang;
use crate::http::forms::FormErrors;
use crate::http::page::PageCtx;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other, upload};
use crate::i18n::Locale;
use crate::media::{self, MAX_PRODUCT_IMAGES, MAX_UPLOAD_BYTES};
use crate::routes;
use crate::search::Analyzer;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/products", web::get().to(list))
        .route("/merchant/products/new", web::get().to(new_form))
        .route("/merchant/products/new", web::post().to(create))
        .route("/merchant/products/{id}/edit", web::get().to(edit_form))
        .route("/merchant/products/{id}/edit", web::post().to(update))
        .route(
            "/merchant/products/{id}/duplicate",
            web::post().to(duplicate),
        )
        .route("/merchant/products/{id}/status", web::post().to(set_status))
        .route("/merchant/products/{id}/delete", web::post().to(delete))
        .route(
            "/merchant/products/{id}/images",
            web::post().to(upload_images),
        )
        .route(
            "/merchant/products/{id}/images/{image}/move",
            web::post().to(move_image),
        )
        .route(
            "/merchant/products/{id}/images/{image}/alt",
            web::post().to(image_alt),
        )
        .route(
            "/merchant/products/{id}/images/{image}/delete",
            web::post().to(delete_image),
        );
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: Option<i64>,
}

pub async fn list(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    query: web::Query<ListQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Area { shop, ctx, chrome } = area::enter(&req, &state, lang.0, &user, "/products").await?;
    let q = query.into_inner();
    let filter = ListFilter {
        q: q.q.chars().take(200).collect(),
        status: product_input::parse_status(&q.status),
        missing: None,
        sort: ListSort::parse(&q.sort),
        page: q.page.unwrap_or(1).clamp(1, 10_000),
    };
    let (shop_id, f, ui) = (shop.id, filter.clone(), lang.0);
    let (rows, total) = state
        .db(move |c| Ok(own_products::list(c, shop_id, &f, &Analyzer::new(), ui)?))
        .await?;
    let typed = [q.status, q.sort];
    let page = product_views::products_page(ctx, chrome, filter, typed, &rows, total);
    render_status(&page, StatusCode::OK)
}

// ---------- the product form ----------

pub async fn new_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/products").await?;
    let tree = state.db(|c| Ok(tree_now(c)?)).await?;
    let input = ProductInput {
        status: "draft".into(),
        stock: "1".into(),
        original_lang: area.shop.original_lang.clone(),
        ..ProductInput::default()
    };
    let heading = area.ctx.t("product-new-title");
    let page = form_page(
        area,
        FormData { tree, extras: None },
        heading,
        routes::merchant(lang.0, "/products/new"),
        &input,
        &FormErrors::default(),
    );
    render_status(&page, StatusCode::OK)
}

/// The edit page's extras of product `id` (404 for another shop's).
async fn extras(
    state: &web::Data<AppState>,
    ctx: &PageCtx,
    shop_id: i64,
    id: i64,
    upload_errors: Vec<String>,
) -> AppResult<ProductExtras> {
    let data = state
        .db(move |c| own_products::extras_data(c, shop_id, id))
        .await?;
    Ok(product_views::product_extras(
        ctx,
        ctx.locale,
        id,
        data,
        upload_errors,
    ))
}

/// Validates and saves the product form; on errors re-renders it with what was typed.
async fn save_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
    id: Option<i64>,
) -> AppResult<HttpResponse> {
    let shop = area::my_shop(&state, &user).await?;
    let input = ProductInput::from_pairs(&checked.form);
    let (s, i, l, now) = (shop.clone(), input.clone(), lang.0, state.clock.now());
    let (result, tree) = state
        .write(move |c| own_products::save_form(c, &s, id, &i, l, now))
        .await?;
    let errors = match result {
        Ok(saved) => {
            return Ok(checked.saved(
                "merchant-saved",
                &routes::merchant_product(l, saved, "edit"),
            ))
        }
        Err(errors) => errors,
    };
    let area = area::area_for(&req, &state, l, shop, "/products");
    form_again(
        &state,
        area,
        id,
        FormData { tree, extras: None },
        &input,
        &errors,
    )
    .await
}

/// The product form again with what was typed and its errors (and, when editing, the images and actions).
async fn form_again(
    state: &web::Data<AppState>,
    area: Area,
    id: Option<i64>,
    mut data: FormData,
    input: &ProductInput,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let l = area.ctx.locale;
    let (heading, action) = match id {
        Some(id) => {
            data.extras = Some(extras(state, &area.ctx, area.shop.id, id, Vec::new()).await?);
            (
                area.ctx.t("product-edit-title"),
                routes::merchant_product(l, id, "edit"),
            )
        }
        None => (
            area.ctx.t("product-new-title"),
            routes::merchant(l, "/products/new"),
        ),
    };
    let page = form_page(area, data, heading, action, input, errors);
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

pub async fn create(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    save_form(req, lang, user, checked, state, None).await
}

pub async fn update(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    save_form(req, lang, user, checked, state, Some(id)).await
}

async fn render_edit(
    req: &HttpRequest,
    lang: Lang,
    user: &RequireMerchant,
    state: &web::Data<AppState>,
    id: i64,
    upload_errors: Vec<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let area = area::enter(req, state, lang.0, user, "/products").await?;
    let shop_id = area.shop.id;
    let (row, texts, tree, customs) = state
        .db(move |c| own_products::editing(c, shop_id, id))
        .await?;
    let mut input = ProductInput::stored(&area.ctx, &row, &texts);
    input.customs = customs.map(|c| {
        (
            crate::catalogue::customs::display_hs(&c.hs_code),
            c.description,
        )
    });
    let extras = extras(state, &area.ctx, shop_id, id, upload_errors).await?;
    let heading = area.ctx.t("product-edit-title");
    let data = FormData {
        tree,
        extras: Some(extras),
    };
    let action = routes::merchant_product(lang.0, id, "edit");
    let page = form_page(area, data, heading, action, &input, &FormErrors::default());
    render_status(&page, status)
}

pub async fn edit_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    render_edit(&req, lang, &user, &state, id, Vec::new(), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn duplicate(
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let shop = area::my_shop(&state, &user).await?;
    let now = state.clock.now();
    let new_id = state
        .db(move |c| {
            let rates = rates_at(c, now)?;
            let w = WriteCtx {
                rates: &rates,
                analyzer: &Analyzer::new(),
                now,
            };
            own_products::duplicate(c, &shop, id, &w)
        })
        .await?;
    SessionData(&session).set_flash("product-duplicated");
    Ok(see_other(&routes::merchant_product(lang.0, new_id, "edit")))
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<StatusForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let status = product_input::parse_status(&form.status)
        .ok_or_else(|| AppError::new(ErrorCode::BadRequest))?;
    let shop = area::my_shop(&state, &user).await?;
    let now = state.clock.now();
    state
        .write(move |c| own_products::set_status(c, &shop, id, status, now))
        .await?;
    SessionData(&session).set_flash("merchant-saved");
    Ok(see_other(&routes::merchant_product(lang.0, id, "edit")))
}

pub async fn delete(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let shop = area::my_shop(&state, &user).await?;
    match state
        .write(move |c| own_products::delete(c, &shop, id))
        .await?
    {
        Ok(orphans) => {
            for p in orphans {
                media::remove(&state.config.media_dir, &p);
            }
            SessionData(&session).set_flash("product-deleted");
            Ok(see_other(&routes::merchant(lang.0, "/products")))
        }
        Err(problem) => {
            let msg = PageCtx::build(&req, &state, lang.0).t(problem);
            render_edit(
                &req,
                lang,
                &user,
                &state,
                id,
                vec![msg],
                StatusCode::CONFLICT,
            )
            .await
        }
    }
}

// ---------- images ----------

pub async fn upload_images(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let up = upload::read(mp, MAX_PRODUCT_IMAGES, MAX_UPLOAD_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    let shop = area::my_shop(&state, &user).await?;
    let tr = crate::i18n::Translator::new(state.i18n.clone(), lang.0);
    let problems = uploads::add_product_images(&state, &tr, shop.id, id, up.files).await?;
    if problems.is_empty() {
        return Ok(saved(
            &session,
            "product-images-added",
            &routes::merchant_product(lang.0, id, "edit"),
        ));
    }
    // Nothing is stored when any file is refused: the merchant fixes the batch and sends it again.
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    render_edit(&req, lang, &user, &state, id, problems, status).await
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    dir: String,
}

pub async fn move_image(
    lang: Lang,
    path: web::Path<(String, i64, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<MoveForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (_, id, image) = path.into_inner();
    let shop = area::my_shop(&state, &user).await?;
    let up = form.dir == "up";
    state
        .write(move |c| images::move_image(c, shop.id, id, image, up))
        .await?;
    Ok(back_to_images(lang.0, id))
}

pub async fn image_alt(
    lang: Lang,
    path: web::Path<(String, i64, i64)>,
    user: RequireMerchant,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let body = &checked.form;
    let (_, id, image) = path.into_inner();
    let shop = area::my_shop(&state, &user).await?;
    let alts: Vec<(Locale, String)> = Locale::ALL
        .iter()
        .map(|l| {
            let key = format!("alt_{}", l.code());
            let v = body
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(String::new(), |(_, v)| {
                    crate::http::forms::normalize(v).chars().take(200).collect()
                });
            (*l, v)
        })
        .collect();
    state
        .write(move |c| images::set_alts(c, shop.id, id, image, &alts))
        .await?;
    SessionData(&checked.session).set_flash("merchant-saved");
    Ok(back_to_images(lang.0, id))
}

pub async fn delete_image(
    lang: Lang,
    path: web::Path<(String, i64, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (_, id, image) = path.into_inner();
    let shop = area::my_shop(&state, &user).await?;
    let orphans = state
        .write(move |c| images::delete(c, shop.id, id, image))
        .await?;
    for p in orphans {
        media::remove(&state.config.media_dir, &p);
    }
    SessionData(&session).set_flash("product-image-deleted");
    Ok(back_to_images(lang.0, id))
}

fn back_to_images(l: Locale, id: i64) -> HttpResponse {
    see_other(&format!(
        "{}#images",
        routes::merchant_product(l, id, "edit")
    ))
}
