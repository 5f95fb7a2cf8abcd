//! The application's Prometheus metrics, kept in the shared state (one registry per state, no globals); the
//! telemetry middleware in `web` records each request into them.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
    TextEncoder,
};

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

    pub fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
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
