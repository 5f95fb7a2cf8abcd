//! The staff campaign pages: the list and the form with its choices (shops, categories, zones, languages).

use super::form::FormInput;
use super::views::{CheckGroup, Finder, PromoLangSection, StaffPromoForm, StaffPromoLine};
use crate::backoffice::staff::StaffChrome;
use crate::campaigns::model::{PromoRow, PromoText};
use crate::campaigns::schedule::{self, ZONES};
use crate::geo::ORIGINS;
use crate::http::forms::{summary, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::i18n::Locale;
use crate::ids::PromoId;
use crate::routes;

/// `/{l}/staff/promos`, and a campaign's pages under it.
pub fn base(l: Locale) -> String {
    routes::staff(l, "/promos")
}

pub fn edit_url(l: Locale, id: PromoId) -> String {
    format!("{}/{id}/edit", base(l))
}

fn rfc3339(at: time::PrimitiveDateTime) -> String {
    at.assume_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// One line per campaign: status, where it stands, its window in its zone, and a preview at its start.
pub fn lines(
    ctx: &PageCtx,
    rows: &[PromoRow],
    texts: &[PromoText],
    at: time::PrimitiveDateTime,
) -> Vec<StaffPromoLine> {
    let l = ctx.locale;
    rows.iter()
        .map(|p| {
            let own: Vec<PromoText> = texts
                .iter()
                .filter(|t| t.promo_id == p.id)
                .cloned()
                .collect();
            StaffPromoLine {
                id: p.id,
                name: p.name.clone(),
                status: ctx.t(&format!("promo-status-{}", p.status)),
                phase: crate::campaigns::tiles::when_line(&ctx.tr, p, at, &p.time_zone),
                window: window(ctx, p),
                discount: crate::campaigns::tiles::discount_label(&ctx.tr, p.discount_percent),
                edit_url: edit_url(l, p.id),
                analytics_url: crate::routes::staff_area::promo(l, p.id, "analytics"),
                preview_url: super::repo::pick(&own, l)
                    .map(|t| format!("{}?at={}", routes::promo(l, &t.slug), rfc3339(p.starts_at))),
            }
        })
        .collect()
}

/// The audience checkboxes: ship-to markets, languages, and the switches (local times, open to merchants).
fn audience_groups(ctx: &PageCtx, f: &FormInput) -> Vec<CheckGroup> {
    vec![
        CheckGroup {
            legend: ctx.t("promo-audience-markets"),
            name: "market",
            options: crate::geo::SHIP_TO
                .iter()
                .map(|cc| Choice {
                    value: cc.as_str().to_string(),
                    label: ctx.country_name(cc),
                    selected: f.markets.iter().any(|m| m == cc.as_str()),
                })
                .collect(),
        },
        CheckGroup {
            legend: ctx.t("promo-audience-languages"),
            name: "language",
            options: Locale::ALL
                .iter()
                .map(|l| Choice {
                    value: l.code().to_string(),
                    label: l.autonym().to_string(),
                    selected: f.languages.iter().any(|x| x == l.code()),
                })
                .collect(),
        },
        CheckGroup {
            legend: ctx.t("promo-options"),
            name: "flag",
            options: super::form::FLAGS
                .iter()
                .map(|flag| Choice {
                    value: (*flag).to_string(),
                    label: ctx.t(&format!("promo-flag-{}", flag.replace('_', "-"))),
                    selected: f.flags.iter().any(|x| x == flag),
                })
                .collect(),
        },
    ]
}

/// The exact start and end instants the form gives each market (as typed, before saving): in the market's own
/// zone and in UTC. Without local times every market shares one instant.
fn instants(ctx: &PageCtx, f: &FormInput) -> Vec<(String, String, String)> {
    let local = f.flags.iter().any(|x| x == super::form::FLAGS[0]);
    let mut markets: Vec<crate::geo::CountryCode> = f
        .markets
        .iter()
        .filter_map(|m| crate::geo::CountryCode::parse(m))
        .collect();
    // For every market, the destinations without a zone of their own start at UTC's midnight too.
    let everywhere = markets.is_empty();
    if everywhere {
        markets = crate::geo::SHIP_TO.to_vec();
    }
    let at = |typed: &str, zone: &str| {
        if local {
            schedule::local_in_zone(typed, zone)
        } else {
            schedule::local_to_utc(typed, &f.time_zone)
        }
    };
    let both = |utc: time::PrimitiveDateTime, zone: &str| {
        format!(
            "{} · {}",
            schedule::show(&ctx.tr, utc, zone),
            schedule::show(&ctx.tr, utc, "UTC")
        )
    };
    let mut rows: Vec<(String, String, String)> = markets
        .iter()
        .filter_map(|m| {
            let zone = crate::zones::of_country(*m);
            let (s, e) = (at(&f.starts, zone)?, at(&f.ends, zone)?);
            Some((ctx.country_name(m), both(s, zone), both(e, zone)))
        })
        .collect();
    if everywhere && local {
        if let (Some(s), Some(e)) = (at(&f.starts, "UTC"), at(&f.ends, "UTC")) {
            rows.push((
                ctx.t("promo-instants-elsewhere"),
                both(s, "UTC"),
                both(e, "UTC"),
            ));
        }
    }
    rows
}

/// A campaign's start and end for the staff list: in its zone, or the wall-clock times every market keeps.
fn window(ctx: &PageCtx, p: &PromoRow) -> String {
    if p.local_times {
        // A wall-clock time read in UTC is itself: shown as typed.
        let civil = |s: &str| {
            schedule::local_in_zone(s, "UTC")
                .map(|t| ctx.tr.i18n().formatters.date_time(ctx.locale, t))
                .unwrap_or_default()
        };
        return ctx.tr.t_args(
            "promo-window-local",
            &[
                ("start", crate::i18n::Arg::Str(&civil(&p.starts_local))),
                ("end", crate::i18n::Arg::Str(&civil(&p.ends_local))),
            ],
        );
    }
    format!(
        "{} → {}",
        schedule::show(&ctx.tr, p.starts_at, &p.time_zone),
        schedule::show(&ctx.tr, p.ends_at, &p.time_zone)
    )
}

/// The edit page with a product search: what was searched and the products found, to add with checkboxes.
pub fn with_finder(
    mut page: StaffPromoForm,
    found: Option<super::views::Found>,
    id: PromoId,
) -> StaffPromoForm {
    let l = page.ctx.locale;
    page.finder = Finder {
        action: edit_url(l, id),
        add_url: routes::staff_area::promo(l, id, "add"),
        searched: found.is_some(),
        found: found.unwrap_or_default(),
    };
    page
}

/// The promo page as shoppers of `market` (none: staff's own) see it at `at`.
pub fn preview_url(l: Locale, slug: &str, at: time::PrimitiveDateTime, market: &str) -> String {
    let base = format!("{}?at={}", routes::promo(l, slug), rfc3339(at));
    if market.is_empty() {
        base
    } else {
        format!("{base}&market={market}")
    }
}

/// A stored campaign on its edit page: id, published, hero URL, slug per language.
pub struct Stored {
    pub id: PromoId,
    pub published: bool,
    pub hero: Option<String>,
    pub slugs: Vec<(Locale, String)>,
}

pub struct Choices {
    pub merchants: Vec<(i64, String)>,
    pub categories: Vec<(i64, String)>,
}

#[allow(clippy::too_many_arguments)]
pub fn form_page(
    ctx: PageCtx,
    chrome: StaffChrome,
    heading: String,
    action: String,
    f: &FormInput,
    errors: &FormErrors,
    ch: &Choices,
    stored: Option<Stored>,
    hero_error: Option<String>,
) -> StaffPromoForm {
    let zones = ZONES
        .iter()
        .map(|z| Choice {
            value: (*z).to_string(),
            label: (*z).to_string(),
            selected: f.time_zone == *z,
        })
        .collect();
    let fields = vec![
        Field::new(&ctx, "name", "text", &f.name, errors)
            .label(ctx.t("promo-field-name"))
            .max(120),
        Field::new(&ctx, "discount", "number", &f.discount, errors)
            .label(ctx.t("promo-field-discount"))
            .max(2),
        Field::new(&ctx, "funded_by", "select", &f.funded_by, errors)
            .label(ctx.t("promo-field-funded-by"))
            .hint(ctx.t("promo-field-funded-by-hint"))
            .options(
                super::form::FUNDERS
                    .iter()
                    .map(|v| Choice {
                        value: (*v).to_string(),
                        label: ctx.t(&format!("promo-funded-{v}")),
                        selected: f.funded_by == *v,
                    })
                    .collect(),
            ),
        Field::new(&ctx, "platform_share", "number", &f.platform_share, errors)
            .label(ctx.t("promo-field-platform-share"))
            .hint(ctx.t("promo-field-platform-share-hint"))
            .max(2)
            .optional(),
        Field::new(&ctx, "starts", "datetime-local", &f.starts, errors)
            .label(ctx.t("promo-field-starts"))
            .max(16),
        Field::new(&ctx, "ends", "datetime-local", &f.ends, errors)
            .label(ctx.t("promo-field-ends"))
            .max(16),
        Field::new(&ctx, "time_zone", "select", &f.time_zone, errors)
            .label(ctx.t("promo-field-zone"))
            .options(zones),
        Field::new(&ctx, "home_position", "number", &f.home_position, errors)
            .label(ctx.t("promo-field-position"))
            .hint(ctx.t("promo-field-position-hint"))
            .max(3)
            .optional(),
    ];
    let targets = vec![
        CheckGroup {
            legend: ctx.t("promo-target-origins"),
            name: "origin",
            options: ORIGINS
                .iter()
                .map(|(cc, _)| Choice {
                    value: cc.as_str().to_string(),
                    label: ctx.country_name(cc),
                    selected: f.origins.iter().any(|o| o == cc.as_str()),
                })
                .collect(),
        },
        CheckGroup {
            legend: ctx.t("promo-target-merchants"),
            name: "merchant",
            options: ch
                .merchants
                .iter()
                .map(|(id, n)| Choice {
                    value: id.to_string(),
                    label: n.clone(),
                    selected: f.merchants.contains(&id.to_string()),
                })
                .collect(),
        },
        CheckGroup {
            legend: ctx.t("promo-target-categories"),
            name: "category",
            options: ch
                .categories
                .iter()
                .map(|(id, n)| Choice {
                    value: id.to_string(),
                    label: n.clone(),
                    selected: f.categories.contains(&id.to_string()),
                })
                .collect(),
        },
    ];
    let audience = audience_groups(&ctx, f);
    let instants = instants(&ctx, f);
    let target_fields = vec![
        Field::new(&ctx, "products", "text", &f.products, errors)
            .label(ctx.t("promo-target-products"))
            .hint(ctx.t("promo-ids-hint"))
            .max(2000)
            .optional(),
        Field::new(&ctx, "featured", "text", &f.featured, errors)
            .label(ctx.t("promo-featured-ids"))
            .hint(ctx.t("promo-ids-hint"))
            .max(2000)
            .optional(),
    ];
    let preview_slugs = stored.as_ref().map(|s| s.slugs.clone()).unwrap_or_default();
    let starts_utc = schedule::local_to_utc(&f.starts, &f.time_zone);
    let languages = Locale::ALL
        .iter()
        .map(|l| {
            let t = f.texts.get(*l);
            let (slug, title, subtitle, body, alt) =
                (&t.slug, &t.title, &t.subtitle, &t.body, &t.hero_alt);
            let c = l.code();
            let opt = |fl: Field| {
                if *l == Locale::FALLBACK {
                    fl
                } else {
                    fl.optional()
                }
            };
            PromoLangSection {
                code: c,
                name: l.autonym(),
                preview_url: preview_slugs.iter().find(|(x, _)| x == l).map(|(_, s)| {
                    let at = starts_utc.map(rfc3339).unwrap_or_default();
                    format!("{}?at={}", crate::routes::promo(*l, s), at)
                }),
                fields: vec![
                    opt(
                        Field::new(&ctx, &format!("title_{c}"), "text", title, errors)
                            .label(ctx.t("promo-field-title"))
                            .max(120)
                            .lang(c),
                    ),
                    Field::new(&ctx, &format!("subtitle_{c}"), "text", subtitle, errors)
                        .label(ctx.t("promo-field-subtitle"))
                        .max(240)
                        .lang(c)
                        .optional(),
                    Field::new(&ctx, &format!("body_{c}"), "textarea", body, errors)
                        .label(ctx.t("promo-field-body"))
                        .hint(ctx.t("promo-field-body-hint"))
                        .max(20_000)
                        .lang(c)
                        .optional(),
                    Field::new(&ctx, &format!("slug_{c}"), "text", slug, errors)
                        .label(ctx.t("product-slug"))
                        .hint(ctx.t("product-slug-hint"))
                        .max(80)
                        .optional(),
                    Field::new(&ctx, &format!("alt_{c}"), "text", alt, errors)
                        .label(ctx.t("promo-field-alt"))
                        .max(200)
                        .lang(c)
                        .optional(),
                ],
            }
        })
        .collect();
    StaffPromoForm {
        heading,
        action,
        fields,
        targets,
        target_fields,
        audience,
        instants,
        finder: super::views::Finder::default(),
        preview_langs: Locale::ALL
            .iter()
            .map(|x| Choice {
                value: x.code().to_string(),
                label: x.autonym().to_string(),
                selected: *x == ctx.locale,
            })
            .collect(),
        preview_markets: crate::geo::SHIP_TO
            .iter()
            .map(|m| Choice {
                value: m.as_str().to_string(),
                label: ctx.country_name(m),
                selected: false,
            })
            .collect(),
        preview_at: starts_utc
            .map(|t| schedule::input_in_zone(t, ctx.staff_zone()))
            .unwrap_or_default(),
        languages,
        summary: summary(&ctx, errors),
        stored: stored.map(|s| (s.id, s.published, s.hero)),
        hero_error,
        chrome,
        ctx,
    }
}
