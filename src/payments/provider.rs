//! What Caravan needs from a card payment provider, in its own terms: create a payment for an amount (with an
//! idempotency key, so a retried request never charges twice), read it back, refund part or all of it.

use crate::money::Currency;

/// Where a provider's payment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntentStatus {
    /// Waiting for the shopper's card (or a declined card: see [`Intent::failure_code`]).
    RequiresPaymentMethod,
    RequiresConfirmation,
    /// 3-D Secure or another step in the shopper's browser.
    RequiresAction,
    Processing,
    Succeeded,
    Canceled,
}

impl IntentStatus {
    /// Stripe's names for the statuses (other providers map theirs in their own module).
    pub fn from_stripe(s: &str) -> Option<Self> {
        Some(match s {
            "requires_payment_method" => Self::RequiresPaymentMethod,
            "requires_confirmation" => Self::RequiresConfirmation,
            "requires_action" => Self::RequiresAction,
            "processing" | "requires_capture" => Self::Processing,
            "succeeded" => Self::Succeeded,
            "canceled" => Self::Canceled,
            _ => return None,
        })
    }
}

/// A provider's payment as read from the provider (never from the browser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    pub id: String,
    pub status: IntentStatus,
    pub amount_minor: i64,
    pub currency: Currency,
    /// Handed to the provider's script on the payment page.
    pub client_secret: String,
    /// Why the last attempt failed (`card_declined`, …), if it did.
    pub failure_code: Option<String>,
}

/// A refund as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refund {
    pub id: String,
    pub amount_minor: i64,
    /// `succeeded`, `pending` or `failed`.
    pub status: String,
}

/// Where the payment page may load the provider's script from and talk to (its Content-Security-Policy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSources {
    /// The provider's browser script.
    pub script_url: String,
    /// Origins allowed for scripts, frames and requests from the page.
    pub script: Vec<String>,
    pub frame: Vec<String>,
    pub connect: Vec<String>,
}

/// Why a provider call failed. Every variant leaves the payment as it was; none is shown to shoppers as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// The card was refused (`card_declined`, `insufficient_funds`, …).
    #[error("card declined: {0}")]
    Declined(String),
    /// The provider could not be reached.
    #[error("provider unreachable: {0}")]
    Network(String),
    /// The provider did not answer in time (the call may or may not have happened: retry with the same key).
    #[error("provider timed out")]
    Timeout,
    /// The provider refused the request (a bug or a configuration problem on our side).
    #[error("provider refused the request ({status}): {code}")]
    Rejected { status: u16, code: String },
    /// The provider answered something we could not read.
    #[error("provider answer unreadable: {0}")]
    Malformed(String),
}

impl ProviderError {
    /// A stable code for what went wrong (stored with a refund; staff read it in their language).
    pub fn code(&self) -> &'static str {
        match self {
            ProviderError::Declined(_) => "declined",
            ProviderError::Network(_) => "unreachable",
            ProviderError::Timeout => "timeout",
            ProviderError::Rejected { .. } => "refused",
            ProviderError::Malformed(_) => "unreadable",
        }
    }
}

/// A card payment provider. Calls block (run them on the blocking pool); each create call takes an idempotency key.
pub trait PaymentProvider: Send + Sync {
    /// The provider's name as stored with payments (`stripe`).
    fn name(&self) -> &'static str;
    /// The key the payment page's script uses.
    fn publishable_key(&self) -> &str;
    /// A payment for `amount_minor` of `currency`, labelled with our `reference` (the checkout).
    fn create_intent(
        &self,
        amount_minor: i64,
        currency: Currency,
        reference: &str,
        idempotency_key: &str,
    ) -> Result<Intent, ProviderError>;
    /// A one-time secret with which the payment page's script turns the shopper's card into a payment method
    /// (the card number never reaches our server).
    fn prepare_card(&self, idempotency_key: &str) -> Result<String, ProviderError>;
    /// Pays `intent_id` with the payment method the page's script made; the payment as it then stands (it may
    /// need the shopper's bank to authenticate in the browser first).
    fn confirm_intent(
        &self,
        intent_id: &str,
        payment_method: &str,
        idempotency_key: &str,
    ) -> Result<Intent, ProviderError>;
    /// The script and origins of the payment page.
    fn page_sources(&self) -> PageSources;
    /// The payment as it stands now.
    fn retrieve_intent(&self, id: &str) -> Result<Intent, ProviderError>;
    /// Cancels a payment not yet paid (its amount is no longer owed); the payment as it then stands. A payment
    /// that succeeded meanwhile cannot be cancelled: the provider refuses and the caller reads it back.
    fn cancel_intent(&self, id: &str, idempotency_key: &str) -> Result<Intent, ProviderError>;
    /// Refunds `amount_minor` of a succeeded payment.
    fn refund(
        &self,
        intent_id: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<Refund, ProviderError>;
    /// A refund as it stands now (one the provider reported `pending`).
    fn retrieve_refund(&self, id: &str) -> Result<Refund, ProviderError>;
}
