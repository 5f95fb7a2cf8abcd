//! Thin handlers: the list, and the save and remove buttons (POST forms that come back where they were).

use actix_session::Session;
use actix_web::http::header::CACHE_CONTROL;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::service::{self, remove_guest};
use super::{repo, views};
use crate::catalogue::opening::ShopperKey;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::csrf::require_token_or_same_origin;
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::render_status;
use crate::http::state::AppState;
use crate::routes;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/wishlist", web::get().to(page))
        .route("/wishlist/add", web::post().to(add))
        .route("/wishlist/remove", web::post().to(remove))
        .route("/wishlist/saved", web::get().to(saved_ids));
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
    let key = ShopperKey::of(&ctx, &state).at(now);
    let cards = state
        .db(move |c| {
            let shop = key.load(c)?;
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
    let ctx = PageCtx::shopper(&req, &state, lang.0);
    let uid = user.0.as_ref().map(|u| u.id);
    let added = service::save(&state, &ctx, uid, &session, form.product_id).await?;
    let flash = match added {
        Some(true) => "wishlist-added",
        Some(false) => "wishlist-already",
        None => "wishlist-full",
    };
    Ok(crate::http::checked::saved(
        &session,
        flash,
        &back(&form, lang),
    ))
}

/// Remove: from the list page, or from a saved product's button (on a cached page, like Save).
pub async fn remove(
    req: HttpRequest,
    lang: Lang,
    user: CurrentUser,
    session: Session,
    form: web::Form<ItemForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_token_or_same_origin(&req, &session, &form.csrf)?;
    let product = form.product_id;
    match &user.0 {
        Some(u) => {
            let uid = u.id;
            state
                .db(move |c| Ok(repo::remove(c, uid, product)?))
                .await?;
        }
        None => remove_guest(&session, product)?,
    }
    Ok(crate::http::checked::saved(
        &session,
        "wishlist-removed",
        &back(&form, lang),
    ))
}

/// The ids of the shopper's saved products, for the script that marks their buttons on cached pages.
pub async fn saved_ids(
    user: CurrentUser,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let ids: Vec<i64> = match &user.0 {
        Some(u) => {
            let uid = u.id;
            state.db(move |c| Ok(repo::ids(c, uid)?)).await?
        }
        None => service::guest_items(&session).iter().map(|e| e.0).collect(),
    };
    Ok(HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .json(ids))
}

/// Where a button comes back to: the page it was on, else the list.
fn back(form: &ItemForm, lang: Lang) -> String {
    routes::safe_local_path(&form.return_to)
        .map_or_else(|| routes::wishlist(lang.0), str::to_string)
}
