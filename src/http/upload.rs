//! Reading `multipart/form-data` uploads with hard limits: text fields are small, each file is capped (an
//! oversized file is reported, not stored), and a request that goes on past the overall cap is cut off
//! with 413.

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::error::{AppError, AppResult, ErrorCode};

/// Largest text field in an upload form.
const MAX_TEXT_FIELD: usize = 64 * 1024;

/// One uploaded file: `bytes` is `None` when it went over the per-file cap.
pub struct FilePart {
    pub field: String,
    pub file_name: String,
    pub bytes: Option<Vec<u8>>,
}

/// The parts of an upload form.
#[derive(Default)]
pub struct Upload {
    pub texts: Vec<(String, String)>,
    pub files: Vec<FilePart>,
}

impl Upload {
    pub fn text(&self, name: &str) -> &str {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Reads a multipart body: at most `max_files` files of `max_file` bytes each; more than that in total → 413.
pub async fn read(mut mp: Multipart, max_files: usize, max_file: usize) -> AppResult<Upload> {
    let total_cap = max_files.saturating_add(1).saturating_mul(max_file);
    let mut total = 0usize;
    let mut out = Upload::default();
    while let Some(field) = mp.next().await {
        let mut field = field.map_err(|_| AppError::new(ErrorCode::BadRequest))?;
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_string);
        let cap = if file_name.is_some() {
            max_file
        } else {
            MAX_TEXT_FIELD
        };
        let mut buf: Vec<u8> = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::new(ErrorCode::BadRequest))?;
            total = total.saturating_add(chunk.len());
            if total > total_cap {
                return Err(AppError::new(ErrorCode::PayloadTooLarge));
            }
            if buf.len() + chunk.len() > cap {
                over = true;
                buf = Vec::new();
            } else if !over {
                buf.extend_from_slice(&chunk);
            }
        }
        match file_name {
            Some(file_name) => {
                // A file input left empty arrives as a part with no name and no bytes.
                if file_name.is_empty() && buf.is_empty() && !over {
                    continue;
                }
                out.files.push(FilePart {
                    field: name,
                    file_name,
                    bytes: (!over).then_some(buf),
                });
            }
            None => {
                if over {
                    return Err(AppError::new(ErrorCode::PayloadTooLarge));
                }
                let text =
                    String::from_utf8(buf).map_err(|_| AppError::new(ErrorCode::BadRequest))?;
                out.texts.push((name, text));
            }
        }
    }
    Ok(out)
}
