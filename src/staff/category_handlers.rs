//! Staff handlers for the category tree: list, create, edit, move, reorder, hide, delete.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::categories;
use super::handlers::{stale_codes, url};
use super::views::*;
use crate::backoffice::staff::chrome;
use crate::error::{AppError, AppResult};
use crate::http::auth::RequireStaff;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::i18n::Locale;

// ---------- categories ----------

#[derive(Deserialize, Default)]
pub struct CategoryForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_ru: String,
    #[serde(default)]
    name_tr: String,
    #[serde(default)]
    name_it: String,
    #[serde(default)]
    name_es: String,
    #[serde(default)]
    slug_en: String,
    #[serde(default)]
    slug_ru: String,
    #[serde(default)]
    slug_tr: String,
    #[serde(default)]
    slug_it: String,
    #[serde(default)]
    slug_es: String,
}

impl CategoryForm {
    fn entries(&self) -> Vec<(Locale, String, String)> {
        vec![
            (Locale::En, self.name_en.clone(), self.slug_en.clone()),
            (Locale::Ru, self.name_ru.clone(), self.slug_ru.clone()),
            (Locale::Tr, self.name_tr.clone(), self.slug_tr.clone()),
            (Locale::It, self.name_it.clone(), self.slug_it.clone()),
            (Locale::Es, self.name_es.clone(), self.slug_es.clone()),
        ]
    }

    fn name_fields(&self, ctx: &PageCtx, errors: &FormErrors, with_slugs: bool) -> Vec<Field> {
        let mut out = Vec::new();
        for ((l, name, slug), (_, nf, sf)) in
            self.entries().into_iter().zip(categories::NAME_FIELDS)
        {
            let mut f = Field::new(ctx, nf, "text", &name, errors).max(80);
            f.label = ctx.t1("staff-category-name", "language", l.autonym());
            f.required = l == Locale::En;
            out.push(f);
            if with_slugs {
                let mut f = Field::new(ctx, sf, "text", &slug, errors).max(80);
                f.label = ctx.t1("staff-category-slug", "language", l.autonym());
                f.required = false;
                out.push(f);
            }
        }
        out
    }

    /// The form filled with a category's current names and slugs.
    fn from_row(row: &categories::AdminCategory) -> Self {
        let get = |i: usize, slug: bool| {
            row.names
                .get(i)
                .and_then(|(_, n)| n.as_ref())
                .map(|(n, s)| if slug { s.clone() } else { n.clone() })
                .unwrap_or_default()
        };
        CategoryForm {
            name_en: get(0, false),
            name_ru: get(1, false),
            name_tr: get(2, false),
            name_it: get(3, false),
            name_es: get(4, false),
            slug_en: get(0, true),
            slug_ru: get(1, true),
            slug_tr: get(2, true),
            slug_it: get(3, true),
            slug_es: get(4, true),
            ..Default::default()
        }
    }
}

fn parent_choices(
    ctx: &PageCtx,
    rows: &[categories::AdminCategory],
    selected: Option<i64>,
    exclude: Option<i64>,
) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.t("staff-category-top-level"),
        selected: selected.is_none(),
    }];
    for r in rows {
        if Some(r.id) == exclude {
            continue;
        }
        let name = display_name(ctx, r);
        out.push(Choice {
            value: r.id.to_string(),
            label: format!("{}{}", "— ".repeat(r.depth), name),
            selected: Some(r.id) == selected,
        });
    }
    out
}

fn display_name(ctx: &PageCtx, r: &categories::AdminCategory) -> String {
    r.names
        .iter()
        .find(|(l, _)| *l == ctx.locale)
        .and_then(|(_, n)| n.clone())
        .or_else(|| r.names.iter().find_map(|(_, n)| n.clone()))
        .map(|(n, _)| n)
        .unwrap_or_else(|| format!("#{}", r.id))
}

fn categories_page(
    ctx: PageCtx,
    rows: Vec<categories::AdminCategory>,
    stale: &[String],
    max_age: i64,
    form: &CategoryForm,
    errors: &FormErrors,
) -> CategoriesPage {
    let l = ctx.locale;
    let lines = rows
        .iter()
        .map(|r| {
            let missing: Vec<&str> = r
                .names
                .iter()
                .filter(|(_, n)| n.is_none())
                .map(|(l, _)| l.code())
                .collect();
            // Headed by its name in the page's language, else English, else any it has.
            let name_in = |want: crate::i18n::Locale| {
                r.names
                    .iter()
                    .find(|(x, n)| *x == want && n.is_some())
                    .and_then(|(_, n)| n.as_ref().map(|(n, _)| n.clone()))
            };
            let title = name_in(l)
                .or_else(|| name_in(crate::i18n::Locale::FALLBACK))
                .or_else(|| {
                    r.names
                        .iter()
                        .find_map(|(_, n)| n.as_ref().map(|(n, _)| n.clone()))
                })
                .unwrap_or_default();
            CategoryLine {
                id: r.id,
                title,
                indent: "— ".repeat(r.depth),
                hidden: r.hidden,
                names: r
                    .names
                    .iter()
                    .map(|(l, n)| {
                        (
                            l.code().to_string(),
                            n.as_ref().map(|(n, s)| format!("{n} /{s}")),
                        )
                    })
                    .collect(),
                missing: if missing.is_empty() {
                    String::new()
                } else {
                    ctx.t1("staff-category-missing", "languages", &missing.join(", "))
                },
                products: ctx.tr.t_count("catalogue-product-count", r.products),
                edit_url: url(l, &format!("/categories/{}", r.id)),
            }
        })
        .collect();
    let selected = form.parent.parse().ok();
    let parent_choices = parent_choices(&ctx, &rows, selected, None);
    let fields = form.name_fields(&ctx, errors, false);
    let summary = summary(&ctx, errors);
    let chrome = chrome(&ctx, "/categories", stale, max_age);
    CategoriesPage {
        chrome,
        lines,
        parent_choices,
        fields,
        summary,
        ctx,
    }
}

pub async fn categories(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (rows, stale) = state
        .db(move |c| Ok((categories::admin_rows(c)?, stale_codes(c, max_age, now)?)))
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    render_status(
        &categories_page(
            ctx,
            rows,
            &stale,
            max_age,
            &CategoryForm::default(),
            &FormErrors::default(),
        ),
        StatusCode::OK,
    )
}

pub async fn create_category(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    session: Session,
    form: web::Form<CategoryForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let form = form.into_inner();
    let (actor, entries, parent) = (staff.0.id, form.entries(), form.parent.parse::<i64>().ok());
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let result = state
        .write(
            move |c| match categories::create(c, actor, parent, &entries, now)? {
                Ok(_) => Ok(Ok(())),
                Err(e) => Ok(Err((
                    e,
                    categories::admin_rows(c)?,
                    stale_codes(c, max_age, now)?,
                ))),
            },
        )
        .await?;
    match result {
        Ok(()) => Ok(category_saved(&session, lang, Some("staff-saved"))),
        Err((errors, rows, stale)) => {
            let ctx = PageCtx::build(&req, &state, lang.0);
            render_status(
                &categories_page(ctx, rows, &stale, max_age, &form, &errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

/// What the edit page re-shows after a failed action.
struct EditState<'a> {
    form: Option<&'a CategoryForm>,
    errors: &'a FormErrors,
    problem: Option<&'a str>,
}

fn edit_page(
    ctx: PageCtx,
    rows: &[categories::AdminCategory],
    id: i64,
    (stale, max_age): (&[String], i64),
    st: EditState<'_>,
) -> AppResult<CategoryEditPage> {
    let EditState {
        form,
        errors,
        problem,
    } = st;
    let row = rows
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(AppError::not_found)?;
    let current = CategoryForm::from_row(row);
    let form = form.unwrap_or(&current);
    let fields = form.name_fields(&ctx, errors, true);
    let subtree: Vec<i64> = {
        let mut ids = vec![id];
        let mut i = 0;
        while i < ids.len() {
            let cur = ids[i];
            ids.extend(
                rows.iter()
                    .filter(|r| r.parent_id == Some(cur))
                    .map(|r| r.id),
            );
            i += 1;
        }
        ids
    };
    let mut parents = parent_choices(&ctx, rows, row.parent_id, Some(id));
    parents.retain(|c| {
        c.value
            .parse::<i64>()
            .map_or(true, |v| !subtree.contains(&v))
    });
    let mut target_choices = parent_choices(&ctx, rows, None, Some(id));
    target_choices.retain(|c| !c.value.is_empty());
    Ok(CategoryEditPage {
        id,
        title: display_name(&ctx, row),
        summary: summary(&ctx, errors),
        fields,
        parent_choices: parents,
        target_choices,
        products: ctx.tr.t_count("catalogue-product-count", row.products),
        hidden: row.hidden,
        reduced_vat: row.reduced_vat,
        problem: problem.map(|p| ctx.t(p)),
        chrome: chrome(&ctx, "/categories", stale, max_age),
        ctx,
    })
}

pub async fn edit_category(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (rows, stale) = state
        .db(move |c| Ok((categories::admin_rows(c)?, stale_codes(c, max_age, now)?)))
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    render_status(
        &edit_page(
            ctx,
            &rows,
            id,
            (&stale, max_age),
            EditState {
                form: None,
                errors: &FormErrors::default(),
                problem: None,
            },
        )?,
        StatusCode::OK,
    )
}

pub async fn update_category(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    checked: Checked<CategoryForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (actor, entries) = (staff.0.id, checked.form.entries());
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let result = state
        .write(
            move |c| match categories::update(c, actor, id, &entries, now)? {
                Ok(()) => Ok(Ok(())),
                Err(e) => Ok(Err((
                    e,
                    categories::admin_rows(c)?,
                    stale_codes(c, max_age, now)?,
                ))),
            },
        )
        .await?;
    let Err((errors, rows, stale)) = result else {
        return Ok(checked.saved("staff-saved", &url(lang.0, &format!("/categories/{id}"))));
    };
    let ctx = PageCtx::build(&req, &state, lang.0);
    let st = EditState {
        form: Some(&checked.form),
        errors: &errors,
        problem: None,
    };
    let page = edit_page(ctx, &rows, id, (&stale, max_age), st)?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(Deserialize)]
pub struct TargetForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    hidden: String,
    #[serde(default)]
    reduced_vat: String,
}

async fn category_problem(
    req: &HttpRequest,
    lang: Lang,
    id: i64,
    problem: &str,
    state: &web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (rows, stale) = state
        .db(move |c| Ok((categories::admin_rows(c)?, stale_codes(c, max_age, now)?)))
        .await?;
    let ctx = PageCtx::build(req, state, lang.0);
    render_status(
        &edit_page(
            ctx,
            &rows,
            id,
            (&stale, max_age),
            EditState {
                form: None,
                errors: &FormErrors::default(),
                problem: Some(problem),
            },
        )?,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

/// After a category write (through `AppState::write`, so the storefront sees it at once): back to the list.
fn category_saved(session: &Session, lang: Lang, flash: Option<&str>) -> HttpResponse {
    if let Some(id) = flash {
        SessionData(session).set_flash(id);
    }
    see_other(&url(lang.0, "/categories"))
}

pub async fn move_category(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<TargetForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let (actor, parent) = (staff.0.id, form.target.parse::<i64>().ok());
    let now = state.clock.now();
    match state
        .write(move |c| categories::move_to(c, actor, id, parent, now))
        .await?
    {
        Ok(()) => Ok(category_saved(&session, lang, Some("staff-saved"))),
        Err(problem) => category_problem(&req, lang, id, problem, &state).await,
    }
}

pub async fn reorder_category(
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<TargetForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let (actor, up) = (staff.0.id, form.direction == "up");
    let now = state.clock.now();
    state
        .write(move |c| categories::reorder(c, actor, id, up, now))
        .await?;
    Ok(category_saved(&session, lang, None))
}

pub async fn category_visibility(
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<TargetForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let (actor, hidden) = (staff.0.id, form.hidden == "1");
    let now = state.clock.now();
    state
        .write(move |c| categories::set_hidden(c, actor, id, hidden, now))
        .await?;
    Ok(category_saved(&session, lang, Some("staff-saved")))
}

/// `POST /{lang}/staff/categories/{id}/vat`: whether its goods take the reduced VAT rate.
pub async fn category_vat(
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<TargetForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let (actor, reduced) = (staff.0.id, form.reduced_vat == "1");
    let now = state.clock.now();
    state
        .write(move |c| categories::set_reduced_vat(c, actor, id, reduced, now))
        .await?;
    Ok(category_saved(&session, lang, Some("staff-saved")))
}

pub async fn delete_category(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<TargetForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let (actor, target) = (staff.0.id, form.target.parse::<i64>().ok());
    let now = state.clock.now();
    match state
        .write(move |c| categories::delete(c, actor, id, target, now))
        .await?
    {
        Ok(()) => Ok(category_saved(&session, lang, Some("staff-deleted"))),
        Err(problem) => category_problem(&req, lang, id, problem, &state).await,
    }
}
