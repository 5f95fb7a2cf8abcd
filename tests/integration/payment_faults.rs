//! Card payments when things happen at the same time: an order of the checkout cancelled while its payment is
//! open (the payment asks for what is still owed), or after the shopper already paid (the rest become paid and
//! the cancelled order's part is refunded); a refund the provider leaves pending is followed up rather than sent
//! again, and one the provider failed is sent anew under a new key.

use std::sync::Mutex;

use caravan::db::schema::{order_events, orders, payments, refunds};
use caravan::money::Currency;
use caravan::orders::manage::{act, Viewer};
use caravan::orders::model::Action;
use caravan::payments::provider::{PageSources, Refund};
use caravan::payments::refunds::RefundRow;
use caravan::payments::service::{self, NotStarted, Settled};
use caravan::payments::stripe::Stripe;
use caravan::payments::worker::pass;
use caravan::payments::{Intent, PaymentProvider, ProviderError};
use diesel::prelude::*;
use time::Duration;

use crate::payments::{card, localstripe, pay, settings, started, statuses, Started};
use crate::support::TestApp;

const WINDOW: Duration = Duration::days(14);

fn order_of(app: &TestApp, token: &str, shop: i64) -> (i64, String, i64, i64) {
    orders::table
        .filter(orders::checkout_token.eq(token))
        .filter(orders::merchant_id.eq(shop))
        .select((
            orders::id,
            orders::number,
            orders::total_minor,
            orders::user_id,
        ))
        .first(&mut app.db.conn())
        .unwrap()
}

fn cancel(app: &TestApp, shop: i64, number: &str, now: time::PrimitiveDateTime) {
    act(
        &mut app.db.conn(),
        Viewer::Merchant(shop),
        1,
        number,
        &Action::Cancel {
            reason: "Sold out at the fair".into(),
        },
        now,
    )
    .unwrap()
    .unwrap();
}

fn intent_status(base: &str, id: &str) -> String {
    let mut got = ureq::get(&format!("{base}/v1/payment_intents/{id}"))
        .header("Authorization", "Bearer sk_test_caravan")
        .call()
        .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&got.body_mut().read_to_string().unwrap()).unwrap();
    v["status"].as_str().unwrap_or_default().to_string()
}

fn balanced(app: &TestApp) {
    assert!(caravan::payments::ledger::unbalanced(&mut app.db.conn())
        .unwrap()
        .is_empty());
}

#[actix_web::test]
async fn an_order_cancelled_before_paying_leaves_a_payment_of_what_is_still_owed() {
    let Some(base) = localstripe() else { return };
    let Started {
        app,
        stripe,
        token,
        intent,
        now,
        f,
    } = started(&base, "kz-reprice").await;
    let (_, it_number, _, uid) = order_of(&app, &token, f.it_shop);
    let (_, _, tr_total, _) = order_of(&app, &token, f.tr_shop);
    cancel(&app, f.it_shop, &it_number, now);
    // The page is opened again: the old provider payment is cancelled, a new one asks for the Turkish order only.
    let again = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap();
    assert_ne!(again.intent.id, intent);
    assert_eq!(again.intent.amount_minor, tr_total);
    assert_eq!(again.payment.amount_minor, tr_total);
    assert_eq!(intent_status(&base, &intent), "canceled");
    // Opening it once more finds the same new payment (no third one).
    let third = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap();
    assert_eq!(third.intent.id, again.intent.id);
    pay(&stripe, &again.intent.id, &card(&base, "4242424242424242")).unwrap();
    let verified = stripe.retrieve_intent(&again.intent.id).unwrap();
    let settled = service::settle(&mut app.db.conn(), &verified, now).unwrap();
    assert!(
        matches!(&settled, Settled::Paid(ids) if ids.len() == 1),
        "{settled:?}"
    );
    assert_eq!(statuses(&app, &token), vec!["cancelled", "paid"]);
    let n: i64 = refunds::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(n, 0, "nothing was taken for the cancelled order");
    balanced(&app);
}

#[actix_web::test]
async fn cancelling_every_order_before_paying_ends_the_payment() {
    let Some(base) = localstripe() else { return };
    let Started {
        app,
        stripe,
        token,
        intent,
        now,
        f,
    } = started(&base, "kz-all-cancelled").await;
    let (_, it_number, _, uid) = order_of(&app, &token, f.it_shop);
    let (_, tr_number, _, _) = order_of(&app, &token, f.tr_shop);
    cancel(&app, f.it_shop, &it_number, now);
    cancel(&app, f.tr_shop, &tr_number, now);
    let again = service::begin(&mut app.db.conn(), &stripe, uid, &token, now).unwrap();
    assert!(
        matches!(again, Err(NotStarted::NothingToPay)),
        "{:?}",
        again.err()
    );
    assert_eq!(intent_status(&base, &intent), "canceled");
    let status: String = payments::table
        .select(payments::status)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(status, "canceled");
}

#[actix_web::test]
async fn paying_while_an_order_is_cancelled_pays_the_rest_and_refunds_its_part() {
    let Some(base) = localstripe() else { return };
    let Started {
        app,
        stripe,
        token,
        intent,
        now,
        f,
    } = started(&base, "kz-paid-while-cancelled").await;
    let (it_order, it_number, it_total, _) = order_of(&app, &token, f.it_shop);
    // The Italian shop cancels while the shopper's browser is already confirming the card.
    cancel(&app, f.it_shop, &it_number, now);
    pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    let verified = stripe.retrieve_intent(&intent).unwrap();
    let settled = service::settle(&mut app.db.conn(), &verified, now).unwrap();
    assert!(
        matches!(&settled, Settled::Paid(ids) if ids.len() == 1),
        "{settled:?}"
    );
    assert_eq!(statuses(&app, &token), vec!["cancelled", "paid"]);
    let r: RefundRow = refunds::table
        .select(RefundRow::as_select())
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        (r.order_id, r.amount_minor, r.currency.as_str()),
        (it_order, it_total, "KZT")
    );
    // Settling again (the webhook after the return) opens nothing more.
    assert_eq!(
        service::settle(&mut app.db.conn(), &verified, now).unwrap(),
        Settled::AlreadyPaid
    );
    let p = pass(&mut app.db.conn(), Some(&stripe), WINDOW, now).unwrap();
    assert_eq!((p.refunds_opened, p.refunds_sent), (0, 1));
    let later = now + caravan::payments::refunds::SETTLE;
    let p = pass(&mut app.db.conn(), Some(&stripe), WINDOW, later).unwrap();
    assert_eq!(
        (p.refunds_opened, p.refunds_sent),
        (0, 0),
        "the cancellation is not refunded twice"
    );
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
            "cancelled",
            "refund_requested",
            "refunded"
        ]
    );
    balanced(&app);
}

/// Stripe for everything but refunds, which answer as scripted: the refund call's status, then what reading the
/// refund back says.
struct Scripted {
    stripe: Stripe,
    created: Mutex<Vec<&'static str>>,
    read: Mutex<Vec<&'static str>>,
    keys: Mutex<Vec<String>>,
}

impl PaymentProvider for Scripted {
    fn name(&self) -> &'static str {
        self.stripe.name()
    }
    fn publishable_key(&self) -> &str {
        self.stripe.publishable_key()
    }
    fn create_intent(
        &self,
        a: i64,
        c: Currency,
        r: &str,
        k: &str,
    ) -> Result<Intent, ProviderError> {
        self.stripe.create_intent(a, c, r, k)
    }
    fn prepare_card(&self, k: &str) -> Result<String, ProviderError> {
        self.stripe.prepare_card(k)
    }
    fn confirm_intent(&self, i: &str, m: &str, k: &str) -> Result<Intent, ProviderError> {
        self.stripe.confirm_intent(i, m, k)
    }
    fn page_sources(&self) -> PageSources {
        self.stripe.page_sources()
    }
    fn retrieve_intent(&self, id: &str) -> Result<Intent, ProviderError> {
        self.stripe.retrieve_intent(id)
    }
    fn cancel_intent(&self, id: &str, k: &str) -> Result<Intent, ProviderError> {
        self.stripe.cancel_intent(id, k)
    }
    fn refund(&self, _: &str, amount: i64, key: &str) -> Result<Refund, ProviderError> {
        let mut keys = self.keys.lock().unwrap();
        keys.push(key.to_string());
        let status = self.created.lock().unwrap().remove(0);
        Ok(Refund {
            id: format!("re_scripted{}", keys.len()),
            amount_minor: amount,
            status: status.into(),
        })
    }
    fn retrieve_refund(&self, id: &str) -> Result<Refund, ProviderError> {
        let status = self.read.lock().unwrap().remove(0);
        Ok(Refund {
            id: id.into(),
            amount_minor: 0,
            status: status.into(),
        })
    }
}

#[actix_web::test]
async fn a_pending_refund_is_followed_up_and_a_failed_one_is_sent_under_a_new_key() {
    let Some(base) = localstripe() else { return };
    let Started {
        app, token, now, f, ..
    } = crate::refunds::paid(&base, "kz-refund-pending").await;
    let (_, it_number, _, _) = order_of(&app, &token, f.it_shop);
    cancel(&app, f.it_shop, &it_number, now);
    let provider = Scripted {
        stripe: Stripe::new(settings(&base)),
        created: Mutex::new(vec!["pending", "succeeded"]),
        read: Mutex::new(vec!["pending", "failed"]),
        keys: Mutex::new(Vec::new()),
    };
    let row = |app: &TestApp| -> RefundRow {
        refunds::table
            .select(RefundRow::as_select())
            .first(&mut app.db.conn())
            .unwrap()
    };
    let mut t = now + caravan::payments::refunds::SETTLE;
    let p = pass(&mut app.db.conn(), Some(&provider), WINDOW, t).unwrap();
    assert_eq!((p.refunds_opened, p.refunds_sent), (1, 0));
    let r = row(&app);
    assert_eq!(
        (r.status.as_str(), r.provider_ref.as_deref()),
        ("processing", Some("re_scripted1"))
    );
    // Asked again when due: still pending, then failed at the bank.
    for expected in ["processing", "failed"] {
        t = row(&app).next_attempt_at;
        pass(&mut app.db.conn(), Some(&provider), WINDOW, t).unwrap();
        assert_eq!(row(&app).status, expected);
    }
    assert_eq!(row(&app).failure, "provider_failed");
    // The next attempt makes a new refund (a new key), which goes through.
    t = row(&app).next_attempt_at;
    let p = pass(&mut app.db.conn(), Some(&provider), WINDOW, t).unwrap();
    assert_eq!(p.refunds_sent, 1);
    assert_eq!(row(&app).status, "succeeded");
    let keys = provider.keys.lock().unwrap().clone();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_ne!(keys[0], keys[1]);
    assert!(keys[1].ends_with("-after-re_scripted1"), "{keys:?}");
    balanced(&app);
}
