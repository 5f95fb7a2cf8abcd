//! Thin handlers for a merchant's products: list, create, edit, duplicate, status, delete, and images.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::area_views::{
    ImageLine, LangSection, ProductExtras, ProductFormPage, ProductLine, ProductsPage,
};
use super::catalog::{self, ListFilter, ListSort, PriceSyntax, ProductInput, WriteCtx};
use super::{images, uploads};
use crate::backoffice::merchant::{self as area, Area};
use crate::catalogue::model::ProductStatus;
use crate::catalogue::search::Analyzer;
use crate::catalogue::service::{rates_at, tree_now};
use crate::categories::tree::CategoryTree;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::RequireMerchant;
use crate::http::checked::saved;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other, upload};
use crate::i18n::Locale;
use crate::media::{self, MAX_PRODUCT_IMAGES, MAX_UPLOAD_BYTES};
use crate::money::{Currency, Money};
use crate::routes;
use crate::shops::model::MerchantRow;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant/products", web::get().to(list))
        .route("/merchant/products/new", web::get().to(new_form))
        .route("/merchant/products/new", web::post().to(create))
        .route("/merchant/products/{id}/edit", web::get().to(edit_form))
        .route("/merchant/products/{id}/edit", web::post().to(update))
        .route(
            "/merchant/products/{id}/duplicate",
            web::post().to(duplicate),
        )
        .route("/merchant/products/{id}/status", web::post().to(set_status))
        .route("/merchant/products/{id}/delete", web::post().to(delete))
        .route(
            "/merchant/products/{id}/images",
            web::post().to(upload_images),
        )
        .route(
            "/merchant/products/{id}/images/{image}/move",
            web::post().to(move_image),
        )
        .route(
            "/merchant/products/{id}/images/{image}/alt",
            web::post().to(image_alt),
        )
        .route(
            "/merchant/products/{id}/images/{image}/delete",
            web::post().to(delete_image),
        );
}

fn status_label(ctx: &PageCtx, status: &str) -> String {
    ctx.t(&format!("product-status-{status}"))
}

/// A product row for the merchant's lists (title in the page language, else the original).
pub fn product_line(ctx: &PageCtx, p: &catalog::ListedProduct) -> ProductLine {
    let l = ctx.locale;
    let original = Locale::parse(&p.row.original_lang).unwrap_or(Locale::FALLBACK);
    let pick = p
        .texts
        .iter()
        .find(|t| t.locale == l.code())
        .or_else(|| p.texts.iter().find(|t| t.locale == original.code()))
        .or_else(|| p.texts.first());
    let (title, title_lang) = match pick {
        Some(t) => {
            let tl = Locale::parse(&t.locale).unwrap_or(l);
            (t.title.clone(), (tl != l).then(|| tl.code()))
        }
        None => (p.row.sku.clone(), None),
    };
    let currency = Currency::parse(&p.row.currency).unwrap_or(Currency::BASE);
    ProductLine {
        id: p.row.id,
        title,
        title_lang,
        sku: p.row.sku.clone(),
        status_label: status_label(ctx, &p.row.status),
        status: p.row.status.clone(),
        stock: ctx.tr.i18n().formatters.number(l, i64::from(p.row.stock)),
        price: ctx.money(&Money::new(p.row.price_minor, currency)),
        thumb: p.thumb.as_deref().map(routes::media),
        edit_url: routes::merchant_product(l, p.row.id, "edit"),
        langs: Locale::ALL
            .iter()
            .map(|x| {
                (
                    x.code(),
                    x.autonym(),
                    p.texts.iter().any(|t| t.locale == x.code()),
                )
            })
            .collect(),
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: Option<i64>,
}

pub async fn list(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    query: web::Query<ListQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Area { shop, ctx, chrome } = area::enter(&req, &state, lang.0, &user, "/products").await?;
    let q = query.into_inner();
    let filter = ListFilter {
        q: q.q.chars().take(200).collect(),
        status: catalog::parse_status(&q.status),
        missing: None,
        sort: ListSort::parse(&q.sort),
        page: q.page.unwrap_or(1).clamp(1, 10_000),
    };
    let (shop_id, f, ui) = (shop.id, filter.clone(), lang.0);
    let (rows, total) = state
        .db(move |c| Ok(catalog::list(c, shop_id, &f, &Analyzer::new(), ui)?))
        .await?;
    let lines = rows.iter().map(|p| product_line(&ctx, p)).collect();
    let mut statuses = vec![Choice {
        value: String::new(),
        label: ctx.t("merchant-filter-all"),
        selected: filter.status.is_none(),
    }];
    statuses.extend(["active", "draft", "archived"].iter().map(|s| Choice {
        value: (*s).to_string(),
        label: status_label(&ctx, s),
        selected: filter.status.map(|x| x.as_str()) == Some(*s),
    }));
    let sorts = ListSort::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_string(),
            label: ctx.t(&format!("merchant-sort-{}", s.as_str().replace('_', "-"))),
            selected: *s == filter.sort,
        })
        .collect();
    let base = routes::merchant(lang.0, "/products");
    let paging = area::paging(
        &ctx,
        &base,
        &[
            ("q", filter.q.clone()),
            ("status", q.status.clone()),
            ("sort", q.sort.clone()),
        ],
        filter.page,
        total,
        catalog::LIST_PAGE_SIZE,
    );
    let page = ProductsPage {
        q: filter.q,
        statuses,
        sorts,
        lines,
        total: ctx.t_count("merchant-products-count", &total),
        paging,
        new_url: routes::merchant(lang.0, "/products/new"),
        chrome,
        ctx,
    };
    render_status(&page, StatusCode::OK)
}

// ---------- the product form ----------

fn category_choices(ctx: &PageCtx, tree: &CategoryTree, selected: &str) -> Vec<Choice> {
    let l = ctx.locale;
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.t("product-category-choose"),
        selected: selected.is_empty(),
    }];
    let mut leaves: Vec<(String, i64)> = catalog::leaf_categories(tree)
        .into_iter()
        .map(|id| {
            let label = tree
                .path(id)
                .iter()
                .map(|n| n.name(l))
                .collect::<Vec<_>>()
                .join(" › ");
            (label, id)
        })
        .collect();
    leaves.sort();
    out.extend(leaves.into_iter().map(|(label, id)| Choice {
        value: id.to_string(),
        selected: selected == id.to_string(),
        label,
    }));
    out
}

struct FormData {
    tree: CategoryTree,
    extras: Option<ProductExtras>,
}

fn form_page(
    area: Area,
    data: FormData,
    heading: String,
    action: String,
    input: &ProductInput,
    errors: &FormErrors,
) -> ProductFormPage {
    let Area { shop, ctx, chrome } = area;
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let example = ctx
        .tr
        .i18n()
        .formatters
        .decimal(ctx.locale, 129_950, currency.minor_digits());
    let status_choices = ["draft", "active", "archived"]
        .iter()
        .map(|s| Choice {
            value: (*s).to_string(),
            label: status_label(&ctx, s),
            selected: input.status == *s,
        })
        .collect();
    let langs = Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: l.code() == input.original_lang,
        })
        .collect();
    let fields =
        vec![
            Field::new(&ctx, "sku", "text", &input.sku, errors)
                .max(catalog::MAX_SKU)
                .hint(ctx.t("product-sku-hint")),
            Field::new(&ctx, "category", "select", &input.category, errors)
                .options(category_choices(&ctx, &data.tree, &input.category)),
            Field::new(&ctx, "price", "text", &input.price, errors)
                .label(ctx.t1("product-price-in", "currency", currency.code()))
                .hint(ctx.t1("product-price-hint", "example", &example))
                .max(24),
            Field::new(&ctx, "stock", "text", &input.stock, errors).max(8),
            Field::new(&ctx, "weight", "text", &input.weight, errors)
                .label(ctx.t("product-weight-grams"))
                .max(8)
                .optional(),
            Field::new(&ctx, "status", "select", &input.status, errors).options(status_choices),
            Field::new(
                &ctx,
                "original_lang",
                "select",
                &input.original_lang,
                errors,
            )
            .label(ctx.t("field-original-lang"))
            .hint(ctx.t("product-original-hint"))
            .options(langs),
        ];
    let languages = Locale::ALL
        .iter()
        .map(|l| {
            let t = input.text(*l);
            let c = l.code();
            let is_original = c == input.original_lang;
            let mk = |f: Field| if is_original { f } else { f.optional() };
            LangSection {
                code: c,
                name: l.autonym(),
                fields: vec![
                    mk(
                        Field::new(&ctx, &format!("title_{c}"), "text", &t.title, errors)
                            .label(ctx.t("product-title"))
                            .max(catalog::MAX_TITLE)
                            .lang(c),
                    ),
                    Field::new(
                        &ctx,
                        &format!("description_{c}"),
                        "textarea",
                        &t.description,
                        errors,
                    )
                    .label(ctx.t("product-description-field"))
                    .max(catalog::MAX_DESCRIPTION)
                    .lang(c)
                    .optional(),
                    Field::new(&ctx, &format!("slug_{c}"), "text", &t.slug, errors)
                        .label(ctx.t("product-slug"))
                        .hint(ctx.t("product-slug-hint"))
                        .max(80)
                        .optional(),
                ],
            }
        })
        .collect();
    ProductFormPage {
        heading,
        action,
        fields,
        languages,
        summary: summary(&ctx, errors),
        product: data.extras,
        chrome,
        ctx,
    }
}

async fn extras(
    state: &web::Data<AppState>,
    ctx_locale: Locale,
    tr: &PageCtx,
    shop: &MerchantRow,
    id: i64,
    upload_errors: Vec<String>,
) -> AppResult<ProductExtras> {
    let shop_id = shop.id;
    let (row, imgs, texts) = state
        .db(move |c| {
            Ok((
                catalog::owned(c, shop_id, id)?,
                images::of_product(c, shop_id, id)?,
                crate::catalogue::repo::translations(c, id)?,
            ))
        })
        .await?;
    let slug = texts
        .iter()
        .find(|t| t.locale == ctx_locale.code())
        .or_else(|| texts.iter().find(|t| t.locale == row.original_lang))
        .map_or(String::new(), |t| t.slug.clone());
    let l = ctx_locale;
    let n = imgs.len();
    let images = imgs
        .into_iter()
        .enumerate()
        .map(|(i, (img, alts))| ImageLine {
            id: img.id,
            url: routes::media(img.card_path()),
            alt_fields: Locale::ALL
                .iter()
                .map(|x| {
                    let v = alts
                        .iter()
                        .find(|a| a.locale == x.code())
                        .map_or(String::new(), |a| a.alt.clone());
                    (
                        x.code(),
                        tr.t1("product-alt-in", "language", x.autonym()),
                        v,
                    )
                })
                .collect(),
            first: i == 0,
            last: i + 1 == n,
            move_url: routes::merchant_image(l, id, img.id, "move"),
            alt_url: routes::merchant_image(l, id, img.id, "alt"),
            delete_url: routes::merchant_image(l, id, img.id, "delete"),
        })
        .collect();
    let free = MAX_PRODUCT_IMAGES.saturating_sub(n);
    Ok(ProductExtras {
        id,
        public_url: row.listed.then(|| routes::product(l, id, &slug)),
        images,
        upload_url: routes::merchant_product(l, id, "images"),
        can_upload: free > 0,
        image_slots: tr.t_count("product-image-slots", &(free as i64)),
        upload_errors,
        duplicate_url: routes::merchant_product(l, id, "duplicate"),
        status_url: routes::merchant_product(l, id, "status"),
        delete_url: routes::merchant_product(l, id, "delete"),
        archived: row.status == ProductStatus::Archived.as_str(),
    })
}

pub async fn new_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/products").await?;
    let tree = state.db(|c| Ok(tree_now(c)?)).await?;
    let input = ProductInput {
        status: "draft".into(),
        stock: "1".into(),
        original_lang: area.shop.original_lang.clone(),
        ..ProductInput::default()
    };
    let heading = area.ctx.t("product-new-title");
    let page = form_page(
        area,
        FormData { tree, extras: None },
        heading,
        routes::merchant(lang.0, "/products/new"),
        &input,
        &FormErrors::default(),
    );
    render_status(&page, StatusCode::OK)
}

fn csrf_of(pairs: &[(String, String)]) -> &str {
    pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map_or("", |(_, v)| v.as_str())
}

/// Validates and saves the product form; on errors re-renders it with what was typed.
async fn save_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    body: Vec<(String, String)>,
    state: web::Data<AppState>,
    id: Option<i64>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, csrf_of(&body))?;
    let shop = area::my_shop(&state, &user).await?;
    let input = ProductInput::from_pairs(&body);
    let (s, i, locale) = (shop.clone(), input.clone(), lang.0);
    let now = state.clock.now();
    let (result, tree) = state
        .write(move |c| {
            if let Some(id) = id {
                catalog::owned(c, s.id, id)?;
            }
            let tree = tree_now(c)?;
            let leaves = catalog::leaf_categories(&tree);
            let currency = Currency::parse(&s.currency).unwrap_or(Currency::BASE);
            let resolve = |v: &str| v.parse::<i64>().ok().filter(|id| leaves.contains(id));
            let result = match catalog::validate(&i, currency, PriceSyntax::Locale(locale), resolve)
            {
                Ok(v) => {
                    let rates = rates_at(c, now)?;
                    let w = WriteCtx {
                        rates: &rates,
                        analyzer: &Analyzer::new(),
                        now,
                    };
                    catalog::save(c, &s, id, &v, &w)?
                }
                Err(e) => Err(e),
            };
            Ok((result, tree))
        })
        .await?;
    match result {
        Ok(saved) => {
            SessionData(&session).set_flash("merchant-saved");
            Ok(see_other(&routes::merchant_product(lang.0, saved, "edit")))
        }
        Err(errors) => {
            let area = area::area_for(&req, &state, lang.0, shop, "/products");
            let (heading, action, extras) = match id {
                Some(id) => (
                    area.ctx.t("product-edit-title"),
                    routes::merchant_product(lang.0, id, "edit"),
                    Some(extras(&state, lang.0, &area.ctx, &area.shop, id, Vec::new()).await?),
                ),
                None => (
                    area.ctx.t("product-new-title"),
                    routes::merchant(lang.0, "/products/new"),
                    None,
                ),
            };
            let page = form_page(
                area,
                FormData { tree, extras },
                heading,
                action,
                &input,
                &errors,
            );
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

pub async fn create(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    save_form(req, lang, user, session, body.into_inner(), state, None).await
}

pub async fn update(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    save_form(req, lang, user, session, body.into_inner(), state, Some(id)).await
}

async fn render_edit(
    req: &HttpRequest,
    lang: Lang,
    user: &RequireMerchant,
    state: &web::Data<AppState>,
    id: i64,
    upload_errors: Vec<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let area = area::enter(req, state, lang.0, user, "/products").await?;
    let shop_id = area.shop.id;
    let (row, texts, tree) = state
        .db(move |c| {
            let row = catalog::owned(c, shop_id, id)?;
            let texts = crate::catalogue::repo::translations(c, id)?;
            Ok((row, texts, tree_now(c)?))
        })
        .await?;
    let currency = Currency::parse(&row.currency).unwrap_or(Currency::BASE);
    let price =
        area.ctx
            .tr
            .i18n()
            .formatters
            .decimal(lang.0, row.price_minor, currency.minor_digits());
    let input = ProductInput::from_stored(&row, &texts, row.category_id.to_string(), price);
    let extras = extras(state, lang.0, &area.ctx, &area.shop, id, upload_errors).await?;
    let heading = area.ctx.t("product-edit-title");
    let page = form_page(
        area,
        FormData {
            tree,
            extras: Some(extras),
        },
        heading,
        routes::merchant_product(lang.0, id, "edit"),
        &input,
        &FormErrors::default(),
    );
    render_status(&page, status)
}

pub async fn edit_form(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    render_edit(&req, lang, &user, &state, id, Vec::new(), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn duplicate(
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let shop = area::my_shop(&state, &user).await?;
    let now = state.clock.now();
    let new_id = state
        .db(move |c| {
            let rates = rates_at(c, now)?;
            let w = WriteCtx {
                rates: &rates,
                analyzer: &Analyzer::new(),
                now,
            };
            catalog::duplicate(c, &shop, id, &w)
        })
        .await?;
    SessionData(&session).set_flash("product-duplicated");
    Ok(see_other(&routes::merchant_product(lang.0, new_id, "edit")))
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<StatusForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let status =
        catalog::parse_status(&form.status).ok_or_else(|| AppError::new(ErrorCode::BadRequest))?;
    let shop = area::my_shop(&state, &user).await?;
    let now = state.clock.now();
    state
        .write(move |c| catalog::set_status(c, &shop, id, status, now))
        .await?;
    SessionData(&session).set_flash("merchant-saved");
    Ok(see_other(&routes::merchant_product(lang.0, id, "edit")))
}

pub async fn delete(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let shop = area::my_shop(&state, &user).await?;
    match state.write(move |c| catalog::delete(c, &shop, id)).await? {
        Ok(orphans) => {
            for p in orphans {
                media::remove(&state.config.media_dir, &p);
            }
            SessionData(&session).set_flash("product-deleted");
            Ok(see_other(&routes::merchant(lang.0, "/products")))
        }
        Err(problem) => {
            let msg = PageCtx::build(&req, &state, lang.0).t(problem);
            render_edit(
                &req,
                lang,
                &user,
                &state,
                id,
                vec![msg],
                StatusCode::CONFLICT,
            )
            .await
        }
    }
}

// ---------- images ----------

pub async fn upload_images(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, i64)>,
    user: RequireMerchant,
    session: Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let up = upload::read(mp, MAX_PRODUCT_IMAGES, MAX_UPLOAD_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    let shop = area::my_shop(&state, &user).await?;
    let tr = crate::i18n::Translator::new(state.i18n.clone(), lang.0);
    let problems = uploads::add_product_images(&state, &tr, shop.id, id, up.files).await?;
    if problems.is_empty() {
        return Ok(saved(
            &session,
            "product-images-added",
            &routes::merchant_product(lang.0, id, "edit"),
        ));
    }
    // Nothing is stored when any file is refused: the merchant fixes the batch and sends it again.
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    render_edit(&req, lang, &user, &state, id, problems, status).await
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    dir: String,
}

pub async fn move_image(
    lang: Lang,
    path: web::Path<(String, i64, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<MoveForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (_, id, image) = path.into_inner();
    let shop = area::my_shop(&state, &user).await?;
    let up = form.dir == "up";
    state
        .write(move |c| images::move_image(c, shop.id, id, image, up))
        .await?;
    Ok(back_to_images(lang.0, id))
}

pub async fn image_alt(
    lang: Lang,
    path: web::Path<(String, i64, i64)>,
    user: RequireMerchant,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, csrf_of(&body))?;
    let (_, id, image) = path.into_inner();
    let shop = area::my_shop(&state, &user).await?;
    let alts: Vec<(Locale, String)> = Locale::ALL
        .iter()
        .map(|l| {
            let key = format!("alt_{}", l.code());
            let v = body
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(String::new(), |(_, v)| {
                    crate::http::forms::normalize(v).chars().take(200).collect()
                });
            (*l, v)
        })
        .collect();
    state
        .write(move |c| images::set_alts(c, shop.id, id, image, &alts))
        .await?;
    SessionData(&session).set_flash("merchant-saved");
    Ok(back_to_images(lang.0, id))
}

pub async fn delete_image(
    lang: Lang,
    path: web::Path<(String, i64, i64)>,
    user: RequireMerchant,
    session: Session,
    form: web::Form<CsrfOnly>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &form.csrf)?;
    let (_, id, image) = path.into_inner();
    let shop = area::my_shop(&state, &user).await?;
    let orphans = state
        .write(move |c| images::delete(c, shop.id, id, image))
        .await?;
    for p in orphans {
        media::remove(&state.config.media_dir, &p);
    }
    SessionData(&session).set_flash("product-image-deleted");
    Ok(back_to_images(lang.0, id))
}

fn back_to_images(l: Locale, id: i64) -> HttpResponse {
    see_other(&format!(
        "{}#images",
        routes::merchant_product(l, id, "edit")
    ))
}
