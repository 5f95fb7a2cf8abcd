use std::collections::HashMap;
use std::path::Path;

use diesel::prelude::*;

use super::{art, data};
use crate::accounts::service::{upsert_user, AccountSpec};
use crate::campaigns::model::CampaignText;
use crate::catalogue::model::ProductStatus;
use crate::catalogue::write::{add_image, create_category, create_product, set_rate, ProductDraft};
use crate::clock::system_now as now;
use crate::db::schema::merchants;
use crate::db::DbConnection;
use crate::geo::{CountryCode, ORIGINS};
use crate::i18n::{Locale, PerLocale};
use crate::identity::model::Role;
use crate::identity::password::Passwords;
use crate::merchants::write::{create_merchant, MerchantDraft};
use crate::money::{Currency, Money, Rates};
use crate::search::Analyzer;
use crate::shops::model::MerchantStatus;

/// Password of every demo account (printed by `serve --demo`).
/// The demo category whose goods (coffee, tea, sweets, pantry) take countries' reduced VAT rates.
const REDUCED_VAT_CATEGORY: &str = "food";

pub const DEMO_PASSWORD: &str = "caravan-demo-2026";
pub const DEMO_SHOPPER: &str = "shopper@caravan.test";
pub const DEMO_STAFF: &str = "staff@caravan.test";

/// The demo login of a shop's owner.
pub fn demo_merchant_email(shop_slug: &str) -> String {
    format!("{shop_slug}@caravan.test")
}

pub struct DemoReport {
    pub merchants: usize,
    pub categories: usize,
    pub products: usize,
    pub skipped: bool,
}

/// Demo exchange rates: units per 1 EUR, in micros.
pub const DEMO_RATES: [(Currency, i64); 7] = [
    (Currency::Eur, 1_000_000),
    (Currency::Rub, 98_500_000),
    (Currency::Try, 45_200_000),
    (Currency::Usd, 1_160_000),
    (Currency::Kzt, 590_000_000),
    (Currency::Gbp, 860_000),
    (Currency::Pln, 4_250_000),
];

fn texts(map: &HashMap<String, String>) -> impl Iterator<Item = (Locale, &str)> {
    Locale::ALL
        .into_iter()
        .filter_map(move |l| map.get(l.code()).map(|s| (l, s.as_str())))
}

/// Seeds rates, categories, merchants and products with images, unless merchants already exist.
pub fn seed_demo(
    conn: &mut DbConnection,
    media_dir: &Path,
    pw: &Passwords,
) -> Result<DemoReport, String> {
    let existing: i64 = merchants::table
        .count()
        .get_result(conn)
        .map_err(|e| e.to_string())?;
    if existing > 0 {
        return Ok(DemoReport {
            merchants: 0,
            categories: 0,
            products: 0,
            skipped: true,
        });
    }
    let categories = data::categories()?;
    let merchants_data = data::merchants()?;
    let shared_options = data::shared_options()?;
    let image_dir = media_dir.join("products");
    std::fs::create_dir_all(&image_dir)
        .map_err(|e| format!("cannot create {}: {e}", image_dir.display()))?;
    let analyzer = Analyzer::new();
    let mut rates = Rates::new();
    for (c, v) in DEMO_RATES {
        rates.set(c, v);
    }
    let t0 = now() - time::Duration::days(90);

    let account = |c: &mut DbConnection, email: &str, name: &str, role: Role, l: Locale| {
        upsert_user(
            c,
            pw,
            &AccountSpec {
                email,
                display_name: name,
                role,
                locale: l,
                password: DEMO_PASSWORD,
            },
            now(),
        )
        .map_err(|e| diesel::result::Error::QueryBuilderError(e.into()))
    };
    crate::db::write_tx::<_, diesel::result::Error, _>(conn, |c| {
        account(c, DEMO_SHOPPER, "Demo Shopper", Role::Shopper, Locale::En)?;
        account(c, DEMO_STAFF, "Demo Staff", Role::Staff, Locale::En)?;
        for (cur, v) in DEMO_RATES {
            // Rates are fresh (a day old), so the demo starts without a stale-rate warning.
            set_rate(c, cur, v, now() - time::Duration::days(1))?;
        }
        let mut cat_ids: HashMap<String, i64> = HashMap::new();
        let mut reviewed: HashMap<String, super::reviews::Reviewed> = HashMap::new();
        for (pos, cat) in categories.iter().enumerate() {
            let parent_id = cat.parent.as_ref().and_then(|p| cat_ids.get(p).copied());
            let names: Vec<(Locale, &str)> = texts(&cat.name).collect();
            let id = create_category(c, &cat.key, parent_id, pos as i32, &names)?;
            if cat.key == REDUCED_VAT_CATEGORY {
                crate::catalogue::write::set_reduced_vat(c, id, true)?;
            }
            cat_ids.insert(cat.key.clone(), id);
        }
        if super::variants::shared_ids(c)?.is_empty() {
            super::variants::seed_shared(c, &shared_options, now())?;
        }
        let shared = super::variants::shared_ids(c)?;
        let mut n_products = 0usize;
        for m in &merchants_data {
            let Some(country) = CountryCode::parse(&m.country) else {
                continue;
            };
            let currency = ORIGINS
                .iter()
                .find(|(cc, _)| *cc == country)
                .map(|(_, cur)| *cur)
                .unwrap_or(Currency::Eur);
            let original = Locale::parse(&m.original).unwrap_or(Locale::FALLBACK);
            let owner = account(
                c,
                &demo_merchant_email(&m.key),
                &m.name,
                Role::Merchant,
                original,
            )?;
            let merchant_id = create_merchant(
                c,
                &MerchantDraft {
                    slug: &m.key,
                    name: &m.name,
                    country,
                    city: &m.city,
                    currency,
                    status: MerchantStatus::Approved,
                    original_lang: original,
                    created_at: t0,
                    owner_user_id: Some(owner),
                    legal: (&m.legal_name, &m.tax_id, &m.address),
                    descriptions: texts(&m.description).collect(),
                },
            )?;
            demo_shipping(c, merchant_id, country, currency)?;
            for p in &m.products {
                let Some(category_id) = cat_ids.get(&p.category).copied() else {
                    continue;
                };
                // Spread listing times over 88 days, interleaving shops (stable across runs).
                let spread = p.key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                });
                let created = t0 + time::Duration::minutes((spread % (88 * 24 * 60)) as i64);
                let texts: Vec<(Locale, &str, &str)> = Locale::ALL
                    .into_iter()
                    .filter_map(|l| {
                        let t = p.title.get(l.code())?;
                        let d = p.description.get(l.code())?;
                        Some((l, t.as_str(), d.as_str()))
                    })
                    .collect();
                let id = create_product(
                    c,
                    &analyzer,
                    &rates,
                    &ProductDraft {
                        merchant_id,
                        category_id,
                        sku: p.sku.clone(),
                        price: Money::new(p.price, currency),
                        stock: p.stock,
                        status: ProductStatus::Active,
                        origin: country,
                        original_lang: original,
                        weight_grams: Some(p.weight_g),
                        created_at: created,
                        texts: texts.clone(),
                    },
                )?;
                if let Some(v) = &p.variants {
                    let demo = super::variants::DemoVariants {
                        product_id: id,
                        merchant_id,
                        sku: &p.sku,
                        price: Money::new(p.price, currency),
                        stock: p.stock,
                        weight_grams: Some(p.weight_g),
                    };
                    super::variants::seed_product(
                        c, &shared, &demo, v, &rates, &analyzer, created,
                    )?;
                }
                let file = format!("{}.svg", p.key);
                if let Err(e) = std::fs::write(
                    image_dir.join(&file),
                    art::product_svg(&p.motif, p.palette, id as u32),
                ) {
                    tracing::warn!(error = %e, "cannot write demo image");
                }
                let alts: Vec<(Locale, &str)> = texts.iter().map(|(l, t, _)| (*l, *t)).collect();
                add_image(c, id, 0, &format!("products/{file}"), (600, 600), &alts)?;
                reviewed.insert(
                    p.key.clone(),
                    super::reviews::Reviewed {
                        id,
                        merchant_id,
                        title: p.title.get(original.code()).cloned().unwrap_or_default(),
                    },
                );
                n_products += 1;
            }
        }
        demo_promos(c)?;
        super::reviews::seed(c, &reviewed, now())?;
        Ok(DemoReport {
            merchants: merchants_data.len(),
            categories: categories.len(),
            products: n_products,
            skipped: false,
        })
    })
    .and_then(|report| crate::db::analyze(conn).map(|_| report))
    .map_err(|e| e.to_string())
}

/// Demo shipping: cheap and fast at home, a flat rate to the rest of the world (amounts in the shop's
/// currency). Every fifth shop ships within Europe only, so "does not ship to …" can be seen in the demo.
fn demo_shipping(
    conn: &mut DbConnection,
    merchant_id: i64,
    home: crate::geo::CountryCode,
    currency: Currency,
) -> diesel::QueryResult<()> {
    use crate::shops::model::{ShippingRate, EVERYWHERE_ELSE};
    use diesel::prelude::*;
    let (domestic, abroad) = match currency {
        Currency::Rub => (35_000, 149_000),
        Currency::Try => (9_000, 69_000),
        _ => (490, 1_490),
    };
    let mut rows = vec![(home.as_str().to_string(), domestic, 1, 3)];
    if merchant_id % 5 == 0 {
        for cc in ["IT", "ES", "DE", "FR", "PT", "NL", "PL", "GB"] {
            if cc != home.as_str() {
                rows.push((cc.to_string(), abroad, 4, 9));
            }
        }
    } else {
        rows.push((EVERYWHERE_ELSE.to_string(), abroad, 5, 12));
    }
    for (destination, rate_minor, days_min, days_max) in rows {
        diesel::insert_into(crate::db::schema::shipping_rates::table)
            .values(&ShippingRate {
                merchant_id,
                destination,
                rate_minor,
                days_min,
                days_max,
            })
            .execute(conn)?;
    }
    Ok(())
}

/// Two demo campaigns: "Made in Italy week" live now (15% off Italian shops), and 11.11 announced for the
/// next 11 November (20% off everything from the four origins), each in all five languages.
fn demo_promos(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use crate::campaigns::model::Targets;
    use crate::promos::repo::{save, set_status, PromoInput};
    let t = now();
    let year = if (t.month(), t.day()) < (time::Month::November, 11) {
        t.year()
    } else {
        t.year() + 1
    };
    let eleven = time::Date::from_calendar_date(year, time::Month::November, 11)
        .map(|d| d.midnight())
        .unwrap_or(t);
    let text = |l: Locale, slug: &str, title: &str, subtitle: &str, body: &str| {
        (
            l,
            CampaignText {
                slug: slug.to_string(),
                title: title.to_string(),
                subtitle: subtitle.to_string(),
                body: body.to_string(),
                hero_alt: String::new(),
            },
        )
    };
    let campaigns = [
        (
            "Made in Italy week",
            15,
            t - time::Duration::days(2),
            t + time::Duration::days(5),
            Targets {
                origins: vec!["IT".into()],
                ..Targets::default()
            },
            vec![
                text(Locale::En, "made-in-italy-week", "Made in Italy week", "15% off every Italian shop", "Leather from Florence, ceramics from Deruta, coffee from Naples: **15% off** for one week."),
                text(Locale::Ru, "nedelya-sdelano-v-italii", "Неделя «Сделано в Италии»", "Скидка 15% во всех итальянских магазинах", "Кожа из Флоренции, керамика из Деруты, кофе из Неаполя: **скидка 15%** целую неделю."),
                text(Locale::Tr, "italyan-yapimi-haftasi", "İtalyan Yapımı Haftası", "Tüm İtalyan mağazalarında %15 indirim", "Floransa derisi, Deruta seramiği, Napoli kahvesi: bir hafta boyunca **%15 indirim**."),
                text(Locale::It, "settimana-made-in-italy", "Settimana del Made in Italy", "15% di sconto in tutti i negozi italiani", "Pelle di Firenze, ceramiche di Deruta, caffè di Napoli: **15% di sconto** per una settimana."),
                text(Locale::Es, "semana-hecho-en-italia", "Semana Hecho en Italia", "15 % de descuento en todas las tiendas italianas", "Cuero de Florencia, cerámica de Deruta, café de Nápoles: **15 % de descuento** durante una semana."),
            ],
        ),
        (
            "11.11",
            20,
            eleven,
            eleven + time::Duration::days(1),
            Targets {
                origins: vec!["RU".into(), "TR".into(), "IT".into(), "ES".into()],
                ..Targets::default()
            },
            vec![
                text(Locale::En, "11-11", "11.11 Singles' Day", "20% off across Caravan", "One day, every shop: **20% off** from four countries."),
                text(Locale::Ru, "11-11-rasprodazha", "Распродажа 11.11", "Скидка 20% во всём Caravan", "Один день, все магазины четырёх стран: **скидка 20%**."),
                text(Locale::Tr, "11-11-indirimleri", "11.11 İndirimleri", "Caravan genelinde %20 indirim", "Tek gün, dört ülkeden tüm mağazalar: **%20 indirim**."),
                text(Locale::It, "saldi-11-11", "Saldi 11.11", "20% di sconto su tutto Caravan", "Un giorno, tutti i negozi di quattro paesi: **20% di sconto**."),
                text(Locale::Es, "rebajas-11-11", "Rebajas 11.11", "20 % de descuento en todo Caravan", "Un día, todas las tiendas de cuatro países: **20 % de descuento**."),
            ],
        ),
    ];
    for (pos, (name, pct, starts, ends, targets, texts)) in campaigns.into_iter().enumerate() {
        let id = save(
            conn,
            None,
            &PromoInput {
                name: name.into(),
                discount_percent: pct,
                // The first campaign is the marketplace's own (it pays the discount); the others the shops'.
                funding: if pos == 0 {
                    crate::promos::repo::Funding::Platform
                } else {
                    crate::promos::repo::Funding::Shop
                },
                reach: crate::promos::repo::Reach::default(),
                starts_at: starts,
                ends_at: ends,
                time_zone: "UTC".into(),
                home_position: i32::try_from(pos).unwrap_or(0),
                targets,
                featured: vec![],
                texts: PerLocale::some(texts),
            },
            t,
        )?;
        set_status(conn, id, crate::campaigns::model::PromoStatus::Published, t)?;
    }
    Ok(())
}
