//! Page structs for the cart, checkout and orders.

use askama::Template;

use crate::backoffice::merchant::{MerchantChrome, Paging};
use crate::backoffice::staff::StaffChrome;
use crate::http::forms::Field;
use crate::http::page::{Choice, PageCtx};

pub struct CartLineView {
    pub product_id: i64,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub url: String,
    pub thumb: Option<String>,
    pub unit: String,
    pub line: String,
    pub quantity: i32,
    pub max: i32,
    pub discount: Option<String>,
}

pub struct CartGroupView {
    pub shop_name: String,
    pub shop_url: String,
    pub origin: String,
    pub lines: Vec<CartLineView>,
    pub subtotal: String,
    /// The shipping figure, or why the shop cannot ship here.
    pub shipping: Result<String, String>,
    pub delivery: String,
    pub total: String,
    /// The group total in the merchant's own currency when it differs from the shopper's.
    pub total_merchant: Option<String>,
}

#[derive(Template)]
#[template(path = "orders/cart.html")]
pub struct CartPage {
    pub ctx: PageCtx,
    pub groups: Vec<CartGroupView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    pub can_checkout: bool,
    pub notices: Vec<String>,
    pub ship_to_note: String,
}

#[derive(Template)]
#[template(path = "orders/address.html")]
pub struct AddressPage {
    pub ctx: PageCtx,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "orders/review.html")]
pub struct ReviewPage {
    pub ctx: PageCtx,
    pub groups: Vec<CartGroupView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    pub total_minor: i64,
    pub address: Vec<String>,
    pub payments: Vec<Choice>,
    pub token: String,
    pub problem: Option<String>,
    pub can_place: bool,
}

#[derive(Template)]
#[template(path = "orders/done.html")]
pub struct DonePage {
    pub ctx: PageCtx,
    /// (number, link).
    pub orders: Vec<(String, String)>,
    pub again: bool,
    pub intro: String,
}

pub struct OrderListRow {
    pub number: String,
    pub url: String,
    pub date: String,
    pub shop: String,
    pub status: String,
    pub status_code: &'static str,
    pub total: String,
}

/// The chrome of the area the list lives in.
pub enum Chrome {
    Shopper,
    Merchant(MerchantChrome),
    Staff(StaffChrome),
}

#[derive(Template)]
#[template(path = "orders/list.html")]
pub struct OrdersPage {
    pub ctx: PageCtx,
    pub heading: String,
    pub area: Chrome,
    pub rows: Vec<OrderListRow>,
    pub statuses: Vec<Choice>,
    pub from: String,
    pub to: String,
    pub show_dates: bool,
    pub form_action: String,
    pub total: String,
    pub paging: Paging,
}

pub struct OrderLineView {
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub sku: String,
    pub quantity: String,
    pub unit: String,
    pub line: String,
}

/// A status-changing button (and its extra field, if any).
pub struct OrderAction {
    pub value: &'static str,
    pub label: String,
    /// ("tracking" | "reason", label, required).
    pub field: Option<(&'static str, String, bool)>,
}

#[derive(Template)]
#[template(path = "orders/order.html")]
pub struct OrderPage {
    pub ctx: PageCtx,
    pub area: Chrome,
    pub number: String,
    pub shop: String,
    pub status: String,
    pub status_code: &'static str,
    pub placed: String,
    pub payment: String,
    pub lines: Vec<OrderLineView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    /// The same total in the other side's currency, when it differs.
    pub total_other: Option<String>,
    pub rate_note: Option<String>,
    pub address: Vec<String>,
    pub delivery: String,
    pub tracking: Option<String>,
    pub cancel_reason: Option<String>,
    /// (when, status, note).
    pub timeline: Vec<(String, String, String)>,
    pub actions: Vec<OrderAction>,
    pub action_url: String,
    pub problem: Option<String>,
    pub back_url: String,
}
