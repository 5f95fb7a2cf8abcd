//! Thin handlers: the shop application (any signed-in user) and the staff review queue.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::applications::{self, ApplicationInput, Decision};
use super::views::{ApplyPage, ReviewPage};
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::http::auth::{RequireStaff, RequireUser};
use crate::http::checked::saved;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::{AppState, Changes};
use crate::http::{render_status, require_csrf, see_other};
use crate::i18n::Locale;
use crate::routes::merchant_apply;
use crate::shops::model::MerchantStatus;

/// Mounts `/merchant/apply` and `/staff/merchants` inside the `/{lang}` scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/apply", web::get().to(apply_form))
        .route("/merchant/apply", web::post().to(apply))
        .route("/staff/merchants", web::get().to(review))
        .route("/staff/merchants/{id}/decision", web::post().to(decide));
}

#[derive(Deserialize, Default)]
pub struct ApplyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    shop_name: String,
    #[serde(default)]
    legal_name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    tax_id: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    description_lang: String,
}

impl ApplyForm {
    fn input(&self) -> ApplicationInput {
        ApplicationInput {
            shop_name: self.shop_name.clone(),
            legal_name: self.legal_name.clone(),
            address: self.address.clone(),
            country: self.country.clone(),
            city: self.city.clone(),
            contact: self.contact.clone(),
            tax_id: self.tax_id.clone(),
            description: self.description.clone(),
            description_lang: self.description_lang.clone(),
        }
    }
}

fn apply_page(
    ctx: PageCtx,
    allowed: &[CountryCode],
    current: Option<(MerchantStatus, String)>,
    form: &ApplyForm,
    errors: &FormErrors,
) -> ApplyPage {
    let show_form = current
        .as_ref()
        .is_none_or(|(status, _)| *status == MerchantStatus::Rejected);
    let open = current.as_ref().is_some_and(|(status, _)| {
        matches!(status, MerchantStatus::Approved | MerchantStatus::Suspended)
    });
    let status = current.map(|(s, reason)| (ctx.t(&format!("merchant-status-{s}")), reason));
    let mut countries: Vec<Choice> = allowed
        .iter()
        .map(|cc| Choice {
            value: cc.as_str().to_string(),
            label: ctx.country_name(cc),
            selected: form.country == cc.as_str(),
        })
        .collect();
    countries.push(Choice {
        value: "other".into(),
        label: ctx.t("merchant-country-other"),
        selected: form.country == "other",
    });
    let lang = if form.description_lang.is_empty() {
        ctx.locale.code().to_string()
    } else {
        form.description_lang.clone()
    };
    let langs = Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: l.code() == lang,
        })
        .collect();
    let names: Vec<String> = allowed.iter().map(|cc| ctx.country_name(cc)).collect();
    let fields = vec![
        Field::new(&ctx, "shop_name", "text", &form.shop_name, errors)
            .max(80)
            .autocomplete("organization"),
        Field::new(&ctx, "legal_name", "text", &form.legal_name, errors).max(160),
        Field::new(&ctx, "country", "select", &form.country, errors).options(countries),
        Field::new(&ctx, "city", "text", &form.city, errors)
            .max(80)
            .autocomplete("address-level2"),
        Field::new(&ctx, "address", "text", &form.address, errors)
            .label(ctx.t("field-business-address"))
            .hint(ctx.t("merchant-address-hint"))
            .max(200)
            .autocomplete("address-line1"),
        Field::new(&ctx, "contact", "text", &form.contact, errors)
            .max(120)
            .hint(ctx.t("merchant-contact-hint")),
        Field::new(&ctx, "tax_id", "text", &form.tax_id, errors)
            .max(20)
            .hint(ctx.t("merchant-tax-id-hint")),
        Field::new(&ctx, "description", "textarea", &form.description, errors).max(2000),
        Field::new(&ctx, "description_lang", "select", &lang, errors).options(langs),
    ];
    ApplyPage {
        verify_first: false,
        dashboard_url: open.then(|| crate::routes::merchant(ctx.locale, "")),
        status,
        show_form,
        pilot_note: ctx.t1("merchant-pilot-note", "countries", &names.join(", ")),
        summary: summary(&ctx, errors),
        fields,
        ctx,
    }
}

pub async fn apply_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = user.0.id;
    let current = state.db(move |c| Ok(applications::mine(c, id)?)).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let current = current.map(|(m, extra)| (m.status, extra.status_reason));
    let mut page = apply_page(
        ctx,
        &state.config.merchant_countries,
        current,
        &ApplyForm::default(),
        &FormErrors::default(),
    );
    page.verify_first = !user.0.verified;
    page.show_form &= user.0.verified;
    render_status(&page, StatusCode::OK)
}

/// Applying needs a verified address: the application page says so (403), and the banner offers a new link.
async fn unverified(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let mut answer = apply_form(req, lang, user, state).await?;
    *answer.status_mut() = StatusCode::FORBIDDEN;
    Ok(answer)
}

pub async fn apply(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    session: Session,
    form: web::Form<ApplyForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    if !user.0.verified {
        return unverified(req, lang, user, state).await;
    }
    let (form, id, now) = (form.into_inner(), user.0.id, state.clock.now());
    let (input, allowed) = (form.input(), state.config.merchant_countries.clone());
    let result = state
        .db(move |c| applications::apply_or_refused(c, id, (&input, &allowed), now))
        .await?;
    let Err((errors, current)) = result else {
        return Ok(saved(&session, "merchant-applied", &merchant_apply(lang.0)));
    };
    let ctx = PageCtx::build(&req, &state, lang.0);
    let current = current.map(|(m, extra)| (m.status, extra.status_reason));
    let allowed = &state.config.merchant_countries;
    let page = apply_page(ctx, allowed, current, &form, &errors);
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

async fn review_page(
    req: &HttpRequest,
    lang: Lang,
    state: &web::Data<AppState>,
    status: Option<String>,
    problem: Option<&str>,
) -> AppResult<ReviewPage> {
    let (max_age, now) = (state.config.rate_max_age_days, state.clock.now());
    let filter = status.clone();
    let (rows, stale) = state
        .db(move |c| {
            Ok((
                applications::queue(c, filter.as_deref())?,
                crate::staff::handlers::stale_codes(c, max_age, now)?,
            ))
        })
        .await?;
    let ctx = PageCtx::build(req, state, lang.0);
    let chrome = crate::backoffice::staff::chrome(&ctx, "/merchants", &stale, max_age);
    Ok(ReviewPage::new(
        ctx,
        chrome,
        status.as_deref(),
        rows,
        problem,
    ))
}

#[derive(Deserialize)]
pub struct ReviewQuery {
    #[serde(default)]
    status: String,
}

pub async fn review(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    q: web::Query<ReviewQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let status = MerchantStatus::parse(&q.status).map(|s| s.as_str().to_string());
    let page = review_page(&req, lang, &state, status, None).await?;
    render_status(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<DecisionForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let decision = Decision::parse(&form.decision)
        .ok_or_else(|| AppError::new(crate::error::ErrorCode::BadRequest))?;
    let (actor, reason) = (staff.0.id, form.reason.clone());
    let now = state.clock.now();
    match state
        // An approval lists the shop and makes the owner a merchant: their next page must know it.
        .write_changing(Changes::Both, move |c| {
            applications::decide(c, actor, id, decision, &reason, now)
        })
        .await?
    {
        Ok(()) => {
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&crate::routes::staff_area::merchants(lang.0)))
        }
        Err(problem) => {
            let page = review_page(&req, lang, &state, None, Some(problem)).await?;
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
