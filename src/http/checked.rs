//! A form posted with the session's CSRF token: the token is checked before the handler runs, and the handler
//! gets the typed form and the session (for the flash message and the redirect that follow a save).

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::session::SessionData;
use crate::error::{AppError, ErrorCode};

/// A urlencoded form of type `T` whose `csrf` field matched the session's token (constant time); anything else
/// is the localized 403 before the handler runs. `T` need not have a `csrf` field.
pub struct Checked<T> {
    pub form: T,
    pub session: Session,
}

/// A form with nothing but its token (confirm buttons: duplicate, delete).
#[derive(serde::Deserialize)]
pub struct NoFields {}

impl<T> Checked<T> {
    /// The answer to a successful save: the flash message `flash` (a Fluent id) on the next page, and a 303 to
    /// `to`.
    pub fn saved(&self, flash: &str, to: &str) -> HttpResponse {
        saved(&self.session, flash, to)
    }
}

/// A flash message for the next page and a 303 to `to` (after a POST).
pub fn saved(session: &Session, flash: &str, to: &str) -> HttpResponse {
    SessionData(session).set_flash(flash);
    super::see_other(to)
}

impl<T: DeserializeOwned + 'static> FromRequest for Checked<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // The body is read once, as pairs (with the app's form limits and content-type check), then typed.
        let pairs = web::Form::<Vec<(String, String)>>::from_request(req, payload);
        let session = req.get_session();
        Box::pin(async move {
            let pairs = pairs.await?.into_inner();
            let token = pairs
                .iter()
                .find(|(k, _)| k == "csrf")
                .map_or("", |(_, v)| v.as_str());
            if !SessionData(&session).csrf_ok(token) {
                return Err(AppError::new(ErrorCode::CsrfFailed).into());
            }
            let form = serde_urlencoded::to_string(&pairs)
                .ok()
                .and_then(|raw| serde_urlencoded::from_str::<T>(&raw).ok())
                .ok_or_else(|| AppError::new(ErrorCode::BadRequest))?;
            Ok(Checked { form, session })
        })
    }
}
