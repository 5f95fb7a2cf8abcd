//! Staff email (`/staff/mail`): how many messages stand in each state, and the failed ones with their error and
//! a retry button (audited).

use actix_web::{web, HttpRequest, HttpResponse};

use super::handlers::{stale_codes, url, when};
use super::money_views::{FailedMailView, MailPage};
use crate::audit::{self, Act};
use crate::backoffice::staff::chrome;
use crate::error::AppResult;
use crate::http::auth::RequireStaff;
use crate::http::checked::{Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render;
use crate::http::state::AppState;
use crate::mail::outbox::{self, FailedMail};

fn failed_view(ctx: &PageCtx, m: &FailedMail) -> FailedMailView {
    let f = &ctx.tr.i18n().formatters;
    FailedMailView {
        when: when(ctx, m.created_at),
        what: ctx.t(&format!("staff-mail-kind-{}", m.kind)),
        to: m.email.clone(),
        order: m.order.clone().unwrap_or_default(),
        attempts: f.number(ctx.locale, i64::from(m.attempts)),
        error: ctx.t(&format!("staff-mail-error-{}", m.error.replace('_', "-"))),
        retry_url: url(ctx.locale, &format!("/mail/{}/retry", m.id)),
    }
}

fn page(
    ctx: PageCtx,
    counts: &[(String, i64)],
    failed: &[FailedMail],
    stale: &[String],
    max_age: i64,
) -> MailPage {
    let f = &ctx.tr.i18n().formatters;
    MailPage {
        chrome: chrome(&ctx, "/mail", stale, max_age),
        counts: counts
            .iter()
            .map(|(s, n)| {
                (
                    ctx.t(&format!("staff-mail-state-{s}")),
                    f.number(ctx.locale, *n),
                )
            })
            .collect(),
        failed: failed.iter().map(|m| failed_view(&ctx, m)).collect(),
        ctx,
    }
}

pub async fn mail_page(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let (counts, failed, stale) = state
        .db(move |c| {
            Ok((
                outbox::counts(c)?,
                outbox::failed(c, 100)?,
                stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    render(&page(ctx, &counts, &failed, &stale, max_age))
}

pub async fn retry(
    lang: Lang,
    staff: RequireStaff,
    path: web::Path<(String, i64)>,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (id, actor, now) = (path.into_inner().1, staff.0.id, state.clock.now());
    let act = Act {
        actor,
        action: "mail.retry",
        subject: format!("notification#{id}"),
        now,
    };
    let retried = state
        .db(move |c| {
            Ok(audit::if_changed(c, &act, |c| {
                outbox::retry_now(c, id, now)
            })?)
        })
        .await?;
    let flash = ["staff-mail-retry-not-failed", "staff-mail-retry-queued"][usize::from(retried)];
    Ok(checked.saved(flash, &url(lang.0, "/mail")))
}
