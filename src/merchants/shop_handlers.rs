//! Thin handlers for the shop itself: the dashboard and the profile (with logo); shipping is in
//! `shipping_handlers`.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::area_views::{DashboardPage, ProfilePage};
use super::uploads;
use crate::backoffice::merchant::{self as area, Area};
use crate::error::AppResult;
use crate::http::auth::RequireMerchant;
use crate::http::checked::saved;
use crate::http::extract::Lang;
use crate::http::forms::{normalize, summary, Field, FormErrors};
use crate::http::page::Choice;
use crate::http::session::SessionData;
use crate::http::state::AppState;
use crate::http::{render_status, require_csrf, see_other, upload};
use crate::i18n::Locale;
use crate::media::MAX_UPLOAD_BYTES;
use crate::money::Currency;
use crate::routes;
use crate::shops::repo;
use crate::shops::shop::{self, ProfileInput};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/merchant", web::get().to(dashboard))
        .route("/merchant/profile", web::get().to(profile_form))
        .route("/merchant/profile", web::post().to(save_profile))
        .route("/merchant/profile/logo", web::post().to(upload_logo))
        .route(
            "/merchant/shipping",
            web::get().to(super::shipping_handlers::shipping_form),
        )
        .route(
            "/merchant/shipping",
            web::post().to(super::shipping_handlers::save_shipping),
        );
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
