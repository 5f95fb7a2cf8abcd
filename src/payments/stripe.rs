//! Stripe's HTTP API (PaymentIntents and Refunds), form-encoded as Stripe documents it, with the secret key as a
//! bearer token and an `Idempotency-Key` on every create call. Errors are sorted into [`ProviderError`]: a card
//! refusal, an unreachable or slow provider, a refused request, an unreadable answer. `api_base` is Stripe's by
//! default and localstripe's in tests.

use std::time::Duration;

use serde::Deserialize;

use super::provider::{Intent, IntentStatus, PageSources, PaymentProvider, ProviderError, Refund};
use crate::config::StripeSettings;
use crate::money::Currency;

/// Longest wait to connect.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Stripe {
    settings: StripeSettings,
    agent: ureq::Agent,
}

#[derive(Deserialize)]
struct IntentBody {
    id: String,
    status: String,
    amount: i64,
    currency: String,
    #[serde(default)]
    client_secret: Option<String>,
    #[serde(default)]
    last_payment_error: Option<ErrorBody>,
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

#[derive(Deserialize)]
struct ErrorEnvelope {
    error: ErrorBody,
}

#[derive(Deserialize)]
struct SetupBody {
    client_secret: String,
}

#[derive(Deserialize)]
struct RefundBody {
    id: String,
    amount: i64,
    status: String,
}

impl Stripe {
    /// A client giving up after the configured timeout.
    pub fn new(settings: StripeSettings) -> Self {
        let timeout = settings.timeout;
        Self::with_timeout(settings, timeout)
    }

    /// A client giving up after `timeout` (tests shorten it).
    pub fn with_timeout(settings: StripeSettings, timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .http_status_as_error(false)
            .user_agent("Caravan/1 (payments)")
            .build();
        Stripe {
            settings,
            agent: config.into(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/v1/{path}", self.settings.api_base)
    }

    fn auth(&self) -> String {
        format!("Bearer {}", self.settings.secret_key)
    }

    /// Sends a request and reads its JSON answer, sorting failures.
    fn answer<T: for<'de> Deserialize<'de>>(
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<T, ProviderError> {
        let mut response = result.map_err(transport)?;
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().map_err(transport)?;
        if (200..300).contains(&status) {
            return serde_json::from_str(&text)
                .map_err(|e| ProviderError::Malformed(e.to_string()));
        }
        let error = serde_json::from_str::<ErrorEnvelope>(&text)
            .ok()
            .map(|e| e.error);
        let code = error
            .as_ref()
            .and_then(|e| e.decline_code.clone().or_else(|| e.code.clone()))
            .unwrap_or_else(|| format!("http_{status}"));
        let card_error = error.as_ref().and_then(|e| e.kind.as_deref()) == Some("card_error");
        if status == 402 || card_error {
            Err(ProviderError::Declined(code))
        } else {
            Err(ProviderError::Rejected { status, code })
        }
    }

    fn post<T: for<'de> Deserialize<'de>>(
        &self,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: Option<&str>,
    ) -> Result<T, ProviderError> {
        let mut req = self
            .agent
            .post(&self.url(path))
            .header("Authorization", &self.auth())
            .header("Stripe-Version", "2024-06-20");
        if let Some(key) = idempotency_key {
            req = req.header("Idempotency-Key", key);
        }
        Self::answer(req.send_form(form.iter().map(|(k, v)| (*k, v.as_str()))))
    }

    fn get<T: for<'de> Deserialize<'de>>(&self, path: &str) -> Result<T, ProviderError> {
        let req = self
            .agent
            .get(&self.url(path))
            .header("Authorization", &self.auth())
            .header("Stripe-Version", "2024-06-20");
        Self::answer(req.call())
    }

    /// Whether this is Stripe itself (not a stand-in such as localstripe).
    fn is_stripe(&self) -> bool {
        self.settings.api_base == StripeSettings::API_BASE
    }
}

/// Stripe's ids as the browser may send them: a prefix, then letters, digits and underscores.
fn valid_id(id: &str, prefix: &str) -> bool {
    id.starts_with(prefix)
        && id.len() <= 255
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn invalid_id() -> ProviderError {
    ProviderError::Rejected {
        status: 400,
        code: "invalid_id".into(),
    }
}

/// A failure to talk to Stripe at all: too slow, or not reachable.
fn transport(e: ureq::Error) -> ProviderError {
    match e {
        ureq::Error::Timeout(_) => ProviderError::Timeout,
        other => ProviderError::Network(other.to_string()),
    }
}

fn intent(b: IntentBody) -> Result<Intent, ProviderError> {
    let status = IntentStatus::from_stripe(&b.status)
        .ok_or_else(|| ProviderError::Malformed(format!("status {}", b.status)))?;
    let currency = Currency::parse(&b.currency.to_ascii_uppercase())
        .ok_or_else(|| ProviderError::Malformed(format!("currency {}", b.currency)))?;
    Ok(Intent {
        id: b.id,
        status,
        amount_minor: b.amount,
        currency,
        client_secret: b.client_secret.unwrap_or_default(),
        failure_code: b.last_payment_error.and_then(|e| e.decline_code.or(e.code)),
    })
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn publishable_key(&self) -> &str {
        &self.settings.publishable_key
    }

    fn create_intent(
        &self,
        amount_minor: i64,
        currency: Currency,
        reference: &str,
        idempotency_key: &str,
    ) -> Result<Intent, ProviderError> {
        let form = [
            ("amount", amount_minor.to_string()),
            ("currency", currency.code().to_ascii_lowercase()),
            ("payment_method_types[]", "card".to_string()),
            ("metadata[checkout]", reference.to_string()),
        ];
        intent(self.post("payment_intents", &form, Some(idempotency_key))?)
    }

    fn prepare_card(&self, idempotency_key: &str) -> Result<String, ProviderError> {
        let form = [
            ("usage", "on_session".to_string()),
            ("payment_method_types[]", "card".to_string()),
        ];
        let b: SetupBody = self.post("setup_intents", &form, Some(idempotency_key))?;
        Ok(b.client_secret)
    }

    fn confirm_intent(
        &self,
        intent_id: &str,
        payment_method: &str,
        idempotency_key: &str,
    ) -> Result<Intent, ProviderError> {
        if !valid_id(intent_id, "pi_") || !valid_id(payment_method, "pm_") {
            return Err(invalid_id());
        }
        // Two calls (attach, then confirm): Stripe also takes the method on confirm, its stand-ins do not.
        let path = format!("payment_intents/{intent_id}");
        let _: IntentBody = self.post(&path, &[("payment_method", payment_method.into())], None)?;
        let body: IntentBody = self.post(&format!("{path}/confirm"), &[], Some(idempotency_key))?;
        intent(body)
    }

    fn page_sources(&self) -> PageSources {
        if self.is_stripe() {
            // Stripe's published policy for Stripe.js and the card Element (docs.stripe.com/security/guide,
            // "Content Security Policy"): its scripts and frames come from js.stripe.com and its subdomains, 3-D
            // Secure frames from hooks.stripe.com, and the card Element talks to api.stripe.com.
            let js = ["https://js.stripe.com", "https://*.js.stripe.com"].map(String::from);
            return PageSources {
                script_url: "https://js.stripe.com/v3/".into(),
                script: js.to_vec(),
                frame: [js.as_slice(), &["https://hooks.stripe.com".into()]].concat(),
                connect: vec![StripeSettings::API_BASE.into()],
            };
        }
        let base = self.settings.api_base.clone();
        PageSources {
            script_url: format!("{base}/js.stripe.com/v3/"),
            script: vec![base.clone()],
            frame: vec![base.clone()],
            connect: vec![base],
        }
    }

    fn retrieve_intent(&self, id: &str) -> Result<Intent, ProviderError> {
        if !valid_id(id, "pi_") {
            return Err(invalid_id());
        }
        intent(self.get(&format!("payment_intents/{id}"))?)
    }

    fn cancel_intent(&self, id: &str, idempotency_key: &str) -> Result<Intent, ProviderError> {
        if !valid_id(id, "pi_") {
            return Err(invalid_id());
        }
        let path = format!("payment_intents/{id}/cancel");
        intent(self.post(&path, &[], Some(idempotency_key))?)
    }

    fn refund(
        &self,
        intent_id: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<Refund, ProviderError> {
        let form = [
            ("payment_intent", intent_id.to_string()),
            ("amount", amount_minor.to_string()),
        ];
        let b: RefundBody = self.post("refunds", &form, Some(idempotency_key))?;
        Ok(Refund {
            id: b.id,
            amount_minor: b.amount,
            status: b.status,
        })
    }

    fn retrieve_refund(&self, id: &str) -> Result<Refund, ProviderError> {
        if !valid_id(id, "re_") {
            return Err(invalid_id());
        }
        let b: RefundBody = self.get(&format!("refunds/{id}"))?;
        Ok(Refund {
            id: b.id,
            amount_minor: b.amount,
            status: b.status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_real_stripe_page_may_load_stripe_js_and_its_subdomains_only() {
        let settings = StripeSettings {
            secret_key: "sk_test_x".into(),
            publishable_key: "pk_test_x".into(),
            webhook_secret: "whsec_x".into(),
            api_base: StripeSettings::API_BASE.into(),
            timeout: StripeSettings::TIMEOUT,
        };
        let s = Stripe::new(settings).page_sources();
        assert_eq!(s.script_url, "https://js.stripe.com/v3/");
        assert_eq!(
            s.script,
            ["https://js.stripe.com", "https://*.js.stripe.com"]
        );
        assert!(s.frame.contains(&"https://hooks.stripe.com".to_string()));
        assert!(s.frame.contains(&"https://*.js.stripe.com".to_string()));
        assert_eq!(s.connect, ["https://api.stripe.com"]);
    }
}
