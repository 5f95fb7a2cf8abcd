//! Payouts after buyer protection, through the staff and merchant pages: staff batch every available balance in a
//! currency above a minimum (never the same balance twice), export the batch for the bank and mark it paid once;
//! the shop sees it paid out and downloads its statement; staff find the payment by reference, order or shop.
//! The ledger sums to zero throughout.

use caravan::db::schema::{audit_log, ledger_transactions, orders, payout_batches};
use caravan::identity::model::Role;
use caravan::orders::manage::{act, Viewer};
use caravan::orders::model::Action;
use caravan::payments::worker::pass;
use diesel::prelude::*;
use time::Duration;

use crate::payments::{ledger_of, localstripe, Started};
use crate::refunds::paid;
use crate::support::TestApp;

fn owed(app: &TestApp, shop: i64, account: &str) -> i64 {
    ledger_of(app, shop)
        .iter()
        .filter(|(a, _, _)| a == account)
        .map(|(_, _, v)| -v)
        .sum()
}

fn transactions(app: &TestApp) -> i64 {
    ledger_transactions::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn staff_pay_out_what_buyer_protection_released_once() {
    let Some(base) = localstripe() else { return };
    let Started {
        mut app,
        token,
        intent,
        now,
        f,
        ..
    } = paid(&base, "kz-payout").await;
    let numbers: Vec<(i64, String)> = orders::table
        .filter(orders::checkout_token.eq(&token))
        .select((orders::merchant_id, orders::number))
        .load(&mut app.db.conn())
        .unwrap();
    for (shop, number) in &numbers {
        for action in [
            Action::MarkShipped {
                tracking: "RR123456785XX".into(),
                carrier: "other".into(),
            },
            Action::MarkDelivered,
        ] {
            act(
                &mut app.db.conn(),
                Viewer::Merchant(*shop),
                1,
                number,
                &action,
                now,
            )
            .unwrap()
            .unwrap();
        }
    }
    let later = now + Duration::days(15);
    let p = pass(&mut app.db.conn(), None, Duration::days(14), later).unwrap();
    assert_eq!(p.released, 2);
    let it_available = owed(&app, f.it_shop, "merchant_available");
    assert!(it_available > 0);
    app.sign_in_as("staff@example.com", Role::Staff).await;
    let page = app.client.get("/en/staff/payouts").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("1 shop");
    // More than anyone has: refused with the reason, nothing batched.
    let csrf = app.csrf().await;
    let res = app
        .client
        .post_form(
            "/en/staff/payouts",
            &[
                ("csrf", &csrf),
                ("currency", "EUR"),
                ("minimum", "1,000,000"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    res.assert_contains("No shop has at least this much");
    res.assert_contains("value=\"1,000,000\"");
    let res = app
        .client
        .post_form(
            "/en/staff/payouts",
            &[("csrf", &csrf), ("currency", "EUR"), ("minimum", "10")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(owed(&app, f.it_shop, "merchant_available"), 0);
    assert_eq!(owed(&app, f.it_shop, "merchant_in_payout"), it_available);
    assert!(
        owed(&app, f.tr_shop, "merchant_available") > 0,
        "TRY waits for its own batch"
    );
    // The same balance is not batched twice.
    let again = app
        .client
        .post_form(
            "/en/staff/payouts",
            &[("csrf", &csrf), ("currency", "EUR"), ("minimum", "")],
        )
        .await;
    assert_eq!(again.status, 422);
    let batch: i64 = payout_batches::table
        .select(payout_batches::id)
        .first(&mut app.db.conn())
        .unwrap();
    // The Italian shop gave its bank account: the bank file carries it whole.
    let someone: i64 = caravan::db::schema::users::table
        .select(caravan::db::schema::users::id)
        .first(&mut app.db.conn())
        .unwrap();
    let account = caravan::shops::bank::check(&caravan::shops::bank::BankForm {
        holder: "Bottega Rossi srl".into(),
        iban: "IT60 X054 2811 1010 0000 0123 456".into(),
        bic: "BPMOIT22XXX".into(),
    })
    .unwrap();
    caravan::shops::bank::save(&mut app.db.conn(), f.it_shop, &account, someone, now).unwrap();
    let csv = app
        .client
        .get(&format!("/en/staff/payouts/{batch}/export.csv"))
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    let amount =
        caravan::money::Money::new(it_available, caravan::money::Currency::Eur).plain_decimal();
    assert!(
        csv.body.contains(&format!(
            ",Bottega Test,IT,Bottega Rossi srl,IT60X0542811101000000123456,BPMOIT22XXX,EUR,{amount}"
        )),
        "{}",
        csv.body
    );
    // Marked paid once.
    let before = transactions(&app);
    for expected in [
        "The batch is marked paid.",
        "This batch was already marked paid.",
    ] {
        let res = app
            .client
            .post_form(
                &format!("/en/staff/payouts/{batch}/paid"),
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status, 303);
        app.client
            .get("/en/staff/payouts")
            .await
            .assert_contains(expected);
    }
    assert_eq!(transactions(&app), before + 1);
    assert_eq!(owed(&app, f.it_shop, "merchant_in_payout"), 0);
    assert_eq!(owed(&app, f.it_shop, "merchant_paid_out"), it_available);
    let audited: Vec<String> = audit_log::table
        .filter(audit_log::action.like("payout.%"))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(audited, vec!["payout.batch", "payout.paid"]);
    // Staff find the payment by its reference, an order number and the shop's name.
    let it_number = &numbers.iter().find(|(s, _)| *s == f.it_shop).unwrap().1;
    for q in [intent.as_str(), it_number.as_str(), "bottega"] {
        let page = app.client.get(&format!("/en/staff/payments?q={q}")).await;
        assert_eq!(page.status, 200);
        page.assert_contains(it_number);
    }
    // The shop sees the payout and downloads its statement.
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let mine = app.client.get("/en/merchant/payouts").await;
    mine.assert_contains(&format!(
        "<span class=\"tile-value\">{}</span> <span class=\"tile-label\">paid out</span>",
        app.i18n.formatters.money(
            caravan::i18n::Locale::En,
            caravan::money::Money::new(it_available, caravan::money::Currency::Eur)
        )
    ));
    let (from, to) = (
        now.date() - Duration::days(1),
        later.date() + Duration::days(1),
    );
    let file = app
        .client
        .get(&format!(
            "/en/merchant/payouts/statement.csv?from={from}&to={to}"
        ))
        .await;
    assert_eq!(file.status, 200, "{}", file.body);
    for kind in [",sale,", ",release,", ",payout,", ",payout_paid,"] {
        assert!(file.body.contains(kind), "{kind}: {}", file.body);
    }
    assert!(
        file.body.contains(&format!(",EUR,-{amount},")),
        "{}",
        file.body
    );
    let bad = app
        .client
        .get("/en/merchant/payouts/statement.csv?from=2026-12-31&to=2026-01-01")
        .await;
    // The payouts page again, the dates kept, the message on the end date.
    assert_eq!(bad.status, 422, "{}", bad.body);
    bad.assert_contains("value=\"2026-12-31\"");
    bad.assert_contains("The end date is before the start date.");
    bad.assert_contains("id=\"f-to-error\"");
    let typo = app
        .client
        .get("/en/merchant/payouts/statement.csv?from=31.12.2026&to=")
        .await;
    assert_eq!(typo.status, 422);
    typo.assert_contains("id=\"f-from-error\"");
    assert!(caravan::payments::ledger::unbalanced(&mut app.db.conn())
        .unwrap()
        .is_empty());
}
