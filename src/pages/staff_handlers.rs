//! Staff editing of the site pages: the list, one page in one language with its history, save and restore.
//! Every handler requires the staff role; POSTs check the CSRF token; the service writes the audit entry.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service::{self, Draft, Editor};
use super::views::{HistoryLine, StaffEditPage, StaffListPage};
use super::PageKey;
use crate::error::{AppError, AppResult};
use crate::http::auth::RequireStaff;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::PageCtx;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::i18n::Locale;
use crate::routes;

fn chrome(ctx: &PageCtx, state: &AppState) -> crate::backoffice::staff::StaffChrome {
    crate::backoffice::staff::chrome(ctx, "/pages", &[], state.config.rate_max_age_days)
}

/// `{key}/{locale}` from the path, both known.
fn target(path: &(String, String, String)) -> AppResult<(PageKey, Locale)> {
    let key = PageKey::parse(&path.1).ok_or_else(AppError::not_found)?;
    let locale = Locale::parse(&path.2).ok_or_else(AppError::not_found)?;
    Ok((key, locale))
}

pub(super) fn edit_url(l: Locale, key: PageKey, locale: Locale) -> String {
    routes::staff(l, &format!("/pages/{}/{}", key.as_str(), locale.code()))
}

pub async fn list(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let edited = state.db(service::overview).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let chrome = chrome(&ctx, &state);
    render_status(&StaffListPage::new(ctx, chrome, &edited), StatusCode::OK)
}

fn edit_page(
    ctx: PageCtx,
    state: &AppState,
    (key, locale): (PageKey, Locale),
    editor: Editor,
    draft: &Draft,
    errors: &FormErrors,
) -> StaffEditPage {
    let l = ctx.locale;
    let fields = vec![
        Field::new(&ctx, "title", "text", &draft.title, errors)
            .label(ctx.t("staff-page-title-field"))
            .max(service::TITLE_MAX)
            .lang(locale.code()),
        Field::new(&ctx, "body", "textarea", &draft.body, errors)
            .label(ctx.t("staff-page-body-field"))
            .hint(ctx.t("staff-page-body-hint"))
            .max(service::BODY_MAX)
            .lang(locale.code()),
    ];
    let history = editor
        .history
        .into_iter()
        .enumerate()
        .map(|(i, (rev, author))| HistoryLine {
            id: rev.id,
            when: ctx.when_zoned(rev.created_at, ctx.staff_zone()),
            author: author.unwrap_or_else(|| ctx.t("staff-unknown")),
            title: rev.title,
            body: rev.body,
            current: i == 0,
        })
        .collect();
    StaffEditPage {
        chrome: chrome(&ctx, state),
        heading: ctx.tr.t_args(
            "staff-page-edit-title",
            &[
                ("page", crate::i18n::Arg::Str(&ctx.t(&key.name_id()))),
                ("language", crate::i18n::Arg::Str(locale.autonym())),
            ],
        ),
        action: edit_url(l, key, locale),
        restore_action: format!("{}/restore", edit_url(l, key, locale)),
        view_url: routes::info(locale, key.as_str()),
        is_default: editor.is_default,
        summary: summary(&ctx, errors),
        fields,
        history,
        ctx,
    }
}

pub async fn edit(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String, String)>,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let t = target(&path)?;
    let editor = state.db(move |c| service::editor(c, t.0, t.1)).await?;
    let draft = Draft {
        title: editor.title.clone(),
        body: editor.body.clone(),
    };
    let ctx = PageCtx::build(&req, &state, lang.0);
    let page = edit_page(ctx, &state, t, editor, &draft, &FormErrors::default());
    render_status(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct PageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

pub async fn save(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String, String)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<PageForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (t, actor, now) = (target(&path)?, staff.0.id, state.clock.now());
    let form = form.into_inner();
    let draft = Draft {
        title: form.title,
        body: form.body,
    };
    let d = draft.clone();
    let outcome = state
        .write(move |c| match service::save(c, actor, t.0, t.1, &d, now)? {
            Ok(()) => Ok(Ok(())),
            Err(e) => Ok(Err((e, service::editor(c, t.0, t.1)?))),
        })
        .await?;
    match outcome {
        Ok(()) => {
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&edit_url(lang.0, t.0, t.1)))
        }
        Err((errors, editor)) => {
            let ctx = PageCtx::build(&req, &state, lang.0);
            let page = edit_page(ctx, &state, t, editor, &draft, &errors);
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

#[derive(Deserialize)]
pub struct RestoreForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    revision: i64,
}

pub async fn restore(
    lang: Lang,
    path: web::Path<(String, String, String)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<RestoreForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (t, actor, now, rev) = (target(&path)?, staff.0.id, state.clock.now(), form.revision);
    state
        .write(move |c| service::restore(c, actor, t.0, t.1, rev, now))
        .await?;
    SessionData(&session).set_flash("staff-page-restored");
    Ok(see_other(&edit_url(lang.0, t.0, t.1)))
}
