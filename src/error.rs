//! One error type with stable codes; HTTP mapping and the localized error page happen in `web::errors`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

/// Stable error codes: each maps to an HTTP status and the Fluent id `error-<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    BadRequest,
    Forbidden,
    CsrfFailed,
    /// Fewer units are left than asked for.
    OutOfStock,
    /// The thing changed since the page was shown (a status, a price): look again.
    Conflict,
    PayloadTooLarge,
    TooManyRequests,
    SignInRequired,
    Unavailable,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not-found",
            ErrorCode::BadRequest => "bad-request",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::CsrfFailed => "csrf-failed",
            ErrorCode::OutOfStock => "out-of-stock",
            ErrorCode::Conflict => "conflict",
            ErrorCode::PayloadTooLarge => "payload-too-large",
            ErrorCode::TooManyRequests => "too-many-requests",
            ErrorCode::SignInRequired => "sign-in-required",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::Forbidden | ErrorCode::CsrfFailed => StatusCode::FORBIDDEN,
            ErrorCode::OutOfStock | ErrorCode::Conflict => StatusCode::CONFLICT,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::SignInRequired => StatusCode::SEE_OTHER,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Fluent id of the page title; `<id>-body` is the explanation.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str())
    }

    pub fn from_status(status: StatusCode) -> ErrorCode {
        match status.as_u16() {
            404 | 405 => ErrorCode::NotFound,
            403 => ErrorCode::Forbidden,
            409 => ErrorCode::Conflict,
            413 => ErrorCode::PayloadTooLarge,
            429 => ErrorCode::TooManyRequests,
            503 => ErrorCode::Unavailable,
            400..=499 => ErrorCode::BadRequest,
            _ => ErrorCode::Internal,
        }
    }
}

/// An application error: the code decides what the user sees; `detail` only goes to the log.
#[derive(Debug, thiserror::Error)]
#[error("{} ({})", code.as_str(), detail.as_deref().unwrap_or(""))]
pub struct AppError {
    pub code: ErrorCode,
    pub detail: Option<String>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self { code, detail: None }
    }
    pub fn not_found() -> Self {
        Self::new(ErrorCode::NotFound)
    }
    /// The same error with a detail for the log (never shown to the user).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
    pub fn internal(detail: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Internal,
            detail: Some(detail.into()),
        }
    }
}

/// Whether a database error means the connection is gone (the server restarted, failed over or terminated the
/// backend) rather than a fault in the query. libpq reports some of these only by message: PostgreSQL's
/// `57P01 admin_shutdown` ("terminating connection due to administrator command") and a socket closed under it.
fn connection_lost(kind: diesel::result::DatabaseErrorKind, message: &str) -> bool {
    use diesel::result::DatabaseErrorKind as K;
    matches!(kind, K::ClosedConnection | K::UnableToSendCommand)
        || [
            "terminating connection",
            "server closed the connection",
            "no connection to the server",
            "could not receive data from server",
            "could not send data to server",
        ]
        .iter()
        .any(|m| message.contains(m))
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::not_found(),
            // The server went away mid-request (a restart, a failover): the pool replaces the connection, and
            // the user is told to try again rather than shown a failure of ours.
            diesel::result::Error::DatabaseError(kind, info)
                if connection_lost(kind, info.message()) =>
            {
                AppError {
                    code: ErrorCode::Unavailable,
                    detail: Some(format!("database connection lost: {}", info.message())),
                }
            }
            other => AppError::internal(format!("database: {other}")),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError {
            code: ErrorCode::Unavailable,
            detail: Some(format!("pool: {e}")),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::internal(format!("template: {e}"))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    /// A bare response carrying the code; `web::errors` turns it into the localized page.
    fn error_response(&self) -> HttpResponse {
        if self.code == ErrorCode::Internal || self.code == ErrorCode::Unavailable {
            tracing::error!(code = self.code.as_str(), detail = ?self.detail, "request failed");
        }
        if self.code == ErrorCode::SignInRequired {
            let to = self
                .detail
                .as_deref()
                .and_then(crate::routes::safe_local_path)
                .unwrap_or("/");
            return HttpResponse::SeeOther()
                .insert_header(("Location", to))
                .finish();
        }
        let mut res = HttpResponse::new(self.code.status());
        res.extensions_mut().insert(self.code);
        res
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn each_code_has_one_message_id_and_status() {
        let cases = [
            (ErrorCode::NotFound, "error-not-found", 404),
            (ErrorCode::OutOfStock, "error-out-of-stock", 409),
            (ErrorCode::Conflict, "error-conflict", 409),
            (ErrorCode::CsrfFailed, "error-csrf-failed", 403),
            (ErrorCode::TooManyRequests, "error-too-many-requests", 429),
        ];
        for (code, id, status) in cases {
            assert_eq!(code.message_id(), id);
            assert_eq!(code.status().as_u16(), status);
        }
        assert_eq!(
            ErrorCode::from_status(StatusCode::CONFLICT),
            ErrorCode::Conflict
        );
    }
}
