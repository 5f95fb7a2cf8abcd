//! Refunds and buyer protection against localstripe: one shop cancelling its part of a two-shop card checkout
//! refunds exactly that order's amount (retried when the provider is down, sent once), reverses its sale in the
//! ledger and leaves the other shop's order paid; a delivered order's sale becomes available only after the
//! protection window. The ledger sums to zero after every step.

use std::time::Duration as StdDuration;

use caravan::db::schema::{order_events, orders, refunds};
use caravan::orders::manage::{act, Viewer};
use caravan::orders::model::Action;
use caravan::payments::refunds::RefundRow;
use caravan::payments::service::{self, Settled};
use caravan::payments::stripe::Stripe;
use caravan::payments::worker::{pass, Pass};
use caravan::payments::PaymentProvider;
use diesel::prelude::*;
use time::Duration;

use crate::payments::{card, ledger_of, localstripe, pay, settings, started, statuses, Started};
use crate::support::TestApp;

const WINDOW: Duration = Duration::days(14);

fn balanced(app: &TestApp) {
    assert!(caravan::payments::ledger::unbalanced(&mut app.db.conn())
        .unwrap()
        .is_empty());
}

/// (order id, number, total in the shopper's currency) of a shop's order in the checkout.
fn order_of(app: &TestApp, token: &str, shop: i64) -> (i64, String, i64) {
    orders::table
        .filter(orders::checkout_token.eq(token))
        .filter(orders::merchant_id.eq(shop))
        .select((orders::id, orders::number, orders::total_minor))
        .first(&mut app.db.conn())
        .unwrap()
}

fn balance(app: &TestApp, shop: i64, account: &str) -> i64 {
    ledger_of(app, shop)
        .iter()
        .filter(|(a, _, _)| a == account)
        .map(|(_, _, v)| -v)
        .sum()
}

pub(crate) async fn paid(base: &str, token: &str) -> Started {
    let s = started(base, token).await;
    pay(&s.stripe, &s.intent, &card(base, "4242424242424242")).unwrap();
    let verified = s.stripe.retrieve_intent(&s.intent).unwrap();
    let settled = service::settle(&mut s.app.db.conn(), &verified, s.now).unwrap();
    assert!(matches!(settled, Settled::Paid(_)), "{settled:?}");
    s
}

#[actix_web::test]
async fn cancelling_one_shops_paid_order_refunds_just_its_part_once() {
    let Some(base) = localstripe() else { return };
    let Started {
        mut app,
        stripe,
        token,
        now,
        f,
        ..
    } = paid(&base, "kz-refund-one").await;
    let (it_order, it_number, it_total) = order_of(&app, &token, f.it_shop);
    let tr_pending = balance(&app, f.tr_shop, "merchant_pending");
    assert!(balance(&app, f.it_shop, "merchant_pending") > 0);
    // The Italian shop cancels its order from its order page.
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            &format!("/en/merchant/orders/{it_number}/status"),
            &[
                ("csrf", &csrf),
                ("action", "cancel"),
                ("reason", "Sold out at the fair"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    // The provider is down: the refund is opened (sale reversed, event on the order) and waits for a retry.
    let down = Stripe::with_timeout(
        settings("http://127.0.0.1:9"),
        StdDuration::from_millis(800),
    );
    // Cancellations are followed once they are a minute old.
    assert_eq!(
        pass(&mut app.db.conn(), Some(&down), WINDOW, now).unwrap(),
        Pass::default()
    );
    let now = now + caravan::payments::refunds::SETTLE;
    let first = pass(&mut app.db.conn(), Some(&down), WINDOW, now).unwrap();
    assert_eq!((first.refunds_opened, first.refunds_sent), (1, 0));
    let r: RefundRow = refunds::table
        .select(RefundRow::as_select())
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        (r.order_id, r.amount_minor, r.currency.as_str()),
        (it_order, it_total, "KZT")
    );
    assert_eq!((r.status.as_str(), r.attempts), ("failed", 1));
    assert!(!r.failure.is_empty() && r.next_attempt_at > now);
    assert_eq!(
        balance(&app, f.it_shop, "merchant_pending"),
        0,
        "the sale is reversed"
    );
    assert_eq!(balance(&app, f.tr_shop, "merchant_pending"), tr_pending);
    balanced(&app);
    // Not due yet: nothing is sent, even with the provider back; staff retry it at once.
    assert_eq!(
        pass(&mut app.db.conn(), Some(&stripe), WINDOW, now).unwrap(),
        Pass::default()
    );
    assert!(caravan::payments::refunds::retry_now(&mut app.db.conn(), r.id, now).unwrap());
    let second = pass(&mut app.db.conn(), Some(&stripe), WINDOW, now).unwrap();
    assert_eq!(second.refunds_sent, 1);
    let r: RefundRow = refunds::table
        .select(RefundRow::as_select())
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(r.status, "succeeded");
    let re = r.provider_ref.clone().unwrap_or_default();
    let mut got = ureq::get(&format!("{base}/v1/refunds/{re}"))
        .header("Authorization", "Bearer sk_test_caravan")
        .call()
        .unwrap();
    let refund: serde_json::Value =
        serde_json::from_str(&got.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(
        refund["amount"].as_i64(),
        Some(it_total),
        "just the Italian order's part"
    );
    // Later passes change nothing; the Turkish order stays paid.
    assert_eq!(
        pass(&mut app.db.conn(), Some(&stripe), WINDOW, now).unwrap(),
        Pass::default()
    );
    let mut st = statuses(&app, &token);
    st.sort();
    assert_eq!(st, vec!["cancelled", "paid"]);
    let events: Vec<String> = order_events::table
        .filter(order_events::order_id.eq(it_order))
        .order(order_events::id)
        .select(order_events::status)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        events,
        vec![
            "awaiting_payment",
            "paid",
            "cancelled",
            "refund_requested",
            "refunded"
        ]
    );
    // The shop's order page shows the refund in its history.
    let page = app
        .client
        .get(&format!("/en/merchant/orders/{it_number}"))
        .await;
    page.assert_contains("Refunded to the card");
    balanced(&app);
}

#[actix_web::test]
async fn a_delivered_sale_becomes_available_after_the_protection_window() {
    let Some(base) = localstripe() else { return };
    let Started {
        app, token, now, f, ..
    } = paid(&base, "kz-protection").await;
    let (_, number, _) = order_of(&app, &token, f.tr_shop);
    let pending = balance(&app, f.tr_shop, "merchant_pending");
    let owner = 1;
    for action in [
        Action::MarkShipped {
            tracking: "RR123456785TR".into(),
            carrier: "other".into(),
        },
        Action::MarkDelivered,
    ] {
        let done = act(
            &mut app.db.conn(),
            Viewer::Merchant(f.tr_shop),
            owner,
            &number,
            &action,
            now,
        )
        .unwrap();
        assert!(done.is_ok(), "{done:?}");
    }
    let later = |days| now + Duration::days(days);
    for day in [0, 13] {
        let p = pass(&mut app.db.conn(), None, WINDOW, later(day)).unwrap();
        assert_eq!(p.released, 0, "day {day}");
    }
    let p = pass(&mut app.db.conn(), None, WINDOW, later(15)).unwrap();
    assert_eq!(p.released, 1);
    assert_eq!(
        pass(&mut app.db.conn(), None, WINDOW, later(16))
            .unwrap()
            .released,
        0
    );
    assert_eq!(balance(&app, f.tr_shop, "merchant_pending"), 0);
    assert_eq!(balance(&app, f.tr_shop, "merchant_available"), pending);
    // The Italian order was never delivered: still pending.
    assert!(balance(&app, f.it_shop, "merchant_pending") > 0);
    balanced(&app);
}

#[actix_web::test]
async fn a_platform_funded_discount_is_paid_to_the_shop_and_reversed_with_a_refund() {
    use caravan::campaigns::model::{CampaignText, PromoStatus, Targets};
    use caravan::promos::repo::{self, PromoInput};
    let Some(base) = localstripe() else { return };
    let app = crate::payments::app_with_stripe(&base).await;
    let f = crate::support::builders::standard(&mut app.db.conn());
    let now = app.clock.now();
    // "Made in Italy week": 20 % off the Italian bag, paid by the marketplace.
    let mut c = app.db.conn();
    let promo = repo::save(
        &mut c,
        None,
        &PromoInput {
            name: "Made in Italy week".into(),
            discount_percent: 20,
            funding: caravan::promos::repo::Funding::Platform,
            reach: caravan::promos::repo::Reach::default(),
            starts_at: now - Duration::days(1),
            ends_at: now + Duration::days(6),
            time_zone: "Europe/Rome".into(),
            home_position: 0,
            targets: Targets {
                products: vec![f.it_bag],
                ..Targets::default()
            },
            featured: vec![],
            texts: caravan::i18n::PerLocale::some([(
                caravan::i18n::Locale::En,
                CampaignText {
                    slug: "made-in-italy".into(),
                    title: "Made in Italy week".into(),
                    subtitle: String::new(),
                    body: String::new(),
                    hero_alt: String::new(),
                },
            )]),
        },
        now - Duration::days(2),
    )
    .unwrap();
    repo::set_status(
        &mut c,
        promo,
        PromoStatus::Published,
        now - Duration::days(2),
    )
    .unwrap();
    drop(c);
    let (uid, token) = crate::payments::card_checkout(&app, &f, "kz-platform-funded");
    let (it_order, it_number, _) = order_of(&app, &token, f.it_shop);
    let funded: Vec<i64> = caravan::db::schema::order_lines::table
        .filter(caravan::db::schema::order_lines::order_id.eq(it_order))
        .select(caravan::db::schema::order_lines::platform_discount_minor)
        .load(&mut app.db.conn())
        .unwrap();
    let discount: i64 = funded.iter().sum();
    assert!(discount > 0, "{funded:?}");
    let stripe = Stripe::new(settings(&base));
    let intent = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap()
        .intent
        .id;
    pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    let verified = stripe.retrieve_intent(&intent).unwrap();
    service::settle(&mut app.db.conn(), &verified, now).unwrap();
    let (goods, shipping): (i64, i64) = orders::table
        .find(it_order)
        .select((
            orders::merchant_subtotal_minor,
            orders::merchant_shipping_minor,
        ))
        .first(&mut app.db.conn())
        .unwrap();
    let fee = caravan::payments::commission::commission(goods, 1_000);
    assert_eq!(
        balance(&app, f.it_shop, "merchant_pending"),
        goods + shipping - fee + discount,
        "the shop gets the list price back, less commission on what the shopper paid"
    );
    assert_eq!(balance(&app, f.it_shop, "platform_campaigns"), -discount);
    assert_eq!(balance(&app, f.tr_shop, "platform_campaigns"), 0);
    balanced(&app);
    // Cancelled: the refund reverses the platform's part too.
    act(
        &mut app.db.conn(),
        Viewer::Merchant(f.it_shop),
        1,
        &it_number,
        &Action::Cancel {
            reason: "Damaged in the workshop".into(),
        },
        now,
    )
    .unwrap()
    .unwrap();
    let later = now + caravan::payments::refunds::SETTLE;
    let p = pass(&mut app.db.conn(), Some(&stripe), WINDOW, later).unwrap();
    assert_eq!((p.refunds_opened, p.refunds_sent), (1, 1));
    assert_eq!(balance(&app, f.it_shop, "merchant_pending"), 0);
    assert_eq!(balance(&app, f.it_shop, "platform_campaigns"), 0);
    balanced(&app);
}
