//! Naming options and values in every language through the HTTP stack on the real database: the staff's shared
//! list (a value renamed, a value added, the facet flag, a new option; audited), the products sold in a renamed
//! option indexed again by the indexer's queue so search finds the new name, localized errors that keep what was
//! typed and save nothing, and a shop's own options, which only that shop may rename.

use caravan::db::schema::{
    audit_log, option_value_translations, option_values, options, search_reindex, search_terms,
};
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use diesel::prelude::*;

use crate::support::builders;
use crate::support::TestApp;
use crate::variants::{give_sizes, shared};

/// Every field of an option's sheet as the page shows it (the stored names), with `changes` applied.
fn sheet_form(
    page: &crate::support::client::Page,
    changes: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = Vec::new();
    let body = &page.body;
    let mut rest = body.as_str();
    while let Some(at) = rest.find("<input ") {
        rest = &rest[at + 7..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            tag.find(&key).map(|i| {
                let v = &tag[i + key.len()..];
                crate::support::client::html_unescape(&v[..v.find('"').unwrap_or(0)])
            })
        };
        let (Some(name), kind) = (attr("name"), attr("type").unwrap_or_default()) else {
            continue;
        };
        if kind == "checkbox" {
            if tag.contains(" checked") {
                form.push((name, attr("value").unwrap_or_default()));
            }
            continue;
        }
        form.push((name, attr("value").unwrap_or_default()));
    }
    for (k, v) in changes {
        form.retain(|(name, _)| name != k);
        if !v.is_empty() {
            form.push((k.to_string(), v.to_string()));
        }
    }
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

fn value_names(app: &TestApp, value: i64) -> Vec<(String, String)> {
    option_value_translations::table
        .filter(option_value_translations::value_id.eq(value))
        .order(option_value_translations::locale)
        .select((
            option_value_translations::locale,
            option_value_translations::name,
        ))
        .load(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn staff_rename_a_shared_value_and_search_finds_it_once_the_indexer_ran() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    give_sizes(
        &mut app.db.conn(),
        &s,
        (f.it_bag, f.it_shop),
        &[("38", 2), ("39", 1)],
        "red",
    );
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let list = app.client.get("/en/staff/options").await;
    assert_eq!(list.status, 200, "{}", list.body);
    list.assert_contains(&format!("href=\"/en/staff/options/{}\"", s.colour));
    list.assert_contains("Size (EU)");
    let url = format!("/it/staff/options/{}", s.colour);
    let page = app.client.get(&url).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let red = s.values["red"];
    assert_eq!(
        page.input_value(&format!("v{red}_it")).as_deref(),
        Some("Rosso")
    );
    page.assert_contains("1 prodotto è venduto in questa opzione");
    // Red becomes "Rosso corallo" in Italian; a new value Green is added; the facet stays.
    let form = sheet_form(
        &page,
        &[
            (&format!("v{red}_it"), "Rosso corallo"),
            ("new_en", "Green"),
            ("new_it", "Verde"),
        ],
    );
    let res = app.client.post_form(&url, &pairs(&form)).await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(value_names(&app, red).contains(&("it".into(), "Rosso corallo".into())));
    let green: Vec<(String, i32)> = option_values::table
        .filter(option_values::option_id.eq(s.colour))
        .order(option_values::position)
        .select((option_values::key, option_values::position))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        green.last().map(|g| g.0.as_str()),
        Some("green"),
        "{green:?}"
    );
    // The bag is queued; its words change only when the indexer drains the queue.
    let queued: Vec<i64> = search_reindex::table
        .select(search_reindex::product_id)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(queued, vec![f.it_bag]);
    let has_word = |app: &TestApp| {
        search_terms::table
            .filter(search_terms::product_id.eq(f.it_bag))
            .filter(search_terms::term.like("coral%"))
            .count()
            .get_result::<i64>(&mut app.db.conn())
            .unwrap()
    };
    assert_eq!(has_word(&app), 0);
    assert_eq!(
        caravan::catalogue::reindex::drain_all(&mut app.db.conn()).unwrap(),
        1
    );
    assert!(has_word(&app) > 0);
    assert_eq!(
        caravan::catalogue::reindex::pending(&mut app.db.conn()).unwrap(),
        0
    );
    let found = app.client.get("/it/search?q=corallo").await;
    assert!(
        found.body.contains(&format!("/p/{}-", f.it_bag)),
        "search finds the new name"
    );
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("option.names"))
        .filter(audit_log::subject.eq(format!("#{}", s.colour)))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(audited, 1);
    // Unticking the facet takes colours off listings at once.
    let slug: String = caravan::db::schema::category_translations::table
        .filter(caravan::db::schema::category_translations::category_id.eq(f.bags))
        .filter(caravan::db::schema::category_translations::locale.eq("en"))
        .select(caravan::db::schema::category_translations::slug)
        .first(&mut app.db.conn())
        .unwrap();
    let listing = caravan::routes::category(Locale::En, &slug);
    let red_facet = format!("for=\"value-{red}\"");
    app.client.get(&listing).await.assert_contains(&red_facet);
    let page = app.client.get(&url).await;
    let form = sheet_form(&page, &[("facet", "")]);
    let res = app.client.post_form(&url, &pairs(&form)).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let facet: bool = options::table
        .find(s.colour)
        .select(options::facet)
        .first(&mut app.db.conn())
        .unwrap();
    assert!(!facet);
    let after = app.client.get(&listing).await;
    assert_eq!(after.status, 200);
    after.assert_not_contains(&red_facet);
    after.assert_contains("for=\"value-");
}

#[actix_web::test]
async fn errors_are_localized_keep_what_was_typed_and_save_nothing() {
    let mut app = TestApp::new().await;
    builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let url = format!("/ru/staff/options/{}", s.colour);
    let page = app.client.get(&url).await;
    let (red, black) = (s.values["red"], s.values["black"]);
    // Black named "КРАСНЫЙ" in Russian (red's name, other case), the option left without any name.
    let mut changes: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (format!("name_{}", l.code()), String::new()))
        .collect();
    changes.push((format!("v{black}_ru"), "КРАСНЫЙ".into()));
    changes.push(("new_tr".into(), "Bordo".into()));
    let changes: Vec<(&str, &str)> = changes
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let form = sheet_form(&page, &changes);
    let res = app.client.post_form(&url, &pairs(&form)).await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("<html lang=\"ru\">");
    res.assert_contains("Укажите название хотя бы на одном языке.");
    res.assert_contains("У другого значения этой опции уже есть такое название на этом языке.");
    assert_eq!(
        res.input_value(&format!("v{black}_ru")).as_deref(),
        Some("КРАСНЫЙ")
    );
    assert_eq!(res.input_value("new_tr").as_deref(), Some("Bordo"));
    assert_eq!(res.input_value("name_en").as_deref(), Some(""));
    // Nothing was saved.
    assert!(value_names(&app, black).contains(&("ru".into(), "Чёрный".into())));
    assert!(value_names(&app, red).contains(&("ru".into(), "Красный".into())));
    let values: i64 = option_values::table
        .filter(option_values::option_id.eq(s.colour))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(values, 2);
    // A new shared option named like an existing one, in Turkish; then a right one.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/tr/staff/options",
            &[("csrf", &csrf), ("name_tr", "renk"), ("name_en", "Strap")],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("Bir ortak seçenek bu dilde zaten bu adı taşıyor.");
    assert_eq!(res.input_value("name_en").as_deref(), Some("Strap"));
    let res = app
        .client
        .post_form(
            "/tr/staff/options",
            &[
                ("csrf", &csrf),
                ("name_tr", "Kayış boyu"),
                ("name_en", "Strap length"),
                ("facet", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let id: i64 = res
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let row: (Option<i64>, String, bool) = options::table
        .find(id)
        .select((options::merchant_id, options::original_lang, options::facet))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(row, (None, "en".into(), true));
    // Without the form token nothing happens.
    let res = app
        .client
        .post_form(
            "/en/staff/options",
            &[("csrf", "forged"), ("name_en", "Forged")],
        )
        .await;
    assert_eq!(res.status, 403);
}

#[actix_web::test]
async fn a_shop_translates_its_own_options_and_no_one_else_can() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let s = shared(&mut app.db.conn());
    let now = caravan::clock::system_now();
    let (own, finish) = {
        let mut c = app.db.conn();
        let it = |n: &str| vec![(Locale::It, n.to_string())];
        let own = caravan::variants::write::create_option(
            &mut c,
            Some(f.it_shop),
            "finitura",
            &it("Finitura"),
            now,
        )
        .unwrap();
        let finish =
            caravan::variants::write::create_value(&mut c, own, "lucida", &it("Lucida")).unwrap();
        (own, finish)
    };
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let list = app.client.get("/it/merchant/options").await;
    assert_eq!(list.status, 200, "{}", list.body);
    list.assert_contains(&format!("href=\"/it/merchant/options/{own}\""));
    list.assert_contains("Manca in: English, Русский, Türkçe, Español");
    assert!(
        !list
            .body
            .contains(&format!("/it/merchant/options/{}\"", s.colour)),
        "shared options are not listed"
    );
    let url = format!("/it/merchant/options/{own}");
    let page = app.client.get(&url).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        !page.body.contains("name=\"facet\""),
        "a shop's option is no facet to set"
    );
    let form = sheet_form(
        &page,
        &[
            ("name_en", "Finish"),
            ("name_ru", "Отделка"),
            ("name_tr", "Cila"),
            ("name_es", "Acabado"),
            (&format!("v{finish}_en"), "Glossy"),
            (&format!("v{finish}_ru"), "Глянцевая"),
            (&format!("v{finish}_tr"), "Parlak"),
            (&format!("v{finish}_es"), "Brillante"),
        ],
    );
    let res = app.client.post_form(&url, &pairs(&form)).await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(value_names(&app, finish).len(), 5);
    let list = app.client.get("/it/merchant/options").await;
    list.assert_not_contains("Manca in:");
    // A shared option and another shop's option are not this shop's to open or rename.
    let shared_url = format!("/it/merchant/options/{}", s.colour);
    assert_eq!(app.client.get(&shared_url).await.status, 404);
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@kapali.example", f.tr_shop)
        .await;
    assert_eq!(app.client.get(&url).await.status, 404);
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(&url, &[("csrf", &csrf), ("name_en", "Stolen")])
        .await;
    assert_eq!(res.status, 404);
    assert!(value_names(&app, finish).contains(&("en".into(), "Glossy".into())));
    // Staff do not rename a shop's option on the shared list either.
    app.client.cookies.clear();
    app.sign_in_as("boss@example.com", Role::Staff).await;
    assert_eq!(
        app.client
            .get(&format!("/en/staff/options/{own}"))
            .await
            .status,
        404
    );
}
