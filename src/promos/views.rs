//! Page structs for campaign pages (public and staff).

use askama::Template;

use crate::campaigns::tiles::PromoTile;

use crate::backoffice::staff::StaffChrome;
use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};

#[derive(Template)]
#[template(path = "promos/index.html")]
pub struct PromosPage {
    pub ctx: PageCtx,
    pub live: Vec<PromoTile>,
    pub upcoming: Vec<PromoTile>,
}

#[derive(Template)]
#[template(path = "promos/ended.html")]
pub struct EndedPage {
    pub ctx: PageCtx,
    pub title: String,
    pub when: String,
    pub preview: Option<String>,
}

pub struct StaffPromoLine {
    pub id: i64,
    pub name: String,
    pub status: String,
    pub phase: String,
    pub window: String,
    pub discount: String,
    pub edit_url: String,
    pub preview_url: Option<String>,
}

#[derive(Template)]
#[template(path = "promos/staff_list.html")]
pub struct StaffPromosPage {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub lines: Vec<StaffPromoLine>,
}

pub struct PromoLangSection {
    pub code: &'static str,
    pub name: &'static str,
    pub fields: Vec<Field>,
    pub preview_url: Option<String>,
}

/// A group of checkboxes (targets).
pub struct CheckGroup {
    pub legend: String,
    pub name: &'static str,
    pub options: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "promos/staff_form.html")]
pub struct StaffPromoForm {
    pub ctx: PageCtx,
    pub chrome: StaffChrome,
    pub heading: String,
    pub action: String,
    pub fields: Vec<Field>,
    pub targets: Vec<CheckGroup>,
    pub target_fields: Vec<Field>,
    pub languages: Vec<PromoLangSection>,
    pub summary: Vec<(String, String)>,
    /// For a stored campaign: (id, published, hero url).
    pub stored: Option<(i64, bool, Option<String>)>,
    pub hero_error: Option<String>,
}

/// A shop's products in one campaign, for the merchant.
pub struct MerchantPromo {
    pub title: String,
    pub url: String,
    pub when: String,
    pub discount: String,
    /// (product title, regular price, campaign price).
    pub products: Vec<(String, String, String)>,
    pub more: Option<String>,
}

#[derive(Template)]
#[template(path = "promos/merchant.html")]
pub struct MerchantPromosPage {
    pub ctx: PageCtx,
    pub chrome: crate::backoffice::merchant::MerchantChrome,
    pub promos: Vec<MerchantPromo>,
}
