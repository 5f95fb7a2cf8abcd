//! Thin handlers for shops joining campaigns: the join page with its product search, join, and leave. The rules
//! are in `participation.rs`.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::participation::{self, Refusal};
use super::participation_views::{join_page, url, Typed};
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::checked::{Checked, NoFields};
use crate::http::extract::Lang;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::ids::PromoId;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/promos/{id}", web::get().to(page))
        .route("/merchant/promos/{id}/join", web::post().to(join))
        .route("/merchant/promos/{id}/leave", web::post().to(leave));
}

#[derive(serde::Deserialize)]
pub struct Search {
    #[serde(default)]
    q: String,
}

/// The join page, with what was typed and why it was refused.
async fn render(
    state: &web::Data<AppState>,
    a: Area,
    id: PromoId,
    q: String,
    typed: Typed,
    refusal: Option<Refusal>,
) -> AppResult<HttpResponse> {
    let (shop_id, l, at, q2) = (a.shop.id, a.ctx.locale, state.clock.now(), q.clone());
    let j = state
        .db(move |c| participation::joining(c, id, shop_id, &q2, l, at))
        .await?;
    let status = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render_status(
        &join_page(a.ctx, a.chrome, j, q, typed, refusal, at),
        status,
    )
}

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    query: web::Query<Search>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/promos").await?;
    let q: String = query.into_inner().q.chars().take(200).collect();
    render(&state, a, path.into_inner().1, q, Typed::default(), None).await
}

pub async fn join(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    user: RequireMerchant,
    checked: Checked<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/promos").await?;
    let id = path.into_inner().1;
    let typed = Typed::from_pairs(&checked.form);
    let (shop, actor, now) = (a.shop.id, user.0.id, state.clock.now());
    let (products, pct) = (
        typed.products.clone(),
        typed.percent.clone().unwrap_or_default(),
    );
    let done = state
        .write(move |c| participation::join(c, id, shop, &products, &pct, actor, now))
        .await?;
    match done {
        Ok(_) => Ok(checked.saved("join-saved", &url(lang.0, id, ""))),
        Err(r) => render(&state, a, id, String::new(), typed, Some(r)).await,
    }
}

pub async fn leave(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, PromoId)>,
    user: RequireMerchant,
    checked: Checked<NoFields>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = area::enter(&req, &state, lang.0, &user, "/promos").await?;
    let id = path.into_inner().1;
    let (shop, actor, now) = (a.shop.id, user.0.id, state.clock.now());
    let done = state
        .write(move |c| participation::leave(c, id, shop, actor, now))
        .await?;
    match done {
        Ok(_) => Ok(checked.saved("join-left", &url(lang.0, id, ""))),
        Err(r) => render(&state, a, id, String::new(), Typed::default(), Some(r)).await,
    }
}
