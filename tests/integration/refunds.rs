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
