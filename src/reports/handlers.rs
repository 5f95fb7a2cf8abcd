//! The "report this product" form: `/{lang}/p/{id}/report`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service::{self, Notice};
use super::views::ReportPage;
use super::Reason;
use crate::catalogue::service::ProductName;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::routes;

fn page(
    ctx: PageCtx,
    id: i64,
    product: ProductName,
    n: &Notice,
    errors: &FormErrors,
) -> ReportPage {
    let mut reasons = vec![Choice {
        value: String::new(),
        label: ctx.t("report-reason-choose"),
        selected: n.reason.is_empty(),
    }];
    reasons.extend(Reason::ALL.iter().map(|r| Choice {
        value: r.as_str().to_string(),
        label: ctx.t(&r.message_id()),
        selected: n.reason == r.as_str(),
    }));
    let signed_in = ctx.user.is_some();
    let mut contact = Field::new(&ctx, "contact", "email", &n.contact, errors)
        .label(ctx.t("report-contact"))
        .max(254)
        .autocomplete("email");
    if signed_in {
        contact = contact.optional().hint(ctx.t("report-contact-account"));
    }
    let fields = vec![
        Field::new(&ctx, "reason", "select", &n.reason, errors)
            .label(ctx.t("report-reason"))
            .options(reasons),
        Field::new(&ctx, "details", "textarea", &n.details, errors)
            .label(ctx.t("report-details"))
            .hint(ctx.t("report-details-hint"))
            .max(service::DETAILS_MAX),
        contact,
    ];
    ReportPage {
        heading: ctx.t1("report-title", "product", &product.title),
        product_url: product.url,
        action: routes::report(ctx.locale, id),
        good_faith: n.good_faith,
        good_faith_error: errors.get("good_faith").map(|e| ctx.t(e)),
        summary: summary(&ctx, errors),
        legal_url: routes::info(ctx.locale, "legal"),
        fields,
        ctx,
    }
}

pub async fn form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, id) = (lang.0, path.1);
    let product = state
        .db(move |c| service::reported_product(c, id, l))
        .await?;
    let ctx = PageCtx::build(&req, &state, l);
    let page = page(ctx, id, product, &Notice::default(), &FormErrors::default());
    render_status(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct NoticeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    details: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    good_faith: String,
}

pub async fn file(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: CurrentUser,
    session: Session,
    form: web::Form<NoticeForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (l, id, now) = (lang.0, path.1, state.clock.now());
    let f = form.into_inner();
    let notice = Notice {
        reason: f.reason,
        details: f.details,
        contact: f.contact,
        good_faith: f.good_faith == "1",
    };
    let (reporter, n) = (user.0.map(|u| (u.id, u.email)), notice.clone());
    let (product, outcome) = state
        .db(move |c| {
            let who = reporter.as_ref().map(|(id, e)| (*id, e.as_str()));
            service::file(c, id, &n, who, l, now)
        })
        .await?;
    match outcome {
        Ok(()) => {
            SessionData(&session).set_flash("report-thanks");
            Ok(see_other(&product.url))
        }
        Err(errors) => {
            let ctx = PageCtx::build(&req, &state, l);
            let page = page(ctx, id, product, &notice, &errors);
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
