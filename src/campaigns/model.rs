//! Campaign rows.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::*;
pub use crate::ids::PromoId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = promos)]
pub struct PromoRow {
    pub id: PromoId,
    pub name: String,
    pub status: PromoStatus,
    pub discount_percent: i32,
    pub starts_at: PrimitiveDateTime,
    pub ends_at: PrimitiveDateTime,
    pub time_zone: String,
    pub hero_path: String,
    pub hero_thumb_path: String,
    pub home_position: i32,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    /// `shop` or `platform`: who pays the discount.
    pub funded_by: String,
}

/// Whether shoppers can see a campaign, stored as its text code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum PromoStatus {
    Draft,
    Published,
}

impl PromoStatus {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Self::Draft),
            "published" => Some(Self::Published),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Published => "published",
        }
    }
}

crate::stored_as_text!(PromoStatus);

impl PromoRow {
    pub fn published(&self) -> bool {
        self.status == PromoStatus::Published
    }

    /// Where the campaign stands at `at`.
    pub fn phase(&self, at: PrimitiveDateTime) -> Phase {
        if at < self.starts_at {
            Phase::Upcoming
        } else if at < self.ends_at {
            Phase::Live
        } else {
            Phase::Ended
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Upcoming,
    Live,
    Ended,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = promo_translations)]
pub struct PromoText {
    pub promo_id: PromoId,
    pub locale: String,
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    pub body: String,
    pub hero_alt: String,
}

/// What a campaign applies to: a product matches when any of its origin, shop, category (or an ancestor)
/// or id is listed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Targets {
    pub origins: Vec<String>,
    pub merchants: Vec<i64>,
    pub categories: Vec<i64>,
    pub products: Vec<i64>,
}

impl Targets {
    pub fn is_empty(&self) -> bool {
        self.origins.is_empty()
            && self.merchants.is_empty()
            && self.categories.is_empty()
            && self.products.is_empty()
    }
}

/// A campaign's texts in one language, as staff write them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignText {
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    /// Markdown.
    pub body: String,
    pub hero_alt: String,
}

impl CampaignText {
    /// The texts of a stored translation.
    pub fn of(t: &PromoText) -> Self {
        Self {
            slug: t.slug.clone(),
            title: t.title.clone(),
            subtitle: t.subtitle.clone(),
            body: t.body.clone(),
            hero_alt: t.hero_alt.clone(),
        }
    }

    /// The stored translation of campaign `promo_id` in `l`.
    pub fn row(&self, promo_id: PromoId, l: crate::i18n::Locale) -> PromoText {
        PromoText {
            promo_id,
            locale: l.code().to_string(),
            slug: self.slug.clone(),
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            body: self.body.clone(),
            hero_alt: self.hero_alt.clone(),
        }
    }
}
