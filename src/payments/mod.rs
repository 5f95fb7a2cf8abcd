//! Card payments. One payment covers the orders of one checkout, in the shopper's display currency; an order
//! becomes paid only when the server has verified the provider's payment (on the shopper's return and by webhook,
//! whichever comes first, exactly once). The provider sits behind [`provider::PaymentProvider`] so that others
//! (YooKassa, iyzico) can follow Stripe ([`stripe`]). Webhooks are verified by [`webhook`] and recorded so a
//! replay has no second effect.

pub mod commission;
pub mod disputes;
pub mod handlers;
pub mod ledger;
pub mod model;
pub mod pay;
pub mod pay_handlers;
pub mod pay_views;
pub mod payouts;
pub mod provider;
pub mod refunds;
pub mod release;
pub mod search;
pub mod service;
pub mod stripe;
pub mod webhook;
pub mod worker;

pub use provider::{Intent, IntentStatus, PaymentProvider, ProviderError};
