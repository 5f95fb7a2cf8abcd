//! The staff campaign form: as typed (and as a stored campaign fills it), and its checks, database ones
//! included (products exist, slugs free).

use super::repo::{self, Funding, PromoInput, Reach};
use crate::campaigns::model::{CampaignText, PromoRow, PromoText, Targets};
use crate::campaigns::schedule::{self, ZONES};
use crate::catalogue::write::slugify;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::geo::CountryCode;
use crate::geo::ORIGINS;
use crate::http::forms::{normalize, FormErrors};
use crate::i18n::{Locale, PerLocale};
use crate::ids::PromoId;

/// Who may pay a campaign's discount: the shops (their prices are lowered), the marketplace, or both in parts.
pub const FUNDERS: [&str; 3] = ["shop", "platform", "split"];

/// The campaign's switches (checkboxes named `flag`).
pub const FLAGS: [&str; 2] = ["local_times", "open_to_merchants"];

/// The campaign form as typed.
#[derive(Debug, Clone, Default)]
pub struct FormInput {
    pub name: String,
    pub discount: String,
    /// `shop`, `platform` or `split`: who pays the discount.
    pub funded_by: String,
    /// With `split`: the marketplace's percent of the discount.
    pub platform_share: String,
    /// Ship-to markets and languages the campaign is for (none: everyone).
    pub markets: Vec<String>,
    pub languages: Vec<String>,
    /// Checked [`FLAGS`].
    pub flags: Vec<String>,
    pub starts: String,
    pub ends: String,
    pub time_zone: String,
    pub home_position: String,
    pub origins: Vec<String>,
    pub merchants: Vec<String>,
    pub categories: Vec<String>,
    pub products: String,
    pub featured: String,
    pub texts: PerLocale<CampaignText>,
}

impl FormInput {
    /// A new campaign's form: 20 % off, in the staff language's usual zone.
    pub fn blank(l: Locale) -> Self {
        FormInput {
            discount: "20".into(),
            funded_by: FUNDERS[0].into(),
            time_zone: schedule::default_zone(l).into(),
            home_position: "0".into(),
            ..FormInput::default()
        }
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = FormInput {
            ..Default::default()
        };
        for (k, v) in pairs {
            match k.as_str() {
                "name" => f.name = v.clone(),
                "discount" => f.discount = v.clone(),
                "funded_by" => f.funded_by = v.clone(),
                "platform_share" => f.platform_share = v.clone(),
                "market" => f.markets.push(v.clone()),
                "language" => f.languages.push(v.clone()),
                "flag" => f.flags.push(v.clone()),
                "starts" => f.starts = v.clone(),
                "ends" => f.ends = v.clone(),
                "time_zone" => f.time_zone = v.clone(),
                "home_position" => f.home_position = v.clone(),
                "origin" => f.origins.push(v.clone()),
                "merchant" => f.merchants.push(v.clone()),
                "category" => f.categories.push(v.clone()),
                "products" => f.products = v.clone(),
                "featured" => f.featured = v.clone(),
                other => {
                    let Some((field, code)) = other.rsplit_once('_') else {
                        continue;
                    };
                    let Some(l) = Locale::parse(code) else {
                        continue;
                    };
                    let t = f.texts.get_mut(l);
                    let slot = match field {
                        "slug" => &mut t.slug,
                        "title" => &mut t.title,
                        "subtitle" => &mut t.subtitle,
                        "body" => &mut t.body,
                        "alt" => &mut t.hero_alt,
                        _ => continue,
                    };
                    *slot = v.clone();
                }
            }
        }
        if f.funded_by.is_empty() {
            // A form without the choice (an older page): the shops pay, as before.
            f.funded_by = FUNDERS[0].into();
        }
        f
    }

    pub fn from_stored(
        p: &PromoRow,
        texts: &[PromoText],
        t: &Targets,
        featured: &[i64],
        explicit_products: &[i64],
    ) -> Self {
        let ids = |v: &[i64]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        FormInput {
            name: p.name.clone(),
            discount: p.discount_percent.to_string(),
            funded_by: p.funded_by.clone(),
            platform_share: if p.funded_by == "split" {
                p.platform_share.to_string()
            } else {
                String::new()
            },
            markets: p
                .market_list()
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
            languages: p
                .language_list()
                .iter()
                .map(|l| l.code().to_string())
                .collect(),
            flags: [(p.local_times, FLAGS[0]), (p.open_to_merchants, FLAGS[1])]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, f)| f.to_string())
                .collect(),
            starts: if p.local_times {
                p.starts_local.clone()
            } else {
                schedule::utc_to_local_input(p.starts_at, &p.time_zone)
            },
            ends: if p.local_times {
                p.ends_local.clone()
            } else {
                schedule::utc_to_local_input(p.ends_at, &p.time_zone)
            },
            time_zone: p.time_zone.clone(),
            home_position: p.home_position.to_string(),
            origins: t.origins.clone(),
            merchants: ids(&t.merchants),
            categories: ids(&t.categories),
            products: ids(explicit_products).join(", "),
            featured: ids(featured).join(", "),
            texts: PerLocale::from_fn(|l| {
                texts
                    .iter()
                    .find(|x| x.locale == l.code())
                    .map(CampaignText::of)
                    .unwrap_or_default()
            }),
        }
    }
}

fn id_list(raw: &str) -> Option<Vec<i64>> {
    let mut out = Vec::new();
    for part in raw
        .split([',', ' ', '\n', ';'])
        .filter(|s| !s.trim().is_empty())
    {
        let id = part.trim().parse::<i64>().ok()?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Some(out)
}

/// Checks the form; database checks (products exist, slugs free) included.
pub fn validate(
    c: &mut DbConnection,
    f: &FormInput,
    id: Option<PromoId>,
) -> AppResult<Result<PromoInput, FormErrors>> {
    let mut e = FormErrors::default();
    let name = normalize(&f.name);
    e.check_len("name", &name, true, 120);
    let discount = f
        .discount
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (1..=90).contains(d));
    if discount.is_none() {
        e.add("discount", "promo-discount-invalid");
    }
    if !FUNDERS.contains(&f.funded_by.as_str()) {
        e.add("funded_by", "form-invalid-choice");
    }
    let funding = match f.funded_by.as_str() {
        "platform" => Some(Funding::Platform),
        "split" => {
            let share = f
                .platform_share
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|p| (1..=99).contains(p));
            if share.is_none() {
                e.add("platform_share", "promo-share-invalid");
            }
            share.map(Funding::Split)
        }
        _ => Some(Funding::Shop),
    };
    let reach = Reach {
        markets: f
            .markets
            .iter()
            .filter_map(|m| CountryCode::parse(m))
            .filter(|m| crate::geo::SHIP_TO.contains(m))
            .collect(),
        languages: f
            .languages
            .iter()
            .filter_map(|l| Locale::parse(l))
            .collect(),
        local_times: f.flags.iter().any(|x| x == FLAGS[0]),
        open_to_merchants: f.flags.iter().any(|x| x == FLAGS[1]),
    };
    let zone = ZONES.iter().find(|z| **z == f.time_zone).copied();
    if zone.is_none() {
        e.add("time_zone", "promo-zone-invalid");
    }
    let tz = zone.unwrap_or("UTC");
    let starts = schedule::local_to_utc(&f.starts, tz);
    let ends = schedule::local_to_utc(&f.ends, tz);
    if starts.is_none() {
        e.add("starts", "promo-date-invalid");
    }
    if ends.is_none() {
        e.add("ends", "promo-date-invalid");
    }
    if let (Some(s), Some(en)) = (starts, ends) {
        if en <= s {
            e.add("ends", "promo-ends-before-start");
        }
    }
    let home_position = if f.home_position.trim().is_empty() {
        Some(0)
    } else {
        f.home_position
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|p| (0..=999).contains(p))
    };
    if home_position.is_none() {
        e.add("home_position", "promo-position-invalid");
    }
    let origins: Vec<String> = f
        .origins
        .iter()
        .filter(|o| ORIGINS.iter().any(|(cc, _)| cc.as_str() == o.as_str()))
        .cloned()
        .collect();
    let merchants: Vec<i64> = f.merchants.iter().filter_map(|m| m.parse().ok()).collect();
    let categories: Vec<i64> = f.categories.iter().filter_map(|m| m.parse().ok()).collect();
    let products = id_list(&f.products);
    let featured = id_list(&f.featured);
    match &products {
        None => e.add("products", "promo-ids-invalid"),
        Some(p) if crate::catalogue::repo::existing_count(c, p)? != p.len() => {
            e.add("products", "promo-ids-unknown")
        }
        _ => {}
    }
    match &featured {
        None => e.add("featured", "promo-ids-invalid"),
        Some(p) if crate::catalogue::repo::existing_count(c, p)? != p.len() => {
            e.add("featured", "promo-ids-unknown")
        }
        _ => {}
    }
    let mut texts = PerLocale::from_fn(|_| None);
    for (l, typed) in f.texts.iter() {
        let (title, subtitle, body, alt) = (
            normalize(&typed.title),
            normalize(&typed.subtitle),
            typed.body.trim().to_string(),
            normalize(&typed.hero_alt),
        );
        let slug = &typed.slug;
        let code = l.code();
        if title.is_empty() {
            if l == Locale::FALLBACK {
                e.add(&format!("title_{code}"), "promo-title-en-required");
            }
            continue;
        }
        e.check_len(&format!("title_{code}"), &title, true, 120);
        e.check_len(&format!("subtitle_{code}"), &subtitle, false, 240);
        e.check_len(&format!("body_{code}"), &body, false, 20_000);
        e.check_len(&format!("alt_{code}"), &alt, false, 200);
        let slug = slugify(if slug.trim().is_empty() { &title } else { slug });
        if repo::slug_taken(c, l, &slug, id)? {
            e.add(&format!("slug_{code}"), "promo-slug-taken");
        }
        *texts.get_mut(l) = Some(CampaignText {
            slug,
            title,
            subtitle,
            body,
            hero_alt: alt,
        });
    }
    Ok(
        match (
            e.is_empty(),
            discount.zip(funding),
            starts,
            ends,
            home_position,
            products,
            featured,
        ) {
            (
                true,
                Some((d, funding)),
                Some(s),
                Some(en),
                Some(pos),
                Some(products),
                Some(featured),
            ) => Ok(PromoInput {
                name,
                discount_percent: d,
                funding,
                reach,
                starts_at: s,
                ends_at: en,
                time_zone: tz.to_string(),
                home_position: pos,
                targets: Targets {
                    origins,
                    merchants,
                    categories,
                    products,
                },
                featured,
                texts,
            }),
            _ => Err(e),
        },
    )
}
