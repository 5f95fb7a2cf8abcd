//! Who is signed in: a middleware resolves the session's sign-in against the database once per request;
//! extractors give handlers `CurrentUser`, `RequireUser`, `RequireMerchant` and `RequireStaff`.

use std::future::{ready, Ready};

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::extract::{path_locale, preferred_locale};
use super::session::SessionData;
use crate::error::{AppError, ErrorCode};
use crate::http::state::AppState;
use crate::identity::model::{AuthUser, Role};
use crate::identity::repo;
use crate::routes;

/// Resolves the signed-in user (if the session names a live sign-in) into the request extensions.
pub async fn resolve_user(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let session = req.get_session();
    let sid = SessionData(&session).auth_session_id();
    if let (Some(sid), Some(state)) = (sid, req.app_data::<web::Data<AppState>>().cloned()) {
        match signed_in(&state, sid).await? {
            Some(user) => {
                req.extensions_mut().insert(user);
            }
            // Signed out elsewhere, expired or revoked: this cookie no longer signs anyone in.
            None => SessionData(&session).clear_auth(),
        }
    }
    next.call(req).await
}

/// The user of sign-in session `sid`: from the sign-in cache while it is fresh, else from the database.
async fn signed_in(state: &AppState, sid: String) -> Result<Option<AuthUser>, AppError> {
    let at = state.clock.now();
    if let Some(user) = state.sign_ins.get(&sid, at) {
        return Ok(Some(user));
    }
    let (lookup, generation) = (sid.clone(), state.sign_ins.generation());
    let row = state
        .db(move |c| Ok(repo::session_user(c, &lookup, at)?))
        .await?;
    let Some(user) = row.and_then(|(u, expires)| Some((AuthUser::of(u, sid)?, expires))) else {
        return Ok(None);
    };
    state.sign_ins.store(generation, &user.0, user.1);
    Ok(Some(user.0))
}

/// The signed-in user, if any.
pub struct CurrentUser(pub Option<AuthUser>);

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(CurrentUser(req.extensions().get::<AuthUser>().cloned())))
    }
}

/// The sign-in page URL that returns to the current page afterwards.
pub fn sign_in_redirect(req: &HttpRequest) -> AppError {
    let locale = path_locale(req.path()).unwrap_or_else(|| preferred_locale(req));
    let here = match req.query_string() {
        "" => req.path().to_string(),
        q => format!("{}?{q}", req.path()),
    };
    let target = if req.method() == actix_web::http::Method::GET {
        format!(
            "{}{}",
            routes::sign_in(locale),
            routes::query(&[("return_to", here)])
        )
    } else {
        routes::sign_in(locale)
    };
    AppError {
        code: ErrorCode::SignInRequired,
        detail: Some(target),
    }
}

fn require(req: &HttpRequest, roles: &[Role]) -> Result<AuthUser, AppError> {
    let Some(user) = req.extensions().get::<AuthUser>().cloned() else {
        return Err(sign_in_redirect(req));
    };
    if roles.is_empty() || roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::new(ErrorCode::Forbidden))
    }
}

/// Any signed-in user; anonymous visitors are sent to sign in and back.
pub struct RequireUser(pub AuthUser);
/// A merchant account (owning a shop); other roles get 403.
pub struct RequireMerchant(pub AuthUser);
/// A staff account; other roles get 403.
pub struct RequireStaff(pub AuthUser);

macro_rules! role_extractor {
    ($name:ident, $roles:expr) => {
        impl FromRequest for $name {
            type Error = AppError;
            type Future = Ready<Result<Self, AppError>>;
            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(require(req, $roles).map($name))
            }
        }
    };
}

role_extractor!(RequireUser, &[]);
role_extractor!(RequireMerchant, &[Role::Merchant]);
role_extractor!(RequireStaff, &[Role::Staff]);
