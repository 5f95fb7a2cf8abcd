//! Embeds the Fluent files and static assets found on disk, and tells cargo to rebuild when they or the
//! migrations change.
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn list(dir: &Path, exts: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if exts.iter().any(|x| p.extension().is_some_and(|e| e == *x)) {
                if let Ok(rel) = p.strip_prefix(dir) {
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    out.sort();
    out
}

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed=templates");
    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&root);
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());

    let mut code = String::from("/// (locale, file name, contents) of every Fluent file under locales/.\npub static FTL_FILES: &[(&str, &str, &str)] = &[\n");
    for rel in list(&root.join("locales"), &["ftl"]) {
        if let Some((lang, file)) = rel.split_once('/') {
            let _ = writeln!(
                code,
                "    ({lang:?}, {file:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/locales/{rel}\"))),"
            );
        }
    }
    code.push_str("];\n");
    let _ = fs::write(Path::new(&out_dir).join("locales.rs"), code);

    let mut code = String::from("/// (path under static/, contents) of every static asset.\npub static STATIC_FILES: &[(&str, &[u8])] = &[\n");
    for rel in list(
        &root.join("static"),
        &["css", "js", "svg", "png", "ico", "webp", "txt", "woff2"],
    ) {
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/static/{rel}\"))),"
        );
    }
    code.push_str("];\n");
    let _ = fs::write(Path::new(&out_dir).join("static_files.rs"), code);
}
