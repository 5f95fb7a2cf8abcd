//! Request ids, access logs and Prometheus metrics. Every request gets an id (a sane incoming `X-Request-Id`
//! from the proxy is kept, otherwise a random one), carried in the tracing span and echoed on the response.
//! Metrics count requests and time them by route pattern (not raw path, so cardinality stays bounded).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
    TextEncoder,
};
use tracing::Instrument;

use crate::state::AppState;

pub const REQUEST_ID: &str = "x-request-id";

/// The application's metrics (one registry per app state, no globals).
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pub orders_placed: IntCounter,
    pool_connections: IntGauge,
    pool_idle: IntGauge,
}

impl Metrics {
    pub fn new() -> Result<Self, String> {
        let e = |e: prometheus::Error| e.to_string();
        let registry = Registry::new_custom(Some("caravan".into()), None).map_err(e)?;
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests by route pattern, method and status",
            ),
            &["route", "method", "status"],
        )
        .map_err(e)?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time to answer, by route pattern",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ]),
            &["route"],
        )
        .map_err(e)?;
        let orders_placed =
            IntCounter::new("orders_placed_total", "Orders created by checkouts").map_err(e)?;
        let pool_connections =
            IntGauge::new("db_pool_connections", "Open database connections").map_err(e)?;
        let pool_idle = IntGauge::new("db_pool_idle", "Idle database connections").map_err(e)?;
        for c in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(orders_placed.clone()),
            Box::new(pool_connections.clone()),
            Box::new(pool_idle.clone()),
        ] {
            registry.register(c).map_err(e)?;
        }
        Ok(Self {
            registry,
            requests,
            latency,
            orders_placed,
            pool_connections,
            pool_idle,
        })
    }

    fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.requests
            .with_label_values(&[route, method, &status.to_string()])
            .inc();
        self.latency.with_label_values(&[route]).observe(seconds);
    }

    /// The Prometheus text exposition.
    pub fn render(&self, pool: &crate::db::DbPool) -> String {
        let s = pool.state();
        self.pool_connections.set(i64::from(s.connections));
        self.pool_idle.set(i64::from(s.idle_connections));
        let mut out = Vec::new();
        if TextEncoder::new()
            .encode(&self.registry.gather(), &mut out)
            .is_err()
        {
            return String::new();
        }
        String::from_utf8(out).unwrap_or_default()
    }
}

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
