//! Thin handlers for checkout: address, review, place, confirmation.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine as _;
use serde::Deserialize;

use super::address::{self, AddressInput};
use super::cart::CartKey;
use super::cart_handlers;
use super::checkout::{self, Placing};
use super::model::{Address, PaymentMethod};
use super::place;
use super::views::{self, AddressPage, DonePage, ReviewPage};
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::http::auth::RequireUser;
use crate::http::checked::Checked;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::PageCtx;
use crate::http::session::{Market, SessionData};
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/checkout", web::get().to(address_form))
        .route("/checkout", web::post().to(save_address))
        .route("/checkout/review", web::get().to(review))
        .route("/checkout/place", web::post().to(place_order))
        .route("/checkout/done", web::get().to(done));
}

fn address_page(ctx: PageCtx, input: &AddressInput, errors: &FormErrors) -> AddressPage {
    let countries = ctx.country_choices(&input.country);
    let fields = vec![
        Field::new(&ctx, "full_name", "text", &input.full_name, errors)
            .max(120)
            .autocomplete("name"),
        Field::new(&ctx, "line1", "text", &input.line1, errors)
            .max(200)
            .autocomplete("address-line1"),
        Field::new(&ctx, "line2", "text", &input.line2, errors)
            .max(200)
            .autocomplete("address-line2")
            .optional(),
        Field::new(&ctx, "city", "text", &input.city, errors)
            .max(100)
            .autocomplete("address-level2"),
        Field::new(&ctx, "postal_code", "text", &input.postal_code, errors)
            .max(12)
            .autocomplete("postal-code"),
        Field::new(&ctx, "country", "select", &input.country, errors)
            .options(countries)
            .autocomplete("country"),
        Field::new(&ctx, "phone", "tel", &input.phone, errors)
            .max(24)
            .autocomplete("tel")
            .hint(ctx.t("address-phone-hint")),
    ];
    AddressPage {
        summary: summary(&ctx, errors),
        fields,
        ctx,
    }
}

pub async fn address_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let uid = user.0.id;
    let saved = state.db(move |c| Ok(address::saved(c, uid)?)).await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let input = match saved {
        Some(a) => AddressInput::from_saved(&a),
        None => AddressInput {
            full_name: user.0.display_name.clone(),
            country: ctx.market.ship_to.as_str().to_string(),
            ..AddressInput::default()
        },
    };
    render_status(
        &address_page(ctx, &input, &FormErrors::default()),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct AddressForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    line1: String,
    #[serde(default)]
    line2: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    postal_code: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    phone: String,
}

impl AddressForm {
    /// The address as typed (the token is checked apart).
    fn input(self) -> AddressInput {
        AddressInput {
            full_name: self.full_name,
            line1: self.line1,
            line2: self.line2,
            city: self.city,
            postal_code: self.postal_code,
            country: self.country,
            phone: self.phone,
        }
    }
}

/// Keeps the market's ship-to country in step with the address (prices and shipping depend on it).
fn follow_address(session: &Session, ctx_market: Market, a: &Address) -> bool {
    match CountryCode::parse(&a.country) {
        Some(cc) if cc != ctx_market.ship_to => {
            SessionData(session).set_market(Market {
                ship_to: cc,
                currency: ctx_market.currency,
            });
            true
        }
        _ => false,
    }
}

pub async fn save_address(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    session: Session,
    form: web::Form<AddressForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let input = form.into_inner().input();
    let closed = state.db(crate::destinations::service::closed).await?;
    let deliverable = |c| address::deliverable(&state.i18n.formatters.countries, &closed, c);
    let ctx = PageCtx::build(&req, &state, lang.0);
    match address::validate(&input, user.0.id, state.clock.now(), deliverable) {
        Ok(a) => {
            if follow_address(&session, ctx.market, &a) {
                SessionData(&session).set_flash("checkout-ship-to-changed");
            }
            state.db(move |c| Ok(address::save(c, &a)?)).await?;
            Ok(see_other(&crate::routes::checkout_review(lang.0)))
        }
        Err(errors) => render_status(
            &address_page(ctx, &input, &errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

fn new_token() -> AppResult<String> {
    let mut raw = [0u8; 24];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw))
}

async fn review_page(
    req: &HttpRequest,
    lang: Lang,
    user: &RequireUser,
    session: &Session,
    state: &web::Data<AppState>,
    payment: Option<PaymentMethod>,
    problem: Option<String>,
) -> AppResult<Option<ReviewPage>> {
    let uid = user.0.id;
    let Some(a) = state.db(move |c| Ok(address::saved(c, uid)?)).await? else {
        return Ok(None);
    };
    let first = PageCtx::build(req, state, lang.0);
    follow_address(session, first.market, &a);
    let ctx = PageCtx::build(req, state, lang.0);
    let Some((_, snap, t, coupon)) =
        cart_handlers::load(state, &ctx, Some(CartKey::User(uid))).await?
    else {
        return Ok(None);
    };
    if snap.lines.is_empty() {
        return Ok(None);
    }
    let token = new_token()?;
    let offered = checkout::offered_for(&state.config, &t);
    Ok(Some(ReviewPage::new(
        ctx,
        &snap,
        (&t, &coupon),
        &a,
        (&offered, payment),
        problem,
        token,
    )))
}

pub async fn review(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    match review_page(&req, lang, &user, &session, &state, None, None).await? {
        Some(page) => render_status(&page, StatusCode::OK),
        None => Ok(see_other(&crate::routes::checkout(lang.0))),
    }
}

#[derive(Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    payment: String,
    #[serde(default)]
    expected_total: Option<i64>,
}

impl PlaceForm {
    /// The review page's one-time token (400 when missing or not one of ours).
    fn token(&self) -> AppResult<String> {
        let token = self.token.trim();
        if token.is_empty() || token.len() > 64 {
            return Err(AppError::new(crate::error::ErrorCode::BadRequest));
        }
        Ok(token.to_string())
    }
}

pub async fn place_order(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    checked: Checked<PlaceForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (form, session) = (&checked.form, &checked.session);
    let ctx = PageCtx::build(&req, &state, lang.0);
    // Only the methods offered at checkout (a card only where a provider is configured).
    let offered = checkout::offered(&state.config);
    let payment = PaymentMethod::parse(&form.payment).filter(|m| offered.contains(m));
    let ask = checkout::PlaceAsk {
        user_id: user.0.id,
        locale: lang.0,
        currency: ctx.market.currency,
        token: form.token()?,
        payment,
        expected_total: form.expected_total,
    };
    let refused = match checkout::place(&state, ask).await? {
        Placing::Go { to, placed } => {
            if placed {
                SessionData(session).set_cart_count(0);
            }
            return Ok(see_other(&to));
        }
        Placing::Refused(why) => why,
    };
    let shown = (
        payment,
        views::refusal(&ctx, &refused),
        refused.code().status(),
    );
    rerender(&req, lang, &user, session, &state, shown).await
}

async fn rerender(
    req: &HttpRequest,
    lang: Lang,
    user: &RequireUser,
    session: &Session,
    state: &web::Data<AppState>,
    (payment, problem, status): (Option<PaymentMethod>, String, StatusCode),
) -> AppResult<HttpResponse> {
    // A fresh token: the refused attempt created nothing, and the shopper confirms again what they now see.
    match review_page(req, lang, user, session, state, payment, Some(problem)).await? {
        Some(page) => render_status(&page, status),
        None => Ok(see_other(&crate::routes::cart(lang.0))),
    }
}

#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    c: String,
    #[serde(default)]
    again: Option<String>,
}

pub async fn done(
    req: HttpRequest,
    lang: Lang,
    user: RequireUser,
    q: web::Query<DoneQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (uid, token) = (user.0.id, q.c.clone());
    let (numbers, card) = state
        .db(move |c| Ok(place::numbers_and_card(c, uid, &token)?))
        .await?;
    if numbers.is_empty() {
        return Err(AppError::not_found());
    }
    let ctx = PageCtx::build(&req, &state, lang.0);
    let page = DonePage::new(ctx, numbers, card, q.again.is_some());
    render_status(&page, StatusCode::OK)
}
