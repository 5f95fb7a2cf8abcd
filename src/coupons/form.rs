//! The coupon form (staff and merchants share it): one code, or a batch of unique codes with a prefix; percent
//! or an amount; minimum spend; window; markets; limits. Amounts are typed in the reader's number format.

use super::model::normalize_code;
use super::repo::{self, NewCoupon};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::geo::CountryCode;
use crate::http::forms::FormErrors;
use crate::i18n::{parse_decimal, Locale};
use crate::money::Currency;

/// The most codes one batch makes.
pub const MAX_BATCH: i64 = 5_000;

/// The form as typed.
#[derive(Debug, Clone, Default)]
pub struct CouponForm {
    pub code: String,
    pub count: String,
    /// `percent` or `amount`.
    pub kind: String,
    pub value: String,
    pub currency: String,
    pub min_spend: String,
    pub starts: String,
    pub ends: String,
    pub max_uses: String,
    pub per_account: String,
    pub markets: Vec<String>,
}

impl CouponForm {
    pub fn blank(currency: Currency) -> Self {
        CouponForm {
            count: "1".into(),
            kind: "percent".into(),
            currency: currency.code().into(),
            per_account: "1".into(),
            ..CouponForm::default()
        }
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = CouponForm::default();
        for (k, v) in pairs {
            let slot = match k.as_str() {
                "code" => &mut f.code,
                "count" => &mut f.count,
                "kind" => &mut f.kind,
                "value" => &mut f.value,
                "currency" => &mut f.currency,
                "min_spend" => &mut f.min_spend,
                "starts" => &mut f.starts,
                "ends" => &mut f.ends,
                "max_uses" => &mut f.max_uses,
                "per_account" => &mut f.per_account,
                "market" => {
                    f.markets.push(v.clone());
                    continue;
                }
                _ => continue,
            };
            *slot = v.clone();
        }
        f
    }
}

/// Who the codes are for: the marketplace (any currency) or one shop (its own currency only).
#[derive(Debug, Clone, Copy)]
pub struct Owner {
    pub shop: Option<i64>,
    pub currency: Option<Currency>,
}

fn optional_count(raw: &str) -> Option<Option<i32>> {
    let t = raw.trim();
    if t.is_empty() {
        return Some(None);
    }
    t.parse::<i32>()
        .ok()
        .filter(|n| (1..=1_000_000).contains(n))
        .map(Some)
}

/// Random code characters (Crockford base 32: no I, L, O, U).
fn random_part() -> AppResult<String> {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut raw = [0u8; 8];
    getrandom::fill(&mut raw).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(raw
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % 32]))
        .collect())
}

/// Checks the form; the codes to create and their terms, or the errors. Times are typed in `zone`.
pub fn validate(
    c: &mut DbConnection,
    f: &CouponForm,
    owner: Owner,
    l: Locale,
    zone: &str,
) -> AppResult<Result<(Vec<String>, NewCoupon), FormErrors>> {
    let mut e = FormErrors::default();
    let count = f
        .count
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_BATCH).contains(n));
    if count.is_none() {
        e.add("count", "coupon-count-invalid");
    }
    let count = count.unwrap_or(1);
    let code = normalize_code(&f.code);
    if count == 1 && code.is_none() {
        e.add("code", "coupon-code-invalid");
    } else if count > 1 && !f.code.trim().is_empty() && code.as_ref().is_none_or(|c| c.len() > 12) {
        e.add("code", "coupon-prefix-invalid");
    }
    let currency = owner
        .currency
        .or_else(|| Currency::parse(&f.currency))
        .filter(|cur| Currency::ALL.contains(cur));
    if currency.is_none() {
        e.add("currency", "form-invalid-choice");
    }
    let cur = currency.unwrap_or(Currency::BASE);
    let (kind, percent, amount) = match f.kind.as_str() {
        "percent" => {
            let p = f
                .value
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|p| (1..=90).contains(p));
            if p.is_none() {
                e.add("value", "coupon-percent-invalid");
            }
            ("percent", p.unwrap_or(0), 0)
        }
        "amount" => {
            let a = parse_decimal(&f.value, l, cur.minor_digits())
                .filter(|a| *a > 0 && *a <= 1_000_000 * cur.minor_per_major());
            if a.is_none() {
                e.add("value", "coupon-amount-invalid");
            }
            ("amount", 0, a.unwrap_or(0))
        }
        _ => {
            e.add("kind", "form-invalid-choice");
            ("percent", 0, 0)
        }
    };
    let min_spend = if f.min_spend.trim().is_empty() {
        Some(0)
    } else {
        parse_decimal(&f.min_spend, l, cur.minor_digits())
            .filter(|m| *m >= 0 && *m <= 100_000_000 * cur.minor_per_major())
    };
    if min_spend.is_none() {
        e.add("min_spend", "coupon-amount-invalid");
    }
    let at = |s: &str| crate::campaigns::schedule::local_in_zone(s, zone);
    let (starts, ends) = (at(&f.starts), at(&f.ends));
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
    let max_uses = optional_count(&f.max_uses);
    if max_uses.is_none() {
        e.add("max_uses", "coupon-limit-invalid");
    }
    let per_account = optional_count(&f.per_account);
    if per_account.is_none() {
        e.add("per_account", "coupon-limit-invalid");
    }
    let markets: Vec<&str> = crate::geo::SHIP_TO
        .iter()
        .filter(|m| f.markets.iter().any(|x| CountryCode::parse(x) == Some(**m)))
        .map(|m| m.as_str())
        .collect();
    let codes: Vec<String> = if count == 1 {
        code.iter().cloned().collect()
    } else {
        let prefix = code.clone().unwrap_or_else(|| "CV".into());
        (0..count)
            .map(|_| random_part().map(|r| format!("{prefix}-{r}")))
            .collect::<AppResult<Vec<_>>>()?
    };
    if e.is_empty() && !repo::codes_taken(c, &codes)?.is_empty() {
        e.add("code", "coupon-code-taken");
    }
    let batch = if count > 1 {
        format!("{}-{}", code.unwrap_or_else(|| "CV".into()), random_part()?)
    } else {
        String::new()
    };
    Ok(
        match (e.is_empty(), starts, ends, min_spend, max_uses, per_account) {
            (true, Some(s), Some(en), Some(min), Some(max_uses), Some(per_account)) => Ok((
                codes,
                NewCoupon {
                    merchant_id: owner.shop,
                    kind,
                    percent,
                    amount_minor: amount,
                    currency: cur.code().to_string(),
                    min_spend_minor: min,
                    markets: markets.join(","),
                    starts_at: s,
                    ends_at: en,
                    max_uses,
                    per_account,
                    batch,
                },
            )),
            _ => Err(e),
        },
    )
}
