//! Static assets embedded in the binary, served with fingerprinted URLs and validators. Text assets are
//! compressed once at start-up (brotli at its best level, gzip 9); a request picks a stored body.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};

use super::encoding::{self, Effort, Encoded};
use crate::http::state::AppState;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/static_files.rs"));
}

pub struct Asset {
    pub bytes: &'static [u8],
    pub content_type: &'static str,
    pub hash: String,
    body: Arc<Encoded>,
}

pub struct Assets {
    files: HashMap<&'static str, Asset>,
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "text/plain; charset=utf-8",
    }
}

impl Assets {
    pub fn embedded() -> Self {
        let files = embedded::STATIC_FILES
            .iter()
            .map(|(path, bytes)| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut h);
                let hash = format!("{:016x}", h.finish());
                let content_type = content_type(path);
                let etag = format!("W/\"{hash}\"");
                let body = Bytes::from_static(bytes);
                let text =
                    content_type.starts_with("text/") || content_type.starts_with("image/svg");
                let body = Arc::new(if text {
                    Encoded::with_etag(body, Effort::Max, etag)
                } else {
                    Encoded::plain(body, etag)
                });
                (
                    *path,
                    Asset {
                        bytes,
                        content_type,
                        hash,
                        body,
                    },
                )
            })
            .collect();
        Self { files }
    }

    /// The fingerprinted URL of an asset (`/static/css/app.css?v=…`).
    pub fn url(&self, path: &str) -> String {
        match self.files.get(path) {
            Some(a) => format!("/static/{path}?v={}", &a.hash[..12]),
            None => format!("/static/{path}"),
        }
    }

    pub fn get(&self, path: &str) -> Option<&Asset> {
        self.files.get(path)
    }
}

/// `GET /static/{path}`: immutable caching for fingerprinted URLs, ETag revalidation otherwise (the `304` and the
/// choice of coding are made by [`encoding::negotiate`]).
pub async fn serve(
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let Some(asset) = state.assets.get(path.as_str()) else {
        return HttpResponse::NotFound().finish();
    };
    let fingerprinted = req
        .query_string()
        .strip_prefix("v=")
        .is_some_and(|v| asset.hash.starts_with(v));
    let cache = if fingerprinted {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    let res = HttpResponse::Ok()
        .content_type(asset.content_type)
        .insert_header((header::CACHE_CONTROL, cache))
        .body(asset.body.identity.clone());
    encoding::precompressed(res, asset.body.clone())
}
