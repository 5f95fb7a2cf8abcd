//! Compression levels for pages and assets: bytes and time per level, brotli against gzip, on real bodies.
//!
//!   cargo bench --bench compression -- DIR
//!
//! DIR holds saved responses (e.g. `curl -s http://127.0.0.1:8080/en/ > DIR/home.html`, a category, a product, a
//! search, the CSS). For each file and level it prints the compressed size and the median time of 30 runs; the
//! levels in `src/web/encoding.rs` were chosen from this (see the README).

use std::time::Instant;

use caravan::http::encoding::{compress_with, Coding};

fn median_micros(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..30)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench compression -- DIR (saved pages and assets)");
        return;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {dir}");
        return;
    };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    println!(
        "{:<18} {:>8} {:>16} {:>16}",
        "file", "bytes", "coding level", "bytes · µs"
    );
    for path in files {
        let Ok(body) = std::fs::read(&path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut rows = Vec::new();
        for level in [1, 2, 3, 4, 6, 9] {
            rows.push((Coding::Gzip, level));
        }
        for level in [1, 2, 3, 4, 5, 6, 7, 9, 11] {
            rows.push((Coding::Brotli, level));
        }
        for (coding, level) in rows {
            let size = compress_with(&body, coding, level).map_or(0, |c| c.len());
            let micros = median_micros(|| {
                let _ = compress_with(&body, coding, level);
            });
            println!(
                "{name:<18} {:>8} {:>16} {:>9} · {micros:.0}",
                body.len(),
                format!("{coding:?} {level}"),
                size
            );
        }
    }
}
