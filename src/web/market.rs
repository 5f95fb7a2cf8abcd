//! `POST /{lang}/market`: the shopper picks ship-to country and display currency.

use actix_session::Session;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::geo::{CountryCode, SHIP_TO};
use crate::http::extract::Lang;
use crate::http::session::{Market, SessionData};
use crate::money::Currency;
use crate::routes;

#[derive(Deserialize)]
pub struct MarketForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    ship_to: String,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    return_to: String,
}

/// The market form sits on pages shared caches may keep, so a same-origin post needs no token.
pub async fn set_market(
    req: actix_web::HttpRequest,
    lang: Lang,
    session: Session,
    form: web::Form<MarketForm>,
) -> AppResult<HttpResponse> {
    crate::http::csrf::require_token_or_same_origin(&req, &session, &form.csrf)?;
    let data = SessionData(&session);
    let ship_to = CountryCode::parse(&form.ship_to).filter(|c| SHIP_TO.contains(c));
    let currency = Currency::parse(&form.currency);
    let (Some(ship_to), Some(currency)) = (ship_to, currency) else {
        return Err(AppError::new(ErrorCode::BadRequest));
    };
    data.set_market(Market { ship_to, currency });
    let home = routes::home(lang.0);
    let target = routes::safe_local_path(&form.return_to).unwrap_or(&home);
    Ok(crate::http::see_other(target))
}
