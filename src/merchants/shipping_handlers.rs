//! The shop's shipping page: rates and delivery days per country, zone and "everywhere else", handling days, the
//! order cut-off hour and whether its prices include its home VAT.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::area_views::{ShipRow, ShippingPage};
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::geo::{CountryCode, SHIP_TO};
use crate::http::auth::RequireMerchant;
use crate::http::extract::Lang;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other};
use crate::i18n::parse_decimal;
use crate::i18n::Locale;
use crate::money::{Currency, Money};
use crate::routes;
use crate::shops::model::{ShippingRate, EVERYWHERE_ELSE};
use crate::shops::shipping_zones::ShippingZone;
use crate::shops::shop;

/// One destination row as typed or stored: its form suffix ("DE", "eu", "other"), its `shipping_rates`
/// destination, whether it is ticked, and the rate and days as text.
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
    d.extend(
        ShippingZone::ALL
            .iter()
            .map(|z| (z.suffix().to_string(), z.code().to_string())),
    );
    d.push(("other".into(), EVERYWHERE_ELSE.into()));
    d
}

/// A destination row's name and, for a zone, the countries it covers in the reader's language.
fn destination_label(ctx: &crate::http::page::PageCtx, destination: &str) -> (String, String) {
    if destination == EVERYWHERE_ELSE {
        return (ctx.t("shipping-everywhere-else"), String::new());
    }
    if let Some(z) = ShippingZone::parse_code(destination) {
        let mut names: Vec<String> = z
            .members()
            .iter()
            .filter_map(|c| CountryCode::parse(c))
            .map(|cc| ctx.country_name(&cc))
            .collect();
        let countries = &ctx.tr.i18n().formatters.countries;
        names.sort_by(|a, b| countries.compare(ctx.locale, a, b));
        return (ctx.t(&z.message_id()), names.join(", "));
    }
    let name = CountryCode::parse(destination).map(|cc| ctx.country_name(&cc));
    (name.unwrap_or_default(), String::new())
}

/// The value posted for field `name` ("" when absent).
fn posted(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or(String::new(), |(_, v)| v.clone())
}

fn ship_inputs_from_pairs(pairs: &[(String, String)]) -> Vec<ShipInput> {
    let get = |k: String| posted(pairs, &k);
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

/// The cut-off as chosen: "" for none, else an hour from 1 to 23 (midnight would move every order a day);
/// `Err` for anything else.
fn cutoff_hour(chosen: &str) -> Result<Option<i32>, ()> {
    match chosen.trim() {
        "" => Ok(None),
        h => h
            .parse::<i32>()
            .ok()
            .filter(|h| (1..=23).contains(h))
            .map(Some)
            .ok_or(()),
    }
}

fn validate_shipping(
    f: &ShippingForm,
    shop_id: i64,
    locale: Locale,
    currency: Currency,
) -> Result<(Vec<ShippingRate>, shop::ShippingSettings), FormErrors> {
    let mut e = FormErrors::default();
    let handling = handling_days(&f.handling);
    if handling.is_none() {
        e.add("handling", "shipping-handling-invalid");
    }
    let cutoff = cutoff_hour(&f.cutoff);
    if cutoff.is_err() {
        e.add("cutoff", "shipping-cutoff-invalid");
    }
    let mut out = Vec::new();
    for r in f.rows.iter().filter(|r| r.enabled) {
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
    match (handling, cutoff) {
        (Some(handling_days), Ok(cutoff_hour)) if e.is_empty() => Ok((
            out,
            shop::ShippingSettings {
                handling_days,
                cutoff_hour,
                include_vat: f.include_vat,
            },
        )),
        _ => Err(e),
    }
}

/// The cut-off choices: none, then every hour of the day in the reader's clock style.
fn cutoff_choices(
    ctx: &crate::http::page::PageCtx,
    chosen: &str,
) -> Vec<crate::http::page::Choice> {
    let f = &ctx.tr.i18n().formatters;
    std::iter::once((String::new(), ctx.t("shipping-cutoff-none")))
        .chain((1..24u8).map(|h| (h.to_string(), f.time_of_day(ctx.locale, h, 0))))
        .map(|(value, label)| crate::http::page::Choice {
            selected: value == chosen.trim(),
            value,
            label,
        })
        .collect()
}

fn shipping_page(area: Area, form: &ShippingForm, errors: &FormErrors) -> ShippingPage {
    let Area { shop, ctx, chrome } = area;
    let handling = vec![
        Field::new(&ctx, "handling", "text", &form.handling, errors)
            .label(ctx.t("shipping-handling-days"))
            .hint(ctx.t("shipping-handling-hint"))
            .max(2),
        Field::new(&ctx, "cutoff", "select", &form.cutoff, errors)
            .label(ctx.t("shipping-cutoff"))
            .hint(ctx.t("shipping-cutoff-hint"))
            .options(cutoff_choices(&ctx, &form.cutoff)),
    ];
    let currency = Currency::parse(&shop.currency).unwrap_or(Currency::BASE);
    let example = ctx.money(&Money::new(
        1250 * currency.minor_per_major() / 100,
        currency,
    ));
    let rows = form
        .rows
        .iter()
        .map(|r| {
            let (label, covers) = destination_label(&ctx, &r.destination);
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
                covers,
            }
        })
        .collect();
    ShippingPage {
        rows,
        handling,
        include_vat: form.include_vat,
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
    let form = ShippingForm {
        rows: ship_inputs_from_stored(&rates, lang.0, currency, &state),
        handling: area.shop.handling_days.to_string(),
        cutoff: area
            .shop
            .cutoff_hour
            .map(|h| h.to_string())
            .unwrap_or_default(),
        include_vat: area.shop.prices_include_vat,
    };
    render_status(
        &shipping_page(area, &form, &FormErrors::default()),
        StatusCode::OK,
    )
}

/// The shipping form as posted or stored: the rows, the handling days, the cut-off hour ("" for none) and
/// whether the prices include VAT.
struct ShippingForm {
    rows: Vec<ShipInput>,
    handling: String,
    cutoff: String,
    include_vat: bool,
}

impl ShippingForm {
    fn read(body: &[(String, String)]) -> Self {
        Self {
            rows: ship_inputs_from_pairs(body),
            handling: posted(body, "handling"),
            cutoff: posted(body, "cutoff"),
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
    match validate_shipping(&f, shop.id, lang.0, currency) {
        Ok((rates, settings)) => {
            let (actor, now) = (user.0.id, state.clock.now());
            let save =
                move |c: &mut _| shop::save_shipping(c, &shop, actor, (&rates, &settings), now);
            state.write(move |c| Ok(save(c)?)).await?;
            SessionData(&session).set_flash("merchant-saved");
            Ok(see_other(&routes::merchant(lang.0, "/shipping")))
        }
        Err(errors) => {
            let area = area::area_for(&req, &state, lang.0, shop, "/shipping");
            let page = shipping_page(area, &f, &errors);
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
