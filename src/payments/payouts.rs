//! Payout batches: staff collect, per currency, every shop's available balance at or above a minimum into one
//! batch (each payout moves the amount from available to in-payout in the ledger), export the batch for the bank
//! and mark it paid once the bank has sent it (in-payout to paid-out). Both steps are audited. Creating batches is
//! serialized (a table lock on PostgreSQL, the write lock on SQLite), so a balance is never batched twice.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use time::PrimitiveDateTime;

use super::ledger::{self, Account, Line, Posting};
use crate::audit;
use crate::db::schema::{payout_batches, payouts};
use crate::db::{write_tx, DbConnection};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::money::{Currency, Money};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = payout_batches)]
pub struct BatchRow {
    pub id: i64,
    pub currency: String,
    pub minimum_minor: i64,
    pub status: String,
    pub created_by: i64,
    pub created_at: PrimitiveDateTime,
    pub paid_by: Option<i64>,
    pub paid_at: Option<PrimitiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = payouts)]
pub struct PayoutRow {
    pub id: i64,
    pub batch_id: i64,
    pub merchant_id: i64,
    pub currency: String,
    pub amount_minor: i64,
}

/// A batch with its number of payouts and their sum.
pub struct BatchLine {
    pub batch: BatchRow,
    pub payouts: i64,
    pub total: Money,
}

#[derive(QueryableByName)]
struct Balance {
    #[diesel(sql_type = BigInt)]
    merchant_id: i64,
    #[diesel(sql_type = Text)]
    currency: String,
    #[diesel(sql_type = BigInt)]
    owed: i64,
}

/// What each shop may be paid now: (shop, currency, amount), every amount above zero.
pub fn available(conn: &mut DbConnection) -> QueryResult<Vec<(i64, Currency, i64)>> {
    let rows: Vec<Balance> = diesel::sql_query(
        "SELECT merchant_id, currency, CAST(-SUM(amount_minor) AS BIGINT) AS owed FROM ledger_entries \
         WHERE account = 'merchant_available' GROUP BY merchant_id, currency \
         HAVING SUM(amount_minor) < 0 ORDER BY currency, merchant_id",
    )
    .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|b| Currency::parse(&b.currency).map(|c| (b.merchant_id, c, b.owed)))
        .collect())
}

fn lock(conn: &mut DbConnection) -> QueryResult<()> {
    if let DbConnection::Pg(_) = conn {
        diesel::sql_query("LOCK TABLE payout_batches IN SHARE ROW EXCLUSIVE MODE").execute(conn)?;
    }
    Ok(())
}

fn move_lines(from: Account, to: Account, amount: i64) -> Vec<Line> {
    vec![
        Line {
            account: from,
            amount_minor: amount,
        },
        Line {
            account: to,
            amount_minor: -amount,
        },
    ]
}

/// Batches every available balance in `currency` of at least `minimum` (minor units); the batch, or `None` when
/// no shop has that much.
pub fn create_batch(
    conn: &mut DbConnection,
    staff: i64,
    currency: Currency,
    minimum: i64,
    now: PrimitiveDateTime,
) -> AppResult<Option<i64>> {
    write_tx(conn, |c| {
        lock(c)?;
        let due: Vec<(i64, i64)> = available(c)?
            .into_iter()
            .filter(|(_, cur, owed)| *cur == currency && *owed >= minimum.max(1))
            .map(|(shop, _, owed)| (shop, owed))
            .collect();
        if due.is_empty() {
            return Ok(None);
        }
        let batch: i64 = diesel::insert_into(payout_batches::table)
            .values((
                payout_batches::currency.eq(currency.code()),
                payout_batches::minimum_minor.eq(minimum),
                payout_batches::status.eq("open"),
                payout_batches::created_by.eq(staff),
                payout_batches::created_at.eq(now),
            ))
            .returning(payout_batches::id)
            .get_result(c)?;
        let mut total = 0i64;
        for (shop, owed) in &due {
            let payout: i64 = diesel::insert_into(payouts::table)
                .values((
                    payouts::batch_id.eq(batch),
                    payouts::merchant_id.eq(shop),
                    payouts::currency.eq(currency.code()),
                    payouts::amount_minor.eq(owed),
                ))
                .returning(payouts::id)
                .get_result(c)?;
            let posting = Posting {
                key: format!("payout:{payout}"),
                kind: "payout",
                merchant_id: *shop,
                order_id: None,
                payment_id: None,
                currency,
                lines: move_lines(Account::MerchantAvailable, Account::MerchantInPayout, *owed),
            };
            ledger::post(c, &posting, now)?;
            total += owed;
        }
        let detail = format!("{} payouts, {} {}", due.len(), total, currency.code());
        audit::record(
            c,
            staff,
            "payout.batch",
            &format!("batch#{batch}"),
            &detail,
            now,
        )?;
        Ok(Some(batch))
    })
}

/// Marks an open batch paid (the bank sent it): each payout moves from in-payout to paid-out. `false` when the
/// batch was not open (paid already, or not found).
pub fn mark_paid(
    conn: &mut DbConnection,
    staff: i64,
    batch: i64,
    now: PrimitiveDateTime,
) -> AppResult<bool> {
    write_tx(conn, |c| {
        let won = diesel::update(
            payout_batches::table
                .find(batch)
                .filter(payout_batches::status.eq("open")),
        )
        .set((
            payout_batches::status.eq("paid"),
            payout_batches::paid_by.eq(staff),
            payout_batches::paid_at.eq(now),
        ))
        .execute(c)?;
        if won == 0 {
            return Ok(false);
        }
        for p in payouts_of(c, batch)? {
            let currency =
                Currency::parse(&p.currency).ok_or_else(|| AppError::new(ErrorCode::Internal))?;
            let posting = Posting {
                key: format!("payout_paid:{}", p.id),
                kind: "payout_paid",
                merchant_id: p.merchant_id,
                order_id: None,
                payment_id: None,
                currency,
                lines: move_lines(
                    Account::MerchantInPayout,
                    Account::MerchantPaidOut,
                    p.amount_minor,
                ),
            };
            ledger::post(c, &posting, now)?;
        }
        audit::record(c, staff, "payout.paid", &format!("batch#{batch}"), "", now)?;
        Ok(true)
    })
}

pub fn payouts_of(conn: &mut DbConnection, batch: i64) -> QueryResult<Vec<PayoutRow>> {
    payouts::table
        .filter(payouts::batch_id.eq(batch))
        .order(payouts::id)
        .select(PayoutRow::as_select())
        .load(conn)
}

pub fn batch(conn: &mut DbConnection, id: i64) -> QueryResult<Option<BatchRow>> {
    payout_batches::table
        .find(id)
        .select(BatchRow::as_select())
        .first(conn)
        .optional()
}

/// The latest batches, newest first, with their sizes.
pub fn batches(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<BatchLine>> {
    let rows: Vec<BatchRow> = payout_batches::table
        .order(payout_batches::id.desc())
        .limit(limit)
        .select(BatchRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|b| b.id).collect();
    let lines: Vec<(i64, i64)> = payouts::table
        .filter(payouts::batch_id.eq_any(&ids))
        .select((payouts::batch_id, payouts::amount_minor))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|batch| {
            let mine = lines.iter().filter(|(b, _)| *b == batch.id);
            let currency = Currency::parse(&batch.currency).unwrap_or(Currency::BASE);
            BatchLine {
                payouts: mine.clone().count() as i64,
                total: Money::new(mine.map(|(_, v)| v).sum(), currency),
                batch,
            }
        })
        .collect())
}

/// A batch as a CSV file for the bank: one row per payout with our reference, the shop's legal and display name,
/// its country, the currency and the amount in major units with a point (the bank's format, not a reader's).
/// Shop texts are neutralized against spreadsheet formulas. `None` when there is no such batch.
pub fn export_csv(conn: &mut DbConnection, id: i64) -> AppResult<Option<String>> {
    let Some(b) = batch(conn, id)? else {
        return Ok(None);
    };
    let rows = payouts_of(conn, b.id)?;
    let shop_ids: Vec<i64> = rows.iter().map(|p| p.merchant_id).collect();
    let shops = crate::shops::repo::by_ids(conn, &shop_ids)?;
    let banks = crate::shops::bank::of_shops(conn, &shop_ids)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::internal(e.to_string());
    w.write_record([
        "reference",
        "shop_id",
        "legal_name",
        "shop",
        "country",
        "account_holder",
        "iban",
        "bic",
        "currency",
        "amount",
    ])
    .map_err(fail)?;
    for p in rows {
        let shop = shops.iter().find(|s| s.id == p.merchant_id);
        let text = |f: fn(&crate::shops::model::MerchantRow) -> &str| {
            shop.map(|s| crate::csv_cell::neutralize(f(s)).into_owned())
                .unwrap_or_default()
        };
        let bank = banks.iter().find(|b| b.merchant_id == p.merchant_id);
        let account = |f: fn(&crate::shops::bank::BankAccount) -> &str| {
            bank.map(|b| crate::csv_cell::neutralize(f(b)).into_owned())
                .unwrap_or_default()
        };
        let currency =
            Currency::parse(&p.currency).ok_or_else(|| AppError::new(ErrorCode::Internal))?;
        w.write_record([
            format!("CARAVAN-{}-{}", b.id, p.id),
            p.merchant_id.to_string(),
            text(|s| &s.legal_name),
            text(|s| &s.name),
            text(|s| &s.country),
            account(|b| &b.holder),
            account(|b| &b.iban),
            account(|b| &b.bic),
            p.currency.clone(),
            Money::new(p.amount_minor, currency).plain_decimal(),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::internal(e.to_string()))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| AppError::internal(e.to_string()))
}
