//! Where a shop is paid: its bank account for payouts (holder, IBAN, optional BIC). The IBAN is checked by
//! `iban_validate` (length, format and checksum of its country's registry entry) and kept in its electronic form;
//! shown to the shop masked, written whole only into the payout file staff send to the bank. Changing it is
//! audited with the IBAN masked.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::shop_bank_accounts;
use crate::db::{write_tx, DbConnection};
use crate::error::AppResult;
use crate::http::forms::FormErrors;

/// A shop's bank account as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = shop_bank_accounts)]
pub struct BankAccount {
    pub merchant_id: i64,
    pub holder: String,
    /// Electronic form (`IT60X0542811101000000123456`).
    pub iban: String,
    pub bic: String,
    pub updated_by: i64,
    pub updated_at: PrimitiveDateTime,
}

impl BankAccount {
    /// The IBAN as the shop sees it on its pages: country and the last four characters.
    pub fn masked(&self) -> String {
        mask(&self.iban)
    }
}

fn mask(iban: &str) -> String {
    let tail: String = iban
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{} •••• {tail}", iban.chars().take(2).collect::<String>())
}

/// The bank form as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct BankForm {
    #[serde(default)]
    pub holder: String,
    #[serde(default)]
    pub iban: String,
    #[serde(default)]
    pub bic: String,
}

/// What a valid form stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub holder: String,
    pub iban: String,
    pub bic: String,
}

/// A BIC (ISO 9362): 4 letters of the bank, 2 of its country, 2 letters or digits of its place, optionally 3 of
/// its branch.
fn bic_ok(bic: &str) -> bool {
    let b = bic.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Checks the form: a message per field, or what to store.
pub fn check(form: &BankForm) -> Result<Checked, FormErrors> {
    let mut errors = FormErrors::default();
    let holder = crate::http::forms::normalize(&form.holder);
    errors.check_visible("holder", &holder, 140);
    let typed: String = form
        .iban
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let iban = match typed.parse::<iban::Iban>() {
        Ok(i) => iban::IbanLike::electronic_str(&i).to_string(),
        Err(_) => {
            errors.add("iban", "bank-error-iban");
            String::new()
        }
    };
    let bic: String = form
        .bic
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if !bic.is_empty() && !bic_ok(&bic) {
        errors.add("bic", "bank-error-bic");
    }
    if errors.is_empty() {
        Ok(Checked { holder, iban, bic })
    } else {
        Err(errors)
    }
}

/// The shop's bank account, if it gave one.
pub fn of_shop(conn: &mut DbConnection, shop: i64) -> QueryResult<Option<BankAccount>> {
    shop_bank_accounts::table
        .find(shop)
        .select(BankAccount::as_select())
        .first(conn)
        .optional()
}

/// The bank accounts of these shops (for a payout file).
pub fn of_shops(conn: &mut DbConnection, shops: &[i64]) -> QueryResult<Vec<BankAccount>> {
    shop_bank_accounts::table
        .filter(shop_bank_accounts::merchant_id.eq_any(shops))
        .select(BankAccount::as_select())
        .load(conn)
}

/// Stores the shop's bank account (replacing the one before), audited with the IBAN masked.
pub fn save(
    conn: &mut DbConnection,
    shop: i64,
    account: &Checked,
    actor: i64,
    now: PrimitiveDateTime,
) -> AppResult<()> {
    write_tx(conn, |c| {
        diesel::delete(shop_bank_accounts::table.find(shop)).execute(c)?;
        diesel::insert_into(shop_bank_accounts::table)
            .values((
                shop_bank_accounts::merchant_id.eq(shop),
                shop_bank_accounts::holder.eq(&account.holder),
                shop_bank_accounts::iban.eq(&account.iban),
                shop_bank_accounts::bic.eq(&account.bic),
                shop_bank_accounts::updated_by.eq(actor),
                shop_bank_accounts::updated_at.eq(now),
            ))
            .execute(c)?;
        crate::audit::record(
            c,
            actor,
            "shop.bank_account",
            &format!("merchant#{shop}"),
            &mask(&account.iban),
            now,
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(holder: &str, iban: &str, bic: &str) -> BankForm {
        BankForm {
            holder: holder.into(),
            iban: iban.into(),
            bic: bic.into(),
        }
    }

    #[test]
    fn an_iban_is_checked_and_kept_in_its_electronic_form() {
        let ok = check(&form(
            " Bottega Rossi srl ",
            "it60 x054 2811 1010 0000 0123 456",
            "bpmoit22xxx",
        ));
        assert_eq!(
            ok.ok(),
            Some(Checked {
                holder: "Bottega Rossi srl".into(),
                iban: "IT60X0542811101000000123456".into(),
                bic: "BPMOIT22XXX".into(),
            })
        );
        // A Turkish IBAN, no BIC.
        assert!(check(&form(
            "Kayseri Halı",
            "TR33 0006 1005 1978 6457 8413 26",
            ""
        ))
        .is_ok());
        // One digit wrong: the checksum fails.
        let bad = check(&form("Bottega", "IT60X0542811101000000123457", "")).err();
        assert_eq!(
            bad.as_ref().and_then(|e| e.get("iban")),
            Some("bank-error-iban")
        );
        let bad = check(&form("", "IT60X0542811101000000123456", "BPM0")).err();
        assert!(bad
            .as_ref()
            .is_some_and(|e| e.get("holder").is_some() && e.get("bic") == Some("bank-error-bic")));
    }

    #[test]
    fn the_shop_sees_its_iban_masked() {
        assert_eq!(mask("IT60X0542811101000000123456"), "IT •••• 3456");
    }
}
