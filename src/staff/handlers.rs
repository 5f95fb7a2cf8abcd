//! Thin staff handlers: every one requires the staff role; POSTs check the CSRF token and record an audit entry.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::views::*;
use super::{audit, categories, dashboard, rates};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::parse_decimal;
use crate::i18n::{Arg, Locale};
use crate::money::Currency;
use crate::state::AppState;
use crate::web::auth::RequireStaff;
use crate::web::extract::Lang;
use crate::web::forms::{summary, Field, FormErrors};
use crate::web::page::{Choice, PageCtx};
use crate::web::session::SessionData;
use crate::web::{render_status, require_csrf, see_other};

fn url(l: Locale, rest: &str) -> String {
    format!("/{l}/staff{rest}")
}

/// Oldest current rate age check, done with the page's other queries.
pub fn stale_codes(
    c: &mut DbConnection,
    max_age_days: i64,
    t: time::PrimitiveDateTime,
) -> AppResult<Vec<String>> {
    Ok(rates::current(c, t)?
        .into_iter()
        .filter(|(cur, _, from)| {
            *cur != Currency::BASE && *from < t - time::Duration::days(max_age_days)
        })
        .map(|(cur, _, _)| cur.code().to_string())
        .collect())
}

pub fn chrome(ctx: &PageCtx, current: &str, stale: &[String], max_age_days: i64) -> StaffChrome {
    let l = ctx.locale;
    let nav = [
        ("", "staff-nav-dashboard"),
        ("/merchants", "staff-nav-merchants"),
        ("/orders", "staff-nav-orders"),
        ("/promos", "staff-nav-promos"),
        ("/categories", "staff-nav-categories"),
        ("/rates", "staff-nav-rates"),
        ("/reports", "staff-nav-reports"),
        ("/pages", "staff-nav-pages"),
        ("/audit", "staff-nav-audit"),
    ]
    .iter()
    .map(|(rest, id)| (ctx.t(id), url(l, rest), *rest == current))
    .collect();
    let stale_warning = (!stale.is_empty()).then(|| {
        ctx.tr.t_args(
            "staff-rates-stale",
            &[
                ("currencies", Arg::Str(&stale.join(", "))),
                ("days", Arg::Num(max_age_days)),
            ],
        )
    });
    StaffChrome { nav, stale_warning }
}

fn when(ctx: &PageCtx, t: time::PrimitiveDateTime) -> String {
    ctx.when_zoned(t, ctx.staff_zone())
}

fn locale_name(ctx: &PageCtx, code: &str) -> String {
    Locale::parse(code)
        .map(|l| l.autonym().to_string())
        .unwrap_or_else(|| ctx.t("staff-unknown"))
}

// ---------- dashboard ----------

pub async fn dashboard(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (overview, recent, stale, reports) = state
        .db(move |c| {
            let o = dashboard::overview(c, now)?;
            let r = audit::list(c, &audit::AuditFilter::default(), 8, 0)?;
            let reports = crate::reports::service::open_count(c)?;
            Ok((o, r, stale_codes(c, max_age, now)?, reports))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let n = |v: i64| ctx.tr.i18n().formatters.number(ctx.locale, v);
    let tiles = vec![
        (ctx.t("staff-tile-pending"), n(overview.pending_merchants)),
        (ctx.t("staff-tile-shops"), n(overview.approved_merchants)),
        (ctx.t("staff-tile-products"), n(overview.listed_products)),
        (
            ctx.t("staff-tile-new-products"),
            n(overview.new_products_week),
        ),
        (ctx.t("staff-tile-open-reports"), n(reports)),
    ];
    let mut misses: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (loc, q, times) in overview.misses {
        let name = locale_name(&ctx, &loc);
        match misses.iter_mut().find(|(x, _)| *x == name) {
            Some((_, list)) => list.push((q, n(times))),
            None => misses.push((name, vec![(q, n(times))])),
        }
    }
    let recent = recent.into_iter().map(|e| audit_line(&ctx, e)).collect();
    let chrome = chrome(&ctx, "", &stale, max_age);
    render_status(
        &DashboardPage {
            chrome,
            tiles,
            misses,
            recent,
            ctx,
        },
        StatusCode::OK,
    )
}

fn audit_line(ctx: &PageCtx, e: audit::AuditEntry) -> AuditLine {
    AuditLine {
        when: when(ctx, e.created_at),
        actor: e.actor_email.unwrap_or_else(|| ctx.t("staff-unknown")),
        action: e.action,
        subject: e.subject,
        detail: e.detail,
    }
}

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
    session: Session,
    form: web::Form<CategoryForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let form = form.into_inner();
    let (actor, entries) = (staff.0.id, form.entries());
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
    match result {
        Ok(()) => {
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&url(lang.0, &format!("/categories/{id}"))))
        }
        Err((errors, rows, stale)) => {
            let ctx = PageCtx::build(&req, &state, lang.0);
            render_status(
                &edit_page(
                    ctx,
                    &rows,
                    id,
                    (&stale, max_age),
                    EditState {
                        form: Some(&form),
                        errors: &errors,
                        problem: None,
                    },
                )?,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
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

// ---------- rates ----------

#[derive(Deserialize, Default)]
pub struct RateForm {
    #[serde(default)]
    csrf: String,
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
    let st = RateFormState {
        form: &form,
        rate_error: None,
        confirm_needed: false,
        csv_errors: vec![],
        csv_confirm_needed: false,
    };
    render_status(&rates_page(ctx, d, max_age, st), StatusCode::OK)
}

pub async fn set_rate(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    session: Session,
    form: web::Form<RateForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let form = form.into_inner();
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
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
        Ok(()) => {
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&url(lang.0, "/rates")))
        }
        Err(problem) => {
            let d = state.db(move |c| load_rates(c, max_age, now)).await?;
            let ctx = PageCtx::build(&req, &state, lang.0);
            let st = RateFormState {
                form: &form,
                rate_error: Some(ctx.t(problem)),
                confirm_needed: problem == "staff-rate-confirm",
                csv_errors: vec![],
                csv_confirm_needed: false,
            };
            render_status(
                &rates_page(ctx, d, max_age, st),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub async fn import_rates(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    session: Session,
    form: web::Form<RateForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let form = form.into_inner();
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (actor, confirmed, text) = (staff.0.id, form.confirm == "1", form.csv.clone());
    match state
        .write(move |c| rates::import_csv(c, actor, &text, confirmed, now))
        .await?
    {
        Ok(_) => {
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&url(lang.0, "/rates")))
        }
        Err(errors) => {
            let d = state.db(move |c| load_rates(c, max_age, now)).await?;
            let ctx = PageCtx::build(&req, &state, lang.0);
            let csv_confirm_needed = errors.iter().all(|(_, id)| *id == "staff-rate-confirm");
            let csv_errors = errors
                .iter()
                .map(|(line, id)| {
                    ctx.tr.t_args(
                        "staff-import-line",
                        &[
                            ("line", Arg::Num(*line as i64)),
                            ("problem", Arg::Str(&ctx.t(id))),
                        ],
                    )
                })
                .collect();
            let st = RateFormState {
                form: &form,
                rate_error: None,
                confirm_needed: false,
                csv_errors,
                csv_confirm_needed,
            };
            render_status(
                &rates_page(ctx, d, max_age, st),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

// ---------- audit ----------

pub async fn audit(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let mut filter = audit::AuditFilter::default();
    let mut page: i64 = 1;
    for (k, v) in form_urlencoded::parse(req.query_string().as_bytes()) {
        match k.as_ref() {
            "action" if !v.is_empty() => filter.action = Some(v.chars().take(64).collect()),
            "actor" if !v.trim().is_empty() => {
                filter.actor = Some(v.trim().chars().take(254).collect())
            }
            "page" => page = v.parse::<i64>().unwrap_or(1).clamp(1, 1000),
            _ => {}
        }
    }
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let f2 = filter.clone();
    let (entries, actions, stale) = state
        .db(move |c| {
            Ok((
                audit::list(c, &f2, 51, (page - 1) * 50)?,
                audit::actions(c)?,
                stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let more = entries.len() > 50;
    let lines = entries
        .into_iter()
        .take(50)
        .map(|e| audit_line(&ctx, e))
        .collect();
    let mut action_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("staff-audit-all"),
        selected: filter.action.is_none(),
    }];
    action_choices.extend(actions.into_iter().map(|a| Choice {
        selected: filter.action.as_deref() == Some(a.as_str()),
        label: a.clone(),
        value: a,
    }));
    let mut pairs = Vec::new();
    if let Some(a) = &filter.action {
        pairs.push(("action", a.clone()));
    }
    if let Some(a) = &filter.actor {
        pairs.push(("actor", a.clone()));
    }
    pairs.push(("page", (page + 1).to_string()));
    let next_url = more.then(|| {
        format!(
            "{}{}",
            url(lang.0, "/audit"),
            crate::web::routes::query(&pairs)
        )
    });
    let chrome = chrome(&ctx, "/audit", &stale, max_age);
    render_status(
        &AuditPage {
            chrome,
            lines,
            action_choices,
            actor: filter.actor.unwrap_or_default(),
            next_url,
            ctx,
        },
        StatusCode::OK,
    )
}
