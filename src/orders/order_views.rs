//! Order pages as each viewer sees them: the list with its filters and paging, and one order with its lines,
//! history and the actions the viewer may take, in the viewer's clock and currency.

use super::manage::{self, OrderFilter, Viewer};
use super::model::{OrderEvent, OrderLineRow, OrderRow, OrderStatus, PaymentMethod};
use super::views::{Chrome, OrderAction, OrderLineView, OrderListRow, OrderPage, OrdersPage};
use crate::backoffice::merchant as area;
use crate::geo::CountryCode;
use crate::http::page::{Choice, PageCtx};
use crate::i18n::{Arg, Locale};
use crate::money::{Currency, Money};

/// One page of the viewer's orders, with the filter that found them.
pub struct OrderList {
    pub viewer: Viewer,
    /// The list's URL.
    pub base: String,
    pub filter: OrderFilter,
    /// The filter as typed (status, from, to), kept in the paging links.
    pub pairs: [(&'static str, String); 3],
    /// (order, shop name).
    pub rows: Vec<(OrderRow, String)>,
    pub total: i64,
}

pub fn orders_page(ctx: PageCtx, area: Chrome, list: OrderList) -> OrdersPage {
    let OrderList {
        viewer,
        base,
        filter,
        pairs,
        rows,
        total,
    } = list;
    let is_merchant = merchant_view(viewer);
    let zone = zone_of(&ctx, &area);
    let rows = rows
        .into_iter()
        .map(|(o, shop)| {
            let total = if is_merchant {
                Money::new(o.merchant_total_minor, currency(&o.merchant_currency))
            } else {
                Money::new(o.total_minor, currency(&o.currency))
            };
            OrderListRow {
                url: format!("{base}/{}", o.number),
                date: when(&ctx, o.created_at, zone),
                shop,
                status: ctx.t(&o.status.message_id()),
                status_code: o.status.as_str(),
                total: ctx.money(&total),
                number: o.number,
            }
        })
        .collect();
    let mut statuses = vec![Choice {
        value: String::new(),
        label: ctx.t("merchant-filter-all"),
        selected: filter.status.is_none(),
    }];
    statuses.extend(OrderStatus::ALL.iter().map(|s| Choice {
        value: s.as_str().to_string(),
        label: ctx.t(&s.message_id()),
        selected: filter.status == Some(*s),
    }));
    let paging = area::paging(&ctx, &base, &pairs, filter.page, total, manage::PAGE_SIZE);
    OrdersPage {
        heading: ctx.t("orders-title"),
        show_dates: !matches!(viewer, Viewer::Shopper(_)),
        form_action: base,
        from: pairs[1].1.clone(),
        to: pairs[2].1.clone(),
        total: ctx.t_count("orders-count", &total),
        area,
        rows,
        statuses,
        paging,
        ctx,
    }
}

/// Where the viewer's clock is: a shopper's in their market's country, a merchant's in their shop's; staff
/// work in UTC.
fn zone_of<'a>(ctx: &'a PageCtx, area: &Chrome) -> &'a str {
    match area {
        Chrome::Shopper => crate::zones::of_country(ctx.market.ship_to),
        Chrome::Merchant(c) => c.zone,
        Chrome::Staff(_) => ctx.staff_zone(),
    }
}

/// An instant as the viewer's wall-clock time, in the locale's CLDR date-time pattern (UTC is said so, and staff
/// see the zone they chose named).
fn when(ctx: &PageCtx, t: time::PrimitiveDateTime, zone: &str) -> String {
    match ctx.user.as_ref().map(|u| u.role) {
        Some(crate::identity::model::Role::Staff) => ctx.when_zoned(t, zone),
        _ => ctx.when(t, zone),
    }
}

/// A history event's label: a status, or a payment event recorded on the order (`refund_requested`, `refunded`).
fn status_label(ctx: &PageCtx, s: &str) -> String {
    OrderStatus::parse(s).map_or_else(
        || ctx.t(&format!("order-event-{}", s.replace('_', "-"))),
        |st| ctx.t(&st.message_id()),
    )
}

/// Amounts are shown in the shopper's currency to shoppers and staff, in the merchant's to merchants.
fn merchant_view(viewer: Viewer) -> bool {
    matches!(viewer, Viewer::Merchant(_))
}

fn currency(code: &str) -> Currency {
    Currency::parse(code).unwrap_or(Currency::BASE)
}

pub struct Loaded {
    pub order: OrderRow,
    pub lines: Vec<OrderLineRow>,
    pub events: Vec<OrderEvent>,
    pub shop: String,
    /// The shop's country (its national posts come first among the carriers).
    pub shop_country: String,
    /// The coupon code used: (code, off in the shopper's currency, off in the shop's).
    pub coupon: Option<(String, i64, i64)>,
    /// The arrival window promised when the order was placed (none for older orders).
    pub arrives: Option<(time::Date, time::Date)>,
    /// What the consignment bore, per VAT rate (none for orders placed before VAT, or without a rule).
    pub taxes: Vec<OrderTax>,
    /// The carrier it was handed to (a code of `carriers`), once shipped.
    pub carrier: Option<String>,
    /// Products of the order the shopper has reviewed (empty for other viewers).
    pub reviewed: Vec<i64>,
}

/// The carriers a shop marks a parcel shipped with, its country's posts first, then "another carrier".
fn carrier_choices(ctx: &PageCtx, shop_country: &str) -> Vec<crate::http::page::Choice> {
    let mut out: Vec<crate::http::page::Choice> = super::carriers::for_shop(shop_country)
        .into_iter()
        .map(|c| crate::http::page::Choice {
            value: c.code.to_string(),
            label: c.name.to_string(),
            selected: false,
        })
        .collect();
    if let Some(first) = out.first_mut() {
        first.selected = true;
    }
    out.push(crate::http::page::Choice {
        value: super::carriers::OTHER.to_string(),
        label: ctx.t("order-carrier-other"),
        selected: false,
    });
    out
}

/// An order's VAT at one rate, as judged when it was placed (`order_taxes`).
#[derive(Debug, Clone, diesel::Queryable, diesel::Selectable)]
#[diesel(table_name = crate::db::schema::order_taxes)]
pub struct OrderTax {
    pub rate_bp: i32,
    pub treatment: String,
    pub country: String,
    pub remitted_by: String,
    pub vat_minor: i64,
    pub merchant_vat_minor: i64,
}

impl OrderTax {
    /// VAT included in the price (collected at checkout, at a rate above zero): a "incl. 19% VAT" line.
    pub fn included(&self) -> bool {
        self.treatment == "collect" && self.rate_bp > 0
    }

    /// Sold without the destination's VAT: import VAT and duties may be due on delivery.
    pub fn duties(&self) -> bool {
        self.treatment == "duties"
    }
}

/// ("incl. 19% VAT", amount) per rate, the duties notice, and for the shop who remits the VAT.
fn tax_texts(
    ctx: &PageCtx,
    taxes: &[OrderTax],
    amount: impl Fn(i64, i64) -> String,
    mine: bool,
) -> (Vec<(String, String)>, Option<String>, Option<String>) {
    let lines = taxes
        .iter()
        .filter(|t| t.included())
        .map(|t| {
            (
                crate::tax::vat_line(&ctx.tr, i64::from(t.rate_bp)),
                amount(t.vat_minor, t.merchant_vat_minor),
            )
        })
        .collect();
    let country = |t: &OrderTax| {
        CountryCode::parse(&t.country)
            .map(|c| ctx.country_name(&c))
            .unwrap_or_default()
    };
    let duties = taxes
        .iter()
        .find(|t| t.duties())
        .and_then(|t| CountryCode::parse(&t.country))
        .map(|c| crate::tax::duties_notice(&ctx.tr, c));
    let remitter = taxes
        .iter()
        .find(|t| mine && t.treatment == "collect")
        .map(|t| {
            ctx.t1(
                &format!("order-vat-by-{}", t.remitted_by),
                "country",
                &country(t),
            )
        });
    (lines, duties, remitter)
}

pub fn order_page(
    ctx: PageCtx,
    viewer: Viewer,
    area: Chrome,
    base: &str,
    d: Loaded,
    problem: Option<String>,
) -> OrderPage {
    let Loaded {
        order: o,
        lines,
        events,
        shop,
        shop_country,
        coupon,
        arrives,
        taxes,
        carrier,
        reviewed,
    } = d;
    let mine = merchant_view(viewer);
    let zone = zone_of(&ctx, &area);
    let (cur, other) = if mine {
        (currency(&o.merchant_currency), currency(&o.currency))
    } else {
        (currency(&o.currency), currency(&o.merchant_currency))
    };
    let amount = |shopper: i64, merchant: i64| {
        ctx.money(&Money::new(if mine { merchant } else { shopper }, cur))
    };
    let status = o.status;
    let payment = PaymentMethod::parse(&o.payment_method).unwrap_or(PaymentMethod::BankTransfer);
    let mut actions = Vec::new();
    // Card orders are marked paid by the provider only; a paid one cancelled is refunded to the card.
    let by_card = payment == PaymentMethod::Card;
    let cancellable = matches!(status, OrderStatus::AwaitingPayment | OrderStatus::Paid);
    match viewer {
        Viewer::Merchant(_) => {
            use OrderStatus::*;
            if status == AwaitingPayment && !by_card {
                actions.push(OrderAction {
                    value: "paid",
                    label: ctx.t("order-action-paid"),
                    field: None,
                });
            }
            if status == Paid
                || (status == AwaitingPayment && payment == PaymentMethod::CashOnDelivery)
            {
                actions.push(OrderAction {
                    value: "shipped",
                    label: ctx.t("order-action-shipped"),
                    field: Some(("tracking", ctx.t("order-tracking"), true)),
                });
            }
            if status == Shipped {
                actions.push(OrderAction {
                    value: "delivered",
                    label: ctx.t("order-action-delivered"),
                    field: None,
                });
            }
            if cancellable {
                actions.push(OrderAction {
                    value: "cancel",
                    label: ctx.t("order-action-cancel"),
                    field: Some(("reason", ctx.t("order-cancel-reason"), true)),
                });
            }
        }
        Viewer::Shopper(_) => {
            if cancellable {
                actions.push(OrderAction {
                    value: "cancel",
                    label: ctx.t("order-action-cancel-mine"),
                    field: Some(("reason", ctx.t("order-cancel-reason-optional"), false)),
                });
            }
        }
        Viewer::Staff => {}
    }
    let country = CountryCode::parse(&o.ship_country)
        .map(|c| ctx.country_name(&c))
        .unwrap_or_default();
    let total_other = (cur != other).then(|| {
        ctx.money(&Money::new(
            if mine {
                o.total_minor
            } else {
                o.merchant_total_minor
            },
            other,
        ))
    });
    let rate_note = (currency(&o.currency) != currency(&o.merchant_currency)).then(|| {
        // 1 unit of the merchant's currency in the shopper's, at the snapshotted rates (display only).
        let f = &ctx.tr.i18n().formatters;
        let per =
            i128::from(o.shopper_rate_micros) * 10_000 / i128::from(o.merchant_rate_micros.max(1));
        ctx.tr.t_args(
            "order-rate-note",
            &[
                ("from", Arg::Str(currency(&o.merchant_currency).code())),
                ("to", Arg::Str(currency(&o.currency).code())),
                (
                    "rate",
                    Arg::Str(&f.decimal(ctx.locale, i64::try_from(per).unwrap_or(0), 4)),
                ),
            ],
        )
    });
    let (vat, duties, vat_remitter) = tax_texts(&ctx, &taxes, amount, mine);
    let tracking_link = carrier
        .as_deref()
        .and_then(|code| {
            Some((
                code,
                super::carriers::tracking_url(code, &o.tracking_number)?,
            ))
        })
        .and_then(|(code, url)| {
            let name = super::carriers::find(code)?.name;
            Some((ctx.t1("order-track-with", "carrier", name), url))
        });
    let carrier_choices = match viewer {
        Viewer::Merchant(_) if actions.iter().any(|a| a.value == "shipped") => {
            carrier_choices(&ctx, &shop_country)
        }
        _ => Vec::new(),
    };
    let l = ctx.locale;
    let pay_url =
        (matches!(viewer, Viewer::Shopper(_)) && by_card && status == OrderStatus::AwaitingPayment)
            .then(|| crate::routes::checkout_pay(l, &o.checkout_token));
    OrderPage {
        tracking_link,
        carrier_choices,
        slip_url: matches!(viewer, Viewer::Merchant(_))
            .then(|| format!("{base}/{}/slip", o.number)),
        vat,
        duties,
        vat_remitter,
        pay_url,
        number: o.number.clone(),
        shop,
        status: ctx.t(&status.message_id()),
        status_code: status.as_str(),
        placed: when(&ctx, o.created_at, zone),
        payment: ctx.t(&payment.message_id()),
        lines: lines
            .iter()
            .map(|li| OrderLineView {
                title: li.title.clone(),
                title_lang: Locale::parse(&li.title_locale)
                    .filter(|x| *x != l)
                    .map(Locale::code),
                sku: li.sku.clone(),
                // The shopper reads the label as they chose it; the shop and staff in the shop's language.
                label: if matches!(viewer, Viewer::Shopper(_)) {
                    li.variant_label.clone()
                } else {
                    li.variant_label_merchant.clone()
                },
                quantity: ctx.tr.i18n().formatters.number(l, i64::from(li.quantity)),
                unit: amount(li.unit_shopper_minor, li.unit_minor),
                line: amount(li.line_shopper_minor, li.line_minor),
                review: (matches!(viewer, Viewer::Shopper(_)) && status == OrderStatus::Delivered)
                    .then(|| {
                        (
                            crate::routes::review_new(l, li.id),
                            reviewed.contains(&li.product_id),
                        )
                    }),
            })
            .collect(),
        subtotal: amount(o.subtotal_minor, o.merchant_subtotal_minor),
        shipping: amount(o.shipping_minor, o.merchant_shipping_minor),
        coupon: coupon.map(|(code, shopper, merchant)| {
            (
                ctx.t1("coupon-line", "code", &code),
                format!("−{}", amount(shopper, merchant)),
            )
        }),
        total: amount(o.total_minor, o.merchant_total_minor),
        total_other,
        rate_note,
        address: [
            o.ship_name.clone(),
            o.ship_line1.clone(),
            o.ship_line2.clone(),
            format!("{} {}", o.ship_postal_code, o.ship_city),
            country,
            o.ship_phone.clone(),
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect(),
        delivery: match arrives {
            Some((from, to)) => ctx.t1("delivery-promised", "dates", &ctx.date_range(from, to)),
            None => ctx.tr.t_args(
                "cart-delivery-days",
                &[
                    ("min", Arg::Num(i64::from(o.delivery_days_min))),
                    ("max", Arg::Num(i64::from(o.delivery_days_max))),
                ],
            ),
        },
        tracking: (!o.tracking_number.is_empty()).then(|| o.tracking_number.clone()),
        cancel_reason: (!o.cancel_reason.is_empty()).then(|| o.cancel_reason.clone()),
        timeline: events
            .iter()
            .map(|e| {
                (
                    when(&ctx, e.created_at, zone),
                    status_label(&ctx, &e.status),
                    e.note.clone(),
                )
            })
            .collect(),
        action_url: match viewer {
            Viewer::Merchant(_) => format!("{base}/{}/status", o.number),
            _ => format!("{base}/{}/cancel", o.number),
        },
        actions,
        problem,
        back_url: base.to_string(),
        area,
        ctx,
    }
}
