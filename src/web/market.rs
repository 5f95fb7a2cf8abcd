//! `POST /{lang}/market`: the shopper picks ship-to country and display currency.

use actix_session::Session;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::geo::CountryCode;
use crate::http::extract::Lang;
use crate::http::session::{Market, SessionData};
use crate::money::Currency;
use crate::routes;

/// The market page: every destination CLDR names, in the shopper's language and alphabetical order.
#[derive(askama::Template)]
#[template(path = "market.html")]
pub struct MarketPage {
    pub ctx: crate::http::page::PageCtx,
    pub countries: Vec<crate::http::page::Choice>,
    pub currencies: Vec<crate::http::page::Choice>,
    /// Why staff closed the shopper's destination, if they did.
    pub closed: Option<String>,
}

/// `GET /{lang}/market`.
pub async fn show_market(
    req: actix_web::HttpRequest,
    lang: Lang,
    state: web::Data<crate::http::state::AppState>,
) -> AppResult<HttpResponse> {
    let closed = state.db(crate::destinations::service::closed).await?;
    let ctx = crate::http::page::PageCtx::build(&req, &state, lang.0);
    let mut countries = ctx.country_choices(ctx.market.ship_to.as_str());
    let mark = ctx.t("market-closed");
    for c in &mut countries {
        if CountryCode::parse(&c.value)
            .and_then(|cc| closed.reason(cc))
            .is_some()
        {
            c.label = format!("{} ({mark})", c.label);
        }
    }
    let here = ctx.market.ship_to;
    let page = MarketPage {
        countries,
        currencies: ctx.currency_choices(),
        closed: closed
            .reason(here)
            .map(|r| ctx.t1(&r.shopper_message_id(), "country", &ctx.country_name(&here))),
        ctx,
    };
    crate::http::render_status(&page, actix_web::http::StatusCode::OK)
}

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
    state: web::Data<crate::http::state::AppState>,
) -> AppResult<HttpResponse> {
    crate::http::csrf::require_token_or_same_origin(&req, &session, &form.csrf)?;
    let data = SessionData(&session);
    let countries = &state.i18n.formatters.countries;
    let ship_to = CountryCode::parse(&form.ship_to).filter(|c| countries.contains(*c));
    // No currency chosen: the destination's own where prices can be shown in it, else euros or dollars.
    let currency = match form.currency.trim() {
        "" => ship_to.map(crate::geo::default_currency),
        c => Currency::parse(c),
    };
    let (Some(ship_to), Some(currency)) = (ship_to, currency) else {
        return Err(AppError::new(ErrorCode::BadRequest));
    };
    data.set_market(Market { ship_to, currency });
    let home = routes::home(lang.0);
    let target = routes::safe_local_path(&form.return_to).unwrap_or(&home);
    Ok(crate::http::see_other(target))
}
