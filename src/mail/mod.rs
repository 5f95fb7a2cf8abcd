//! Email: the notification outbox (`notifications`, written by orders in the same transaction as what they tell
//! of) delivered by a worker of each serving instance, through SMTP or, in development, as `.eml` files. Each row
//! is claimed before it is sent (a lease; `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two instances never take the
//! same row), sent with a `Message-ID` made from the row, so a resend after a crash is recognisably the same
//! message (at least once), retried with a growing wait and, after the last attempt, left `failed` for staff.
//! Messages are rendered with askama and Fluent in the recipient's language, amounts and dates with CLDR.

pub mod compose;
pub mod outbox;
pub mod transport;
pub mod views;
pub mod worker;
