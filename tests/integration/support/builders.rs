//! Row builders: tests create exactly the catalogue they assert on, through the same write functions the app uses.

use caravan::catalogue::model::ProductStatus;
use caravan::catalogue::write::{
    add_image, create_category, create_product, set_rate, ProductDraft,
};
use caravan::clock::system_now as now;
use caravan::db::DbConnection;
use caravan::geo::CountryCode;
use caravan::i18n::Locale;
use caravan::merchants::write::{create_merchant, MerchantDraft};
use caravan::money::{Currency, Money, Rates};
use caravan::search::Analyzer;
use caravan::seed::DEMO_RATES;
use caravan::shops::model::MerchantStatus;

pub struct Fixture {
    pub leather: i64,
    pub bags: i64,
    pub ceramics: i64,
    pub it_shop: i64,
    pub tr_shop: i64,
    pub ru_shop: i64,
    pub es_shop: i64,
    pub it_bag: i64,
    pub tr_bag: i64,
    pub iznik_bowl: i64,
    pub apricots: i64,
    pub ru_bag: i64,
    pub es_cafe: i64,
    pub sold_out: i64,
}

/// Sets the stock of a product without options (its one variant and the product's total).
pub fn set_stock(conn: &mut DbConnection, product_id: i64, stock: i32) {
    use caravan::db::schema::{product_variants, products};
    use diesel::prelude::*;
    diesel::update(product_variants::table.filter(product_variants::product_id.eq(product_id)))
        .set(product_variants::stock.eq(stock))
        .execute(conn)
        .unwrap();
    diesel::update(products::table.find(product_id))
        .set(products::stock.eq(stock))
        .execute(conn)
        .unwrap();
}

/// Sets the price of a product without options (its one variant and the product's lowest price).
pub fn set_price(conn: &mut DbConnection, product_id: i64, minor: i64) {
    use caravan::db::schema::{product_variants, products};
    use diesel::prelude::*;
    diesel::update(product_variants::table.filter(product_variants::product_id.eq(product_id)))
        .set(product_variants::price_minor.eq(minor))
        .execute(conn)
        .unwrap();
    diesel::update(products::table.find(product_id))
        .set(products::price_minor.eq(minor))
        .execute(conn)
        .unwrap();
}

/// The one variant of a product without options.
pub fn variant_of(conn: &mut DbConnection, product_id: i64) -> i64 {
    use caravan::db::schema::product_variants;
    use diesel::prelude::*;
    product_variants::table
        .filter(product_variants::product_id.eq(product_id))
        .select(product_variants::id)
        .first(conn)
        .unwrap()
}

/// The variant with this SKU (any shop).
pub fn variant_of_sku(conn: &mut DbConnection, sku: &str) -> i64 {
    use caravan::db::schema::product_variants;
    use diesel::prelude::*;
    product_variants::table
        .filter(product_variants::sku.eq(sku))
        .select(product_variants::id)
        .first(conn)
        .unwrap()
}

/// A shopper account (no usable password) with this email and language; its id.
pub fn shopper(conn: &mut DbConnection, email: &str, locale: &str) -> i64 {
    use caravan::db::schema::users;
    use diesel::prelude::*;
    let now = caravan::clock::system_now();
    diesel::insert_into(users::table)
        .values((
            users::email.eq(email),
            users::email_norm.eq(email.to_lowercase()),
            users::display_name.eq("Shopper"),
            users::password_hash.eq("-"),
            users::role.eq("shopper"),
            users::locale.eq(locale),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::id)
        .get_result(conn)
        .unwrap()
}

pub fn rates() -> Rates {
    let mut r = Rates::new();
    for (c, v) in DEMO_RATES {
        r.set(c, v);
    }
    r
}

pub fn merchant(
    conn: &mut DbConnection,
    slug: &str,
    name: &str,
    cc: CountryCode,
    cur: Currency,
    lang: Locale,
) -> i64 {
    let legal_name = format!("{name} S.r.l.");
    create_merchant(
        conn,
        &MerchantDraft {
            slug,
            name,
            country: cc,
            city: "Città",
            currency: cur,
            status: MerchantStatus::Approved,
            original_lang: lang,
            created_at: now(),
            owner_user_id: None,
            legal: (&legal_name, "00743110157", "Via Roma 1, 50123"),
            descriptions: vec![
                (lang, "A small family workshop."),
                (Locale::En, "A small family workshop."),
            ],
        },
    )
    .expect("merchant")
}

pub struct P<'a> {
    pub merchant: i64,
    pub category: i64,
    pub origin: CountryCode,
    pub price: Money,
    pub stock: i32,
    pub lang: Locale,
    pub texts: Vec<(Locale, &'a str, &'a str)>,
    pub age_minutes: i64,
}

pub fn product(conn: &mut DbConnection, p: P<'_>) -> i64 {
    let sku = format!(
        "T-{}-{}",
        p.merchant,
        p.texts.first().map(|t| t.1.len()).unwrap_or(0) as i64 * 1000 + p.age_minutes
    );
    let id = create_product(
        conn,
        &Analyzer::new(),
        &rates(),
        &ProductDraft {
            merchant_id: p.merchant,
            category_id: p.category,
            sku,
            price: p.price,
            stock: p.stock,
            status: ProductStatus::Active,
            origin: p.origin,
            original_lang: p.lang,
            weight_grams: Some(500),
            created_at: now() - time::Duration::minutes(p.age_minutes),
            texts: p.texts,
        },
    )
    .expect("product");
    add_image(
        conn,
        id,
        0,
        &format!("products/t{id}.svg"),
        (600, 600),
        &[(Locale::En, "photo")],
    )
    .expect("image");
    id
}

/// A small catalogue covering every language, origin and the search cases.
pub fn standard(conn: &mut DbConnection) -> Fixture {
    let t0 = now() - time::Duration::days(10);
    for (c, v) in DEMO_RATES {
        set_rate(conn, c, v, t0).expect("rate");
    }
    let leather = create_category(
        conn,
        "leather",
        None,
        0,
        &[
            (Locale::En, "Leather goods"),
            (Locale::Ru, "Изделия из кожи"),
            (Locale::Tr, "Deri ürünler"),
            (Locale::It, "Pelletteria"),
            (Locale::Es, "Marroquinería"),
        ],
    )
    .expect("cat");
    let bags = create_category(
        conn,
        "leather-bags",
        Some(leather),
        0,
        &[
            (Locale::En, "Leather bags"),
            (Locale::Ru, "Кожаные сумки"),
            (Locale::Tr, "Deri çantalar"),
            (Locale::It, "Borse in pelle"),
            (Locale::Es, "Bolsos de piel"),
        ],
    )
    .expect("cat");
    let ceramics = create_category(
        conn,
        "ceramics",
        None,
        1,
        &[
            (Locale::En, "Ceramics"),
            (Locale::Ru, "Керамика"),
            (Locale::Tr, "Seramik"),
            (Locale::It, "Ceramiche"),
            (Locale::Es, "Cerámica"),
        ],
    )
    .expect("cat");
    let it_shop = merchant(
        conn,
        "bottega-test",
        "Bottega Test",
        CountryCode::IT,
        Currency::Eur,
        Locale::It,
    );
    let tr_shop = merchant(
        conn,
        "istanbul-test",
        "İstanbul Test",
        CountryCode::TR,
        Currency::Try,
        Locale::Tr,
    );
    let ru_shop = merchant(
        conn,
        "gzhel-test",
        "Гжель Тест",
        CountryCode::RU,
        Currency::Rub,
        Locale::Ru,
    );
    let es_shop = merchant(
        conn,
        "ubrique-test",
        "Ubrique Test",
        CountryCode::ES,
        Currency::Eur,
        Locale::Es,
    );
    let it_bag = product(
        conn,
        P {
            merchant: it_shop,
            category: bags,
            origin: CountryCode::IT,
            price: Money::new(18900, Currency::Eur),
            stock: 5,
            lang: Locale::It,
            texts: vec![
                (
                    Locale::It,
                    "Borsa in pelle fiorentina",
                    "Conciata al vegetale a Firenze.",
                ),
                (
                    Locale::En,
                    "Florentine leather bag",
                    "Vegetable-tanned in Florence.",
                ),
                (
                    Locale::Ru,
                    "Кожаная сумка из Флоренции",
                    "Кожа растительного дубления.",
                ),
                (
                    Locale::Tr,
                    "Floransa deri çanta",
                    "Bitkisel tabaklanmış deri.",
                ),
                (
                    Locale::Es,
                    "Bolso de cuero florentino",
                    "Curtido vegetal en Florencia.",
                ),
            ],
            age_minutes: 10,
        },
    );
    let tr_bag = product(
        conn,
        P {
            merchant: tr_shop,
            category: bags,
            origin: CountryCode::TR,
            price: Money::new(480000, Currency::Try),
            stock: 3,
            lang: Locale::Tr,
            texts: vec![
                (Locale::Tr, "Deri çanta İstanbul", "El yapımı."),
                (Locale::En, "Istanbul leather tote", "Handmade."),
            ],
            age_minutes: 20,
        },
    );
    let iznik_bowl = product(
        conn,
        P {
            merchant: tr_shop,
            category: ceramics,
            origin: CountryCode::TR,
            price: Money::new(145000, Currency::Try),
            stock: 8,
            lang: Locale::Tr,
            texts: vec![
                (Locale::Tr, "İznik çini kase", "Elde boyanmış."),
                (Locale::En, "Iznik tile bowl", "Hand-painted."),
            ],
            age_minutes: 30,
        },
    );
    let apricots = product(
        conn,
        P {
            merchant: tr_shop,
            category: ceramics,
            origin: CountryCode::TR,
            price: Money::new(32000, Currency::Try),
            stock: 40,
            lang: Locale::Tr,
            texts: vec![(Locale::Tr, "Iğdır kayısısı", "Güneşte kurutulmuş.")],
            age_minutes: 40,
        },
    );
    let ru_bag = product(
        conn,
        P {
            merchant: ru_shop,
            category: bags,
            origin: CountryCode::RU,
            price: Money::new(349000, Currency::Rub),
            stock: 2,
            lang: Locale::Ru,
            texts: vec![
                (Locale::Ru, "Кожаная сумка ручной работы", "Сшита вручную."),
                (Locale::En, "Handmade leather bag", "Hand-stitched."),
            ],
            age_minutes: 50,
        },
    );
    let es_cafe = product(
        conn,
        P {
            merchant: es_shop,
            category: ceramics,
            origin: CountryCode::ES,
            price: Money::new(1250, Currency::Eur),
            stock: 12,
            lang: Locale::Es,
            texts: vec![
                (
                    Locale::Es,
                    "Taza de café de Talavera",
                    "Cerámica pintada a mano.",
                ),
                (Locale::En, "Talavera coffee cup", "Hand-painted."),
            ],
            age_minutes: 60,
        },
    );
    let sold_out = product(
        conn,
        P {
            merchant: es_shop,
            category: bags,
            origin: CountryCode::ES,
            price: Money::new(9900, Currency::Eur),
            stock: 0,
            lang: Locale::Es,
            texts: vec![
                (Locale::Es, "Bolso de cuero agotado", "Sin existencias."),
                (Locale::En, "Sold out leather bag", "None left."),
            ],
            age_minutes: 70,
        },
    );
    Fixture {
        leather,
        bags,
        ceramics,
        it_shop,
        tr_shop,
        ru_shop,
        es_shop,
        it_bag,
        tr_bag,
        iznik_bowl,
        apricots,
        ru_bag,
        es_cafe,
        sold_out,
    }
}

/// A shipping rate of `shop` to `destination` (a country code, or "*" for everywhere else), in the shop's
/// currency's minor units, delivered in `days` (min, max).
pub fn ship(
    conn: &mut DbConnection,
    shop: i64,
    destination: &str,
    rate_minor: i64,
    days: (i32, i32),
) {
    use caravan::db::schema::shipping_rates;
    use diesel::prelude::*;
    diesel::insert_into(shipping_rates::table)
        .values((
            shipping_rates::merchant_id.eq(shop),
            shipping_rates::destination.eq(destination),
            shipping_rates::rate_minor.eq(rate_minor),
            shipping_rates::days_min.eq(days.0),
            shipping_rates::days_max.eq(days.1),
        ))
        .execute(conn)
        .expect("shipping rate");
}
