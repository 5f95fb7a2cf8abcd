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

/// Sets the default (`None`) or a shop's rate from `now` and records it in the audit log.
pub fn set(
    c: &mut DbConnection,
    actor: i64,
    shop: Option<i64>,
    rate_bp: i32,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    write_tx(c, |c| {
        commission::set(c, actor, shop, rate_bp, now)?;
        let subject = shop.map_or_else(|| "default".to_string(), |s| format!("shop#{s}"));
        audit::record(
            c,
            actor,
            "commission.set",
            &subject,
            &format!("rate_bp={rate_bp}"),
            now,
        )?;
        Ok(())
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
