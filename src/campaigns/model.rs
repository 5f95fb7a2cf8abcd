//! Campaign rows.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::*;
use crate::geo::CountryCode;
use crate::i18n::Locale;
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
    /// `shop`, `platform` or `split`: who pays the discount.
    pub funded_by: String,
    /// Ship-to markets that see the campaign (`ES,IT,DE`; empty: every market).
    pub markets: String,
    /// Shopper languages that see it (`ru,en`; empty: every language).
    pub languages: String,
    /// The typed start and end hold in each market's own zone (`starts_local`, `ends_local`); `starts_at` and
    /// `ends_at` then hold the earliest start and the latest end over the markets.
    pub local_times: bool,
    pub starts_local: String,
    pub ends_local: String,
    /// Shops may join with their own products at `discount_percent` or more.
    pub open_to_merchants: bool,
    /// Percent of the campaign's discount the marketplace pays when `funded_by` is `split`.
    pub platform_share: i32,
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

    /// The markets the campaign is for (none listed: every market).
    pub fn market_list(&self) -> Vec<CountryCode> {
        self.markets
            .split(',')
            .filter_map(CountryCode::parse)
            .collect()
    }

    /// The languages the campaign is for (none listed: every language).
    pub fn language_list(&self) -> Vec<Locale> {
        self.languages
            .split(',')
            .filter_map(Locale::parse)
            .collect()
    }

    /// Whether shoppers shipping to `market` and reading `lang` see the campaign at all.
    pub fn admits(&self, market: CountryCode, lang: Locale) -> bool {
        let markets = self.market_list();
        let languages = self.language_list();
        (markets.is_empty() || markets.contains(&market))
            && (languages.is_empty() || languages.contains(&lang))
    }

    /// The start and end instants for shoppers shipping to `market`: with local times, the typed wall-clock
    /// times in that market's zone (see [`crate::zones::of_country`]).
    pub fn window(&self, market: CountryCode) -> (PrimitiveDateTime, PrimitiveDateTime) {
        self.window_in(crate::zones::of_country(market))
    }

    /// The start and end instants in time zone `zone` (IANA): with local times, the typed wall-clock times
    /// there.
    fn window_in(&self, zone: &str) -> (PrimitiveDateTime, PrimitiveDateTime) {
        if !self.local_times {
            return (self.starts_at, self.ends_at);
        }
        match (
            super::schedule::local_in_zone(&self.starts_local, zone),
            super::schedule::local_in_zone(&self.ends_local, zone),
        ) {
            (Some(s), Some(e)) => (s, e),
            _ => (self.starts_at, self.ends_at),
        }
    }

    /// The campaign as shoppers of `market` meet it: its start and end are that market's.
    pub fn in_market(&self, market: CountryCode) -> PromoRow {
        let (starts_at, ends_at) = self.window(market);
        PromoRow {
            starts_at,
            ends_at,
            ..self.clone()
        }
    }

    /// Every distinct window: `None` for a campaign with one start and end for everyone, else one per time zone
    /// its shoppers are in (the listed markets' zones, or every zone markets are placed in when none is listed,
    /// UTC among them for destinations without a zone of their own; see [`crate::zones::of_country`]).
    pub fn windows(&self) -> Vec<(Option<&'static str>, PrimitiveDateTime, PrimitiveDateTime)> {
        if !self.local_times {
            return vec![(None, self.starts_at, self.ends_at)];
        }
        let markets = self.market_list();
        let mut zones: Vec<&'static str> = if markets.is_empty() {
            crate::zones::CHOICES.to_vec()
        } else {
            markets.into_iter().map(crate::zones::of_country).collect()
        };
        zones.sort_unstable();
        zones.dedup();
        zones
            .into_iter()
            .map(|z| {
                let (s, e) = self.window_in(z);
                (Some(z), s, e)
            })
            .collect()
    }

    /// How much of the campaign's discount the marketplace pays, in percent × percent: its funding share of the
    /// campaign's own percent. A line at `p` percent off has `platform_points / (p × 100)` of its discount paid
    /// by the marketplace; a shop that joined at a deeper discount gives up the rest itself.
    pub fn platform_points(&self) -> i64 {
        let share = match self.funded_by.as_str() {
            "platform" => 100,
            "split" => i64::from(self.platform_share.clamp(0, 100)),
            _ => 0,
        };
        i64::from(self.discount_percent) * share
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
