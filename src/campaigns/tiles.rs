//! Tiles that announce campaigns (home page and `/promos`), and the lines they share with promo pages.

use super::model::{Phase, PromoRow};
use super::{repo, schedule};
use crate::http::page::PageCtx;
use crate::i18n::{Arg, Locale, Translator};
use crate::ids::PromoId;
use crate::routes;

pub struct PromoTile {
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub subtitle: String,
    pub url: String,
    pub hero: Option<(String, String)>,
    pub discount: String,
    pub when: String,
}

/// Where a campaign stands for the reader: "Starts in 3 days", "Ends in 2 days 4 hours" or "Ended on 12 Nov
/// 2026, 00:00" in `zone` (the shopper's market's).
pub fn when_line(tr: &Translator, p: &PromoRow, at: time::PrimitiveDateTime, zone: &str) -> String {
    match p.phase(at) {
        Phase::Upcoming => tr.t_args(
            "promo-starts-in",
            &[(
                "duration",
                Arg::Str(&schedule::time_left(tr, at, p.starts_at)),
            )],
        ),
        Phase::Live => tr.t_args(
            "promo-ends-in",
            &[(
                "duration",
                Arg::Str(&schedule::time_left(tr, at, p.ends_at)),
            )],
        ),
        Phase::Ended => tr.t_args(
            "promo-ended-on",
            &[("date", Arg::Str(&schedule::show_local(tr, p.ends_at, zone)))],
        ),
    }
}

pub fn discount_label(tr: &Translator, percent: i32) -> String {
    tr.t_args(
        "promo-discount",
        &[("percent", Arg::Num(i64::from(percent)))],
    )
}

/// Tiles for campaign lists (home page and `/promos`).
pub fn tiles(
    ctx: &PageCtx,
    rows: &[PromoRow],
    texts: &[crate::campaigns::model::PromoText],
    at: time::PrimitiveDateTime,
) -> Vec<PromoTile> {
    let l = ctx.locale;
    rows.iter()
        .filter_map(|p| {
            let own: Vec<crate::campaigns::model::PromoText> = texts
                .iter()
                .filter(|t| t.promo_id == p.id)
                .cloned()
                .collect();
            let t = repo::pick(&own, l)?;
            let tl = Locale::parse(&t.locale).filter(|x| *x != l);
            Some(PromoTile {
                title: t.title.clone(),
                title_lang: tl.map(Locale::code),
                subtitle: t.subtitle.clone(),
                url: routes::promo(l, &t.slug),
                hero: (!p.hero_thumb_path.is_empty())
                    .then(|| (routes::media(&p.hero_thumb_path), t.hero_alt.clone())),
                discount: discount_label(&ctx.tr, p.discount_percent),
                when: when_line(&ctx.tr, p, at, crate::zones::of_country(ctx.market.ship_to)),
            })
        })
        .collect()
}

/// The campaigns live at an instant, with their texts, for the home page's hero slot.
pub struct LiveCampaigns {
    pub rows: Vec<PromoRow>,
    pub texts: Vec<super::model::PromoText>,
    pub at: time::PrimitiveDateTime,
}

impl LiveCampaigns {
    pub fn read(
        c: &mut crate::db::DbConnection,
        at: time::PrimitiveDateTime,
        market: crate::geo::CountryCode,
        lang: Locale,
    ) -> diesel::QueryResult<Self> {
        let rows: Vec<PromoRow> = repo::current_for(c, at, market, lang)?
            .into_iter()
            .filter(|p| p.phase(at) == Phase::Live)
            .collect();
        let ids: Vec<PromoId> = rows.iter().map(|p| p.id).collect();
        let texts = repo::texts_of(c, &ids)?;
        Ok(Self { rows, texts, at })
    }

    pub fn tiles(&self, ctx: &PageCtx) -> Vec<PromoTile> {
        tiles(ctx, &self.rows, &self.texts, self.at)
    }
}
