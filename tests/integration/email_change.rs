//! Changing the account's email address: the password is asked, the new address gets a confirmation link (mailed
//! to it, not to the old one), and the address changes only when the link is followed, once.

use caravan::config::MailTransport;
use caravan::db::schema::users;
use caravan::identity::model::Role;
use caravan::mail::transport::Mailer;
use caravan::mail::worker::pass;
use diesel::prelude::*;

use crate::support::TestApp;

fn email_of(app: &TestApp, id: i64) -> String {
    users::table
        .find(id)
        .select(users::email)
        .first(&mut app.db.conn())
        .unwrap()
}

#[actix_web::test]
async fn a_new_address_counts_once_its_link_is_followed() {
    let mut app = TestApp::new().await;
    app.sign_in_as("marta@old.example", Role::Shopper).await;
    let id: i64 = users::table
        .filter(users::email.eq("marta@old.example"))
        .select(users::id)
        .first(&mut app.db.conn())
        .unwrap();
    let csrf = app.csrf().await;
    // A wrong password: the account page again, the new address kept, a message on the password.
    let wrong = app
        .client
        .post_form(
            "/es/account/email",
            &[
                ("csrf", &csrf),
                ("new_email", "marta@new.example"),
                ("email_password", "nope"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    wrong.assert_contains("value=\"marta@new.example\"");
    wrong.assert_contains("id=\"f-email-password-error\"");
    // An earlier request to another address: its link dies when the later one is confirmed.
    let earlier = app
        .client
        .post_form(
            "/es/account/email",
            &[
                ("csrf", &csrf),
                ("new_email", "marta@elsewhere.example"),
                ("email_password", crate::support::TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(earlier.status, 303);
    let earlier_token = app.verification_token("marta@elsewhere.example");
    let ok = app
        .client
        .post_form(
            "/es/account/email",
            &[
                ("csrf", &csrf),
                ("new_email", "marta@new.example"),
                ("email_password", crate::support::TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(
        email_of(&app, id),
        "marta@old.example",
        "not before the link is followed"
    );
    // The link is mailed to the new address.
    let dir = app.db.config().data_dir.join("verify-mail");
    let files = Mailer::from_settings(&MailTransport::Files(dir.clone()))
        .unwrap()
        .unwrap();
    let env = crate::mail::env(&app);
    let token = app.verification_token("marta@new.example");
    pass(&mut app.db.conn(), &files, &env, app.clock.now()).unwrap();
    let mut to_new = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let raw = std::fs::read(e.path()).unwrap();
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let to = m
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string();
        assert_ne!(
            to, "marta@old.example",
            "the link goes to the new address only"
        );
        if to == "marta@new.example" {
            to_new.push(m.body_text(0).unwrap_or_default().to_string());
        }
    }
    assert_eq!(to_new.len(), 1);
    assert!(to_new[0].contains(&token));
    // Opening the link changes nothing (a mail scanner may open it); its button does.
    let url = format!("/es/verify-email/{token}");
    assert_eq!(app.client.get(&url).await.status, 200);
    assert_eq!(email_of(&app, id), "marta@old.example");
    let page = app.client.get(&url).await;
    let csrf = page.input_value("csrf").unwrap_or_default();
    let confirmed = app.client.post_form(&url, &[("csrf", &csrf)]).await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    assert_eq!(email_of(&app, id), "marta@new.example");
    // The old address is told; the earlier link no longer works.
    let told: Vec<String> = caravan::db::schema::notifications::table
        .filter(caravan::db::schema::notifications::kind.eq("email-changed"))
        .select(caravan::db::schema::notifications::payload)
        .load(&mut app.db.conn())
        .unwrap();
    assert_eq!(told.len(), 1);
    assert!(told[0].contains("marta@old.example") && told[0].contains("marta@new.example"));
    let earlier = format!("/es/verify-email/{earlier_token}");
    let page = app.client.get(&earlier).await;
    let csrf = page.input_value("csrf").unwrap_or_default();
    let dead = app.client.post_form(&earlier, &[("csrf", &csrf)]).await;
    assert_eq!(dead.status, 410);
    assert_eq!(email_of(&app, id), "marta@new.example");
    // Five tries an hour (three made above): then the form says to wait.
    for i in 0..2 {
        let res = app
            .client
            .post_form(
                "/es/account/email",
                &[
                    ("csrf", &csrf),
                    ("new_email", &format!("m{i}@x.example")),
                    ("email_password", "wrong"),
                ],
            )
            .await;
        assert_eq!(res.status, 422);
    }
    let limited = app
        .client
        .post_form(
            "/es/account/email",
            &[
                ("csrf", &csrf),
                ("new_email", "m9@x.example"),
                ("email_password", crate::support::TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(limited.status, 422);
    limited.assert_contains("id=\"f-new-email-error\"");
    // Once only.
    let page = app.client.get(&url).await;
    let csrf = page.input_value("csrf").unwrap_or_default();
    let again = app.client.post_form(&url, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, 410);
}
