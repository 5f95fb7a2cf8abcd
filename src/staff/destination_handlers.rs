//! Staff handlers for closed destinations: the list, a form to close one (or change its reason), reopening.

use actix_web::{web, HttpRequest, HttpResponse};

use super::destination_views::{ClosedLine, DestinationsPage};
use super::handlers::{stale_codes, url, when};
use crate::backoffice::staff::chrome;
use crate::destinations::model::{Reason, RestrictionRow};
use crate::destinations::service::{self, Draft, NOTE_MAX};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::geo::CountryCode;
use crate::http::auth::RequireStaff;
use crate::http::checked::{Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::forms::{form_status, summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::render_status;
use crate::http::state::AppState;

struct Data {
    closed: Vec<RestrictionRow>,
    stale: Vec<String>,
    max_age: i64,
}

async fn load(state: &web::Data<AppState>) -> AppResult<Data> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    state
        .db(move |c| {
            Ok(Data {
                closed: crate::destinations::repo::all(c)?,
                stale: stale_codes(c, max_age, now)?,
                max_age,
            })
        })
        .await
}

fn line(ctx: &PageCtx, row: RestrictionRow) -> ClosedLine {
    let cc = CountryCode::parse(&row.country);
    ClosedLine {
        country: cc.map_or_else(|| row.country.clone(), |c| ctx.country_name(&c)),
        reason: Reason::parse(&row.reason).map_or(row.reason.clone(), |r| ctx.t(&r.label_id())),
        reopen: url(ctx.locale, &format!("/destinations/{}/reopen", row.country)),
        since: when(ctx, row.closed_at),
        code: row.country,
        note: row.note,
    }
}

fn page(ctx: PageCtx, d: Data, form: &Draft, errors: &FormErrors) -> AppResult<HttpResponse> {
    let mut reasons = vec![Choice {
        value: String::new(),
        label: ctx.t("destination-reason-pick"),
        selected: form.reason.is_empty(),
    }];
    reasons.extend(Reason::ALL.iter().map(|r| Choice {
        value: r.code().to_string(),
        label: ctx.t(&r.label_id()),
        selected: form.reason == r.code(),
    }));
    let mut countries = ctx.country_choices(form.country.trim());
    countries.insert(
        0,
        Choice {
            value: String::new(),
            label: ctx.t("destination-country-pick"),
            selected: form.country.trim().is_empty(),
        },
    );
    let fields = vec![
        Field::new(&ctx, "country", "select", &form.country, errors)
            .label(ctx.t("destination-country"))
            .options(countries),
        Field::new(&ctx, "reason", "select", &form.reason, errors)
            .label(ctx.t("destination-reason"))
            .hint(ctx.t("destination-reason-hint"))
            .options(reasons),
        Field::new(&ctx, "note", "textarea", &form.note, errors)
            .label(ctx.t("destination-note"))
            .hint(ctx.t("destination-note-hint"))
            .max(NOTE_MAX)
            .optional(),
    ];
    let view = DestinationsPage {
        chrome: chrome(&ctx, "/destinations", &d.stale, d.max_age),
        lines: d.closed.into_iter().map(|r| line(&ctx, r)).collect(),
        fields,
        summary: summary(&ctx, errors),
        ctx,
    };
    render_status(&view, form_status(errors))
}

/// `GET /{lang}/staff/destinations`.
pub async fn destinations(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let d = load(&state).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    page(ctx, d, &Draft::default(), &FormErrors::default())
}

/// `POST /{lang}/staff/destinations`: closes a destination (or changes why it is closed).
pub async fn close(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    checked: Checked<Draft>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (form, actor, now) = (&checked.form, staff.0.id, state.clock.now());
    let countries = &state.i18n.formatters.countries;
    match service::check(form, |c| countries.contains(c)) {
        Ok(closing) => {
            state
                .write(move |c| service::close(c, actor, &closing, now))
                .await?;
            Ok(checked.saved("destination-closed", &url(lang.0, "/destinations")))
        }
        Err(problems) => {
            let mut errors = FormErrors::default();
            problems.iter().for_each(|(f, id)| errors.add(f, id));
            let d = load(&state).await?;
            page(PageCtx::build(&req, &state, lang.0), d, form, &errors)
        }
    }
}

/// `POST /{lang}/staff/destinations/{country}/reopen`.
pub async fn reopen(
    lang: Lang,
    path: web::Path<(String, String)>,
    staff: RequireStaff,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let cc = CountryCode::parse(&path.into_inner().1)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let (actor, now) = (staff.0.id, state.clock.now());
    if !state
        .write(move |c| service::reopen(c, actor, cc, now))
        .await?
    {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    Ok(checked.saved("destination-reopened", &url(lang.0, "/destinations")))
}
