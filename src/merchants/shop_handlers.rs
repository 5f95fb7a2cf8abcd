//! Thin handlers for the shop itself: the dashboard, the profile (with logo) and shipping rates.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::area_views::{DashboardPage, ProfilePage, ShipRow, ShippingPage};
use super::uploads;
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::geo::{CountryCode, SHIP_TO};
use crate::http::auth::RequireMerchant;
use crate::http::checked::saved;
use crate::http::extract::Lang;
use crate::http::forms::{normalize, summary, Field, FormErrors};
use crate::http::page::Choice;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other, upload};
use crate::i18n::parse_decimal;
use crate::i18n::Locale;
use crate::media::MAX_UPLOAD_BYTES;
use crate::money::{Currency, Money};
use crate::routes;
use crate::shops::model::{ShippingRate, EVERYWHERE_ELSE};
use crate::shops::repo;
use crate::shops::shop::{self, ProfileInput};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant", web::get().to(dashboard))
        .route("/merchant/profile", web::get().to(profile_form))
        .route("/merchant/profile", web::post().to(save_profile))
        .route("/merchant/profile/logo", web::post().to(upload_logo))
        .route("/merchant/shipping", web::get().to(shipping_form))
        .route("/merchant/shipping", web::post().to(save_shipping));
}

pub async fn dashboard(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let Area { shop, ctx, chrome } = area::enter(&req, &state, lang.0, &user, "").await?;
    let id = shop.id;
    let (o, shipping) = state
        .db(move |c| Ok((shop::overview(c, id)?, shop::shipping(c, id)?)))
        .await?;
    let page = DashboardPage::new(ctx, chrome, &shop, &o, !shipping.is_empty());
    render_status(&page, StatusCode::OK)
}

// ---------- profile ----------

#[derive(Default)]
struct ProfileForm {
    name: String,
    city: String,
    address: String,
    original_lang: String,
    descriptions: Vec<(Locale, String)>,
}

impl ProfileForm {
    /// The form as the shop's saved profile fills it.
    fn of(shop: &crate::shops::model::MerchantRow, descriptions: Vec<(Locale, String)>) -> Self {
        Self {
            name: shop.name.clone(),
            city: shop.city.clone(),
            address: shop.address.clone(),
            original_lang: shop.original_lang.clone(),
            descriptions,
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> (String, Self) {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map_or(String::new(), |(_, v)| v.clone())
        };
        let form = ProfileForm {
            name: get("name"),
            city: get("city"),
            address: get("address"),
            original_lang: get("original_lang"),
            descriptions: Locale::ALL
                .iter()
                .map(|l| (*l, get(&format!("description_{}", l.code()))))
                .collect(),
        };
        (get("csrf"), form)
    }

    fn validate(&self) -> Result<ProfileInput, FormErrors> {
        let mut e = FormErrors::default();
        let name = normalize(&self.name);
        let city = normalize(&self.city);
        let address = normalize(&self.address);
        e.check_len("name", &name, true, 80);
        e.check_len("city", &city, true, 80);
        e.check_len("address", &address, true, 200);
        let original = Locale::parse(&self.original_lang);
        if original.is_none() {
            e.add("original_lang", "product-original-invalid");
        }
        let descriptions: Vec<(Locale, String)> = self
            .descriptions
            .iter()
            .map(|(l, d)| (*l, normalize(d)))
            .collect();
        for (l, d) in &descriptions {
            let field = format!("description_{}", l.code());
            e.check_len(&field, d, Some(*l) == original, 2000);
        }
        match original {
            Some(original_lang) if e.is_empty() => Ok(ProfileInput {
                name,
                city,
                address,
                original_lang,
                descriptions,
            }),
            _ => Err(e),
        }
    }
}

fn profile_page(
    area: Area,
    form: &ProfileForm,
    errors: &FormErrors,
    logo_error: Option<&str>,
) -> ProfilePage {
    let Area { shop, ctx, chrome } = area;
    let langs = Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: l.code() == form.original_lang,
        })
        .collect();
    let fields = vec![
        Field::new(&ctx, "name", "text", &form.name, errors)
            .label(ctx.t("field-shop-name"))
            .max(80),
        Field::new(&ctx, "city", "text", &form.city, errors).max(80),
        Field::new(&ctx, "address", "text", &form.address, errors)
            .label(ctx.t("field-business-address"))
            .hint(ctx.t("merchant-address-hint"))
            .max(200)
            .autocomplete("address-line1"),
        Field::new(&ctx, "original_lang", "select", &form.original_lang, errors)
            .label(ctx.t("field-original-lang"))
            .options(langs),
    ];
    let descriptions = form
        .descriptions
        .iter()
        .map(|(l, d)| {
            let f = Field::new(
                &ctx,
                &format!("description_{}", l.code()),
                "textarea",
                d,
                errors,
            )
            .label(ctx.t1("merchant-description-in", "language", l.autonym()))
            .max(2000)
            .lang(l.code());
            if l.code() == form.original_lang {
                f
            } else {
                f.optional()
            }
        })
        .collect();
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    ProfilePage {
        summary: summary(&ctx, errors),
        fields,
        descriptions,
        logo_url: (!shop.logo_path.is_empty()).then(|| routes::media(&shop.logo_path)),
        logo_error: logo_error.map(|id| ctx.t(id)),
        currency_note: ctx.t1("merchant-currency-fixed", "currency", currency.code()),
        chrome,
        ctx,
    }
}

async fn stored_profile(
    state: &web::Data<AppState>,
    shop_id: i64,
) -> AppResult<Vec<(Locale, String)>> {
    let rows = state
        .db(move |c| Ok(repo::translations(c, shop_id)?))
        .await?;
    Ok(Locale::ALL
        .iter()
        .map(|l| {
            let d = rows
                .iter()
                .find(|t| t.locale == l.code())
                .map_or(String::new(), |t| t.description.clone());
            (*l, d)
        })
        .collect())
}

pub async fn profile_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/profile").await?;
    let form = ProfileForm::of(&area.shop, stored_profile(&state, area.shop.id).await?);
    render_status(
        &profile_page(area, &form, &FormErrors::default(), None),
        StatusCode::OK,
    )
}

pub async fn save_profile(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (csrf, form) = ProfileForm::from_pairs(&body);
    require_csrf(&session, &csrf)?;
    let shop = area::my_shop(&state, &user).await?;
    match form.validate() {
        Ok(input) => {
            let actor = user.0.id;
            let s = shop.clone();
            let now = state.clock.now();
            state
                .write(move |c| Ok(shop::save_profile(c, &s, actor, &input, now)?))
                .await?;
            SessionData(&session).set_flash("merchant-saved");
            Ok(see_other(&routes::merchant(lang.0, "/profile")))
        }
        Err(errors) => {
            let area = area::area_for(&req, &state, lang.0, shop, "/profile");
            render_status(
                &profile_page(area, &form, &errors, None),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub async fn upload_logo(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    mp: Multipart,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let up = upload::read(mp, 1, MAX_UPLOAD_BYTES).await?;
    require_csrf(&session, up.text("csrf"))?;
    let shop = area::my_shop(&state, &user).await?;
    let file = up.files.into_iter().find(|f| f.field == "logo");
    let problem = match uploads::replace_logo(&state, shop.id, file).await? {
        Ok(()) => {
            return Ok(saved(
                &session,
                "merchant-saved",
                &routes::merchant(lang.0, "/profile"),
            ))
        }
        Err(problem) => problem,
    };
    let form = ProfileForm::of(&shop, stored_profile(&state, shop.id).await?);
    let area = area::area_for(&req, &state, lang.0, shop, "/profile");
    let page = profile_page(
        area,
        &form,
        &FormErrors::default(),
        Some(problem.message_id()),
    );
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

// ---------- shipping ----------

/// One destination row as typed: (suffix, enabled, rate, days min, days max).
struct ShipInput {
    suffix: String,
    destination: String,
    enabled: bool,
    rate: String,
    days_min: String,
    days_max: String,
}

fn destinations() -> Vec<(String, String)> {
    let mut d: Vec<(String, String)> = SHIP_TO
        .iter()
        .map(|cc| (cc.as_str().to_string(), cc.as_str().to_string()))
        .collect();
    d.push(("other".into(), EVERYWHERE_ELSE.into()));
    d
}

/// The value posted for field `name` ("" when absent).
fn posted(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or(String::new(), |(_, v)| v.clone())
}

fn ship_inputs_from_pairs(pairs: &[(String, String)]) -> Vec<ShipInput> {
    let get = |k: String| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    destinations()
        .into_iter()
        .map(|(suffix, destination)| ShipInput {
            enabled: !get(format!("ship_{suffix}")).is_empty(),
            rate: get(format!("rate_{suffix}")),
            days_min: get(format!("min_{suffix}")),
            days_max: get(format!("max_{suffix}")),
            suffix,
            destination,
        })
        .collect()
}

fn ship_inputs_from_stored(
    rates: &[ShippingRate],
    locale: Locale,
    currency: Currency,
    state: &AppState,
) -> Vec<ShipInput> {
    destinations()
        .into_iter()
        .map(|(suffix, destination)| {
            let r = rates.iter().find(|r| r.destination == destination);
            ShipInput {
                enabled: r.is_some(),
                rate: r
                    .map(|r| {
                        state
                            .i18n
                            .formatters
                            .decimal(locale, r.rate_minor, currency.minor_digits())
                    })
                    .unwrap_or_default(),
                days_min: r.map(|r| r.days_min.to_string()).unwrap_or_default(),
                days_max: r.map(|r| r.days_max.to_string()).unwrap_or_default(),
                suffix,
                destination,
            }
        })
        .collect()
}

const MAX_DAYS: i32 = 120;

/// The handling days as typed: a whole number of business days up to [`crate::arrival::MAX_DAYS`].
fn handling_days(typed: &str) -> Option<i32> {
    typed
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (0..=i32::from(crate::arrival::MAX_DAYS)).contains(d))
}

fn validate_shipping(
    (rows, handling): (&[ShipInput], &str),
    shop_id: i64,
    locale: Locale,
    currency: Currency,
) -> Result<(Vec<ShippingRate>, i32), FormErrors> {
    let mut e = FormErrors::default();
    let handling = handling_days(handling);
    if handling.is_none() {
        e.add("handling", "shipping-handling-invalid");
    }
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| r.enabled) {
        let s = &r.suffix;
        let rate = parse_decimal(&r.rate, locale, currency.minor_digits());
        if r.rate.trim().is_empty() {
            e.add(&format!("rate_{s}"), "form-required");
        } else if !rate.is_some_and(|v| (0..=1_000_000 * currency.minor_per_major()).contains(&v)) {
            e.add(&format!("rate_{s}"), "product-price-invalid");
        }
        let days = |v: &str| {
            v.trim()
                .parse::<i32>()
                .ok()
                .filter(|d| (0..=MAX_DAYS).contains(d))
        };
        let (min, max) = (days(&r.days_min), days(&r.days_max));
        if min.is_none() {
            e.add(&format!("min_{s}"), "shipping-days-invalid");
        }
        if max.is_none() {
            e.add(&format!("max_{s}"), "shipping-days-invalid");
        }
        if let (Some(rate), Some(min), Some(max)) = (rate, min, max) {
            if max < min {
                e.add(&format!("max_{s}"), "shipping-days-order");
            }
            out.push(ShippingRate {
                merchant_id: shop_id,
                destination: r.destination.clone(),
                rate_minor: rate,
                days_min: min,
                days_max: max,
            });
        }
    }
    match handling {
        Some(days) if e.is_empty() => Ok((out, days)),
        _ => Err(e),
    }
}

fn shipping_page(
    area: Area,
    (rows, handling, include_vat): (&[ShipInput], &str, bool),
    errors: &FormErrors,
) -> ShippingPage {
    let Area { shop, ctx, chrome } = area;
    let handling = vec![Field::new(&ctx, "handling", "text", handling, errors)
        .label(ctx.t("shipping-handling-days"))
        .hint(ctx.t("shipping-handling-hint"))
        .max(2)];
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let example = ctx.money(&Money::new(
        1250 * currency.minor_per_major() / 100,
        currency,
    ));
    let rows = rows
        .iter()
        .map(|r| {
            let label = if r.destination == EVERYWHERE_ELSE {
                ctx.t("shipping-everywhere-else")
            } else {
                CountryCode::parse(&r.destination)
                    .map(|cc| ctx.country_name(&cc))
                    .unwrap_or_default()
            };
            let s = &r.suffix;
            ShipRow {
                code: s.clone(),
                enabled: r.enabled,
                fields: vec![
                    Field::new(&ctx, &format!("rate_{s}"), "text", &r.rate, errors)
                        .label(ctx.t1("shipping-rate-for", "destination", &label))
                        .max(20)
                        .optional(),
                    Field::new(&ctx, &format!("min_{s}"), "text", &r.days_min, errors)
                        .label(ctx.t1("shipping-days-min-for", "destination", &label))
                        .max(3)
                        .optional(),
                    Field::new(&ctx, &format!("max_{s}"), "text", &r.days_max, errors)
                        .label(ctx.t1("shipping-days-max-for", "destination", &label))
                        .max(3)
                        .optional(),
                ],
                label,
            }
        })
        .collect();
    ShippingPage {
        rows,
        handling,
        include_vat,
        summary: summary(&ctx, errors),
        currency_note: ctx.tr.t_args(
            "shipping-currency-note",
            &[
                ("currency", crate::i18n::Arg::Str(currency.code())),
                ("example", crate::i18n::Arg::Str(&example)),
            ],
        ),
        chrome,
        ctx,
    }
}

pub async fn shipping_form(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let area = area::enter(&req, &state, lang.0, &user, "/shipping").await?;
    let id = area.shop.id;
    let rates = state.db(move |c| Ok(shop::shipping(c, id)?)).await?;
    let currency = Currency::parse(&area.shop.currency).unwrap_or(Currency::BASE);
    let rows = ship_inputs_from_stored(&rates, lang.0, currency, &state);
    let (handling, vat) = (
        area.shop.handling_days.to_string(),
        area.shop.prices_include_vat,
    );
    render_status(
        &shipping_page(area, (&rows, &handling, vat), &FormErrors::default()),
        StatusCode::OK,
    )
}

/// The shipping form as posted: the rows, the handling days and whether the prices include VAT.
struct ShippingForm {
    rows: Vec<ShipInput>,
    handling: String,
    include_vat: bool,
}

impl ShippingForm {
    fn read(body: &[(String, String)]) -> Self {
        Self {
            rows: ship_inputs_from_pairs(body),
            handling: posted(body, "handling"),
            include_vat: posted(body, "include_vat") == "1",
        }
    }
}

pub async fn save_shipping(
    req: HttpRequest,
    lang: Lang,
    user: RequireMerchant,
    session: Session,
    body: web::Form<Vec<(String, String)>>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    require_csrf(&session, &posted(&body, "csrf"))?;
    let shop = area::my_shop(&state, &user).await?;
    let f = ShippingForm::read(&body);
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    match validate_shipping((&f.rows, &f.handling), shop.id, lang.0, currency) {
        Ok((rates, days)) => {
            let (actor, now, vat) = (user.0.id, state.clock.now(), f.include_vat);
            let save =
                move |c: &mut _| shop::save_shipping(c, &shop, actor, (&rates, days, vat), now);
            state.write(move |c| Ok(save(c)?)).await?;
            SessionData(&session).set_flash("merchant-saved");
            Ok(see_other(&routes::merchant(lang.0, "/shipping")))
        }
        Err(errors) => {
            let area = area::area_for(&req, &state, lang.0, shop, "/shipping");
            let page = shipping_page(area, (&f.rows, &f.handling, f.include_vat), &errors);
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
