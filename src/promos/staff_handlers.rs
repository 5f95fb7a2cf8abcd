//! Thin handlers for staff campaign management: list, create, edit, duplicate, publish/unpublish, delete
//! drafts, hero image. The rules are in `editor.rs`, the form in `form.rs`, the pages in `staff_views.rs`.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::editor;
use super::form::FormInput;
use super::repo;
use super::staff_views::{base, edit_url, form_page, lines, Choices};
use super::views::StaffPromosPage;
use crate::campaigns::model::PromoStatus;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::RequireStaff;
use crate::http::checked::{saved, Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::forms::FormErrors;
use crate::http::page::PageCtx;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, upload};
use crate::ids::PromoId;
use crate::media::MAX_UPLOAD_BYTES;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/promos", web::get().to(list))
        .route("/staff/promos/new", web::get().to(new_form))
        .route("/staff/promos/new", web::post().to(create))
        .route("/staff/promos/{id}/edit", web::get().to(edit_form))
        .route("/staff/promos/{id}/edit", web::post().to(update))
        .route("/staff/promos/{id}/status", web::post().to(set_status))
        .route("/staff/promos/{id}/duplicate", web::post().to(duplicate))
        .route("/staff/promos/{id}/delete", web::post().to(delete))
        .route("/staff/promos/{id}/hero", web::post().to(hero))
        .route("/staff/promos/{id}/preview", web::get().to(preview))
        .route("/staff/promos/{id}/add", web::post().to(add_picks));
}

fn chrome(ctx: &PageCtx, state: &AppState) -> crate::backoffice::staff::StaffChrome {
    crate::backoffice::staff::chrome(ctx, "/promos", &[], state.config.rate_max_age_days)
}

pub async fn list(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (rows, texts) = state
        .db(|c| {
            let rows = repo::all(c)?;
            let ids: Vec<PromoId> = rows.iter().map(|r| r.id).collect();
            Ok((rows, repo::texts_of(c, &ids)?))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let lines = lines(&ctx, &rows, &texts, state.clock.now());
    let chrome = chrome(&ctx, &state);
    render_status(&StaffPromosPage { ctx, chrome, lines }, StatusCode::OK)
}

/// The form, new (`id` none) or of campaign `id`, with what was typed and its errors.
fn form_response(
    ctx: PageCtx,
    state: &AppState,
    id: Option<PromoId>,
    f: &FormInput,
    errors: &FormErrors,
    ch: &Choices,
) -> AppResult<HttpResponse> {
    let l = ctx.locale;
    let chrome = chrome(&ctx, state);
    let (heading, action) = match id {
        Some(id) => (ctx.t("promo-edit-title"), edit_url(l, id)),
        None => (ctx.t("promo-new-title"), format!("{}/new", base(l))),
    };
    let page = form_page(ctx, chrome, heading, action, f, errors, ch, None, None);
    render_status(&page, crate::http::forms::form_status(errors))
}

pub async fn new_form(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let ch = state.db(move |c| editor::choices(c, l)).await?;
    let ctx = PageCtx::build(&req, &state, l);
    form_response(
        ctx,
        &state,
        None,
        &FormInput::blank(l),
        &FormErrors::default(),
        &ch,
    )
}

async fn save(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
    id: Option<PromoId>,
) -> AppResult<HttpResponse> {
    let f = FormInput::from_pairs(&checked.form);
    let (l, actor, f2, now) = (lang.0, staff.0.id, f.clone(), state.clock.now());
    let result = state
        .write(move |c| editor::save(c, id, &f2, actor, now, l))
        .await?;
    match result {
        Ok(saved) => Ok(checked.saved("staff-saved", &edit_url(l, saved))),
        Err((errors, ch)) => {
            let ctx = PageCtx::build(&req, &state, l);
            form_response(ctx, &state, id, &f, &errors, &ch)
        }
    }
}

pub async fn create(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    save(req, lang, staff, checked, state, None).await
}

pub async fn update(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    staff: RequireStaff,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    save(req, lang, staff, checked, state, Some(id)).await
}

/// The edit page of campaign `id`, with a problem above the hero image or the status buttons.
async fn render_edit(
    req: &HttpRequest,
    lang: Lang,
    state: &web::Data<AppState>,
    id: PromoId,
    problem: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    render_edit_finding(req, lang, state, id, (problem, status), None).await
}

/// The edit page, with the products a search found to add (the search and its results).
async fn render_edit_finding(
    req: &HttpRequest,
    lang: Lang,
    state: &web::Data<AppState>,
    id: PromoId,
    (problem, status): (Option<String>, StatusCode),
    found: Option<super::views::Found>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let e = state.db(move |c| editor::editing(c, id, l)).await?;
    let ctx = PageCtx::build(req, state, l);
    let chrome = chrome(&ctx, state);
    let heading = ctx.t("promo-edit-title");
    let errors = FormErrors::default();
    let action = edit_url(l, id);
    let page = form_page(
        ctx,
        chrome,
        heading,
        action,
        &e.form,
        &errors,
        &e.choices,
        Some(e.stored),
        problem,
    );
    let page = super::staff_views::with_finder(page, found, id);
    render_status(&page, status)
}

#[derive(Deserialize)]
pub struct FindAsk {
    #[serde(default)]
    find: String,
}

/// The edit page; with `?find=` it lists the products whose titles match (any language) to add with checkboxes.
pub async fn edit_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    q: web::Query<FindAsk>,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, l) = (path.into_inner().1, lang.0);
    let find: String = q.into_inner().find.trim().chars().take(200).collect();
    if find.is_empty() {
        return render_edit(&req, lang, &state, id, None, StatusCode::OK).await;
    }
    let found = state.db(move |c| editor::find(c, &find, l)).await?;
    render_edit_finding(&req, lang, &state, id, (None, StatusCode::OK), Some(found)).await
}

/// Adds the products, shops and categories picked from a search to the campaign.
pub async fn add_picks(
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    staff: RequireStaff,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let picked = editor::Picks::from_pairs(&checked.form);
    let (actor, now) = (staff.0.id, state.clock.now());
    state
        .write(move |c| editor::add_picks(c, id, &picked, actor, now))
        .await?;
    Ok(checked.saved("staff-saved", &edit_url(lang.0, id)))
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    staff: RequireStaff,
    checked: Checked<ActionForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let to = PromoStatus::parse(&checked.form.status)
        .ok_or_else(|| AppError::new(ErrorCode::BadRequest))?;
    let (actor, now) = (staff.0.id, state.clock.now());
    let refused = state
        .write(move |c| editor::set_status(c, id, to, actor, now))
        .await?;
    let Some(why) = refused else {
        return Ok(checked.saved("staff-saved", &edit_url(lang.0, id)));
    };
    let msg = PageCtx::build(&req, &state, lang.0).t(why);
    render_edit(
        &req,
        lang,
        &state,
        id,
        Some(msg),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize)]
pub struct DuplicateForm {
    /// `year`: the copy runs one year later (last year's Black Friday as this year's).
    #[serde(default)]
    shift: String,
}

pub async fn duplicate(
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    staff: RequireStaff,
    checked: Checked<DuplicateForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (actor, now, years) = (
        staff.0.id,
        state.clock.now(),
        i32::from(checked.form.shift == "year"),
    );
    let new_id = state
        .db(move |c| editor::duplicate(c, id, years, actor, now))
        .await?;
    Ok(checked.saved("promo-duplicated", &edit_url(lang.0, new_id)))
}

pub async fn delete(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    staff: RequireStaff,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let (actor, now) = (staff.0.id, state.clock.now());
    let deleted = state
        .db(move |c| editor::delete_draft(c, id, actor, now))
        .await?;
    if deleted {
        return Ok(checked.saved("promo-deleted", &base(lang.0)));
    }
    let msg = PageCtx::build(&req, &state, lang.0).t("promo-delete-published");
    render_edit(&req, lang, &state, id, Some(msg), StatusCode::CONFLICT).await
}

pub async fn hero(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    _staff: RequireStaff,
    session: actix_session::Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let up = upload::read(mp, 1, MAX_UPLOAD_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    let file = up.files.into_iter().find(|f| f.field == "hero");
    match editor::replace_hero(&state, id, file).await? {
        Ok(()) => Ok(saved(&session, "staff-saved", &edit_url(lang.0, id))),
        Err(problem) => {
            let msg = PageCtx::build(&req, &state, lang.0).t(problem.message_id());
            render_edit(
                &req,
                lang,
                &state,
                id,
                Some(msg),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct PreviewAsk {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    market: String,
    /// A `datetime-local` value in the staff member's zone.
    #[serde(default)]
    at: String,
}

/// The preview form (language, market, instant; no script needed) sends staff to the promo page as those
/// shoppers will see it then.
pub async fn preview(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    q: web::Query<PreviewAsk>,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let l = crate::i18n::Locale::parse(&q.lang).unwrap_or(lang.0);
    let texts = state.db(move |c| Ok(repo::texts(c, id)?)).await?;
    let text = repo::pick(&texts, l).ok_or_else(AppError::not_found)?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let at = crate::campaigns::schedule::local_in_zone(&q.at, ctx.staff_zone())
        .unwrap_or_else(|| state.clock.now());
    let market = crate::geo::CountryCode::parse(&q.market).map_or(String::new(), |m| m.to_string());
    let to = super::staff_views::preview_url(l, &text.slug, at, &market);
    Ok(crate::http::see_other(&to))
}
