use std::collections::BTreeSet;

use caravan::i18n::{Locale, Messages};

use crate::support::TestApp;

#[actix_web::test]
async fn root_redirects_by_accept_language_then_cookie() {
    let mut app = TestApp::new().await;
    for (header, expected) in [
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("tr", "/tr/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("es-MX,es;q=0.8", "/es/"),
    ] {
        app.client.accept_language = Some(header.to_string());
        let res = app.client.get("/").await;
        assert_eq!(res.status, 303, "{header}");
        assert_eq!(res.location().as_deref(), Some(expected), "{header}");
    }
    // No header at all: English.
    app.client.accept_language = None;
    assert_eq!(
        app.client.get("/").await.location().as_deref(),
        Some("/en/")
    );
    // A first visit sets no cookie: `/` still follows Accept-Language.
    crate::support::builders::standard(&mut app.db.conn());
    let res = app.client.get("/it/").await;
    assert_eq!(res.status, 200);
    assert!(res.header("set-cookie").is_none());
    assert!(app.client.cookies.is_empty());
    app.client.accept_language = Some("ru".to_string());
    assert_eq!(
        app.client.get("/").await.location().as_deref(),
        Some("/ru/")
    );
    // Once the visitor has a session (here: a market chosen), browsing in Italian is remembered and beats
    // Accept-Language.
    let res = app
        .client
        .post_form("/it/market", &[("ship_to", "IT"), ("currency", "EUR")])
        .await;
    assert_eq!(res.status, 303);
    let res = app.client.get("/it/").await;
    assert_eq!(res.status, 200);
    app.client.accept_language = Some("ru".to_string());
    assert_eq!(
        app.client.get("/").await.location().as_deref(),
        Some("/it/")
    );
}

#[actix_web::test]
async fn unknown_locale_is_a_localized_404() {
    let mut app = TestApp::new().await;
    app.client.accept_language = Some("tr".into());
    let res = app.client.get("/de/").await;
    assert_eq!(res.status, 404);
    res.assert_contains("Sayfa bulunamadı");
    res.assert_contains("<html lang=\"tr\">");
    let res = app.client.get("/ru/no-such-page").await;
    assert_eq!(res.status, 404);
    res.assert_contains("Страница не найдена");
    res.assert_contains("<html lang=\"ru\">");
}

#[actix_web::test]
async fn every_page_has_lang_canonical_hreflang_and_switcher_on_same_page() {
    let mut app = TestApp::new().await;
    let f = crate::support::builders::standard(&mut app.db.conn());
    let res = app.client.get("/ru/c/kozhanye-sumki").await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains("<html lang=\"ru\">");
    res.assert_contains("<link rel=\"canonical\" href=\"http://localhost/ru/c/kozhanye-sumki\">");
    // Localized category slugs in the alternates and the switcher.
    res.assert_contains("hreflang=\"tr\" href=\"http://localhost/tr/c/deri-cantalar\"");
    res.assert_contains("hreflang=\"it\" href=\"http://localhost/it/c/borse-in-pelle\"");
    res.assert_contains("hreflang=\"x-default\" href=\"http://localhost/en/c/leather-bags\"");
    res.assert_contains("href=\"/es/c/bolsos-de-piel\" hreflang=\"es\"");
    // Product pages: each locale's own slug.
    let res = app
        .client
        .get(&format!("/en/p/{}-florentine-leather-bag", f.it_bag))
        .await;
    assert_eq!(res.status, 200);
    res.assert_contains(&format!(
        "hreflang=\"ru\" href=\"http://localhost/ru/p/{}-kozhanaia-sumka-iz-florentsii\"",
        f.it_bag
    ));
    res.assert_contains(&format!(
        "href=\"/it/p/{}-borsa-in-pelle-fiorentina\" hreflang=\"it\"",
        f.it_bag
    ));
    // The switcher keeps filters, sort and page.
    let res = app
        .client
        .get("/ru/c/kozhanye-sumki?origin=IT&sort=price_asc&page=2")
        .await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.assert_contains(
        "href=\"/tr/c/deri-cantalar?origin=IT&#38;sort=price_asc&#38;page=2\" hreflang=\"tr\"",
    );
}

fn ftl_ids_used_in(dir: &str, ext: &str, out: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            ftl_ids_used_in(&p.to_string_lossy(), ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            for call in [".t(\"", ".t1(\"", ".t_count(\"", ".t_args(\""] {
                for (i, _) in text.match_indices(call) {
                    let rest = &text[i + call.len()..];
                    if let Some(end) = rest.find('"') {
                        let id = &rest[..end];
                        if !id.is_empty()
                            && id
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        {
                            out.insert(id.to_string());
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_locale_has_the_same_message_ids_and_every_used_id_exists() {
    let en: BTreeSet<String> = Messages::ids(Locale::En).into_iter().collect();
    assert!(en.len() > 50);
    for l in Locale::ALL {
        let ids: BTreeSet<String> = Messages::ids(l).into_iter().collect();
        let missing: Vec<_> = en.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{l}: missing {missing:?}, extra {extra:?}"
        );
    }
    let mut used = BTreeSet::new();
    let root = env!("CARGO_MANIFEST_DIR");
    ftl_ids_used_in(&format!("{root}/src"), "rs", &mut used);
    ftl_ids_used_in(&format!("{root}/templates"), "html", &mut used);
    // Ids built at run time.
    for cc in caravan::geo::SHIP_TO {
        used.insert(cc.name_id());
    }
    for c in caravan::money::Currency::ALL {
        used.insert(format!("currency-{}", c.code().to_ascii_lowercase()));
    }
    for (cc, _) in caravan::geo::ORIGINS {
        used.insert(format!("origin-heading-{}", cc.lower()));
        used.insert(format!("origin-intro-{}", cc.lower()));
    }
    for s in caravan::catalogue::listing::Sort::ALL {
        used.insert(format!("sort-{}", s.as_str().replace('_', "-")));
    }
    use caravan::error::ErrorCode::*;
    for code in [
        NotFound,
        BadRequest,
        Forbidden,
        CsrfFailed,
        PayloadTooLarge,
        Unavailable,
        Internal,
    ] {
        used.insert(code.message_id());
        used.insert(format!("{}-body", code.message_id()));
    }
    let missing: Vec<_> = used.difference(&en).collect();
    assert!(missing.is_empty(), "ids used but not in en: {missing:?}");
}

/// Letters of a formatted message outside its `{$placeholders}` (a pattern such as "{ $name }: { $value }" is
/// the same in every language and translates nothing).
fn letters_outside_placeables(text: &str) -> usize {
    let mut depth = 0_u32;
    text.chars()
        .filter(|c| {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => return depth == 0 && c.is_alphabetic(),
            }
            false
        })
        .count()
}

#[test]
fn translations_are_not_english_copies() {
    let i18n = caravan::i18n::I18n::load().expect("i18n");
    let en = Messages::ids(Locale::En);
    for l in [Locale::Ru, Locale::Tr, Locale::It, Locale::Es] {
        let same: Vec<&String> = en
            .iter()
            .filter(|id| {
                let a = i18n.messages.format(Locale::En, id, None);
                let b = i18n.messages.format(l, id, None);
                a == b && letters_outside_placeables(&a) > 8
            })
            .collect();
        // Proper names (the brand) may coincide; more than a handful means an untranslated file.
        assert!(same.len() <= 3, "{l} has English copies: {same:?}");
    }
}

#[test]
fn plural_forms_follow_cldr() {
    let i18n = caravan::i18n::I18n::load().expect("i18n");
    let tr = |l: Locale, n: i64| {
        caravan::i18n::Translator::new(i18n.clone(), l).t_count("catalogue-product-count", n)
    };
    assert_eq!(tr(Locale::Ru, 1), "1 товар");
    assert_eq!(tr(Locale::Ru, 2), "2 товара");
    assert_eq!(tr(Locale::Ru, 5), "5 товаров");
    assert_eq!(tr(Locale::Ru, 21), "21 товар");
    assert_eq!(tr(Locale::Ru, 1234), "1\u{a0}234 товара");
    assert_eq!(tr(Locale::It, 1), "1 prodotto");
    assert_eq!(tr(Locale::It, 2), "2 prodotti");
    assert_eq!(tr(Locale::En, 1), "1 product");
    assert_eq!(tr(Locale::En, 1000), "1,000 products");
    assert_eq!(tr(Locale::Es, 1), "1 producto");
    assert_eq!(tr(Locale::Tr, 3), "3 ürün");
}
