//! Facets by option value: the staff's shared options marked as facets (sizes, colours, weights) offered on
//! listings whose products are sold in them, with counts over all shops. Values chosen in the same option are
//! alternatives ("39 or 40"); options combine ("39 and red"). An option's counts leave out its own choice, so a
//! shopper sees what choosing another size would give.

use std::sync::Arc;

use super::repo::{self, Filters, Scope};
use super::service::FacetOption;
use super::shopper::Shopper;
use super::slots;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::variants::OptionTexts;

/// One option's facet on a listing.
pub struct ValueFacet {
    pub name: String,
    pub lang: Option<&'static str>,
    pub values: Vec<FacetOption>,
}

/// The shared facet options with their values and names, from the cache.
pub fn options(conn: &mut DbConnection, shop: &Shopper) -> AppResult<Arc<OptionTexts>> {
    shop.cache
        .get_or_load(conn, slots::FACET_OPTIONS, String::new(), |c| {
            let ids = crate::variants::repo::facet_options(c)?;
            crate::variants::repo::texts(c, &ids).map_err(AppError::from)
        })
}

/// The chosen value ids grouped by option (values of no facet option are ignored).
pub fn groups(texts: &OptionTexts, chosen: &[i64]) -> Vec<Vec<i64>> {
    let mut out: Vec<(i64, Vec<i64>)> = Vec::new();
    for id in chosen {
        let Some(v) = texts.value(*id) else { continue };
        match out.iter_mut().find(|(o, _)| *o == v.option_id) {
            Some((_, ids)) => ids.push(*id),
            None => out.push((v.option_id, vec![*id])),
        }
    }
    out.sort_by_key(|(o, _)| *o);
    out.into_iter().map(|(_, ids)| ids).collect()
}

fn counts(
    conn: &mut DbConnection,
    shop: &Shopper,
    scope: &Scope,
    f: &Filters,
    values: &[i64],
) -> AppResult<Arc<Vec<(i64, i64)>>> {
    let key = format!("{scope:?}|{f:?}|{values:?}");
    let (scope, f, values) = (scope.clone(), f.clone(), values.to_vec());
    shop.cache
        .get_or_load(conn, slots::VALUE_COUNTS, key, move |c| {
            repo::value_counts(c, &scope, &f, &values).map_err(AppError::from)
        })
}

/// The value facets of a listing: options with some product in it (or a chosen value), each value with its
/// count (values with none left out unless chosen).
pub fn facets(
    conn: &mut DbConnection,
    shop: &Shopper,
    texts: &OptionTexts,
    scope: &Scope,
    f: &Filters,
    chosen: &[i64],
) -> AppResult<Vec<ValueFacet>> {
    if texts.options.is_empty() {
        return Ok(Vec::new());
    }
    let all: Vec<i64> = texts.values.iter().map(|v| v.id).collect();
    let main = counts(conn, shop, scope, f, &all)?;
    let l = shop.locale();
    let mut out = Vec::new();
    for o in &texts.options {
        let own: Vec<i64> = texts.values_of(o.id).map(|v| v.id).collect();
        // With a value of this option chosen, its counts come from the listing without that choice.
        let mut without = f.clone();
        without
            .values
            .retain(|g| !g.iter().any(|v| own.contains(v)));
        let these = if without.values.len() == f.values.len() {
            main.clone()
        } else {
            counts(conn, shop, scope, &without, &own)?
        };
        let values: Vec<FacetOption> = texts
            .values_of(o.id)
            .filter_map(|v| {
                let n = these
                    .iter()
                    .find(|(id, _)| *id == v.id)
                    .map_or(0, |(_, n)| *n);
                let checked = chosen.contains(&v.id);
                (n > 0 || checked).then(|| FacetOption {
                    value: v.id.to_string(),
                    label: texts.value_name(v.id, l).text,
                    count: shop.count(n),
                    checked,
                })
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        let name = texts.option_name(o.id, l);
        out.push(ValueFacet {
            name: name.text,
            lang: name.lang,
            values,
        });
    }
    Ok(out)
}
