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
        "src/catalogue/shopper.rs" => n <= 1,
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
        if rel.starts_with("src/cache/") {
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
        found.len() == 1 && found[0].starts_with("src/http/state.rs:"),
        "only AppState::write clears the catalogue cache; use it for catalogue writes: {found:?}"
    );
}

/// Who a signed-in session belongs to is remembered for a moment (`identity::sign_ins`); only
/// `AppState::write_changing` forgets it, after a write that changes sessions, roles or profiles.
#[test]
fn the_sign_in_cache_is_cleared_in_one_place() {
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
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            if line.contains("sign_ins.clear()") {
                found.push(format!("{rel}:{}", i + 1));
            }
        }
    }
    assert!(
        found.len() == 1 && found[0].starts_with("src/http/state.rs:"),
        "use AppState::write_changing(Changes::Identity, …): {found:?}"
    );
}

/// Top-level modules and the ones each names through `crate::…` (test modules left out).
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = std::collections::BTreeSet::new();
    for e in std::fs::read_dir(&root).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        match name.strip_suffix(".rs") {
            Some("lib" | "main") => {}
            Some(m) => {
                modules.insert(m.to_string());
            }
            None if e.path().is_dir() => {
                modules.insert(name);
            }
            None => {}
        }
    }
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut graph: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = modules
        .iter()
        .map(|m| (m.clone(), Default::default()))
        .collect();
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let top = rel.split('/').next().unwrap_or_default();
        let top = top.strip_suffix(".rs").unwrap_or(top).to_string();
        if !modules.contains(&top) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name != top && modules.contains(&name) {
                graph.entry(top.clone()).or_default().insert(name);
            }
        }
    }
    graph
}

/// The top-level modules form one chain, lowest first: each may name only modules before it, so there is no
/// cycle and the direction is written down. Base modules (money, time, i18n, the database, errors, URLs, the
/// shared cache, identity, categories) know no feature; `http` (state, page context, extractors, page cache)
/// sits on them; features follow in the order they build on each other; `web` (middleware, error pages,
/// operations) comes last. A new module must be placed here.
const CHAIN: [&str; 45] = [
    "money",
    "clock",
    "csv_cell",
    "db",
    "ids",
    "markdown",
    "geo",
    "zones",
    "holidays",
    "i18n",
    "arrival",
    "search",
    "routes",
    "error",
    "media",
    "config",
    "cache",
    "counters",
    "audit",
    "destinations",
    "tax",
    "limits",
    "identity",
    "categories",
    "variants",
    "http",
    "shops",
    "campaigns",
    "backoffice",
    "reviews",
    "catalogue",
    "wishlist",
    "coupons",
    "orders",
    "analytics",
    "payments",
    "mail",
    "accounts",
    "reports",
    "staff",
    "merchants",
    "promos",
    "pages",
    "seed",
    "web",
];

#[test]
fn modules_depend_one_way_along_the_chain() {
    let graph = module_graph();
    let unplaced: Vec<&String> = graph
        .keys()
        .filter(|m| !CHAIN.contains(&m.as_str()))
        .collect();
    assert!(
        unplaced.is_empty(),
        "place these modules in CHAIN: {unplaced:?}"
    );
    let mut upward = Vec::new();
    for (from, deps) in &graph {
        let at = CHAIN.iter().position(|m| m == from).unwrap_or(0);
        for to in deps {
            let there = CHAIN.iter().position(|m| m == to).unwrap_or(usize::MAX);
            if there >= at {
                upward.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "dependencies against the chain (a cycle, or a module that must move down): {upward:?}"
    );
}

/// The graph the chain test reads is the real one: a dependency it must see is there.
#[test]
fn the_module_graph_sees_dependencies() {
    let graph = module_graph();
    assert!(graph["catalogue"].contains("campaigns"));
    assert!(graph["http"].contains("identity"));
    assert!(!graph["cache"].contains("catalogue"));
}

/// Every URL is built by `src/routes.rs`: a template's `href`, `action`, `src` or `formaction` never starts with a
/// literal `/` (it comes from a value or a `crate::routes` call), and no Rust file but `routes.rs` formats a
/// path as `format!("/{…`.
#[test]
fn urls_are_built_in_one_place() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    let mut templates = Vec::new();
    fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                html_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    html_files(&root.join("templates"), &mut templates);
    assert!(templates.len() > 20, "templates not found");
    for f in templates {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            for attr in ["href=\"/", "action=\"/", "src=\"/", "formaction=\"/"] {
                if line.contains(attr) {
                    offenders.push(format!("{}:{}: {attr}", f.display(), i + 1));
                }
            }
        }
    }
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for f in files {
        if f.ends_with("src/routes.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            if line.contains("format!(\"/{") {
                offenders.push(format!("{}:{}", f.display(), i + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "build these URLs with crate::routes:\n{}",
        offenders.join("\n")
    );
}
