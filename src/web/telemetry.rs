//! Request ids, access logs and Prometheus metrics. Every request gets an id (a sane incoming `X-Request-Id`
//! from the proxy is kept, otherwise a random one), carried in the tracing span and echoed on the response.
//! Metrics count requests and time them by route pattern (not raw path, so cardinality stays bounded).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};
use tracing::Instrument;

use crate::http::state::AppState;

pub const REQUEST_ID: &str = "x-request-id";

/// The id of the current request (for handlers that want to log or show it).
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

fn incoming_id(req: &ServiceRequest) -> Option<String> {
    let v = req.headers().get(REQUEST_ID)?.to_str().ok()?;
    let ok = !v.is_empty()
        && v.len() <= 64
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then(|| v.to_string())
}

fn new_id() -> String {
    let mut raw = [0u8; 12];
    if getrandom::fill(&mut raw).is_err() {
        return "0".into();
    }
    raw.iter().map(|b| format!("{b:02x}")).collect()
}

/// Middleware: request id, span, access log line and metrics.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = incoming_id(&req).unwrap_or_else(new_id);
    req.extensions_mut().insert(RequestId(id.clone()));
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    let span = tracing::info_span!("request", request_id = %id);
    let (method, path) = (req.method().to_string(), req.path().to_string());
    let started = Instant::now();
    let result = next.call(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let _enter = span.enter();
    match result {
        Ok(mut res) => {
            let status = res.status().as_u16();
            let route = res
                .request()
                .match_pattern()
                .unwrap_or_else(|| "unmatched".to_string());
            if let Some(m) = &metrics {
                m.observe(&route, &method, status, elapsed.as_secs_f64());
            }
            if let Ok(v) = HeaderValue::from_str(&id) {
                res.headers_mut()
                    .insert(HeaderName::from_static(REQUEST_ID), v);
            }
            tracing::info!(%method, %path, %route, status, ms = elapsed.as_secs_f64() * 1000.0, "request");
            Ok(res)
        }
        Err(e) => {
            tracing::warn!(%method, %path, error = %e, "request failed");
            Err(e)
        }
    }
}

/// `GET /metrics`: Prometheus text format. Answered to loopback peers only, or with
/// `Authorization: Bearer $CARAVAN_METRICS_TOKEN`; keep it off the public proxy (see the README).
pub async fn metrics(req: actix_web::HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let loopback = req.peer_addr().is_some_and(|a| a.ip().is_loopback());
    let token_ok = state.config.metrics_token.as_deref().is_some_and(|t| {
        req.headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| constant_time_eq::constant_time_eq(given.as_bytes(), t.as_bytes()))
    });
    if !(loopback || token_ok) {
        return HttpResponse::NotFound().finish();
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(state.metrics.render(&state.pool))
}
