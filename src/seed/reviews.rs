//! Demo reviews (`data/reviews-*.json`, written by native speakers' standards): each by an account of its own
//! that cannot sign in, from a ship-to country, some with the shop's reply. They carry no order line: the demo
//! has no order history to hang them on.

use std::collections::HashMap;

use diesel::QueryResult;
use serde::Deserialize;
use time::PrimitiveDateTime;

use crate::db::DbConnection;
use crate::identity::model::NewUser;
use crate::reviews::repo::{self, NewReview};

#[derive(Deserialize)]
struct Reply {
    lang: String,
    text: String,
}

#[derive(Deserialize)]
struct ReviewSeed {
    product: String,
    lang: String,
    country: String,
    name: String,
    initial: String,
    rating: i32,
    title: String,
    text: String,
    days_ago: i64,
    reply: Option<Reply>,
}

fn load() -> Result<Vec<ReviewSeed>, String> {
    let mut all = Vec::new();
    for (name, text) in [
        (
            "reviews-ru-tr.json",
            include_str!("data/reviews-ru-tr.json"),
        ),
        (
            "reviews-it-es.json",
            include_str!("data/reviews-it-es.json"),
        ),
    ] {
        let mut v: Vec<ReviewSeed> =
            serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        all.append(&mut v);
    }
    Ok(all)
}

/// A demo product: its id, its shop's and its title in the shop's language.
pub struct Reviewed {
    pub id: i64,
    pub merchant_id: i64,
    pub title: String,
}

/// Writes the demo reviews of `products` (by key) and recounts their ratings: how many were written.
pub fn seed(
    c: &mut DbConnection,
    products: &HashMap<String, Reviewed>,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    let seeds = load().map_err(|e| diesel::result::Error::QueryBuilderError(e.into()))?;
    let mut touched: Vec<(i64, i64)> = Vec::new();
    for (n, s) in seeds.iter().enumerate() {
        let Some(p) = products.get(&s.product) else {
            continue;
        };
        let at = now - time::Duration::days(s.days_ago) + time::Duration::minutes(n as i64);
        let email = format!("demo-buyer-{n}@example.com");
        let user = crate::identity::repo::insert(
            c,
            &NewUser {
                email_norm: email.clone(),
                email,
                display_name: s.name.clone(),
                // Not a password hash: these accounts can never sign in.
                password_hash: "!demo-reviewer".into(),
                role: "shopper".into(),
                locale: s.lang.clone(),
                created_at: at,
                updated_at: at,
                email_verified_at: Some(at),
            },
        )?;
        let (reply, reply_lang) = s
            .reply
            .as_ref()
            .map_or((String::new(), String::new()), |r| {
                (r.text.clone(), r.lang.clone())
            });
        repo::insert(
            c,
            &NewReview {
                product_id: p.id,
                merchant_id: p.merchant_id,
                user_id: user,
                order_line_id: None,
                product_title: p.title.clone(),
                rating: s.rating,
                title: s.title.clone(),
                body: s.text.clone(),
                lang: s.lang.clone(),
                country: s.country.clone(),
                author: format!("{} {}", s.name, s.initial),
                variant_label: String::new(),
                status: "visible".into(),
                hidden_reason: String::new(),
                reports: 0,
                replied_at: (!reply.is_empty()).then_some(at + time::Duration::days(1)),
                reply,
                reply_lang,
                created_at: at,
            },
        )?;
        touched.push((p.id, p.merchant_id));
    }
    touched.sort_unstable();
    touched.dedup();
    for (product, shop) in &touched {
        repo::recount(c, *product, *shop)?;
    }
    Ok(seeds.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_review_is_valid() {
        let all = super::load().unwrap();
        assert!(all.len() >= 300, "{}", all.len());
        for r in &all {
            assert!((1..=5).contains(&r.rating), "{}", r.product);
            assert!(crate::i18n::Locale::parse(&r.lang).is_some(), "{}", r.lang);
            assert!(
                crate::geo::SHIP_TO.iter().any(|c| c.as_str() == r.country),
                "{}",
                r.country
            );
            assert!(r.text.chars().count() <= crate::reviews::model::MAX_TEXT);
            assert!(!r.text.contains('<'), "{}", r.product);
        }
    }
}
