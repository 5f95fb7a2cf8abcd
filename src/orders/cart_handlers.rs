//! Thin handlers for the cart page and its forms (add, change quantity, remove).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::cart::{self, Adjusted, CartKey, Snapshot};
use super::priced::{priced, Buyer, CouponOutcome};
use super::totals::{Totals, MAX_QUANTITY};
use super::views::CartPage;
use crate::catalogue::service::rates_at;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::CurrentUser;
use crate::http::csrf::require_token_or_same_origin;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cart", web::get().to(show))
        .route("/cart/add", web::post().to(add))
        .route("/cart/update", web::post().to(update))
        .route("/cart/coupon", web::post().to(coupon));
}

/// The cart of this visitor: the account's when signed in, else the session's guest cart.
pub fn key_of(session: &Session, user: &CurrentUser, create: bool) -> Option<CartKey> {
    match &user.0 {
        Some(u) => Some(CartKey::User(u.id)),
        None => {
            let data = SessionData(session);
            let token = if create {
                Some(data.ensure_cart_token())
            } else {
                data.cart_token()
            };
            token.filter(|t| !t.is_empty()).map(CartKey::Guest)
        }
    }
}

/// A cart priced for the page's market: its id, lines, totals and what its coupon code did.
pub type Loaded = (i64, Snapshot, Totals, CouponOutcome);

/// Loads and prices the visitor's cart for the page's market.
pub async fn load(
    state: &web::Data<AppState>,
    ctx: &PageCtx,
    key: Option<CartKey>,
) -> AppResult<Option<Loaded>> {
    let Some(key) = key else { return Ok(None) };
    let tr = ctx.tr.clone();
    let buyer = Buyer {
        user: match &key {
            CartKey::User(u) => Some(*u),
            CartKey::Guest(_) => None,
        },
        market: ctx.market.ship_to,
        currency: ctx.market.currency,
        at: state.clock.now(),
    };
    state.db(move |c| price_cart(c, &key, &tr, buyer)).await
}

/// The cart of `key` priced for `buyer`, in `tr`'s language (campaigns for that market and language).
fn price_cart(
    c: &mut crate::db::DbConnection,
    key: &CartKey,
    tr: &crate::i18n::Translator,
    buyer: Buyer,
) -> AppResult<Option<Loaded>> {
    let Some(id) = cart::find(c, key)? else {
        return Ok(None);
    };
    let mut snap = cart::snapshot(c, id, tr, buyer.market)?;
    snap.at = Some(buyer.at);
    let rates = rates_at(c, buyer.at)?;
    let tree = crate::catalogue::service::tree_now(c)?;
    let promos = crate::campaigns::pricing::live_at(c, buyer.at, buyer.market, tr.locale(), &tree)?;
    let (t, coupon) = priced(c, &snap, &rates, (&promos, &tree), buyer)?
        .map_err(|e| AppError::internal(format!("cart totals: {e:?}")))?;
    Ok(Some((id, snap, t, coupon)))
}

pub async fn show(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::shopper(&req, &state, lang.0);
    let loaded = load(&state, &ctx, key_of(&session, &user, false)).await?;
    if let Some((_, snap, ..)) = &loaded {
        let units: i64 = snap.lines.iter().map(|l| i64::from(l.quantity)).sum();
        SessionData(&session).set_cart_count(units);
    }
    let page = CartPage::new(ctx, loaded.map(|(_, snap, t, coupon)| (snap, t, coupon)));
    render_status(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct LineForm {
    #[serde(default)]
    csrf: String,
    /// The variant; a product id alone names a product's one variant (a product without options).
    #[serde(default)]
    variant_id: Option<i64>,
    #[serde(default)]
    product_id: Option<i64>,
    #[serde(default)]
    quantity: Option<String>,
    #[serde(default)]
    return_to: String,
}

fn parse_quantity(raw: &Option<String>, default: i32) -> AppResult<i32> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(default),
        Some(s) => s
            .parse::<i32>()
            .ok()
            .filter(|q| (0..=MAX_QUANTITY).contains(q))
            .ok_or_else(|| AppError::new(ErrorCode::BadRequest)),
    }
}

fn flash_for(session: &Session, adjusted: Adjusted, added: bool) {
    let id = match adjusted {
        Adjusted::Capped(_) => "cart-capped",
        Adjusted::SoldOut => "cart-sold-out",
        Adjusted::Exact(0) => "cart-removed",
        Adjusted::Exact(_) if added => "cart-added",
        Adjusted::Exact(_) => "cart-updated",
    };
    SessionData(session).set_flash(id);
}

async fn change(
    lang: Lang,
    user: CurrentUser,
    session: Session,
    form: LineForm,
    state: web::Data<AppState>,
    adding: bool,
) -> AppResult<HttpResponse> {
    let quantity = parse_quantity(&form.quantity, if adding { 1 } else { 0 })?;
    let key = key_of(&session, &user, true).ok_or_else(|| AppError::internal("no cart key"))?;
    let (variant, product) = (form.variant_id, form.product_id);
    let now = state.clock.now();
    let (adjusted, count) = state
        .db(move |c| {
            let t = now;
            let variant = cart::variant_of(c, variant, product)?;
            let id = cart::find_or_create(c, &key, t)?;
            let adjusted = if adding {
                cart::add(c, id, variant, quantity, t)?
            } else {
                cart::set_quantity(c, id, variant, quantity, t)?
            };
            Ok((adjusted, cart::count(c, id)?))
        })
        .await?;
    SessionData(&session).set_cart_count(count);
    flash_for(&session, adjusted, adding);
    let cart_url = routes::cart(lang.0);
    let target = if adding {
        routes::safe_local_path(&form.return_to).unwrap_or(&cart_url)
    } else {
        &cart_url
    };
    Ok(see_other(target))
}

/// Add to cart: the button sits on pages shared caches may keep, so a same-origin post needs no token.
pub async fn add(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    session: Session,
    form: web::Form<LineForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_token_or_same_origin(&req, &session, &form.csrf)?;
    change(lang, user, session, form.into_inner(), state, true).await
}

pub async fn update(
    lang: Lang,
    user: CurrentUser,
    session: Session,
    form: web::Form<LineForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    change(lang, user, session, form.into_inner(), state, false).await
}

#[derive(Deserialize)]
pub struct CouponForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    /// Present on the "remove" button.
    #[serde(default)]
    remove: Option<String>,
}

/// Enters (or with `remove`, takes off) the cart's coupon code; the cart page then says whether it applies.
pub async fn coupon(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    session: Session,
    form: web::Form<CouponForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let code = match form.remove {
        Some(_) => Some(String::new()),
        None => crate::coupons::model::normalize_code(&form.code),
    };
    let key = key_of(&session, &user, true).ok_or_else(|| AppError::internal("no cart key"))?;
    let (now, ip) = (state.clock.now(), crate::http::extract::client_ip(&req));
    let flash = state
        .db(move |c| cart::enter_coupon(c, &key, code, &ip, now))
        .await?;
    SessionData(&session).set_flash(flash);
    Ok(see_other(&routes::cart(lang.0)))
}
