//! Content codings and validators: which body a request gets (brotli, gzip or none), bodies compressed once and
//! kept (cached pages, static assets), everything else compressed in one piece at a fast level, and
//! `304 Not Modified` for a matching `If-None-Match`.
//!
//! A response written in one piece with a known length leaves nothing for Nagle's algorithm to hold back (the
//! accepted sockets also have `TCP_NODELAY`, see `main.rs`), so a kept-alive connection never waits on the
//! client's delayed ACK.

use std::hash::{Hash, Hasher};
use std::io::Write as _;
use std::sync::Arc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    self, AcceptEncoding, Encoding, Header as _, HeaderMap, HeaderValue,
};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{HttpMessage, HttpResponse};

/// Bodies smaller than this are sent as they are (the headers outweigh any saving).
const MIN_COMPRESS: usize = 1024;

/// Bodies larger than this are not compressed per request (CSV exports of big catalogues stream as they are).
const MAX_COMPRESS: usize = 8 * 1024 * 1024;

/// A content coding this server produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    /// The best coding the request's `Accept-Encoding` allows (RFC 9110 §12.5.3: q-values, `q=0`, `identity`,
    /// `*`); brotli before gzip when the client weighs them equally. No header, or one that cannot be parsed: none.
    pub fn negotiate(msg: &impl HttpMessage) -> Self {
        Self::both(msg).0
    }

    /// The coding of a body compressed for one request: gzip, never brotli. Measured on rendered pages: brotli
    /// sets up megabytes of tables per call, which with the system allocator costs 4–5 ms a response (against
    /// 0.1–0.2 ms for gzip 3, whose output is about 10% larger than brotli 5's).
    pub fn negotiate_per_request(msg: &impl HttpMessage) -> Self {
        Self::both(msg).1
    }

    /// Both choices from one parse of `Accept-Encoding`: (a kept body, a body compressed for this request).
    pub fn both(msg: &impl HttpMessage) -> (Self, Self) {
        if !msg.headers().contains_key(header::ACCEPT_ENCODING) {
            return (Self::Identity, Self::Identity);
        }
        let Ok(accept) = AcceptEncoding::parse(msg) else {
            return (Self::Identity, Self::Identity);
        };
        (
            Self::among(
                &accept,
                &[Encoding::brotli(), Encoding::gzip(), Encoding::identity()],
            ),
            Self::among(&accept, &[Encoding::gzip(), Encoding::identity()]),
        )
    }

    fn among(accept: &AcceptEncoding, supported: &[Encoding]) -> Self {
        match accept.negotiate(supported.iter()) {
            Some(e) if e == Encoding::brotli() => Self::Brotli,
            Some(e) if e == Encoding::gzip() => Self::Gzip,
            _ => Self::Identity,
        }
    }

    pub fn token(self) -> Option<&'static str> {
        match self {
            Self::Brotli => Some("br"),
            Self::Gzip => Some("gzip"),
            Self::Identity => None,
        }
    }
}

/// How hard to compress: once for a body that is kept and served many times, or fast for one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Static assets, compressed once at start-up.
    Max,
    /// Cached pages when rendered: gzip only, 0.1–0.3 ms (brotli sets up megabytes of tables per call, 4–5 ms
    /// with the system allocator); a page asked for again gets brotli 11 and gzip 9 in the background (see
    /// [`super::page_cache`]).
    Stored,
    /// A body rendered for one request.
    Fast,
}

/// Levels measured with `benches/compression.rs` on the demo's pages (20–39 KB of HTML) and CSS, on this 2-core
/// machine: gzip 3 takes 0.06–0.16 ms, gzip 6 0.07–0.3 ms for 2–3% less; brotli 5 is 8–10% smaller than gzip 6,
/// brotli gains under 1% more until 11, which is 20–26% smaller than gzip 9 (14% for the CSS) and takes 7–65 ms.
impl Effort {
    fn brotli_quality(self) -> u32 {
        match self {
            Self::Max => 11,
            Self::Stored | Self::Fast => 5,
        }
    }

    fn gzip_level(self) -> u32 {
        match self {
            Self::Max => 9,
            Self::Stored => 6,
            Self::Fast => 3,
        }
    }
}

/// Compresses `body` with `coding` at `effort`; `None` for identity or when compressing fails.
pub fn compress(body: &[u8], coding: Coding, effort: Effort) -> Option<Vec<u8>> {
    let level = match coding {
        Coding::Brotli => effort.brotli_quality(),
        _ => effort.gzip_level(),
    };
    compress_with(body, coding, level)
}

/// The smallest brotli window that holds the whole body (10 to 22 bits): a 40 KB page needs 16, and brotli 11's
/// match finder, sized by the window, then takes about 1 MB instead of the 40-odd MB of the default 22 bits.
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.saturating_sub(1).leading_zeros();
    (bits as i32).clamp(10, 22)
}

/// Compresses `body` with `coding` at an explicit level (brotli 0–11, gzip 0–9); for the benchmark.
pub fn compress_with(body: &[u8], coding: Coding, level: u32) -> Option<Vec<u8>> {
    match coding {
        Coding::Identity => None,
        Coding::Brotli => {
            let mut out = Vec::with_capacity(body.len() / 4);
            let params = brotli::enc::BrotliEncoderParams {
                quality: level.min(11) as i32,
                lgwin: window_bits(body.len()),
                size_hint: body.len(),
                mode: brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_TEXT,
                ..Default::default()
            };
            let mut input = body;
            brotli::BrotliCompress(&mut input, &mut out, &params).ok()?;
            Some(out)
        }
        Coding::Gzip => {
            let mut enc = flate2::write::GzEncoder::new(
                Vec::with_capacity(body.len() / 3),
                flate2::Compression::new(level.min(9)),
            );
            enc.write_all(body).ok()?;
            enc.finish().ok()
        }
    }
}

/// One body in every coding worth sending, with its validator. Kept by the page cache and the asset table.
pub struct Encoded {
    pub identity: Bytes,
    pub brotli: Option<Bytes>,
    pub gzip: Option<Bytes>,
    /// A weak validator (`W/"…"`): the codings are the same content.
    pub etag: String,
}

impl Encoded {
    pub fn new(body: Bytes, effort: Effort) -> Self {
        let etag = Self::etag_of(&body);
        Self::with_etag(body, effort, etag)
    }

    /// The weak validator of a body.
    pub fn etag_of(body: &[u8]) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut h);
        format!("W/\"{:016x}\"", h.finish())
    }

    pub fn with_etag(body: Bytes, effort: Effort, etag: String) -> Self {
        let smaller = |coding| {
            compress(&body, coding, effort)
                .filter(|c| c.len() < body.len())
                .map(Bytes::from)
        };
        let (brotli, gzip) = match (body.len() < MIN_COMPRESS, effort) {
            (true, _) => (None, None),
            // Brotli for a stored page comes later, from the background (see `Effort::Stored`).
            (false, Effort::Stored) => (None, smaller(Coding::Gzip)),
            (false, _) => (smaller(Coding::Brotli), smaller(Coding::Gzip)),
        };
        Self {
            identity: body,
            brotli,
            gzip,
            etag,
        }
    }

    /// The same body recompressed at the best levels (same validator).
    pub fn best(&self) -> Self {
        Self::with_etag(self.identity.clone(), Effort::Max, self.etag.clone())
    }

    /// A body sent as it is in every case (images, fonts).
    pub fn plain(body: Bytes, etag: String) -> Self {
        Self {
            identity: body,
            brotli: None,
            gzip: None,
            etag,
        }
    }

    /// The body for `coding` (the identity body when that coding was not worth keeping) and the coding it is in.
    pub fn pick(&self, coding: Coding) -> (Coding, Bytes) {
        match (coding, &self.brotli, &self.gzip) {
            (Coding::Brotli, Some(b), _) => (Coding::Brotli, b.clone()),
            (Coding::Brotli | Coding::Gzip, _, Some(g)) => (Coding::Gzip, g.clone()),
            _ => (Coding::Identity, self.identity.clone()),
        }
    }

    /// Whether the request's `If-None-Match` names this body (weak comparison, `*` included).
    pub fn matches(&self, headers: &HeaderMap) -> bool {
        let ours = self.etag.trim_start_matches("W/");
        headers
            .get_all(header::IF_NONE_MATCH)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .any(|t| t == "*" || t.trim_start_matches("W/") == ours)
    }
}

/// A response whose body is already encoded: [`negotiate`] picks the coding and answers `304` itself.
pub fn precompressed(mut res: HttpResponse, body: Arc<Encoded>) -> HttpResponse {
    res.extensions_mut().insert(body);
    res
}

fn compressible(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.starts_with("text/")
                || ct.starts_with("application/json")
                || ct.starts_with("application/xml")
                || ct.starts_with("image/svg+xml")
        })
}

fn add_vary(headers: &mut HeaderMap, what: &'static str) {
    let already = headers
        .get_all(header::VARY)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| v.trim().eq_ignore_ascii_case(what));
    if !already {
        headers.append(header::VARY, HeaderValue::from_static(what));
    }
}

/// Middleware: answers a precompressed body in the coding the request allows (or `304`), compresses any other
/// compressible body of known length in one piece with gzip at the fast level, and marks HTML that says nothing
/// about caching as `private, no-store`.
pub async fn negotiate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let (coding, per_request) = Coding::both(&req);
    let safe = matches!(*req.method(), Method::GET | Method::HEAD);
    let res = next.call(req).await?.map_into_boxed_body();
    let (req, res) = res.into_parts();
    let kept = res.extensions().get::<Arc<Encoded>>().cloned();
    let res = match kept {
        Some(body) => answer_kept(res, &body, coding, safe && body.matches(req.headers())),
        None => compress_response(res, per_request),
    };
    Ok(ServiceResponse::new(req, res))
}

fn answer_kept(
    res: HttpResponse<BoxBody>,
    body: &Encoded,
    coding: Coding,
    not_modified: bool,
) -> HttpResponse<BoxBody> {
    let (mut head, _) = res.into_parts();
    let headers = head.headers_mut();
    headers.insert(header::ETAG, header_value(&body.etag));
    add_vary(headers, "Accept-Encoding");
    if not_modified {
        headers.remove(header::CONTENT_TYPE);
        *head.status_mut() = StatusCode::NOT_MODIFIED;
        return head.set_body(BoxBody::new(()));
    }
    let (used, bytes) = body.pick(coding);
    if let Some(token) = used.token() {
        head.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
    }
    head.set_body(BoxBody::new(bytes))
}

fn header_value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static("\"\""))
}

fn compress_response(res: HttpResponse<BoxBody>, coding: Coding) -> HttpResponse<BoxBody> {
    let (mut head, body) = res.into_parts();
    let headers = head.headers_mut();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    if html && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    let status = head.status();
    let eligible = compressible(head.headers())
        && !head.headers().contains_key(header::CONTENT_ENCODING)
        && status != StatusCode::NO_CONTENT
        && status != StatusCode::NOT_MODIFIED
        && !status.is_informational();
    if !eligible {
        return head.set_body(body);
    }
    add_vary(head.headers_mut(), "Accept-Encoding");
    let bytes = match body.try_into_bytes() {
        Ok(b) => b,
        Err(body) => return head.set_body(body),
    };
    if coding == Coding::Identity || bytes.len() < MIN_COMPRESS || bytes.len() > MAX_COMPRESS {
        return head.set_body(BoxBody::new(bytes));
    }
    match (coding.token(), compress(&bytes, coding, Effort::Fast)) {
        (Some(token), Some(out)) if out.len() < bytes.len() => {
            head.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
            head.set_body(BoxBody::new(Bytes::from(out)))
        }
        _ => head.set_body(BoxBody::new(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coding(accept: &str) -> Coding {
        let req = actix_web::test::TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, accept))
            .to_http_request();
        Coding::negotiate(&req)
    }

    #[test]
    fn negotiation_follows_q_values() {
        assert_eq!(coding("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(coding("gzip, deflate, br"), Coding::Brotli);
        assert_eq!(coding("gzip"), Coding::Gzip);
        assert_eq!(coding("br;q=0, gzip"), Coding::Gzip);
        assert_eq!(coding("br;q=0.5, gzip;q=0.9"), Coding::Gzip);
        assert_eq!(coding("gzip;q=0, br;q=0"), Coding::Identity);
        assert_eq!(coding("identity"), Coding::Identity);
        assert_eq!(coding("zstd"), Coding::Identity);
        assert_eq!(coding("*"), Coding::Identity);
        let req = actix_web::test::TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, "gzip, deflate, br, zstd"))
            .to_http_request();
        assert_eq!(Coding::negotiate_per_request(&req), Coding::Gzip);
        assert_eq!(coding(""), Coding::Identity);
        let bare = actix_web::test::TestRequest::default().to_http_request();
        assert_eq!(Coding::negotiate(&bare), Coding::Identity);
    }

    #[test]
    fn kept_bodies_round_trip_and_brotli_beats_gzip() {
        let html =
            "<li class=\"card\"><a href=\"/en/p/1-bag\">Leather bag</a> €120.00</li>\n".repeat(300);
        let stored = Encoded::new(Bytes::from(html.clone()), Effort::Stored);
        assert!(stored.brotli.is_none() && stored.gzip.is_some());
        assert_eq!(
            stored.pick(Coding::Brotli).0,
            Coding::Gzip,
            "gzip until brotli is made"
        );
        let e = stored.best();
        assert_eq!(e.etag, stored.etag);
        let br = e.brotli.clone().unwrap_or_default();
        let gz = e.gzip.clone().unwrap_or_default();
        assert!(br.len() < gz.len() && gz.len() < html.len());
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap_or(());
        assert_eq!(out, html.as_bytes());
        let mut s = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut s)
            .unwrap_or(0);
        assert_eq!(s, html);
        assert_eq!(e.pick(Coding::Brotli).0, Coding::Brotli);
        assert_eq!(e.pick(Coding::Identity).1.len(), html.len());
        let small = Encoded::new(Bytes::from_static(b"tiny"), Effort::Stored);
        assert_eq!(small.pick(Coding::Brotli).0, Coding::Identity);
    }

    #[test]
    fn the_window_fits_the_body() {
        assert_eq!(window_bits(100), 10);
        assert_eq!(window_bits(40_000), 16);
        assert_eq!(window_bits(65_536), 16);
        assert_eq!(window_bits(65_537), 17);
        assert_eq!(window_bits(50_000_000), 22);
    }

    #[test]
    fn if_none_match_is_a_weak_comparison() {
        let e = Encoded::new(Bytes::from_static(b"body"), Effort::Fast);
        let mut h = HeaderMap::new();
        let strong = e.etag.trim_start_matches("W/").to_string();
        h.insert(
            header::IF_NONE_MATCH,
            header_value(&format!("\"x\", {strong}")),
        );
        assert!(e.matches(&h));
        h.insert(header::IF_NONE_MATCH, header_value("\"other\""));
        assert!(!e.matches(&h));
    }
}
