//! The URLs `caravan::routes` builds lead to real pages: every GET route, as a visitor, a merchant and staff.

use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::identity::model::Role;
use caravan::routes::{self, staff_area};

use crate::support::builders;
use crate::support::TestApp;

async fn all_ok(app: &mut TestApp, urls: &[String]) {
    for u in urls {
        let res = app.client.get(u).await;
        assert_eq!(res.status, 200, "{u}");
    }
}

#[actix_web::test]
async fn shopper_urls_lead_to_pages() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    for l in Locale::ALL {
        let urls = [
            routes::home(l),
            routes::search(l, "bag"),
            routes::search_base(l),
            routes::origin(l, CountryCode::parse("IT").expect("IT")),
            routes::promos(l),
            routes::cart(l),
            routes::sign_in(l),
            routes::sign_up(l),
            routes::info(l, "about"),
            routes::info(l, "legal"),
            routes::report(l, f.it_bag),
        ];
        all_ok(&mut app, &urls).await;
    }
    let l = Locale::En;
    all_ok(
        &mut app,
        &[
            routes::category(l, "leather-bags"),
            routes::shop(l, "bottega-test"),
        ],
    )
    .await;
    // A product URL carries its slug: a wrong one redirects to the right one, which is a page.
    let res = app.client.get(&routes::product(l, f.it_bag, "x")).await;
    assert_eq!(res.status, 301);
    let own = res.location().unwrap_or_default();
    all_ok(&mut app, &[own]).await;
}

#[actix_web::test]
async fn account_merchant_and_staff_urls_lead_to_pages() {
    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    let l = Locale::Ru;
    app.sign_in_as_owner("owner@example.com", f.it_shop).await;
    let merchant = [
        routes::account(l),
        routes::orders(l),
        routes::merchant(l, ""),
        routes::merchant(l, "/products"),
        routes::merchant(l, "/products/new"),
        routes::merchant_product(l, f.it_bag, "edit"),
        routes::merchant(l, "/translations"),
        routes::merchant(l, "/promos"),
        routes::merchant(l, "/shipping"),
        routes::merchant(l, "/profile"),
        routes::merchant(l, "/import"),
        routes::merchant(l, "/orders"),
    ];
    all_ok(&mut app, &merchant).await;
    // Another shop's product is not found, whatever the URL.
    let other = routes::merchant_product(l, f.tr_bag, "edit");
    assert_eq!(app.client.get(&other).await.status, 404);

    let mut app = TestApp::new().await;
    let f = builders::standard(&mut app.db.conn());
    app.sign_in_as("boss@example.com", Role::Staff).await;
    let staff = [
        routes::staff(l, ""),
        staff_area::categories(l),
        staff_area::category(l, f.bags, ""),
        staff_area::promos(l, ""),
        staff_area::promos(l, "new"),
        staff_area::merchants(l),
        routes::staff(l, "/rates"),
        routes::staff(l, "/audit"),
        routes::staff(l, "/orders"),
        routes::staff(l, "/reports"),
        routes::staff(l, "/pages"),
        routes::staff(l, "/payments"),
        routes::staff(l, "/payouts"),
        routes::staff(l, "/commissions"),
    ];
    all_ok(&mut app, &staff).await;
}
