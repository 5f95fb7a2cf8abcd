//! Thin handlers for translation coverage and CSV export/import.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::area_views::{CoveragePage, ImportPage, ImportProblem};
use super::csv_io::{self, FileProblem, Plan, MAX_ERRORS_SHOWN, MAX_FILE_BYTES};
use super::own_products::{self, ListFilter, ListSort, WriteCtx};
use super::product_input;
use super::product_views::product_line;
use crate::backoffice::merchant::{self as area, Area};
use crate::catalogue::search::Analyzer;
use crate::catalogue::service::{rates_at, tree_now};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::extract::Lang;
use crate::http::page::Choice;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other, upload};
use crate::i18n::{Arg, Locale};
use crate::routes;

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
    let mut filters = vec![Choice {
        value: String::new(),
        label: ctx.t("coverage-all"),
        selected: missing.is_none(),
    }];
    filters.extend(Locale::ALL.iter().map(|l| Choice {
        value: l.code().to_string(),
        label: ctx.t1("coverage-missing", "language", l.autonym()),
        selected: missing == Some(*l),
    }));
    let base = routes::merchant(lang.0, "/translations");
    let paging = area::paging(
        &ctx,
        &base,
        &[("missing", query.missing.clone())],
        filter.page,
        total,
        own_products::LIST_PAGE_SIZE,
    );
    let page = CoveragePage {
        filters,
        langs: Locale::ALL
            .iter()
            .map(|l| (l.code(), l.autonym()))
            .collect(),
        lines: rows.iter().map(|p| product_line(&ctx, p)).collect(),
        total: ctx.t_count("merchant-products-count", &total),
        paging,
        chrome,
        ctx,
    };
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
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{slug}-products-{date}.csv\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}

async fn import_page(
    state: &AppState,
    area: Area,
    outcome: Option<(Result<&Plan, &FileProblem>, Option<String>)>,
) -> AppResult<ImportPage> {
    let Area {
        shop: _,
        ctx,
        chrome,
    } = area;
    let l = ctx.locale;
    let categories = state
        .db(move |c| Ok(product_input::category_keys(&tree_now(c)?, l)))
        .await?;
    let mut page = ImportPage {
        categories,
        export_url: routes::merchant(ctx.locale, "/products.csv"),
        columns: csv_io::header().join(", "),
        file_problem: None,
        problems: Vec::new(),
        problems_label: None,
        ready: None,
        chrome,
        ctx,
    };
    let ctx = &page.ctx;
    match outcome {
        None => {}
        Some((Err(p), _)) => {
            page.file_problem = Some(ctx.t1(p.message_id, "column", &p.arg));
        }
        Some((Ok(plan), token)) => {
            if plan.problems.is_empty() {
                let n = |v: usize| ctx.tr.i18n().formatters.number(ctx.locale, v as i64);
                let line = ctx.tr.t_args(
                    "import-ready",
                    &[
                        ("created", Arg::Str(&n(plan.creates()))),
                        ("updated", Arg::Str(&n(plan.updates()))),
                        ("count", Arg::Num(plan.rows.len() as i64)),
                    ],
                );
                page.ready = token.map(|t| (line, t));
            } else {
                page.problems_label =
                    Some(ctx.t_count("import-problems", &(plan.problems.len() as i64)));
                page.problems = plan
                    .problems
                    .iter()
                    .take(MAX_ERRORS_SHOWN)
                    .map(|p| ImportProblem {
                        line: ctx.t1(
                            "import-line",
                            "line",
                            &ctx.tr.i18n().formatters.number(ctx.locale, p.line as i64),
                        ),
                        column: p.column.clone(),
                        message: ctx.t1(&p.message_id, "line", &p.arg),
                    })
                    .collect();
            }
        }
    }
    Ok(page)
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
        Some(None) => {
            return problem_page(&req, lang, &state, shop, "import-file-too-large").await;
        }
        None => return problem_page(&req, lang, &state, shop, "import-empty").await,
    };
    let s = shop.clone();
    let now = state.clock.now();
    let (outcome, token) = state
        .db(move |c| {
            let tree = tree_now(c)?;
            let outcome = csv_io::plan(c, &s, &tree, &bytes)?;
            let token = match &outcome {
                Ok(plan) if plan.problems.is_empty() => {
                    let body = String::from_utf8_lossy(&bytes).into_owned();
                    Some(csv_io::park(c, s.id, &body, now)?)
                }
                _ => None,
            };
            Ok((outcome, token))
        })
        .await?;
    let clean = matches!(&outcome, Ok(p) if p.problems.is_empty());
    let area = area::area_for(&req, &state, lang.0, shop, "/import");
    let page = import_page(&state, area, Some((outcome.as_ref(), token))).await?;
    render_status(
        &page,
        if clean {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        },
    )
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
    csrf: String,
    #[serde(default)]
    token: String,
}

/// Applies a checked file: checked again (the catalogue may have changed) and written all-or-nothing.
pub async fn apply(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    form: web::Form<ApplyForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let shop = area::my_shop(&state, &user).await?;
    let (s, token) = (shop.clone(), form.token.clone());
    let now = state.clock.now();
    let result = state
        .write(move |c| {
            let Some(body) = csv_io::unpark(c, s.id, &token)? else {
                return Ok(Err(FileProblem {
                    message_id: "import-expired",
                    arg: String::new(),
                }));
            };
            let tree = tree_now(c)?;
            match csv_io::plan(c, &s, &tree, body.as_bytes())? {
                Ok(plan) if plan.problems.is_empty() => {
                    let rates = rates_at(c, now)?;
                    let w = WriteCtx {
                        rates: &rates,
                        analyzer: &Analyzer::new(),
                        now,
                    };
                    Ok(Ok(csv_io::apply(c, &s, &plan, &w)?))
                }
                Ok(_) => Ok(Err(FileProblem {
                    message_id: "import-changed",
                    arg: String::new(),
                })),
                Err(p) => Ok(Err(p)),
            }
        })
        .await?;
    match result {
        Ok((created, updated)) => {
            tracing::info!(shop = %shop.slug, created, updated, "csv import applied");
            SessionData(&session).set_flash("import-done");
            Ok(see_other(&routes::merchant(lang.0, "/products")))
        }
        Err(p) => {
            let area = area::area_for(&req, &state, lang.0, shop, "/import");
            render_status(
                &import_page(&state, area, Some((Err(&p), None))).await?,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}
