//! Where a shop is paid: the owner gives the bank account on the payouts page (a form that keeps what was typed
//! and says per field what is wrong), sees it masked once saved, and every change is audited; another shop's
//! owner never sees it.

use caravan::db::schema::{audit_log, shop_bank_accounts};
use diesel::prelude::*;

use crate::support::{builders, TestApp};

#[actix_web::test]
async fn a_shop_gives_its_bank_account_checked_masked_and_audited() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as_owner("owner@bottega.example", f.it_shop)
        .await;
    let page = app.client.get("/en/merchant/payouts").await;
    page.assert_contains("You have not given a bank account yet.");
    let csrf = app.csrf().await;
    // A mistyped IBAN and a short BIC: the page again, as typed, with a message on each field.
    let bad = app
        .client
        .post_form(
            "/en/merchant/payouts/bank",
            &[
                ("csrf", &csrf),
                ("holder", "Bottega Rossi srl"),
                ("iban", "IT60 X054 2811 1010 0000 0123 457"),
                ("bic", "BPMO"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    bad.assert_contains("value=\"Bottega Rossi srl\"");
    bad.assert_contains("value=\"IT60 X054 2811 1010 0000 0123 457\"");
    bad.assert_contains("This is not a valid IBAN");
    bad.assert_contains("A BIC has 8 or 11 letters and digits");
    bad.assert_contains("id=\"f-iban-error\"");
    let none: i64 = shop_bank_accounts::table
        .count()
        .get_result(&mut app.db.conn())
        .unwrap();
    assert_eq!(none, 0);
    // Without the form's token nothing is saved.
    let forged = app
        .client
        .post_form(
            "/en/merchant/payouts/bank",
            &[
                ("holder", "Mallory"),
                ("iban", "TR330006100519786457841326"),
            ],
        )
        .await;
    assert_eq!(forged.status, 403);
    // Typed with spaces and in lower case: kept in its electronic form.
    let ok = app
        .client
        .post_form(
            "/en/merchant/payouts/bank",
            &[
                ("csrf", &csrf),
                ("holder", "Bottega Rossi srl"),
                ("iban", "it60 x054 2811 1010 0000 0123 456"),
                ("bic", "bpmoit22xxx"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let stored: (String, String) = shop_bank_accounts::table
        .find(f.it_shop)
        .select((shop_bank_accounts::iban, shop_bank_accounts::bic))
        .first(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        stored,
        ("IT60X0542811101000000123456".into(), "BPMOIT22XXX".into())
    );
    let page = app.client.get("/en/merchant/payouts").await;
    page.assert_contains("Your bank account was saved.");
    page.assert_contains("IT •••• 3456");
    page.assert_not_contains("0542811101000000123456");
    let audited: Vec<(String, String)> = audit_log::table
        .filter(audit_log::action.eq("shop.bank_account"))
        .select((audit_log::subject, audit_log::detail))
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(
        audited,
        vec![(
            format!("merchant#{}", f.it_shop),
            "IT •••• 3456".to_string()
        )]
    );
    // The Turkish shop's owner sees only their own (none).
    app.client.cookies.clear();
    app.sign_in_as_owner("owner@kayseri.example", f.tr_shop)
        .await;
    let theirs = app.client.get("/en/merchant/payouts").await;
    theirs.assert_contains("You have not given a bank account yet.");
    theirs.assert_not_contains("3456");
}
