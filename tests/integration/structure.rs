//! Checks on the code's shape that keep it from drifting back.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// "Now" comes from the app's clock (`AppState::clock`), which tests and campaign previews pin; only the clock
/// itself, the command line, the seeders and the shared rates cache (loaded for every request, never at one
/// request's instant) read the system time.
#[test]
fn the_system_time_is_read_only_through_the_clock() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let allowed = |rel: &str, n: usize| match rel {
        "src/clock.rs" | "src/main.rs" => true,
        r if r.starts_with("src/seed/") => true,
        "src/catalogue/service.rs" => n <= 1,
        _ => false,
    };
    let mut offenders = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let n = [
            "now_utc(",
            "SystemTime::now(",
            "Timestamp::now(",
            "system_now",
            "Utc::now(",
        ]
        .iter()
        .map(|p| text.matches(p).count())
        .sum::<usize>();
        if n > 0 && !allowed(&rel, n) {
            offenders.push(format!("{rel}: {n}"));
        }
    }
    assert!(
        offenders.is_empty(),
        "read the time through AppState::clock instead:\n{}",
        offenders.join("\n")
    );
}

/// Every write that changes what shoppers see goes through `AppState::write`, which drops the catalogue cache
/// (and the stored pages) after the transaction: nothing else clears it.
#[test]
fn the_catalogue_cache_is_cleared_in_one_place() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut found = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "src/catalogue/cache.rs" {
            continue; // the cache's own tests
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.contains("cache.clear()") {
                found.push(format!("{rel}:{}", i + 1));
            }
        }
    }
    assert!(
        found.len() == 1 && found[0].starts_with("src/state.rs:"),
        "only AppState::write clears the catalogue cache; use it for catalogue writes: {found:?}"
    );
}
