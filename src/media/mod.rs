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
/// Largest accepted picture in pixels (32 MP: more than a 30-megapixel camera, 8× a 4K screen). Judged from
/// the file's header, before a byte of pixels is decoded: a 420 KB PNG can claim 12,000 × 12,000 pixels.
pub const MAX_PIXELS: u64 = 32_000_000;
/// The most memory one decode may ask for: the pixel budget at 4 bytes a pixel (RGBA8). A picture whose
/// decoded form needs more (16-bit channels at full size) is refused like one with too many pixels.
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 4;
/// Decodes running at once per process; more uploads wait their turn. With [`MAX_DECODE_BYTES`] this bounds
/// the memory uploads can take at about 2 × 128 MB, however many arrive together.
pub const MAX_CONCURRENT_DECODES: usize = 2;
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
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    // Reads the header only: the size is known before any pixel is decoded.
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(UploadError::TooManyPixels);
    }
    let orientation = decoder.orientation().map_err(classify)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(classify)?;
    img.apply_orientation(orientation);
    let large = fit(&img, sizes.large);
    drop(img);
    let thumb = fit(&large, sizes.thumb);
    let transparent = has_transparency(&large);
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

/// Shrinks to fit a `max` square, keeping the aspect ratio. Area averaging in integers works straight from the
/// decoded pixels, where a Lanczos resize would first build a floating-point copy several times their size.
fn fit(img: &DynamicImage, max: u32) -> DynamicImage {
    if img.width() <= max && img.height() <= max {
        img.clone()
    } else {
        img.thumbnail(max, max)
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

/// Runs [`process`] on the blocking pool, at most [`MAX_CONCURRENT_DECODES`] at once per process.
#[derive(Clone)]
pub struct Decoders {
    permits: std::sync::Arc<tokio::sync::Semaphore>,
}

impl Default for Decoders {
    fn default() -> Self {
        Self {
            permits: std::sync::Arc::new(tokio::sync::Semaphore::new(MAX_CONCURRENT_DECODES)),
        }
    }
}

impl Decoders {
    /// Waits for a free decoder, then processes `bytes` off the async workers.
    pub async fn process(
        &self,
        bytes: Vec<u8>,
        sizes: Sizes,
    ) -> crate::error::AppResult<Result<Processed, UploadError>> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| crate::error::AppError::internal(format!("decoders: {e}")))?;
        actix_web::web::block(move || process(&bytes, sizes))
            .await
            .map_err(|e| crate::error::AppError::internal(format!("blocking pool: {e}")))
    }
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

    /// A PNG whose header claims `w` × `h` grey pixels, all zero: a few hundred KB that decode to `w * h` bytes.
    fn bomb(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = ::png::Encoder::new(std::io::Cursor::new(&mut out), w, h);
        enc.set_color(::png::ColorType::Grayscale);
        enc.set_compression(::png::Compression::Fast);
        let mut writer = enc.write_header().unwrap();
        let mut stream = writer.stream_writer().unwrap();
        let row = vec![0u8; w as usize];
        for _ in 0..h {
            std::io::Write::write_all(&mut stream, &row).unwrap();
        }
        stream.finish().unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn a_picture_over_the_pixel_budget_is_refused_from_its_header() {
        let b = bomb(12_000, 12_000);
        assert!(b.len() < MAX_UPLOAD_BYTES, "{} bytes", b.len());
        assert_eq!(
            process(&b, PRODUCT_SIZES).err(),
            Some(UploadError::TooManyPixels)
        );
        // Just under the budget is a real picture and is accepted.
        let p = process(&bomb(6_000, 5_000), PRODUCT_SIZES).unwrap();
        assert_eq!((p.width, p.height), (1600, 1333));
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
