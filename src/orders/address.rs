//! Shipping addresses: per-country postal code formats, phone numbers, and the saved address per account.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::model::Address;
use crate::db::schema::addresses;
use crate::db::DbConnection;
use crate::geo::CountryCode;
use crate::http::forms::{normalize, FormErrors};

/// An address as typed.
#[derive(Debug, Clone, Default)]
pub struct AddressInput {
    pub full_name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub postal_code: String,
    pub country: String,
    pub phone: String,
}

impl AddressInput {
    pub fn from_saved(a: &Address) -> Self {
        Self {
            full_name: a.full_name.clone(),
            line1: a.line1.clone(),
            line2: a.line2.clone(),
            city: a.city.clone(),
            postal_code: a.postal_code.clone(),
            country: a.country.clone(),
            phone: a.phone.clone(),
        }
    }
}

/// Whether `code` is a valid postal code of `cc` (normalized: trimmed, upper case, single spaces).
pub fn postal_code_ok(cc: CountryCode, code: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    match cc.as_str() {
        "RU" | "KZ" | "BY" | "UZ" => digits(code, 6),
        "TR" | "DE" | "FR" | "US" if digits(code, 5) => true,
        "TR" => false,
        "IT" => digits(code, 5),
        // Spanish provinces are 01..52.
        "ES" => digits(code, 5) && code[..2].parse::<u8>().is_ok_and(|p| (1..=52).contains(&p)),
        "DE" | "FR" => false,
        "US" => {
            code.len() == 10 && digits(&code[..5], 5) && &code[5..6] == "-" && digits(&code[6..], 4)
        }
        "PT" => {
            code.len() == 8 && digits(&code[..4], 4) && &code[4..5] == "-" && digits(&code[5..], 3)
        }
        "PL" => {
            code.len() == 6 && digits(&code[..2], 2) && &code[2..3] == "-" && digits(&code[3..], 3)
        }
        "NL" => {
            let c: String = code.chars().filter(|c| *c != ' ').collect();
            c.len() == 6
                && digits(&c[..4], 4)
                && !c.starts_with('0')
                && c[4..].chars().all(|x| x.is_ascii_uppercase())
        }
        "AZ" => {
            let c = code.strip_prefix("AZ").map(str::trim).unwrap_or(code);
            digits(c, 4)
        }
        "GB" => {
            // Outward code (2-4 chars, letter first) + inward code (digit + 2 letters).
            let Some((out, inw)) = code.split_once(' ') else {
                return false;
            };
            let out_ok = (2..=4).contains(&out.len())
                && out.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && out.chars().all(|c| c.is_ascii_alphanumeric());
            let b = inw.as_bytes();
            out_ok
                && b.len() == 3
                && b[0].is_ascii_digit()
                && b[1].is_ascii_uppercase()
                && b[2].is_ascii_uppercase()
        }
        _ => !code.is_empty() && code.len() <= 12,
    }
}

/// A phone number: optional leading +, 7 to 15 digits, spaces, dashes, dots and brackets allowed.
pub fn phone_ok(phone: &str) -> bool {
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

/// Whether parcels can go to `cc`: a country shoppers can pick that staff did not close; else the Fluent id
/// of the problem ("address-country-closed-sanctions").
pub fn deliverable(
    countries: &crate::i18n::countries::Countries,
    closed: &crate::destinations::model::Closed,
    cc: CountryCode,
) -> Result<(), String> {
    if !countries.contains(cc) {
        return Err("address-country-invalid".into());
    }
    closed.reason(cc).map_or(Ok(()), |r| {
        Err(format!("address-country-closed-{}", r.code()))
    })
}

/// A checked address ready to save and to snapshot on orders.
pub fn validate(
    input: &AddressInput,
    user_id: i64,
    now: PrimitiveDateTime,
    destination: impl Fn(CountryCode) -> Result<(), String>,
) -> Result<Address, FormErrors> {
    let mut e = FormErrors::default();
    let full_name = normalize(&input.full_name);
    let line1 = normalize(&input.line1);
    let line2 = normalize(&input.line2);
    let city = normalize(&input.city);
    let postal: String = normalize(&input.postal_code)
        .to_uppercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let phone = normalize(&input.phone);
    e.check_len("full_name", &full_name, true, 120);
    e.check_len("line1", &line1, true, 200);
    e.check_len("line2", &line2, false, 200);
    e.check_len("city", &city, true, 100);
    let cc = CountryCode::parse(input.country.trim())
        .ok_or_else(|| "address-country-invalid".to_string())
        .and_then(|cc| destination(cc).map(|()| cc));
    match &cc {
        Err(id) => e.add("country", id),
        &Ok(cc) => {
            if postal.is_empty() {
                e.add("postal_code", "form-required");
            } else if !postal_code_ok(cc, &postal) {
                e.add(
                    "postal_code",
                    &format!("address-postal-invalid-{}", postal_hint_group(cc)),
                );
            }
        }
    }
    if phone.is_empty() {
        e.add("phone", "form-required");
    } else if !phone_ok(&phone) {
        e.add("phone", "address-phone-invalid");
    }
    match cc {
        Ok(cc) if e.is_empty() => Ok(Address {
            user_id,
            full_name,
            line1,
            line2,
            city,
            postal_code: postal,
            country: cc.as_str().to_string(),
            phone,
            updated_at: now,
        }),
        _ => Err(e),
    }
}

/// Which example the postal code error shows (`address-postal-invalid-ru`, …, `-other`).
fn postal_hint_group(cc: CountryCode) -> &'static str {
    match cc.as_str() {
        "RU" | "KZ" | "BY" | "UZ" => "six",
        "TR" | "IT" | "ES" | "DE" | "FR" => "five",
        "GB" => "gb",
        "US" => "us",
        "PT" => "pt",
        "PL" => "pl",
        "NL" => "nl",
        "AZ" => "az",
        _ => "other",
    }
}

pub fn saved(conn: &mut DbConnection, user_id: i64) -> QueryResult<Option<Address>> {
    addresses::table
        .find(user_id)
        .select(Address::as_select())
        .first(conn)
        .optional()
}

/// Keeps the last address used, for the next checkout.
pub fn save(conn: &mut DbConnection, a: &Address) -> QueryResult<()> {
    crate::db::write_tx(conn, |c| {
        diesel::delete(addresses::table.find(a.user_id)).execute(c)?;
        diesel::insert_into(addresses::table).values(a).execute(c)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cc(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap()
    }

    #[test]
    fn postal_codes_per_country() {
        assert!(postal_code_ok(cc("RU"), "101000"));
        assert!(!postal_code_ok(cc("RU"), "10100"));
        assert!(postal_code_ok(cc("TR"), "34000"));
        assert!(!postal_code_ok(cc("TR"), "3400"));
        assert!(postal_code_ok(cc("IT"), "50122"));
        assert!(!postal_code_ok(cc("IT"), "5012A"));
        assert!(postal_code_ok(cc("ES"), "28013"));
        assert!(!postal_code_ok(cc("ES"), "53001"), "no province 53");
        assert!(postal_code_ok(cc("GB"), "SW1A 1AA"));
        assert!(!postal_code_ok(cc("GB"), "SW1A1AA"));
        assert!(postal_code_ok(cc("PT"), "1100-148"));
        assert!(postal_code_ok(cc("PL"), "00-950"));
        assert!(postal_code_ok(cc("NL"), "1012 AB"));
        assert!(postal_code_ok(cc("US"), "94103-1234"));
        assert!(postal_code_ok(cc("AZ"), "AZ 1000"));
    }

    #[test]
    fn phones() {
        assert!(phone_ok("+7 (495) 123-45-67"));
        assert!(phone_ok("+90 212 555 12 34"));
        assert!(!phone_ok("call me"));
        assert!(!phone_ok("+12"));
    }
}
