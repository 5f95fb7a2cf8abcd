//! Uploaded images: content sniffed (never trusted from the name or the declared type), decoded under size
//! limits, turned upright, re-encoded without metadata (EXIF and any trailing payload are dropped) and stored
//! with a thumbnail under the media directory with unguessable names.

use std::io::Cursor;
use std::path::{Component, Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// Largest accepted upload, per file.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Images per product.
pub const MAX_PRODUCT_IMAGES: usize = 8;
/// Largest accepted width or height of the decoded picture (decompression bombs are refused).
pub const MAX_SIDE: u32 = 12_000;
/// JPEG quality of the stored renditions.
const JPEG_QUALITY: u8 = 85;

/// The sizes the pages use: the product gallery and the 300 px card at 2x density.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub large: u32,
    pub thumb: u32,
}

pub const PRODUCT_SIZES: Sizes = Sizes {
    large: 1600,
    thumb: 600,
};
pub const LOGO_SIZES: Sizes = Sizes {
    large: 512,
    thumb: 160,
};

/// Why an upload was refused; each maps to a localized message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadError {
    NotAnImage,
    Unsupported,
    TooLarge,
    TooManyPixels,
    TooMany,
}

impl UploadError {
    pub fn message_id(self) -> &'static str {
        match self {
            UploadError::NotAnImage => "upload-not-image",
            UploadError::Unsupported => "upload-unsupported",
            UploadError::TooLarge => "upload-too-large",
            UploadError::TooManyPixels => "upload-too-many-pixels",
            UploadError::TooMany => "upload-too-many",
        }
    }
}

/// A decoded, cleaned image ready to store.
pub struct Processed {
    pub large: Vec<u8>,
    pub thumb: Vec<u8>,
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Sniffs, decodes and re-encodes an upload. Only JPEG, PNG and WebP are accepted, judged by content.
pub fn process(bytes: &[u8], sizes: Sizes) -> Result<Processed, UploadError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| UploadError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(UploadError::Unsupported);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let orientation = decoder.orientation().map_err(classify)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(classify)?;
    img.apply_orientation(orientation);
    let large = fit(&img, sizes.large);
    let thumb = fit(&img, sizes.thumb);
    let transparent = has_transparency(&img);
    let (large_bytes, thumb_bytes, ext) = if transparent {
        (encode_png(&large)?, encode_png(&thumb)?, "png")
    } else {
        (encode_jpeg(&large)?, encode_jpeg(&thumb)?, "jpg")
    };
    Ok(Processed {
        width: large.width(),
        height: large.height(),
        large: large_bytes,
        thumb: thumb_bytes,
        ext,
    })
}

fn classify(e: image::ImageError) -> UploadError {
    match e {
        image::ImageError::Limits(_) => UploadError::TooManyPixels,
        image::ImageError::Unsupported(_) => UploadError::Unsupported,
        _ => UploadError::NotAnImage,
    }
}

fn fit(img: &DynamicImage, max: u32) -> DynamicImage {
    if img.width() <= max && img.height() <= max {
        img.clone()
    } else {
        img.resize(max, max, image::imageops::FilterType::Lanczos3)
    }
}

fn has_transparency(img: &DynamicImage) -> bool {
    img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

fn encode_jpeg(img: &DynamicImage) -> Result<Vec<u8>, UploadError> {
    let mut out = Vec::new();
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    rgb.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
        .map_err(|_| UploadError::NotAnImage)?;
    Ok(out)
}

fn encode_png(img: &DynamicImage) -> Result<Vec<u8>, UploadError> {
    let mut out = Vec::new();
    let rgba = DynamicImage::ImageRgba8(img.to_rgba8());
    rgba.write_with_encoder(PngEncoder::new(&mut out))
        .map_err(|_| UploadError::NotAnImage)?;
    Ok(out)
}

/// Where a stored image and its thumbnail live, relative to the media directory.
#[derive(Debug, Clone)]
pub struct Stored {
    pub path: String,
    pub thumb_path: String,
    pub width: i32,
    pub height: i32,
}

/// Writes both renditions under `media_dir/uploads/{folder}/` with a random name.
pub fn store(media_dir: &Path, folder: &str, p: &Processed) -> std::io::Result<Stored> {
    let mut raw = [0u8; 12];
    getrandom::fill(&mut raw).map_err(|e| std::io::Error::other(e.to_string()))?;
    let name: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let rel_dir = format!("uploads/{folder}");
    std::fs::create_dir_all(media_dir.join(&rel_dir))?;
    let path = format!("{rel_dir}/{name}.{}", p.ext);
    let thumb_path = format!("{rel_dir}/{name}-t.{}", p.ext);
    std::fs::write(media_dir.join(&path), &p.large)?;
    std::fs::write(media_dir.join(&thumb_path), &p.thumb)?;
    Ok(Stored {
        path,
        thumb_path,
        width: i32::try_from(p.width).unwrap_or(i32::MAX),
        height: i32::try_from(p.height).unwrap_or(i32::MAX),
    })
}

/// Deletes an uploaded file; only paths under `uploads/` are touched (seeded art stays), missing files are fine.
pub fn remove(media_dir: &Path, rel: &str) {
    if let Some(p) = upload_path(media_dir, rel) {
        if let Err(e) = std::fs::remove_file(&p) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(path = %p.display(), error = %e, "could not delete media file");
            }
        }
    }
}

fn upload_path(media_dir: &Path, rel: &str) -> Option<PathBuf> {
    let rel_path = Path::new(rel);
    let clean = rel_path
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    (clean && rel.starts_with("uploads/")).then(|| media_dir.join(rel_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, alpha: u8) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 40, 40, alpha]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_with_encoder(PngEncoder::new(&mut out))
            .unwrap();
        out
    }

    #[test]
    fn opaque_png_becomes_jpeg_and_shrinks_to_the_page_sizes() {
        let p = process(&png(2000, 1000, 255), PRODUCT_SIZES).unwrap();
        assert_eq!(p.ext, "jpg");
        assert_eq!((p.width, p.height), (1600, 800));
        assert_eq!(image::guess_format(&p.thumb).unwrap(), ImageFormat::Jpeg);
        let t = image::load_from_memory(&p.thumb).unwrap();
        assert_eq!((t.width(), t.height()), (600, 300));
    }

    #[test]
    fn transparency_is_kept_as_png() {
        let p = process(&png(10, 10, 100), PRODUCT_SIZES).unwrap();
        assert_eq!(p.ext, "png");
        assert_eq!((p.width, p.height), (10, 10));
    }

    #[test]
    fn text_and_truncated_files_are_refused() {
        assert_eq!(
            process(b"hello, I am not a picture", PRODUCT_SIZES).err(),
            Some(UploadError::NotAnImage)
        );
        let mut broken = png(50, 50, 255);
        broken.truncate(60);
        assert!(process(&broken, PRODUCT_SIZES).is_err());
        assert_eq!(
            process(b"GIF89a\x01\x00\x01\x00", PRODUCT_SIZES).err(),
            Some(UploadError::Unsupported)
        );
    }

    #[test]
    fn only_upload_paths_are_deleted() {
        let dir = Path::new("/srv/media");
        assert!(upload_path(dir, "uploads/1/a.jpg").is_some());
        assert!(upload_path(dir, "demo/a.svg").is_none());
        assert!(upload_path(dir, "uploads/../../etc/passwd").is_none());
        assert!(upload_path(dir, "/etc/passwd").is_none());
    }
}
