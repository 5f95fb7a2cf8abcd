//! What a product is for customs: its Harmonized System code and a plain description, as a CN 22 / CN 23
//! declaration asks for them. Optional for a product; the packing slip says when they are missing.

use diesel::prelude::*;

use crate::db::schema::product_customs;
use crate::db::DbConnection;

/// Longest customs description kept (a CN 22 line is short).
pub const MAX_DESCRIPTION: usize = 120;

#[derive(Debug, Clone, Default, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = product_customs)]
pub struct Customs {
    pub product_id: i64,
    /// Digits only, 6 to 10 ("" when unknown).
    pub hs_code: String,
    pub description: String,
}

/// An HS code as typed ("4202.21", "4202 21 90"): its digits when there are 6 to 10 of them and nothing but
/// digits, spaces and dots was typed; "" for an empty field; `None` for anything else.
pub fn parse_hs(typed: &str) -> Option<String> {
    let t = typed.trim();
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '.')
    {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        0 if t.is_empty() => Some(String::new()),
        6..=10 => Some(digits),
        _ => None,
    }
}

/// "420221" as customs forms print it: "4202.21" (the 4-digit heading, then pairs).
pub fn display_hs(code: &str) -> String {
    let (head, rest) = code.split_at(code.len().min(4));
    let mut out = head.to_string();
    for (i, c) in rest.chars().enumerate() {
        if i % 2 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Sets a product's customs data (both empty removes it).
pub fn set(
    conn: &mut DbConnection,
    product_id: i64,
    hs_code: &str,
    description: &str,
) -> QueryResult<()> {
    diesel::delete(product_customs::table.find(product_id)).execute(conn)?;
    if hs_code.is_empty() && description.is_empty() {
        return Ok(());
    }
    diesel::insert_into(product_customs::table)
        .values((
            product_customs::product_id.eq(product_id),
            product_customs::hs_code.eq(hs_code),
            product_customs::description.eq(description),
        ))
        .execute(conn)?;
    Ok(())
}

/// The customs data of these products that have some.
pub fn of_products(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<Customs>> {
    product_customs::table
        .filter(product_customs::product_id.eq_any(ids))
        .select(Customs::as_select())
        .load(conn)
}

/// What shipping a product needs to know: (id, weight in grams, country of origin, customs data), for `ids`
/// listed or not (a packing slip is printed for products that may have left the catalogue since).
pub type ShippingFacts = (i64, Option<i32>, String, Option<Customs>);

pub fn shipping_facts(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<ShippingFacts>> {
    use crate::db::schema::products;
    let rows: Vec<(i64, Option<i32>, String)> = products::table
        .filter(products::id.eq_any(ids))
        .select((products::id, products::weight_grams, products::origin))
        .load(conn)?;
    let mut customs = of_products(conn, ids)?;
    Ok(rows
        .into_iter()
        .map(|(id, w, origin)| {
            let c = customs
                .iter()
                .position(|c| c.product_id == id)
                .map(|i| customs.swap_remove(i));
            (id, w, origin, c)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_codes_are_six_to_ten_digits_however_they_are_typed() {
        assert_eq!(parse_hs("4202.21"), Some("420221".into()));
        assert_eq!(parse_hs(" 4202 21 90 00 "), Some("4202219000".into()));
        assert_eq!(parse_hs(""), Some(String::new()));
        assert_eq!(parse_hs("4202"), None, "a heading is not enough");
        assert_eq!(parse_hs("42022190001"), None, "11 digits");
        assert_eq!(parse_hs("4202-21"), None);
        assert_eq!(parse_hs(". ."), None);
        assert_eq!(display_hs("420221"), "4202.21");
        assert_eq!(display_hs("4202219000"), "4202.21.90.00");
    }
}
