//! Card payments against a real Stripe-compatible server (localstripe, started by `.ci/run`; its address in
//! `CARAVAN_TEST_STRIPE`): one payment for a checkout's orders from two shops in the shopper's currency, paid with
//! test cards, settled exactly once whether the webhook or the return comes first; a declined card, an unreachable
//! and a silent provider each leave the orders unpaid; webhooks with a bad signature, a stale timestamp or a
//! replayed event have no effect. Skipped (with a line saying so) when localstripe is not available, unless
//! `CARAVAN_STRIPE_TESTS=require`.

use std::time::Duration;

use caravan::config::StripeSettings;
use caravan::db::schema::{order_events, orders, payment_events, payments};
use caravan::i18n::Locale;
use caravan::money::Currency;
use caravan::orders::cart::{self, CartKey};
use caravan::orders::model::{Address, PaymentMethod};
use caravan::orders::place::{self, PlaceInput, Placed};
use caravan::payments::service::{self, NotStarted, Settled};
use caravan::payments::stripe::Stripe;
use caravan::payments::webhook::signature_header;
use caravan::payments::{IntentStatus, PaymentProvider, ProviderError};
use diesel::prelude::*;

use crate::support::builders::{self, Fixture};
use crate::support::{TestApp, TestDb};

const WEBHOOK_SECRET: &str = "whsec_caravan_tests";

/// localstripe's address, or `None` (and a note) when the tests cannot run here.
pub(crate) fn localstripe() -> Option<String> {
    let base = std::env::var("CARAVAN_TEST_STRIPE").ok();
    let up = base.as_deref().is_some_and(|b| {
        ureq::get(&format!("{b}/v1/payment_intents"))
            .header("Authorization", "Bearer sk_test_probe")
            .config()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(2)))
            .build()
            .call()
            .is_ok()
    });
    if up {
        return base;
    }
    assert!(
        std::env::var("CARAVAN_STRIPE_TESTS").as_deref() != Ok("require"),
        "CARAVAN_STRIPE_TESTS=require but localstripe is not answering at CARAVAN_TEST_STRIPE"
    );
    eprintln!("payments tests skipped: set CARAVAN_TEST_STRIPE to a running localstripe");
    None
}

pub(crate) fn settings(base: &str) -> StripeSettings {
    StripeSettings {
        secret_key: "sk_test_caravan".into(),
        publishable_key: "pk_test_caravan".into(),
        webhook_secret: WEBHOOK_SECRET.into(),
        api_base: base.into(),
        timeout: StripeSettings::TIMEOUT,
    }
}

pub(crate) async fn app_with_stripe(base: &str) -> TestApp {
    let db = TestDb::new();
    let mut config = db.config();
    config.stripe = Some(settings(base));
    TestApp::with_config(db, config).await
}

/// A shopper in Almaty with the Italian bag and the Turkish bag in the cart, both shops shipping everywhere: the
/// checkout placed for card payment in tenge. Returns (user, checkout token).
pub(crate) fn card_checkout(app: &TestApp, f: &Fixture, token: &str) -> (i64, String) {
    card_checkout_as(app, f, token, &format!("{token}@example.kz"))
}

/// [`card_checkout`] by the shopper `email` (shipping rates are added once per shop).
pub(crate) fn card_checkout_as(
    app: &TestApp,
    f: &Fixture,
    token: &str,
    email: &str,
) -> (i64, String) {
    use caravan::db::schema::shipping_rates;
    let now = caravan::clock::system_now();
    let mut c = app.db.conn();
    for shop in [f.it_shop, f.tr_shop] {
        let has: i64 = shipping_rates::table
            .filter(shipping_rates::merchant_id.eq(shop))
            .filter(shipping_rates::destination.eq("*"))
            .count()
            .get_result(&mut c)
            .unwrap();
        if has == 0 {
            builders::ship(&mut c, shop, "*", 1_500, (5, 9));
        }
    }
    let uid: i64 = builders::shopper(&mut c, email, "ru");
    let cart_id = cart::find_or_create(&mut c, &CartKey::User(uid), now).unwrap();
    for product in [f.it_bag, f.tr_bag] {
        let variant = builders::variant_of(&mut c, product);
        cart::set_quantity(&mut c, cart_id, variant, 1, now).unwrap();
    }
    let input = PlaceInput {
        user_id: uid,
        cart_id,
        token: token.into(),
        address: Address {
            user_id: uid,
            full_name: "Айгерим Сейткали".into(),
            line1: "пр. Абая, 52".into(),
            line2: String::new(),
            city: "Алматы".into(),
            postal_code: "050000".into(),
            country: "KZ".into(),
            phone: "+7 727 123 45 67".into(),
            updated_at: now,
        },
        payment: PaymentMethod::Card,
        card_offered: false,
        currency: Currency::Kzt,
        locale: Locale::Ru,
        tr: caravan::i18n::Translator::new(app.i18n.clone(), Locale::Ru),
    };
    let placed = place::place(&mut c, &input, &builders::rates(), None, now).unwrap();
    assert!(
        matches!(&placed, Placed::Created(n) if n.len() == 2),
        "{placed:?}"
    );
    (uid, token.into())
}

pub(crate) fn statuses(app: &TestApp, token: &str) -> Vec<String> {
    orders::table
        .filter(orders::checkout_token.eq(token))
        .order(orders::id)
        .select(orders::status)
        .load(&mut app.db.conn())
        .unwrap()
}

/// A card payment method on localstripe (what Stripe.js makes in the shopper's browser).
pub(crate) fn card(base: &str, number: &str) -> String {
    let mut res = ureq::post(&format!("{base}/v1/payment_methods"))
        .header("Authorization", "Bearer sk_test_caravan")
        .send_form([
            ("type", "card"),
            ("card[number]", number),
            ("card[exp_month]", "12"),
            ("card[exp_year]", "2030"),
            ("card[cvc]", "123"),
        ])
        .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap();
    v["id"].as_str().unwrap().to_string()
}

/// Pays a started payment with a payment method (what the payment page does after Stripe.js made the method).
pub(crate) fn pay(
    stripe: &Stripe,
    intent: &str,
    payment_method: &str,
) -> Result<caravan::payments::Intent, ProviderError> {
    stripe.confirm_intent(
        intent,
        payment_method,
        &format!("test-{intent}-{payment_method}"),
    )
}

fn event_body(id: &str, kind: &str, intent: &str) -> String {
    serde_json::json!({
        "id": id,
        "object": "event",
        "type": kind,
        "data": {"object": {"id": intent, "object": "payment_intent"}}
    })
    .to_string()
}

pub(crate) async fn post_webhook(
    app: &mut TestApp,
    body: &str,
    signature: Option<String>,
) -> crate::support::client::Page {
    let mut req = actix_web::test::TestRequest::post()
        .uri("/payments/stripe/webhook")
        .insert_header(("content-type", "application/json"))
        .set_payload(body.to_string());
    if let Some(s) = signature {
        req = req.insert_header(("stripe-signature", s));
    }
    app.client.send(req).await
}

/// Posts `body` signed as Stripe signs it, now.
pub(crate) async fn post_signed(app: &mut TestApp, body: &str) -> crate::support::client::Page {
    let signature = signature_header(WEBHOOK_SECRET, unix(app), body.as_bytes());
    post_webhook(app, body, Some(signature)).await
}

pub(crate) fn unix(app: &TestApp) -> i64 {
    app.clock.now().assume_utc().unix_timestamp()
}

#[actix_web::test]
async fn one_card_payment_pays_two_shops_orders_once_whichever_word_comes_first() {
    let Some(base) = localstripe() else { return };
    let mut app = app_with_stripe(&base).await;
    let f = builders::standard(&mut app.db.conn());
    let (uid, token) = card_checkout(&app, &f, "kz-two-shops");
    let stripe = Stripe::new(settings(&base));
    let now = app.clock.now();
    let totals: i64 = orders::table
        .filter(orders::checkout_token.eq(&token))
        .select(orders::total_minor)
        .load::<i64>(&mut app.db.conn())
        .unwrap()
        .iter()
        .sum();
    let begun = match service::begin(&mut app.db.conn(), &stripe, uid, &token, now).unwrap() {
        Ok(b) => b,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(
        begun.intent.amount_minor, totals,
        "one payment for both shops' orders"
    );
    assert_eq!(begun.intent.currency, Currency::Kzt);
    assert_eq!(begun.intent.status, IntentStatus::RequiresPaymentMethod);
    assert!(!begun.intent.client_secret.is_empty());
    let intent = begun.intent.id.clone();
    // A second start (a double submit, a reload) finds the same payment: no second intent.
    let again = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap();
    assert_eq!(again.intent.id, intent);
    assert_eq!(
        payments::table
            .count()
            .get_result::<i64>(&mut app.db.conn())
            .unwrap(),
        1
    );
    // A merchant cannot mark a card order paid by hand.
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    // The shopper pays with the test card; the webhook says so first.
    let paid = pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    assert_eq!(paid.status, IntentStatus::Succeeded);
    let body = event_body("evt_paid_1", "payment_intent.succeeded", &intent);
    let res = post_signed(&mut app, &body).await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(res.body, "paid");
    assert_eq!(statuses(&app, &token), vec!["paid"; 2]);
    let events_after_paid: i64 = order_events::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    // The same event again, another event about it, and the shopper's return: nothing more happens.
    let res = post_signed(&mut app, &body).await;
    assert_eq!((res.status.as_u16(), res.body.as_str()), (200, "replay"));
    let other = event_body("evt_paid_2", "payment_intent.succeeded", &intent);
    let res = post_signed(&mut app, &other).await;
    assert_eq!(
        (res.status.as_u16(), res.body.as_str()),
        (200, "already_paid")
    );
    let on_return = stripe.retrieve_intent(&intent).unwrap();
    assert_eq!(
        service::settle(&mut app.db.conn(), &on_return, now).unwrap(),
        Settled::AlreadyPaid
    );
    let events_now: i64 = order_events::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(events_now, events_after_paid, "paid once");
    let status: String = payments::table
        .select(payments::status)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(status, "succeeded");
    // The ledger: one sale per shop's order in the shop's currency, 10 % of the goods to the platform, every
    // transaction summing to zero, and the replays above added nothing.
    let sales: Vec<(i64, i64, String, i64, i64)> = orders::table
        .filter(orders::checkout_token.eq(&token))
        .order(orders::id)
        .select((
            orders::id,
            orders::merchant_id,
            orders::merchant_currency,
            orders::merchant_subtotal_minor,
            orders::merchant_shipping_minor,
        ))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(sales.len(), 2);
    for (_, shop, currency, goods, shipping) in &sales {
        let fee = caravan::payments::commission::commission(*goods, 1_000);
        assert_eq!(
            ledger_of(&app, *shop),
            vec![
                (
                    "merchant_pending".into(),
                    currency.clone(),
                    -(goods + shipping - fee)
                ),
                ("platform_commission".into(), currency.clone(), -fee),
                (
                    "provider_clearing".into(),
                    currency.clone(),
                    goods + shipping
                ),
            ]
        );
    }
    let transactions: i64 = caravan::db::schema::ledger_transactions::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(transactions, 2);
    // The Italian shop sees its pending balance and the sale on its statement, in euros and Italian.
    let (order, _, currency, goods, shipping) =
        sales.iter().find(|s| s.1 == f.it_shop).cloned().unwrap();
    let fee = caravan::payments::commission::commission(goods, 1_000);
    let cur = Currency::parse(&currency).unwrap();
    let i18n = app.i18n.clone();
    let money = |v: i64| {
        i18n.formatters
            .money(Locale::It, caravan::money::Money::new(v, cur))
    };
    let number: String = orders::table
        .find(order)
        .select(orders::number)
        .first(&mut app.db.conn())
        .unwrap();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let page = app.client.get("/it/merchant/payouts").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains(&format!(
        "<span class=\"tile-value\">{}</span> <span class=\"tile-label\">in attesa</span>",
        money(goods + shipping - fee)
    ));
    page.assert_contains(&format!(">{number}</a>"));
    page.assert_contains(&money(fee));
    page.assert_contains("Vendita (merce e spedizione, meno la commissione)");
    assert!(caravan::payments::ledger::unbalanced(&mut app.db.conn())
        .unwrap()
        .is_empty());
    // Kinds we do not act on are acknowledged and logged.
    let other = event_body("evt_refund_x", "charge.refund.updated", "ch_1");
    let res = post_signed(&mut app, &other).await;
    assert_eq!((res.status.as_u16(), res.body.as_str()), (200, "ignored"));
}

/// A card checkout of two shops' orders (see [`card_checkout`]) whose payment has started against localstripe.
pub(crate) struct Started {
    pub app: TestApp,
    pub stripe: Stripe,
    pub token: String,
    pub intent: String,
    pub now: time::PrimitiveDateTime,
    pub f: Fixture,
}

pub(crate) async fn started(base: &str, token: &str) -> Started {
    let app = app_with_stripe(base).await;
    let f = builders::standard(&mut app.db.conn());
    let (uid, token) = card_checkout(&app, &f, token);
    let stripe = Stripe::new(settings(base));
    let now = app.clock.now();
    let begun = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap();
    Started {
        intent: begun.intent.id,
        app,
        stripe,
        token,
        now,
        f,
    }
}

#[actix_web::test]
async fn the_return_settles_when_it_comes_before_the_webhook() {
    let Some(base) = localstripe() else { return };
    let Started {
        app,
        stripe,
        token,
        intent,
        now,
        ..
    } = started(&base, "kz-return-first").await;
    pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    let verified = stripe.retrieve_intent(&intent).unwrap();
    let settled = service::settle(&mut app.db.conn(), &verified, now).unwrap();
    assert!(
        matches!(&settled, Settled::Paid(ids) if ids.len() == 2),
        "{settled:?}"
    );
    assert_eq!(statuses(&app, &token), vec!["paid"; 2]);
}

#[actix_web::test]
async fn a_declined_card_leaves_the_orders_unpaid_and_the_reason_kept() {
    let Some(base) = localstripe() else { return };
    let Started {
        app,
        stripe,
        token,
        intent,
        now,
        ..
    } = started(&base, "kz-declined").await;
    // Stripe's test card that is refused when charged (localstripe refuses 4000 0000 0000 0002 only when it is
    // attached to a customer).
    let refused = pay(&stripe, &intent, &card(&base, "4000000000000341"));
    assert!(
        matches!(&refused, Err(ProviderError::Declined(code)) if code == "card_declined"),
        "{refused:?}"
    );
    let verified = stripe.retrieve_intent(&intent).unwrap();
    let settled = service::settle(&mut app.db.conn(), &verified, now).unwrap();
    assert_eq!(
        settled,
        Settled::Waiting(
            IntentStatus::RequiresPaymentMethod,
            Some("card_declined".into())
        )
    );
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    let code: String = payments::table
        .select(payments::failure_code)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(code, "card_declined");
}

#[actix_web::test]
async fn an_unreachable_or_silent_provider_changes_nothing_and_a_retry_charges_once() {
    let Some(base) = localstripe() else { return };
    let app = app_with_stripe(&base).await;
    let f = builders::standard(&mut app.db.conn());
    let (uid, token) = card_checkout(&app, &f, "kz-outage");
    let now = app.clock.now();
    // Nothing listens on the port: a network error.
    let down = Stripe::new(settings("http://127.0.0.1:9"));
    let res = service::begin(&mut app.db.conn(), &down, uid, &token, now).unwrap();
    assert!(
        matches!(res, Err(NotStarted::Provider(ProviderError::Network(_)))),
        "{:?}",
        res.err()
    );
    // A server that accepts and never answers: a timeout.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    let slow = Stripe::with_timeout(
        settings(&format!("http://{addr}")),
        Duration::from_millis(800),
    );
    let res = service::begin(&mut app.db.conn(), &slow, uid, &token, now).unwrap();
    assert!(
        matches!(res, Err(NotStarted::Provider(ProviderError::Timeout))),
        "{:?}",
        res.err()
    );
    drop(silent);
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    let refs: Vec<Option<String>> = payments::table
        .select(payments::provider_ref)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(refs, vec![None], "one payment row, no provider payment yet");
    // The provider is back: the same payment starts, once.
    let stripe = Stripe::new(settings(&base));
    let begun = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap();
    let again = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap();
    assert_eq!(begun.intent.id, again.intent.id);
    // Someone else's checkout token starts nothing.
    let res = service::begin(&mut app.db.conn(), &stripe, uid + 1_000, &token, now).unwrap();
    assert!(matches!(res, Err(NotStarted::NothingToPay)));
}

#[actix_web::test]
async fn webhooks_with_a_bad_signature_a_stale_time_or_no_header_are_refused() {
    let Some(base) = localstripe() else { return };
    let Started {
        mut app,
        stripe,
        token,
        intent,
        ..
    } = started(&base, "kz-forged").await;
    pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    let body = event_body("evt_forged", "payment_intent.succeeded", &intent);
    let t = unix(&app);
    for (what, sig) in [
        (
            "wrong secret",
            Some(signature_header("whsec_attacker", t, body.as_bytes())),
        ),
        (
            "ten minutes old",
            Some(signature_header(WEBHOOK_SECRET, t - 600, body.as_bytes())),
        ),
        ("no header", None),
        ("garbage", Some("t=abc,v1=zz".to_string())),
    ] {
        let res = post_webhook(&mut app, &body, sig).await;
        assert_eq!(res.status, 400, "{what}: {}", res.body);
    }
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
    assert_eq!(
        payment_events::table
            .count()
            .get_result::<i64>(&mut app.db.conn())
            .unwrap(),
        0
    );
    // The genuine event still pays.
    let res = post_webhook(
        &mut app,
        &body,
        Some(signature_header(WEBHOOK_SECRET, t, body.as_bytes())),
    )
    .await;
    assert_eq!((res.status.as_u16(), res.body.as_str()), (200, "paid"));
}

#[actix_web::test]
async fn a_webhook_the_provider_cannot_confirm_is_left_for_its_retry() {
    let Some(base) = localstripe() else { return };
    let mut app = app_with_stripe("http://127.0.0.1:9").await;
    let f = builders::standard(&mut app.db.conn());
    let (uid, token) = card_checkout(&app, &f, "kz-retry");
    let stripe = Stripe::new(settings(&base));
    let now = app.clock.now();
    let intent = service::begin(&mut app.db.conn(), &stripe, uid, &token, now)
        .unwrap()
        .unwrap()
        .intent
        .id;
    pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    // The app's provider is unreachable: the event is not recorded, so Stripe's retry is handled.
    let body = event_body("evt_retry", "payment_intent.succeeded", &intent);
    let res = post_signed(&mut app, &body).await;
    assert_eq!(res.status, 503, "{}", res.body);
    assert_eq!(
        payment_events::table
            .count()
            .get_result::<i64>(&mut app.db.conn())
            .unwrap(),
        0
    );
    assert_eq!(statuses(&app, &token), vec!["awaiting_payment"; 2]);
}

pub(crate) fn ledger_of(app: &TestApp, shop: i64) -> Vec<(String, String, i64)> {
    caravan::payments::ledger::balances(&mut app.db.conn(), shop).unwrap()
}

#[actix_web::test]
async fn staff_set_commissions_with_history_and_the_ledger_refuses_changes() {
    use caravan::db::schema::{audit_log, ledger_entries};
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as("boss@example.com", caravan::identity::model::Role::Staff)
        .await;
    let page = app.client.get("/ru/staff/commissions").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Ставка по умолчанию сейчас: 10,00 %");
    let csrf = page.input_value("csrf").unwrap();
    // 60 % and words are refused in Russian, with what was typed kept.
    for (typed, message) in [
        ("60", "Ставка должна быть от 0 до 50 %."),
        ("двенадцать", "Введите ставку числом, например 12,5."),
    ] {
        let shop = f.it_shop.to_string();
        let res = app
            .client
            .post_form(
                "/ru/staff/commissions",
                &[("csrf", &csrf), ("shop", &shop), ("rate", typed)],
            )
            .await;
        assert_eq!(res.status, 422, "{}", res.body);
        res.assert_contains(message);
        assert_eq!(res.input_value("rate").as_deref(), Some(typed));
    }
    // A shop value that is no approved shop is refused, and the default stays as it was.
    for bad in ["abc", "999999"] {
        let res = app
            .client
            .post_form(
                "/ru/staff/commissions",
                &[("csrf", &csrf), ("shop", bad), ("rate", "1")],
            )
            .await;
        assert_eq!(res.status, 422, "{}", res.body);
        res.assert_contains("Выберите один из вариантов.");
    }
    let shop = f.it_shop.to_string();
    let res = app
        .client
        .post_form(
            "/ru/staff/commissions",
            &[("csrf", &csrf), ("shop", &shop), ("rate", "12,5")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let now = app.clock.now();
    let later = now + time::Duration::seconds(1);
    let mut c = app.db.conn();
    assert_eq!(
        caravan::payments::commission::rate_at(&mut c, f.it_shop, later).unwrap(),
        1_250
    );
    assert_eq!(
        caravan::payments::commission::rate_at(&mut c, f.tr_shop, later).unwrap(),
        1_000
    );
    // Before it was set, the Italian shop paid the default.
    let before = now - time::Duration::hours(1);
    assert_eq!(
        caravan::payments::commission::rate_at(&mut c, f.it_shop, before).unwrap(),
        1_000
    );
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("commission.set"))
        .count()
        .get_result(&mut c)
        .unwrap();
    assert_eq!(audited, 1);
    drop(c);
    let page = app.client.get("/en/staff/commissions").await;
    page.assert_contains("12.50 %");
    // The ledger is append-only: a posting stays as written.
    let sale = caravan::payments::ledger::sale(caravan::payments::ledger::Sale {
        order: 0,
        shop: f.it_shop,
        payment: 0,
        currency: Currency::Eur,
        goods: 10_000,
        shipping: 1_500,
        platform_discount: 0,
        rate_bp: 1_250,
        vat: 0,
        goods_vat: 0,
    });
    let mut sale = sale;
    sale.order_id = None;
    sale.payment_id = None;
    caravan::payments::ledger::post(&mut app.db.conn(), &sale, now).unwrap();
    assert_eq!(
        ledger_of(&app, f.it_shop),
        vec![
            ("merchant_pending".into(), "EUR".into(), -10_250),
            ("platform_commission".into(), "EUR".into(), -1_250),
            ("provider_clearing".into(), "EUR".into(), 11_500),
        ]
    );
    let changed = diesel::update(ledger_entries::table)
        .set(ledger_entries::amount_minor.eq(0))
        .execute(&mut app.db.conn());
    assert!(changed.is_err(), "UPDATE refused");
    let deleted = diesel::delete(ledger_entries::table).execute(&mut app.db.conn());
    assert!(deleted.is_err(), "DELETE refused");
    assert!(caravan::payments::ledger::unbalanced(&mut app.db.conn())
        .unwrap()
        .is_empty());
    // Posting the same event again records nothing more.
    assert_eq!(
        caravan::payments::ledger::post(&mut app.db.conn(), &sale, now).unwrap(),
        caravan::payments::ledger::Posted::Already
    );
}

#[actix_web::test]
async fn a_payment_whose_difference_matches_no_cancelled_order_marks_nothing_paid() {
    let Some(base) = localstripe() else { return };
    let Started {
        mut app,
        stripe,
        token,
        intent,
        ..
    } = started(&base, "kz-cancelled").await;
    // An order of the checkout is cancelled after the payment started, and what it comes to does not account for
    // the difference (the guard for data that does not add up: nothing is guessed).
    let first: i64 = orders::table
        .filter(orders::checkout_token.eq(&token))
        .order(orders::id)
        .select(orders::id)
        .first(&mut app.db.conn())
        .unwrap();
    diesel::update(orders::table.find(first))
        .set((
            orders::status.eq("cancelled"),
            orders::total_minor.eq(orders::total_minor + 1),
        ))
        .execute(&mut app.db.conn())
        .unwrap();
    // …and if the old amount is paid anyway, nothing is marked paid and the payment says why.
    pay(&stripe, &intent, &card(&base, "4242424242424242")).unwrap();
    let body = event_body("evt_changed", "payment_intent.succeeded", &intent);
    let res = post_signed(&mut app, &body).await;
    assert_eq!((res.status.as_u16(), res.body.as_str()), (200, "mismatch"));
    assert_eq!(
        statuses(&app, &token),
        vec!["cancelled", "awaiting_payment"]
    );
    let code: String = payments::table
        .select(payments::failure_code)
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(code, "orders_changed");
    assert_eq!(
        caravan::db::schema::ledger_transactions::table
            .count()
            .get_result::<i64>(&mut app.db.conn())
            .unwrap(),
        0
    );
    // An event about a payment Stripe does not know is recorded, not retried.
    let body = event_body(
        "evt_stranger",
        "payment_intent.succeeded",
        "pi_NotOneOfOurs",
    );
    let res = post_signed(&mut app, &body).await;
    assert_eq!(
        (res.status.as_u16(), res.body.as_str()),
        (200, "unknown_payment")
    );
}
