//! Thin handlers: the list, and the save and remove buttons (POST forms that come back where they were).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service::{self, add_guest, remove_guest};
use super::{repo, views};
use crate::catalogue::service::Shopper;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::checked::Checked;
use crate::http::csrf::require_token_or_same_origin;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/wishlist", web::get().to(page))
        .route("/wishlist/add", web::post().to(add))
        .route("/wishlist/remove", web::post().to(remove));
}

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::shopper(&req, &state, lang.0);
    let now = state.clock.now();
    let saved = match &user.0 {
        Some(u) => {
            let uid = u.id;
            state.db(move |c| Ok(repo::items(c, uid)?)).await?
        }
        None => service::guest_saved(&session, now),
    };
    let ids: Vec<i64> = saved.iter().map(|s| s.product_id).collect();
    let (tr, cur, market, cache) = (
        ctx.tr.clone(),
        ctx.market.currency,
        ctx.market.ship_to,
        state.cache.clone(),
    );
    let cards = state
        .db(move |c| {
            let shop = Shopper::load(c, tr, cur, market, cache, now)?;
            crate::catalogue::cards::load(c, &shop, &ids)
        })
        .await?;
    render_status(&views::page(ctx, &saved, cards), StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    product_id: i64,
    #[serde(default)]
    return_to: String,
}

/// Save: the button sits on pages shared caches keep (without a token), so a same-origin post needs none.
pub async fn add(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    session: Session,
    form: web::Form<ItemForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_token_or_same_origin(&req, &session, &form.csrf)?;
    let (product, now) = (form.product_id, state.clock.now());
    let added = match &user.0 {
        Some(u) => {
            let uid = u.id;
            state
                .db(move |c| service::add_for(c, uid, product, now))
                .await?
        }
        None => {
            let e = state.db(move |c| service::entry(c, product)).await?;
            add_guest(&session, e)?
        }
    };
    let flash = match added {
        Some(true) => "wishlist-added",
        Some(false) => "wishlist-already",
        None => "wishlist-full",
    };
    let back = routes::safe_local_path(&form.return_to)
        .map_or_else(|| routes::wishlist(lang.0), str::to_string);
    Ok(crate::http::checked::saved(&session, flash, &back))
}

pub async fn remove(
    lang: Lang,
    user: CurrentUser,
    checked: Checked<ItemForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let product = checked.form.product_id;
    match &user.0 {
        Some(u) => {
            let uid = u.id;
            state
                .db(move |c| Ok(repo::remove(c, uid, product)?))
                .await?;
        }
        None => remove_guest(&checked.session, product)?,
    }
    Ok(checked.saved("wishlist-removed", &routes::wishlist(lang.0)))
}
