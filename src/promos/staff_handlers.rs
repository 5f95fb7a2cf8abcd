//! Thin handlers for staff campaign management: list, create, edit, duplicate, publish/unpublish, delete
//! drafts, hero image. Every action is audited.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::Deserialize;

use super::repo::{self, PromoInput};
use super::views::{CheckGroup, PromoLangSection, StaffPromoForm, StaffPromoLine, StaffPromosPage};
use crate::audit;
use crate::campaigns::model::{PromoRow, PromoText, Targets};
use crate::campaigns::schedule::{self, ZONES};
use crate::catalogue::service::tree_now;
use crate::catalogue::write::slugify;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::geo::ORIGINS;
use crate::http::auth::RequireStaff;
use crate::http::extract::Lang;
use crate::http::forms::{normalize, summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other, upload};
use crate::i18n::Locale;
use crate::media::{self, MAX_UPLOAD_BYTES, PRODUCT_SIZES};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/promos", web::get().to(list))
        .route("/staff/promos/new", web::get().to(new_form))
        .route("/staff/promos/new", web::post().to(create))
        .route("/staff/promos/{id}/edit", web::get().to(edit_form))
        .route("/staff/promos/{id}/edit", web::post().to(update))
        .route("/staff/promos/{id}/status", web::post().to(set_status))
        .route("/staff/promos/{id}/duplicate", web::post().to(duplicate))
        .route("/staff/promos/{id}/delete", web::post().to(delete))
        .route("/staff/promos/{id}/hero", web::post().to(hero));
}

fn chrome(ctx: &PageCtx, state: &AppState) -> crate::backoffice::staff::StaffChrome {
    crate::backoffice::staff::chrome(ctx, "/promos", &[], state.config.rate_max_age_days)
}

fn base(l: Locale) -> String {
    format!("/{l}/staff/promos")
}

fn rfc3339(at: time::PrimitiveDateTime) -> String {
    at.assume_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub async fn list(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (rows, texts) = state
        .db(|c| {
            let rows = repo::all(c)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            Ok((rows, repo::texts_of(c, &ids)?))
        })
        .await?;
    let ctx = PageCtx::build(&req, &state, lang.0);
    let l = lang.0;
    let at = state.clock.now();
    let lines = rows
        .iter()
        .map(|p| {
            let own: Vec<PromoText> = texts
                .iter()
                .filter(|t| t.promo_id == p.id)
                .cloned()
                .collect();
            StaffPromoLine {
                id: p.id,
                name: p.name.clone(),
                status: ctx.t(&format!("promo-status-{}", p.status)),
                phase: crate::campaigns::tiles::when_line(&ctx.tr, p, at, &p.time_zone),
                window: format!(
                    "{} → {}",
                    schedule::show(&ctx.tr, p.starts_at, &p.time_zone),
                    schedule::show(&ctx.tr, p.ends_at, &p.time_zone)
                ),
                discount: crate::campaigns::tiles::discount_label(&ctx.tr, p.discount_percent),
                edit_url: format!("{}/{}/edit", base(l), p.id),
                preview_url: repo::pick(&own, l).map(|t| {
                    format!(
                        "{}?at={}",
                        crate::routes::promo(l, &t.slug),
                        rfc3339(p.starts_at)
                    )
                }),
            }
        })
        .collect();
    let chrome = chrome(&ctx, &state);
    render_status(&StaffPromosPage { ctx, chrome, lines }, StatusCode::OK)
}

/// The campaign form as typed.
#[derive(Debug, Clone, Default)]
struct FormInput {
    name: String,
    discount: String,
    starts: String,
    ends: String,
    time_zone: String,
    home_position: String,
    origins: Vec<String>,
    merchants: Vec<String>,
    categories: Vec<String>,
    products: String,
    featured: String,
    /// Indexed like `Locale::ALL`: (slug, title, subtitle, body, alt).
    texts: Vec<[String; 5]>,
}

impl FormInput {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = FormInput {
            texts: vec![Default::default(); 5],
            ..Default::default()
        };
        for (k, v) in pairs {
            match k.as_str() {
                "name" => f.name = v.clone(),
                "discount" => f.discount = v.clone(),
                "starts" => f.starts = v.clone(),
                "ends" => f.ends = v.clone(),
                "time_zone" => f.time_zone = v.clone(),
                "home_position" => f.home_position = v.clone(),
                "origin" => f.origins.push(v.clone()),
                "merchant" => f.merchants.push(v.clone()),
                "category" => f.categories.push(v.clone()),
                "products" => f.products = v.clone(),
                "featured" => f.featured = v.clone(),
                other => {
                    let Some((field, code)) = other.rsplit_once('_') else {
                        continue;
                    };
                    let Some(i) = Locale::ALL.iter().position(|l| l.code() == code) else {
                        continue;
                    };
                    let slot = match field {
                        "slug" => 0,
                        "title" => 1,
                        "subtitle" => 2,
                        "body" => 3,
                        "alt" => 4,
                        _ => continue,
                    };
                    f.texts[i][slot] = v.clone();
                }
            }
        }
        f
    }

    fn from_stored(
        p: &PromoRow,
        texts: &[PromoText],
        t: &Targets,
        featured: &[i64],
        explicit_products: &[i64],
    ) -> Self {
        let ids = |v: &[i64]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        FormInput {
            name: p.name.clone(),
            discount: p.discount_percent.to_string(),
            starts: schedule::utc_to_local_input(p.starts_at, &p.time_zone),
            ends: schedule::utc_to_local_input(p.ends_at, &p.time_zone),
            time_zone: p.time_zone.clone(),
            home_position: p.home_position.to_string(),
            origins: t.origins.clone(),
            merchants: ids(&t.merchants),
            categories: ids(&t.categories),
            products: ids(explicit_products).join(", "),
            featured: ids(featured).join(", "),
            texts: Locale::ALL
                .iter()
                .map(|l| {
                    texts
                        .iter()
                        .find(|x| x.locale == l.code())
                        .map(|x| {
                            [
                                x.slug.clone(),
                                x.title.clone(),
                                x.subtitle.clone(),
                                x.body.clone(),
                                x.hero_alt.clone(),
                            ]
                        })
                        .unwrap_or_default()
                })
                .collect(),
        }
    }
}

fn id_list(raw: &str) -> Option<Vec<i64>> {
    let mut out = Vec::new();
    for part in raw
        .split([',', ' ', '\n', ';'])
        .filter(|s| !s.trim().is_empty())
    {
        let id = part.trim().parse::<i64>().ok()?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Some(out)
}

fn existing_products(c: &mut DbConnection, ids: &[i64]) -> QueryResult<usize> {
    use crate::db::schema::products;
    let n: i64 = products::table
        .filter(products::id.eq_any(ids))
        .count()
        .get_result(c)?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Checks the form; database checks (products exist, slugs free) included.
fn validate(
    c: &mut DbConnection,
    f: &FormInput,
    id: Option<i64>,
) -> AppResult<Result<PromoInput, FormErrors>> {
    let mut e = FormErrors::default();
    let name = normalize(&f.name);
    e.check_len("name", &name, true, 120);
    let discount = f
        .discount
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (1..=90).contains(d));
    if discount.is_none() {
        e.add("discount", "promo-discount-invalid");
    }
    let zone = ZONES.iter().find(|z| **z == f.time_zone).copied();
    if zone.is_none() {
        e.add("time_zone", "promo-zone-invalid");
    }
    let tz = zone.unwrap_or("UTC");
    let starts = schedule::local_to_utc(&f.starts, tz);
    let ends = schedule::local_to_utc(&f.ends, tz);
    if starts.is_none() {
        e.add("starts", "promo-date-invalid");
    }
    if ends.is_none() {
        e.add("ends", "promo-date-invalid");
    }
    if let (Some(s), Some(en)) = (starts, ends) {
        if en <= s {
            e.add("ends", "promo-ends-before-start");
        }
    }
    let home_position = if f.home_position.trim().is_empty() {
        Some(0)
    } else {
        f.home_position
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|p| (0..=999).contains(p))
    };
    if home_position.is_none() {
        e.add("home_position", "promo-position-invalid");
    }
    let origins: Vec<String> = f
        .origins
        .iter()
        .filter(|o| ORIGINS.iter().any(|(cc, _)| cc.as_str() == o.as_str()))
        .cloned()
        .collect();
    let merchants: Vec<i64> = f.merchants.iter().filter_map(|m| m.parse().ok()).collect();
    let categories: Vec<i64> = f.categories.iter().filter_map(|m| m.parse().ok()).collect();
    let products = id_list(&f.products);
    let featured = id_list(&f.featured);
    match &products {
        None => e.add("products", "promo-ids-invalid"),
        Some(p) if existing_products(c, p)? != p.len() => e.add("products", "promo-ids-unknown"),
        _ => {}
    }
    match &featured {
        None => e.add("featured", "promo-ids-invalid"),
        Some(p) if existing_products(c, p)? != p.len() => e.add("featured", "promo-ids-unknown"),
        _ => {}
    }
    let mut texts = Vec::new();
    for (i, l) in Locale::ALL.iter().enumerate() {
        let [slug, title, subtitle, body, alt] = &f.texts[i];
        let (title, subtitle, body, alt) = (
            normalize(title),
            normalize(subtitle),
            body.trim().to_string(),
            normalize(alt),
        );
        let code = l.code();
        if title.is_empty() {
            if *l == Locale::FALLBACK {
                e.add(&format!("title_{code}"), "promo-title-en-required");
            }
            continue;
        }
        e.check_len(&format!("title_{code}"), &title, true, 120);
        e.check_len(&format!("subtitle_{code}"), &subtitle, false, 240);
        e.check_len(&format!("body_{code}"), &body, false, 20_000);
        e.check_len(&format!("alt_{code}"), &alt, false, 200);
        let slug = slugify(if slug.trim().is_empty() { &title } else { slug });
        if repo::slug_taken(c, *l, &slug, id)? {
            e.add(&format!("slug_{code}"), "promo-slug-taken");
        }
        texts.push((*l, slug, title, subtitle, body, alt));
    }
    Ok(
        match (
            e.is_empty(),
            discount,
            starts,
            ends,
            home_position,
            products,
            featured,
        ) {
            (true, Some(d), Some(s), Some(en), Some(pos), Some(products), Some(featured)) => {
                Ok(PromoInput {
                    name,
                    discount_percent: d,
                    starts_at: s,
                    ends_at: en,
                    time_zone: tz.to_string(),
                    home_position: pos,
                    targets: Targets {
                        origins,
                        merchants,
                        categories,
                        products,
                    },
                    featured,
                    texts,
                })
            }
            _ => Err(e),
        },
    )
}

/// A stored campaign on its edit page: id, published, hero URL, slug per language.
struct Stored {
    id: i64,
    published: bool,
    hero: Option<String>,
    slugs: Vec<(Locale, String)>,
}

struct Choices {
    merchants: Vec<(i64, String)>,
    categories: Vec<(i64, String)>,
}

fn choices(c: &mut DbConnection, l: Locale) -> AppResult<Choices> {
    use crate::db::schema::merchants;
    let merchants: Vec<(i64, String)> = merchants::table
        .filter(merchants::status.eq("approved"))
        .order(merchants::name)
        .select((merchants::id, merchants::name))
        .load(c)?;
    let tree = tree_now(c)?;
    let categories = tree
        .visible()
        .map(|n| {
            let path: Vec<String> = tree.path(n.id).iter().map(|x| x.name(l)).collect();
            (n.id, path.join(" › "))
        })
        .collect();
    Ok(Choices {
        merchants,
        categories,
    })
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    ctx: PageCtx,
    chrome: crate::backoffice::staff::StaffChrome,
    heading: String,
    action: String,
    f: &FormInput,
    errors: &FormErrors,
    ch: &Choices,
    stored: Option<Stored>,
    hero_error: Option<String>,
) -> StaffPromoForm {
    let zones = ZONES
        .iter()
        .map(|z| Choice {
            value: (*z).to_string(),
            label: (*z).to_string(),
            selected: f.time_zone == *z,
        })
        .collect();
    let fields = vec![
        Field::new(&ctx, "name", "text", &f.name, errors)
            .label(ctx.t("promo-field-name"))
            .max(120),
        Field::new(&ctx, "discount", "number", &f.discount, errors)
            .label(ctx.t("promo-field-discount"))
            .max(2),
        Field::new(&ctx, "starts", "datetime-local", &f.starts, errors)
            .label(ctx.t("promo-field-starts"))
            .max(16),
        Field::new(&ctx, "ends", "datetime-local", &f.ends, errors)
            .label(ctx.t("promo-field-ends"))
            .max(16),
        Field::new(&ctx, "time_zone", "select", &f.time_zone, errors)
            .label(ctx.t("promo-field-zone"))
            .options(zones),
        Field::new(&ctx, "home_position", "number", &f.home_position, errors)
            .label(ctx.t("promo-field-position"))
            .hint(ctx.t("promo-field-position-hint"))
            .max(3)
            .optional(),
    ];
    let targets = vec![
        CheckGroup {
            legend: ctx.t("promo-target-origins"),
            name: "origin",
            options: ORIGINS
                .iter()
                .map(|(cc, _)| Choice {
                    value: cc.as_str().to_string(),
                    label: ctx.country_name(cc),
                    selected: f.origins.iter().any(|o| o == cc.as_str()),
                })
                .collect(),
        },
        CheckGroup {
            legend: ctx.t("promo-target-merchants"),
            name: "merchant",
            options: ch
                .merchants
                .iter()
                .map(|(id, n)| Choice {
                    value: id.to_string(),
                    label: n.clone(),
                    selected: f.merchants.contains(&id.to_string()),
                })
                .collect(),
        },
        CheckGroup {
            legend: ctx.t("promo-target-categories"),
            name: "category",
            options: ch
                .categories
                .iter()
                .map(|(id, n)| Choice {
                    value: id.to_string(),
                    label: n.clone(),
                    selected: f.categories.contains(&id.to_string()),
                })
                .collect(),
        },
    ];
    let target_fields = vec![
        Field::new(&ctx, "products", "text", &f.products, errors)
            .label(ctx.t("promo-target-products"))
            .hint(ctx.t("promo-ids-hint"))
            .max(2000)
            .optional(),
        Field::new(&ctx, "featured", "text", &f.featured, errors)
            .label(ctx.t("promo-featured-ids"))
            .hint(ctx.t("promo-ids-hint"))
            .max(2000)
            .optional(),
    ];
    let preview_slugs = stored.as_ref().map(|s| s.slugs.clone()).unwrap_or_default();
    let starts_utc = schedule::local_to_utc(&f.starts, &f.time_zone);
    let languages = Locale::ALL
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let [slug, title, subtitle, body, alt] = &f.texts[i];
            let c = l.code();
            let opt = |fl: Field| {
                if *l == Locale::FALLBACK {
                    fl
                } else {
                    fl.optional()
                }
            };
            PromoLangSection {
                code: c,
                name: l.autonym(),
                preview_url: preview_slugs.iter().find(|(x, _)| x == l).map(|(_, s)| {
                    let at = starts_utc.map(rfc3339).unwrap_or_default();
                    format!("{}?at={}", crate::routes::promo(*l, s), at)
                }),
                fields: vec![
                    opt(
                        Field::new(&ctx, &format!("title_{c}"), "text", title, errors)
                            .label(ctx.t("promo-field-title"))
                            .max(120)
                            .lang(c),
                    ),
                    Field::new(&ctx, &format!("subtitle_{c}"), "text", subtitle, errors)
                        .label(ctx.t("promo-field-subtitle"))
                        .max(240)
                        .lang(c)
                        .optional(),
                    Field::new(&ctx, &format!("body_{c}"), "textarea", body, errors)
                        .label(ctx.t("promo-field-body"))
                        .hint(ctx.t("promo-field-body-hint"))
                        .max(20_000)
                        .lang(c)
                        .optional(),
                    Field::new(&ctx, &format!("slug_{c}"), "text", slug, errors)
                        .label(ctx.t("product-slug"))
                        .hint(ctx.t("product-slug-hint"))
                        .max(80)
                        .optional(),
                    Field::new(&ctx, &format!("alt_{c}"), "text", alt, errors)
                        .label(ctx.t("promo-field-alt"))
                        .max(200)
                        .lang(c)
                        .optional(),
                ],
            }
        })
        .collect();
    StaffPromoForm {
        heading,
        action,
        fields,
        targets,
        target_fields,
        languages,
        summary: summary(&ctx, errors),
        stored: stored.map(|s| (s.id, s.published, s.hero)),
        hero_error,
        chrome,
        ctx,
    }
}

pub async fn new_form(
    req: HttpRequest,
    lang: Lang,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let ch = state.db(move |c| choices(c, l)).await?;
    let ctx = PageCtx::build(&req, &state, l);
    let chrome = chrome(&ctx, &state);
    let f = FormInput {
        discount: "20".into(),
        time_zone: schedule::default_zone(l).into(),
        home_position: "0".into(),
        texts: vec![Default::default(); 5],
        ..FormInput::default()
    };
    let heading = ctx.t("promo-new-title");
    let page = form_page(
        ctx,
        chrome,
        heading,
        format!("{}/new", base(l)),
        &f,
        &FormErrors::default(),
        &ch,
        None,
        None,
    );
    render_status(&page, StatusCode::OK)
}

async fn save(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    session: Session,
    body: Vec<(String, String)>,
    state: web::Data<AppState>,
    id: Option<i64>,
) -> AppResult<HttpResponse> {
    let csrf = body
        .iter()
        .find(|(k, _)| k == "csrf")
        .map_or(String::new(), |(_, v)| v.clone());
    require_csrf(&session, &csrf)?;
    let f = FormInput::from_pairs(&body);
    let (l, actor, f2) = (lang.0, staff.0.id, f.clone());
    let now = state.clock.now();
    let result = state
        .write(move |c| {
            if let Some(id) = id {
                repo::by_id(c, id)?;
            }
            match validate(c, &f2, id)? {
                Ok(input) => {
                    let t = now;
                    let saved = repo::save(c, id, &input, t)?;
                    audit::record(c, actor, "promo.save", &input.name, "", t)?;
                    Ok(Ok(saved))
                }
                Err(e) => Ok(Err((e, choices(c, l)?))),
            }
        })
        .await?;
    match result {
        Ok(saved) => {
            // A live campaign's texts, discount or targets may have changed.
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&format!("{}/{saved}/edit", base(l))))
        }
        Err((errors, ch)) => {
            let ctx = PageCtx::build(&req, &state, l);
            let chrome = chrome(&ctx, &state);
            let (heading, action) = match id {
                Some(id) => (ctx.t("promo-edit-title"), format!("{}/{id}/edit", base(l))),
                None => (ctx.t("promo-new-title"), format!("{}/new", base(l))),
            };
            let page = form_page(ctx, chrome, heading, action, &f, &errors, &ch, None, None);
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

pub async fn create(
    req: HttpRequest,
    lang: Lang,
    staff: RequireStaff,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    save(req, lang, staff, session, body.into_inner(), state, None).await
}

pub async fn update(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    save(
        req,
        lang,
        staff,
        session,
        body.into_inner(),
        state,
        Some(id),
    )
    .await
}

async fn render_edit(
    req: &HttpRequest,
    lang: Lang,
    state: &web::Data<AppState>,
    id: i64,
    hero_error: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let l = lang.0;
    let (p, texts, targets, featured, ch) = state
        .db(move |c| {
            Ok((
                repo::by_id(c, id)?,
                repo::texts(c, id)?,
                repo::targets(c, id)?,
                repo::featured(c, id)?,
                choices(c, l)?,
            ))
        })
        .await?;
    let f = FormInput::from_stored(&p, &texts, &targets, &featured, &targets.products);
    let ctx = PageCtx::build(req, state, l);
    let chrome = chrome(&ctx, state);
    let slugs: Vec<(Locale, String)> = Locale::ALL
        .iter()
        .filter_map(|x| repo::pick(&texts, *x).map(|t| (*x, t.slug.clone())))
        .collect();
    let hero = (!p.hero_thumb_path.is_empty()).then(|| crate::routes::media(&p.hero_thumb_path));
    let heading = ctx.t("promo-edit-title");
    let page = form_page(
        ctx,
        chrome,
        heading,
        format!("{}/{id}/edit", base(l)),
        &f,
        &FormErrors::default(),
        &ch,
        Some(Stored {
            id,
            published: p.published(),
            hero,
            slugs,
        }),
        hero_error,
    );
    render_status(&page, status)
}

pub async fn edit_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    _staff: RequireStaff,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    render_edit(&req, lang, &state, id, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<ActionForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let status = match form.status.as_str() {
        "published" => "published",
        "draft" => "draft",
        _ => return Err(AppError::new(ErrorCode::BadRequest)),
    };
    let actor = staff.0.id;
    let now = state.clock.now();
    let refused = state
        .write(move |c| {
            let p = repo::by_id(c, id)?;
            if status == "published" {
                let t = repo::targets(c, id)?;
                let texts = repo::texts(c, id)?;
                if t.is_empty() {
                    return Ok(Some("promo-targets-required"));
                }
                if !texts.iter().any(|x| x.locale == Locale::FALLBACK.code()) {
                    return Ok(Some("promo-title-en-required"));
                }
            }
            let t = now;
            repo::set_status(c, id, status, t)?;
            audit::record(c, actor, &format!("promo.{status}"), &p.name, "", t)?;
            Ok(None)
        })
        .await?;
    match refused {
        None => {
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&format!("{}/{id}/edit", base(lang.0))))
        }
        Some(why) => {
            let msg = PageCtx::build(&req, &state, lang.0).t(why);
            render_edit(
                &req,
                lang,
                &state,
                id,
                Some(msg),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn duplicate(
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<CsrfForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let actor = staff.0.id;
    let now = state.clock.now();
    let new_id = state
        .db(move |c| {
            let p = repo::by_id(c, id)?;
            let texts = repo::texts(c, id)?;
            let input = PromoInput {
                name: format!("{} (copy)", p.name),
                discount_percent: p.discount_percent,
                starts_at: p.starts_at,
                ends_at: p.ends_at,
                time_zone: p.time_zone.clone(),
                home_position: p.home_position,
                targets: repo::targets(c, id)?,
                featured: repo::featured(c, id)?,
                texts: texts
                    .iter()
                    .filter_map(|t| {
                        Locale::parse(&t.locale).map(|l| {
                            (
                                l,
                                format!("{}-copy-{id}", t.slug),
                                t.title.clone(),
                                t.subtitle.clone(),
                                t.body.clone(),
                                t.hero_alt.clone(),
                            )
                        })
                    })
                    .collect(),
            };
            let t = now;
            let new_id = repo::save(c, None, &input, t)?;
            repo::set_hero(c, new_id, &p.hero_path, &p.hero_thumb_path)?;
            audit::record(c, actor, "promo.duplicate", &p.name, "", t)?;
            Ok(new_id)
        })
        .await?;
    SessionData(&session).set_flash("promo-duplicated");
    Ok(see_other(&format!("{}/{new_id}/edit", base(lang.0))))
}

pub async fn delete(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    staff: RequireStaff,
    session: Session,
    form: web::Form<CsrfForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let actor = staff.0.id;
    let now = state.clock.now();
    let deleted = state
        .db(move |c| {
            let p = repo::by_id(c, id)?;
            let ok = repo::delete_draft(c, id)?;
            if ok {
                audit::record(c, actor, "promo.delete", &p.name, "", now)?;
            }
            Ok(ok)
        })
        .await?;
    if deleted {
        SessionData(&session).set_flash("promo-deleted");
        Ok(see_other(&base(lang.0)))
    } else {
        let msg = PageCtx::build(&req, &state, lang.0).t("promo-delete-published");
        render_edit(&req, lang, &state, id, Some(msg), StatusCode::CONFLICT).await
    }
}

pub async fn hero(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    _staff: RequireStaff,
    session: Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let up = upload::read(mp, 1, MAX_UPLOAD_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    state.db(move |c| repo::by_id(c, id)).await?;
    let file = up.files.into_iter().find(|f| f.field == "hero");
    let processed = match file.map(|f| f.bytes) {
        None => Err(media::UploadError::NotAnImage),
        Some(None) => Err(media::UploadError::TooLarge),
        Some(Some(bytes)) => web::block(move || media::process(&bytes, PRODUCT_SIZES))
            .await
            .map_err(|e| AppError::internal(e.to_string()))?,
    };
    match processed {
        Ok(p) => {
            let dir = state.config.media_dir.clone();
            let stored = web::block(move || media::store(&dir, &format!("promos/{id}"), &p))
                .await
                .map_err(|e| AppError::internal(e.to_string()))?
                .map_err(|e| AppError::internal(e.to_string()))?;
            let (path, thumb) = (stored.path.clone(), stored.thumb_path.clone());
            let old = state
                .write(move |c| Ok(repo::set_hero(c, id, &path, &thumb)?))
                .await?;
            for o in [old.0, old.1] {
                let still_used = {
                    let o2 = o.clone();
                    state
                        .db(move |c| {
                            use crate::db::schema::promos;
                            let n: i64 = promos::table
                                .filter(
                                    promos::hero_path
                                        .eq(&o2)
                                        .or(promos::hero_thumb_path.eq(&o2)),
                                )
                                .count()
                                .get_result(c)?;
                            Ok(n > 0)
                        })
                        .await?
                };
                if !still_used {
                    media::remove(&state.config.media_dir, &o);
                }
            }
            SessionData(&session).set_flash("staff-saved");
            Ok(see_other(&format!("{}/{id}/edit", base(lang.0))))
        }
        Err(problem) => {
            let msg = PageCtx::build(&req, &state, lang.0).t(problem.message_id());
            render_edit(
                &req,
                lang,
                &state,
                id,
                Some(msg),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
