//! Setting the marketplace's commission: the default and per-shop overrides, each from now on, audited.

use time::PrimitiveDateTime;

use crate::audit;
use crate::db::{write_tx, DbConnection};
use crate::error::AppResult;
use crate::payments::commission::{self, MAX_BP};

/// Why a rate was refused (a Fluent id).
pub fn check(rate_bp: Option<i64>) -> Result<i32, &'static str> {
    match rate_bp {
        None => Err("commission-error-number"),
        Some(bp) if !(0..=i64::from(MAX_BP)).contains(&bp) => Err("commission-error-range"),
        Some(bp) => i32::try_from(bp).map_err(|_| "commission-error-range"),
    }
}

/// Which rate the form sets: empty for the default, else an approved shop's id (`None`: neither).
pub fn target(c: &mut DbConnection, shop: &str) -> AppResult<Option<Option<i64>>> {
    if shop.is_empty() {
        return Ok(Some(None));
    }
    let Ok(id) = shop.parse::<i64>() else {
        return Ok(None);
    };
    let approved = crate::shops::repo::approved_names(c)?;
    Ok(approved.iter().any(|(s, _)| *s == id).then_some(Some(id)))
}

/// Sets the default (`shop` empty) or an approved shop's rate from `now` and records it in the audit log; a shop
/// value that is neither is refused (a Fluent id).
pub fn set(
    c: &mut DbConnection,
    actor: i64,
    (shop, rate_bp): (&str, i32),
    now: PrimitiveDateTime,
) -> AppResult<Result<(), &'static str>> {
    write_tx(c, |c| {
        let Some(shop) = target(c, shop)? else {
            return Ok(Err("form-invalid-choice"));
        };
        commission::set(c, actor, shop, rate_bp, now)?;
        let subject = shop.map_or_else(|| "default".to_string(), |s| format!("shop#{s}"));
        let detail = format!("rate_bp={rate_bp}");
        audit::record(c, actor, "commission.set", &subject, &detail, now)?;
        Ok(Ok(()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_from_zero_to_fifty_percent_pass() {
        assert_eq!(check(Some(1_250)), Ok(1_250));
        assert_eq!(check(Some(0)), Ok(0));
        assert_eq!(check(Some(5_000)), Ok(5_000));
        assert_eq!(check(Some(5_001)), Err("commission-error-range"));
        assert_eq!(check(Some(-1)), Err("commission-error-range"));
        assert_eq!(check(None), Err("commission-error-number"));
    }
}
