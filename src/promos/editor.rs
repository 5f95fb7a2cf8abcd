//! What staff do to campaigns: save the form, publish or withdraw, duplicate, delete a draft, replace the hero
//! image. Every change is audited; changes shoppers may see go through the catalogue write path.

use actix_web::web;
use time::PrimitiveDateTime;

use super::form::{validate, FormInput};
use super::repo::{self, PromoInput};
use super::staff_views::{Choices, Stored};
use crate::audit;
use crate::campaigns::model::{CampaignText, PromoStatus};
use crate::campaigns::model::{PromoRow, PromoText, Targets};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::forms::FormErrors;
use crate::http::state::AppState;
use crate::http::upload::FilePart;
use crate::i18n::{Locale, PerLocale};
use crate::ids::PromoId;
use crate::media::{self, UploadError, PRODUCT_SIZES};

/// The shops and categories a campaign can target, in the staff language.
pub fn choices(c: &mut DbConnection, l: Locale) -> AppResult<Choices> {
    let merchants = crate::shops::repo::approved_names(c)?;
    let tree = crate::catalogue::service::tree_now(c)?;
    let categories = tree
        .visible()
        .map(|n| {
            let path: Vec<String> = tree.path(n.id).iter().map(|x| x.name(l)).collect();
            (n.id, path.join(" › "))
        })
        .collect();
    Ok(Choices {
        merchants,
        categories,
    })
}

/// Saves the form as campaign `id` (a new one for `None`): its id, or the errors with the choices to show
/// the form again.
pub fn save(
    c: &mut DbConnection,
    id: Option<PromoId>,
    f: &FormInput,
    actor: i64,
    now: PrimitiveDateTime,
    l: Locale,
) -> AppResult<Result<PromoId, (FormErrors, Choices)>> {
    if let Some(id) = id {
        repo::by_id(c, id)?;
    }
    match validate(c, f, id)? {
        Ok(input) => {
            let saved = repo::save(c, id, &input, now)?;
            audit::record(c, actor, "promo.save", &input.name, "", now)?;
            Ok(Ok(saved))
        }
        Err(e) => Ok(Err((e, choices(c, l)?))),
    }
}

/// A campaign on its edit page: the form as stored, the choices, and what the page shows besides.
pub struct Editing {
    pub form: FormInput,
    pub choices: Choices,
    pub stored: Stored,
}

pub fn editing(c: &mut DbConnection, id: PromoId, l: Locale) -> AppResult<Editing> {
    let p = repo::by_id(c, id)?;
    let texts = repo::texts(c, id)?;
    let targets = repo::targets(c, id)?;
    let featured = repo::featured(c, id)?;
    let form = FormInput::from_stored(&p, &texts, &targets, &featured, &targets.products);
    let slugs = Locale::ALL
        .iter()
        .filter_map(|x| repo::pick(&texts, *x).map(|t| (*x, t.slug.clone())))
        .collect();
    let hero = (!p.hero_thumb_path.is_empty()).then(|| crate::routes::media(&p.hero_thumb_path));
    Ok(Editing {
        form,
        choices: choices(c, l)?,
        stored: Stored {
            id,
            published: p.published(),
            hero,
            slugs,
        },
    })
}

/// Products, shops and categories whose names have every word of `q` in any language (accents and case
/// ignored; products through the search index), at most 30 of each.
pub fn find(c: &mut DbConnection, q: &str, l: Locale) -> AppResult<super::views::Found> {
    use crate::i18n::{fold_for_search, lowercase};
    let fold = |s: &str| fold_for_search(&lowercase(s, l));
    let words: Vec<String> = q.split_whitespace().map(fold).collect();
    let hit = |name: &str| {
        let n = fold(name);
        !words.is_empty() && words.iter().all(|w| n.contains(w.as_str()))
    };
    let shops = crate::shops::repo::approved_names(c)?
        .into_iter()
        .filter(|(_, name)| hit(name))
        .take(30)
        .collect();
    let tree = crate::catalogue::service::tree_now(c)?;
    let categories = tree
        .visible()
        .filter(|n| Locale::ALL.iter().any(|x| hit(&n.name(*x))))
        .take(30)
        .map(|n| {
            let path: Vec<String> = tree.path(n.id).iter().map(|x| x.name(l)).collect();
            (n.id, path.join(" › "))
        })
        .collect();
    Ok(super::views::Found {
        q: q.to_string(),
        products: crate::catalogue::service::find_products(c, q, l, 30)?,
        shops,
        categories,
    })
}

/// What staff ticked in a search's results.
#[derive(Debug, Clone, Default)]
pub struct Picks {
    pub products: Vec<i64>,
    pub shops: Vec<i64>,
    pub categories: Vec<i64>,
}

impl Picks {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let ids = |name: &str| -> Vec<i64> {
            let mut v: Vec<i64> = pairs
                .iter()
                .filter(|(k, _)| k == name)
                .filter_map(|(_, v)| v.parse().ok())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Picks {
            products: ids("product"),
            shops: ids("merchant"),
            categories: ids("category"),
        }
    }
}

/// Adds what was ticked to campaign `id`'s targets (audited): how many were new. Unknown products are refused.
pub fn add_picks(
    c: &mut DbConnection,
    id: PromoId,
    picked: &Picks,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<usize> {
    let p = repo::by_id(c, id)?;
    let existing = crate::catalogue::repo::existing_count(c, &picked.products)?;
    if existing != picked.products.len() {
        return Err(AppError::new(crate::error::ErrorCode::BadRequest));
    }
    let added = repo::add_targets(c, id, "product", &picked.products)?
        + repo::add_targets(c, id, "merchant", &picked.shops)?
        + repo::add_targets(c, id, "category", &picked.categories)?;
    audit::record(
        c,
        actor,
        "promo.targets",
        &p.name,
        &format!("{added} added"),
        now,
    )?;
    Ok(added)
}

/// Publishes or withdraws: `Some(message id)` when a campaign cannot be published yet (no targets, no English
/// title).
pub fn set_status(
    c: &mut DbConnection,
    id: PromoId,
    to: PromoStatus,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<Option<&'static str>> {
    let p = repo::by_id(c, id)?;
    if to == PromoStatus::Published {
        if repo::targets(c, id)?.is_empty() && !p.open_to_merchants {
            return Ok(Some("promo-targets-required"));
        }
        let texts = repo::texts(c, id)?;
        if !texts.iter().any(|x| x.locale == Locale::FALLBACK.code()) {
            return Ok(Some("promo-title-en-required"));
        }
    }
    repo::set_status(c, id, to, now)?;
    audit::record(c, actor, &format!("promo.{to}"), &p.name, "", now)?;
    Ok(None)
}

/// A draft copy of campaign `id` (same targets, audience, texts under new slugs, hero), its window `years`
/// later (0: the same; 1: last year's campaign as this year's): its id.
pub fn duplicate(
    c: &mut DbConnection,
    id: PromoId,
    years: i32,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<PromoId> {
    let p = repo::by_id(c, id)?;
    let texts = repo::texts(c, id)?;
    let mut input = copy_of(&p, &texts, repo::targets(c, id)?, repo::featured(c, id)?);
    input.starts_at = later(input.starts_at, years, &p.time_zone);
    input.ends_at = later(input.ends_at, years, &p.time_zone);
    let new_id = repo::save(c, None, &input, now)?;
    repo::set_hero(c, new_id, &p.hero_path, &p.hero_thumb_path)?;
    audit::record(c, actor, "promo.duplicate", &p.name, "", now)?;
    Ok(new_id)
}

/// The same wall-clock time in `zone`, `years` later (29 February becomes 28 February).
fn later(t: PrimitiveDateTime, years: i32, zone: &str) -> PrimitiveDateTime {
    use crate::campaigns::schedule::{local_in_zone, utc_to_local_input};
    let typed = utc_to_local_input(t, zone);
    if let (Some(rest), Ok(y)) = (typed.get(4..), typed.get(..4).unwrap_or("").parse::<i32>()) {
        if let Some(at) = local_in_zone(&format!("{}{rest}", y + years), zone) {
            return at;
        }
    }
    let y = t.year() + years;
    let date = t
        .date()
        .replace_year(y)
        .or_else(|_| time::Date::from_calendar_date(y, t.month(), 28))
        .unwrap_or(t.date());
    PrimitiveDateTime::new(date, t.time())
}

fn copy_of(p: &PromoRow, texts: &[PromoText], targets: Targets, featured: Vec<i64>) -> PromoInput {
    PromoInput {
        name: format!("{} (copy)", p.name),
        discount_percent: p.discount_percent,
        funding: repo::Funding::of(p),
        reach: repo::Reach::of(p),
        starts_at: typed_start(p),
        ends_at: typed_end(p),
        time_zone: p.time_zone.clone(),
        home_position: p.home_position,
        targets,
        featured,
        texts: PerLocale::some(texts.iter().filter_map(|t| {
            let copy = CampaignText {
                slug: format!("{}-copy-{}", t.slug, p.id),
                ..CampaignText::of(t)
            };
            Locale::parse(&t.locale).map(|l| (l, copy))
        })),
    }
}

/// The start as staff typed it, in the campaign's zone (with local times: the wall-clock start every market shares).
fn typed_start(p: &PromoRow) -> PrimitiveDateTime {
    if p.local_times {
        crate::campaigns::schedule::local_in_zone(&p.starts_local, &p.time_zone)
            .unwrap_or(p.starts_at)
    } else {
        p.starts_at
    }
}

fn typed_end(p: &PromoRow) -> PrimitiveDateTime {
    if p.local_times {
        crate::campaigns::schedule::local_in_zone(&p.ends_local, &p.time_zone).unwrap_or(p.ends_at)
    } else {
        p.ends_at
    }
}

/// Deletes campaign `id` if it is a draft (false for a published one).
pub fn delete_draft(
    c: &mut DbConnection,
    id: PromoId,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<bool> {
    let p = repo::by_id(c, id)?;
    let deleted = repo::delete_draft(c, id)?;
    if deleted {
        audit::record(c, actor, "promo.delete", &p.name, "", now)?;
    }
    Ok(deleted)
}

/// Replaces campaign `id`'s hero image with the `hero` file; the old files go unless another campaign (a
/// duplicate) still shows them.
pub async fn replace_hero(
    state: &AppState,
    id: PromoId,
    file: Option<FilePart>,
) -> AppResult<Result<(), UploadError>> {
    state.db(move |c| repo::by_id(c, id)).await?;
    let processed = match file.map(|f| f.bytes) {
        None => Err(UploadError::NotAnImage),
        Some(None) => Err(UploadError::TooLarge),
        Some(Some(bytes)) => state.decoders.process(bytes, PRODUCT_SIZES).await?,
    };
    let p = match processed {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let dir = state.config.media_dir.clone();
    let stored = web::block(move || media::store(&dir, &format!("promos/{id}"), &p))
        .await
        .map_err(|e| AppError::internal(e.to_string()))?
        .map_err(|e| AppError::internal(e.to_string()))?;
    let (path, thumb) = (stored.path.clone(), stored.thumb_path.clone());
    let old = state
        .write(move |c| Ok(repo::set_hero(c, id, &path, &thumb)?))
        .await?;
    for o in [old.0, old.1] {
        let o2 = o.clone();
        let still_used = state.db(move |c| Ok(repo::hero_in_use(c, &o2)?)).await?;
        if !still_used {
            media::remove(&state.config.media_dir, &o);
        }
    }
    Ok(Ok(()))
}
