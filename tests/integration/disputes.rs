//! Disputes (chargebacks) from Stripe's signed webhooks: while one is open no sale of its payment is released to
//! the shop, whatever the protection window says; won, the held sales are released; lost, every sale of the
//! payment (and a release already made) is reversed in one chargeback posting per order. Events arriving late,
//! twice or out of order change nothing more; staff see open and lost disputes.

use caravan::db::schema::{ledger_transactions, order_events};
use caravan::identity::model::Role;
use caravan::orders::manage::{act, Viewer};
use caravan::orders::model::Action;
use caravan::payments::worker::pass;
use diesel::prelude::*;
use time::Duration;

use crate::payments::{ledger_of, localstripe, post_signed, Started};
use crate::support::TestApp;

const WINDOW: Duration = Duration::days(14);

fn balance(app: &TestApp, shop: i64, account: &str) -> i64 {
    ledger_of(app, shop)
        .iter()
        .filter(|(a, _, _)| a == account)
        .map(|(_, _, v)| -v)
        .sum()
}

fn dispute(event: &str, kind: &str, created: i64, intent: &str, status: &str) -> String {
    serde_json::json!({
        "id": event,
        "object": "event",
        "created": created,
        "type": kind,
        "data": {"object": {
            "id": format!("dp_{intent}"),
            "object": "dispute",
            "payment_intent": intent,
            "status": status,
            "reason": "product_not_received",
            "amount": 1000,
            "currency": "kzt"
        }}
    })
    .to_string()
}

/// Ships and delivers the Turkish order now.
fn deliver(app: &TestApp, token: &str, shop: i64, now: time::PrimitiveDateTime) -> i64 {
    use caravan::db::schema::orders;
    let (id, number): (i64, String) = orders::table
        .filter(orders::checkout_token.eq(token))
        .filter(orders::merchant_id.eq(shop))
        .select((orders::id, orders::number))
        .first(&mut app.db.conn())
        .unwrap();
    for action in [
        Action::MarkShipped {
            tracking: "RR123456785TR".into(),
            carrier: "other".into(),
        },
        Action::MarkDelivered,
    ] {
        act(
            &mut app.db.conn(),
            Viewer::Merchant(shop),
            1,
            &number,
            &action,
            now,
        )
        .unwrap()
        .unwrap();
    }
    id
}

fn events_of(app: &TestApp, order: i64) -> Vec<String> {
    order_events::table
        .filter(order_events::order_id.eq(order))
        .order(order_events::id)
        .select(order_events::status)
        .load(&mut app.db.conn())
        .unwrap()
}

fn balanced(app: &TestApp) {
    assert!(caravan::payments::ledger::unbalanced(&mut app.db.conn())
        .unwrap()
        .is_empty());
}

#[actix_web::test]
async fn an_open_dispute_holds_the_release_until_it_is_won() {
    let Some(base) = localstripe() else { return };
    let Started {
        mut app,
        token,
        intent,
        now,
        f,
        ..
    } = crate::refunds::paid(&base, "kz-dispute-won").await;
    let order = deliver(&app, &token, f.tr_shop, now);
    let pending = balance(&app, f.tr_shop, "merchant_pending");
    let t = crate::payments::unix(&app);
    let res = post_signed(
        &mut app,
        &dispute(
            "evt_dp1",
            "charge.dispute.created",
            t,
            &intent,
            "needs_response",
        ),
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), res.body.as_str()),
        (200, "dispute_open")
    );
    // The window passes: nothing is released while the bank looks into it.
    let day = |d| now + Duration::days(d);
    assert_eq!(
        pass(&mut app.db.conn(), None, WINDOW, day(15))
            .unwrap()
            .released,
        0
    );
    assert_eq!(balance(&app, f.tr_shop, "merchant_available"), 0);
    // Staff see it, in their language, linked to its payment.
    app.sign_in_as("staff@caravan.example", Role::Staff).await;
    let page = app.client.get("/en/staff/payments").await;
    page.assert_contains("Open: the bank is reviewing it");
    page.assert_contains(&format!("?q={intent}"));
    // Won; a late copy of an older update changes nothing, and a replay is a replay.
    let won = dispute("evt_dp3", "charge.dispute.closed", t + 20, &intent, "won");
    let res = post_signed(&mut app, &won).await;
    assert_eq!(res.body, "dispute_won");
    let late = dispute(
        "evt_dp2",
        "charge.dispute.updated",
        t + 10,
        &intent,
        "under_review",
    );
    assert_eq!(
        post_signed(&mut app, &late).await.body,
        "dispute_closed_before"
    );
    assert_eq!(post_signed(&mut app, &won).await.body, "replay");
    let p = pass(&mut app.db.conn(), None, WINDOW, day(15)).unwrap();
    assert_eq!(
        p.released, 1,
        "the held sale is released once the dispute is won"
    );
    assert_eq!(
        pass(&mut app.db.conn(), None, WINDOW, day(16))
            .unwrap()
            .released,
        0
    );
    assert_eq!(balance(&app, f.tr_shop, "merchant_available"), pending);
    // The undelivered Italian order is still pending, and is released only after its own delivery.
    assert!(balance(&app, f.it_shop, "merchant_pending") > 0);
    let it = deliver(&app, &token, f.it_shop, day(16));
    assert_eq!(
        pass(&mut app.db.conn(), None, WINDOW, day(31))
            .unwrap()
            .released,
        1
    );
    let ev = events_of(&app, order);
    assert!(
        ev.contains(&"dispute_opened".to_string()) && ev.contains(&"dispute_won".to_string()),
        "{ev:?}"
    );
    assert!(events_of(&app, it).contains(&"dispute_won".to_string()));
    let page = app.client.get("/en/staff/payments").await;
    page.assert_contains("No open or lost disputes.");
    balanced(&app);
}

#[actix_web::test]
async fn a_lost_dispute_reverses_every_sale_of_the_payment_even_one_released() {
    let Some(base) = localstripe() else { return };
    let Started {
        mut app,
        token,
        intent,
        now,
        f,
        ..
    } = crate::refunds::paid(&base, "kz-dispute-lost").await;
    deliver(&app, &token, f.tr_shop, now);
    let day = |d| now + Duration::days(d);
    assert_eq!(
        pass(&mut app.db.conn(), None, WINDOW, day(15))
            .unwrap()
            .released,
        1
    );
    assert!(balance(&app, f.tr_shop, "merchant_available") > 0);
    let t = crate::payments::unix(&app);
    let opened = dispute(
        "evt_dl1",
        "charge.dispute.created",
        t,
        &intent,
        "needs_response",
    );
    assert_eq!(post_signed(&mut app, &opened).await.body, "dispute_open");
    let lost = dispute("evt_dl2", "charge.dispute.closed", t + 5, &intent, "lost");
    assert_eq!(post_signed(&mut app, &lost).await.body, "dispute_lost");
    for shop in [f.tr_shop, f.it_shop] {
        for account in [
            "merchant_pending",
            "merchant_available",
            "platform_commission",
        ] {
            assert_eq!(balance(&app, shop, account), 0, "{shop} {account}");
        }
    }
    let chargebacks: i64 = ledger_transactions::table
        .filter(ledger_transactions::kind.eq("chargeback"))
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(chargebacks, 2);
    // A copy of the closing event, or a reopening one, changes nothing; the Italian sale is never released.
    let again = dispute(
        "evt_dl3",
        "charge.dispute.updated",
        t + 9,
        &intent,
        "under_review",
    );
    assert_eq!(
        post_signed(&mut app, &again).await.body,
        "dispute_closed_before"
    );
    deliver(&app, &token, f.it_shop, day(15));
    assert_eq!(
        pass(&mut app.db.conn(), None, WINDOW, day(40))
            .unwrap()
            .released,
        0
    );
    // The shop's statement names it.
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let page = app.client.get("/en/merchant/payouts").await;
    page.assert_contains("Chargeback (sale reversed after a lost dispute)");
    balanced(&app);
}

#[actix_web::test]
async fn a_dispute_about_a_payment_not_ours_is_recorded_for_staff() {
    let Some(base) = localstripe() else { return };
    let mut app = crate::payments::app_with_stripe(&base).await;
    let t = crate::payments::unix(&app);
    let body = dispute(
        "evt_dx",
        "charge.dispute.created",
        t,
        "pi_elsewhere",
        "needs_response",
    );
    let res = post_signed(&mut app, &body).await;
    assert_eq!(
        (res.status.as_u16(), res.body.as_str()),
        (200, "unknown_payment")
    );
    app.sign_in_as("staff@caravan.example", Role::Staff).await;
    app.client
        .get("/en/staff/payments")
        .await
        .assert_contains("evt_dx");
}
