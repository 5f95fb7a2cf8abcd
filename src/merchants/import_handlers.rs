//! Thin handlers for translation coverage and CSV export/import.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::area_views::ImportPage;
use super::csv_io::{self, FileProblem, Plan, MAX_FILE_BYTES};
use super::own_products::{self, ListFilter, ListSort};
use super::product_input;
use super::{import, import_views};
use crate::backoffice::merchant::{self as area, Area};
use crate::catalogue::service::tree_now;
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, upload};
use crate::i18n::Locale;
use crate::routes;
use crate::search::Analyzer;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/translations", web::get().to(coverage))
        .route("/merchant/products.csv", web::get().to(export))
        .route("/merchant/import", web::get().to(import_form))
        .route("/merchant/import", web::post().to(check))
        .route("/merchant/import/apply", web::post().to(apply));
}

#[derive(Deserialize, Default)]
pub struct CoverageQuery {
    #[serde(default)]
    missing: String,
    #[serde(default)]
    page: Option<i64>,
}

pub async fn coverage(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    query: web::Query<CoverageQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Area { shop, ctx, chrome } =
        area::enter(&req, &state, lang.0, &user, "/translations").await?;
    let missing = Locale::parse(&query.missing);
    let filter = ListFilter {
        q: String::new(),
        status: None,
        missing,
        sort: ListSort::Updated,
        page: query.page.unwrap_or(1).clamp(1, 10_000),
    };
    let (shop_id, f, ui) = (shop.id, filter.clone(), lang.0);
    let (rows, total) = state
        .db(move |c| Ok(own_products::list(c, shop_id, &f, &Analyzer::new(), ui)?))
        .await?;
    let page = import_views::coverage_page(ctx, chrome, &filter, &query.missing, &rows, total);
    render_status(&page, StatusCode::OK)
}

pub async fn export(user: RequireMerchant, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let shop = area::my_shop(&state, &user).await?;
    let slug = shop.slug.clone();
    let now = state.clock.now();
    let body = state
        .db(move |c| {
            let tree = tree_now(c)?;
            csv_io::export(c, &shop, &tree)
        })
        .await?;
    let date = now.date();
    Ok(crate::http::csv_download(
        &format!("{slug}-products-{date}.csv"),
        body,
    ))
}

async fn import_page(
    state: &AppState,
    area: Area,
    outcome: Option<(Result<&Plan, &FileProblem>, Option<String>)>,
) -> AppResult<ImportPage> {
    let l = area.ctx.locale;
    let categories = state
        .db(move |c| Ok(product_input::category_keys(&tree_now(c)?, l)))
        .await?;
    Ok(import_views::import_page(
        area.ctx,
        area.chrome,
        categories,
        outcome,
    ))
}

pub async fn import_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/import").await?;
    render_status(&import_page(&state, area, None).await?, StatusCode::OK)
}

/// The dry run: reads the file, checks every row and keeps a clean file for the "apply" step.
pub async fn check(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let up = upload::read(mp, 1, MAX_FILE_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    let shop = area::my_shop(&state, &user).await?;
    let file = up.files.into_iter().find(|f| f.field == "file");
    let bytes = match file.map(|f| f.bytes) {
        Some(Some(b)) => b,
        Some(None) => return problem_page(&req, lang, &state, shop, "import-file-too-large").await,
        None => return problem_page(&req, lang, &state, shop, "import-empty").await,
    };
    let (s, now) = (shop.clone(), state.clock.now());
    let (outcome, token) = state.db(move |c| import::check(c, &s, &bytes, now)).await?;
    let clean = matches!(&outcome, Ok(p) if p.problems.is_empty());
    let area = area::area_for(&req, &state, lang.0, shop, "/import");
    let page = import_page(&state, area, Some((outcome.as_ref(), token))).await?;
    let status = if clean {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(&page, status)
}

async fn problem_page(
    req: &HttpRequest,
    lang: Lang,
    state: &web::Data<AppState>,
    shop: crate::shops::model::MerchantRow,
    id: &'static str,
) -> AppResult<HttpResponse> {
    let area = area::area_for(req, state, lang.0, shop, "/import");
    let p = FileProblem {
        message_id: id,
        arg: String::new(),
    };
    render_status(
        &import_page(state, area, Some((Err(&p), None))).await?,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

#[derive(Deserialize)]
pub struct ApplyForm {
    #[serde(default)]
    token: String,
}

/// Applies a checked file: checked again (the catalogue may have changed) and written all-or-nothing.
pub async fn apply(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    checked: Checked<ApplyForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let shop = area::my_shop(&state, &user).await?;
    let (s, token, now) = (shop.clone(), checked.form.token.clone(), state.clock.now());
    let result = state
        .write(move |c| import::apply(c, &s, &token, now))
        .await?;
    match result {
        Ok((created, updated)) => {
            tracing::info!(shop = %shop.slug, created, updated, "csv import applied");
            Ok(checked.saved("import-done", &routes::merchant(lang.0, "/products")))
        }
        Err(p) => {
            let area = area::area_for(&req, &state, lang.0, shop, "/import");
            let page = import_page(&state, area, Some((Err(&p), None))).await?;
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
