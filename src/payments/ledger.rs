//! The double-entry ledger of what the marketplace owes and earns, in each merchant's currency. Every money event
//! is one transaction whose signed entries (+ debit, − credit) sum to zero — [`post`] refuses anything else — and
//! carries a key, so posting the same event twice (a webhook and a return, a retry) records it once. The tables
//! are append-only (triggers refuse UPDATE and DELETE): a correction is a new transaction.
//!
//! Accounts, per shop: `provider_clearing` (money the provider holds for us), `merchant_pending` (owed to the shop,
//! not yet payable), `merchant_available`, `merchant_in_payout` (batched, not yet confirmed paid),
//! `merchant_paid_out` (money sent to the shop: its credit balance is the total paid out); and
//! `platform_commission` (the marketplace's revenue), `platform_campaigns` (discounts the marketplace funds),
//! `platform_vat` (VAT collected as deemed supplier, owed to the tax authorities). Kinds: `sale`, `refund` (a sale reversed), `release` (pending
//! to available after buyer protection), `payout` (available to in payout), `payout_paid` (in payout to paid out).

use diesel::prelude::*;
use time::PrimitiveDateTime;

use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};

use crate::db::schema::ledger_entries;
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult};
use crate::money::Currency;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    ProviderClearing,
    MerchantPending,
    MerchantAvailable,
    /// Batched for a payout the bank has not confirmed yet.
    MerchantInPayout,
    MerchantPaidOut,
    PlatformCommission,
    /// What the marketplace spends on campaigns it funds (a debit balance).
    PlatformCampaigns,
    /// VAT the marketplace collected as deemed supplier and owes the tax authorities (a credit balance).
    PlatformVat,
}

impl Account {
    pub fn as_str(self) -> &'static str {
        match self {
            Account::ProviderClearing => "provider_clearing",
            Account::MerchantPending => "merchant_pending",
            Account::MerchantAvailable => "merchant_available",
            Account::MerchantInPayout => "merchant_in_payout",
            Account::MerchantPaidOut => "merchant_paid_out",
            Account::PlatformCommission => "platform_commission",
            Account::PlatformCampaigns => "platform_campaigns",
            Account::PlatformVat => "platform_vat",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Account::ProviderClearing,
            Account::MerchantPending,
            Account::MerchantAvailable,
            Account::MerchantInPayout,
            Account::MerchantPaidOut,
            Account::PlatformCommission,
            Account::PlatformCampaigns,
            Account::PlatformVat,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// One entry: + debit, − credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub account: Account,
    pub amount_minor: i64,
}

/// A money event to record.
#[derive(Debug, Clone)]
pub struct Posting {
    /// Unique per event (`sale:order:17`): the second posting of an event does nothing.
    pub key: String,
    /// `sale`, `refund`, `payout`, …
    pub kind: &'static str,
    pub merchant_id: i64,
    pub order_id: Option<i64>,
    pub payment_id: Option<i64>,
    pub currency: Currency,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    New(i64),
    /// This event's key was posted before.
    Already,
}

/// A paid order as the ledger records it, in the shop's currency.
pub struct Sale {
    pub order: i64,
    pub shop: i64,
    pub payment: i64,
    pub currency: Currency,
    /// The goods, after any campaign discount (the commission is taken on what the shopper paid).
    pub goods: i64,
    pub shipping: i64,
    /// Discounts of platform-funded campaigns on the order: the marketplace pays them to the shop.
    pub platform_discount: i64,
    /// The commission rate in force when it was paid.
    pub rate_bp: i32,
    /// VAT in the goods and shipping the marketplace remits (deemed supplier): it never reaches the shop.
    pub vat: i64,
    /// The goods' share of that VAT: the commission is taken on the goods net of it.
    pub goods_vat: i64,
}

/// The posting of a paid order: the provider holds the goods and the shipping for the shop (pending until the
/// protection window ends), the commission on the goods moves from the shop to the platform, and the discounts of
/// platform-funded campaigns are paid to the shop by the platform. VAT the marketplace remits as deemed supplier
/// moves from the shop to `platform_vat`, and no commission is taken on it.
pub fn sale(s: Sale) -> Posting {
    let fee = super::commission::commission(s.goods.saturating_sub(s.goods_vat).max(0), s.rate_bp);
    let l = |account, amount_minor| Line {
        account,
        amount_minor,
    };
    let mut lines = vec![
        l(Account::ProviderClearing, s.goods),
        l(Account::MerchantPending, -s.goods),
        l(Account::ProviderClearing, s.shipping),
        l(Account::MerchantPending, -s.shipping),
        l(Account::MerchantPending, fee),
        l(Account::PlatformCommission, -fee),
    ];
    if s.vat > 0 {
        lines.push(l(Account::MerchantPending, s.vat));
        lines.push(l(Account::PlatformVat, -s.vat));
    }
    if s.platform_discount > 0 {
        lines.push(l(Account::PlatformCampaigns, s.platform_discount));
        lines.push(l(Account::MerchantPending, -s.platform_discount));
    }
    Posting {
        key: format!("sale:order:{}", s.order),
        kind: "sale",
        merchant_id: s.shop,
        order_id: Some(s.order),
        payment_id: Some(s.payment),
        currency: s.currency,
        lines,
    }
}

/// Whether lines balance (non-empty, summing to zero without overflow).
pub fn balanced(lines: &[Line]) -> bool {
    !lines.is_empty()
        && lines
            .iter()
            .try_fold(0i64, |sum, l| sum.checked_add(l.amount_minor))
            == Some(0)
}

/// Records a posting (inside the caller's transaction, or its own). An unbalanced posting is a bug and is refused.
pub fn post(conn: &mut DbConnection, p: &Posting, now: PrimitiveDateTime) -> AppResult<Posted> {
    if !balanced(&p.lines) {
        return Err(AppError::internal(format!(
            "unbalanced ledger posting {}",
            p.key
        )));
    }
    #[derive(QueryableByName)]
    struct Inserted {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    write_tx(conn, |c| {
        // The key decides: a second posting of the event (even at the same moment) inserts nothing.
        let inserted: Vec<Inserted> = diesel::sql_query(
            "INSERT INTO ledger_transactions (key, kind, merchant_id, order_id, payment_id, currency, memo, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, '', $7) ON CONFLICT (key) DO NOTHING RETURNING id",
        )
        .bind::<Text, _>(&p.key)
        .bind::<Text, _>(p.kind)
        .bind::<BigInt, _>(p.merchant_id)
        .bind::<Nullable<BigInt>, _>(p.order_id)
        .bind::<Nullable<BigInt>, _>(p.payment_id)
        .bind::<Text, _>(p.currency.code())
        .bind::<Timestamp, _>(now)
        .load(c)?;
        let Some(Inserted { id }) = inserted.into_iter().next() else {
            return Ok(Posted::Already);
        };
        for l in &p.lines {
            diesel::insert_into(ledger_entries::table)
                .values((
                    ledger_entries::transaction_id.eq(id),
                    ledger_entries::account.eq(l.account.as_str()),
                    ledger_entries::merchant_id.eq(p.merchant_id),
                    ledger_entries::currency.eq(p.currency.code()),
                    ledger_entries::amount_minor.eq(l.amount_minor),
                ))
                .execute(c)?;
        }
        Ok(Posted::New(id))
    })
}

/// A shop's balance per account and currency (sum of its entries).
pub fn balances(
    conn: &mut DbConnection,
    merchant_id: i64,
) -> QueryResult<Vec<(String, String, i64)>> {
    let rows: Vec<(String, String, i64)> = ledger_entries::table
        .filter(ledger_entries::merchant_id.eq(merchant_id))
        .select((
            ledger_entries::account,
            ledger_entries::currency,
            ledger_entries::amount_minor,
        ))
        .load(conn)?;
    let mut out: Vec<(String, String, i64)> = Vec::new();
    for (account, currency, amount) in rows {
        match out
            .iter_mut()
            .find(|(a, c, _)| *a == account && *c == currency)
        {
            Some(row) => row.2 += amount,
            None => out.push((account, currency, amount)),
        }
    }
    out.sort();
    Ok(out)
}

/// One transaction as the shop's statement shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub id: i64,
    pub kind: String,
    pub order_id: Option<i64>,
    pub currency: String,
    pub at: PrimitiveDateTime,
    /// What it adds to (or, negative, takes from) what the shop is owed.
    pub to_shop: i64,
    /// The platform's commission in it.
    pub commission: i64,
}

/// The shop's latest `limit` transactions, newest first.
pub fn statement(
    conn: &mut DbConnection,
    shop: i64,
    limit: i64,
) -> QueryResult<Vec<StatementLine>> {
    statement_in(conn, shop, None, limit)
}

/// The shop's transactions from `from` (inclusive) to `to` (exclusive), oldest first, at most `limit`.
pub fn statement_between(
    conn: &mut DbConnection,
    shop: i64,
    (from, to): (PrimitiveDateTime, PrimitiveDateTime),
    limit: i64,
) -> QueryResult<Vec<StatementLine>> {
    statement_in(conn, shop, Some((from, to)), limit)
}

fn statement_in(
    conn: &mut DbConnection,
    shop: i64,
    period: Option<(PrimitiveDateTime, PrimitiveDateTime)>,
    limit: i64,
) -> QueryResult<Vec<StatementLine>> {
    use crate::db::schema::ledger_transactions as t;
    let mut q = t::table.filter(t::merchant_id.eq(shop)).into_boxed();
    q = match period {
        Some((from, to)) => q
            .filter(t::created_at.ge(from))
            .filter(t::created_at.lt(to))
            .order((t::created_at.asc(), t::id.asc())),
        None => q.order((t::created_at.desc(), t::id.desc())),
    };
    let rows: Vec<(i64, String, Option<i64>, String, PrimitiveDateTime)> = q
        .limit(limit)
        .select((t::id, t::kind, t::order_id, t::currency, t::created_at))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let entries: Vec<(i64, String, i64)> = ledger_entries::table
        .filter(ledger_entries::transaction_id.eq_any(&ids))
        .select((
            ledger_entries::transaction_id,
            ledger_entries::account,
            ledger_entries::amount_minor,
        ))
        .load(conn)?;
    let sum = |id: i64, accounts: &[Account]| -> i64 {
        entries
            .iter()
            .filter(|(t, a, _)| *t == id && accounts.iter().any(|x| x.as_str() == a))
            .map(|(_, _, v)| -v)
            .sum()
    };
    Ok(rows
        .into_iter()
        .map(|(id, kind, order_id, currency, at)| StatementLine {
            to_shop: sum(id, &[Account::MerchantPending, Account::MerchantAvailable]),
            commission: sum(id, &[Account::PlatformCommission]),
            id,
            kind,
            order_id,
            currency,
            at,
        })
        .collect())
}

/// Transactions whose entries do not sum to zero (none, unless something bypassed [`post`]).
pub fn unbalanced(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        transaction_id: i64,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT transaction_id FROM ledger_entries GROUP BY transaction_id \
         HAVING SUM(amount_minor) <> 0 ORDER BY transaction_id",
    )
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.transaction_id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_summing_to_zero_balance() {
        let l = |account, amount_minor| Line {
            account,
            amount_minor,
        };
        assert!(balanced(&[
            l(Account::ProviderClearing, 10_000),
            l(Account::MerchantPending, -8_800),
            l(Account::PlatformCommission, -1_200),
        ]));
        assert!(!balanced(&[l(Account::ProviderClearing, 1)]));
        assert!(!balanced(&[]));
        assert!(!balanced(&[
            l(Account::ProviderClearing, i64::MAX),
            l(Account::MerchantPending, 1),
            l(Account::MerchantPending, i64::MIN),
        ]));
    }

    #[test]
    fn vat_the_marketplace_remits_never_reaches_the_shop_and_bears_no_commission() {
        // €71.40 bag and €11.90 shipping with €13.30 German VAT the marketplace remits (IOSS), 10% commission.
        let p = sale(Sale {
            order: 1,
            shop: 2,
            payment: 3,
            currency: Currency::Eur,
            goods: 7_140,
            shipping: 1_190,
            platform_discount: 0,
            rate_bp: 1_000,
            vat: 1_330,
            goods_vat: 1_140,
        });
        assert!(balanced(&p.lines));
        let sum = |a: Account| -> i64 {
            p.lines
                .iter()
                .filter(|l| l.account == a)
                .map(|l| l.amount_minor)
                .sum()
        };
        assert_eq!(sum(Account::PlatformVat), -1_330);
        // Commission on the goods net of their VAT (60.00): 6.00.
        assert_eq!(sum(Account::PlatformCommission), -600);
        assert_eq!(
            sum(Account::MerchantPending),
            -(7_140 + 1_190 - 1_330 - 600)
        );
        // The goods' share of the VAT, and a marketplace-funded discount net of VAT, by the same proportion.
        assert_eq!(
            crate::orders::card::net_of_platform_vat(7_140, 1_190, 1_330, 1_190),
            (1_140, 1_000)
        );
        assert_eq!(
            crate::orders::card::net_of_platform_vat(7_140, 1_190, 0, 500),
            (0, 500)
        );
        assert_eq!(sum(Account::ProviderClearing), 8_330);
    }
}
