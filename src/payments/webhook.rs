//! Verifying a provider's webhook before anything in it is believed. Stripe signs `"{t}.{body}"` with HMAC-SHA256
//! under the endpoint's secret and sends `Stripe-Signature: t=<unix time>,v1=<hex>[,v1=…]`; a signature is good
//! when one `v1` matches (compared in constant time) and `t` is within the tolerance of now, so a captured request
//! cannot be replayed later. What passes is parsed into the few fields we act on.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far a webhook's timestamp may be from now (Stripe's libraries use five minutes).
pub const TOLERANCE_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("no usable Stripe-Signature header")]
    MissingSignature,
    #[error("no signature matches")]
    BadSignature,
    #[error("timestamp outside the tolerance")]
    Stale,
    #[error("body is not an event: {0}")]
    Malformed(String),
}

/// The parts of an event we act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    /// `payment_intent.succeeded`, …
    pub kind: String,
    /// The id of the object the event is about (`pi_…`).
    pub object_id: String,
    /// The object's type (`payment_intent`, `charge`, `dispute`, …).
    pub object_kind: String,
    /// When the provider made the event (Unix seconds): orders events about the same object.
    pub created: i64,
    /// The dispute, when the event is about one.
    pub dispute: Option<DisputeFacts>,
}

/// What a dispute event says of the dispute (taken from the signed event: the provider is not asked again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputeFacts {
    /// The disputed payment (`pi_…`).
    pub payment_intent: String,
    /// `needs_response`, `under_review`, `won`, `lost`, `warning_needs_response`, `warning_closed`, …
    pub status: String,
    pub reason: String,
    pub amount_minor: i64,
    /// Lower-case ISO code as the provider writes it.
    pub currency: String,
}

fn sign(secret: &str, timestamp: i64, body: &[u8]) -> Option<Vec<u8>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    Some(mac.finalize().into_bytes().to_vec())
}

/// The `Stripe-Signature` header for `body` at `timestamp` (what Stripe sends; tests sign with it).
pub fn signature_header(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let sig = sign(secret, timestamp, body)
        .map(hex::encode)
        .unwrap_or_default();
    format!("t={timestamp},v1={sig}")
}

/// Checks the signature and the timestamp, then parses the event.
pub fn verify(header: &str, body: &[u8], secret: &str, now: i64) -> Result<Event, WebhookError> {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => timestamp = v.parse::<i64>().ok(),
            Some(("v1", v)) => candidates.extend(hex::decode(v).ok()),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(WebhookError::MissingSignature)?;
    if candidates.is_empty() {
        return Err(WebhookError::MissingSignature);
    }
    let expected = sign(secret, timestamp, body).ok_or(WebhookError::BadSignature)?;
    if !candidates
        .iter()
        .any(|c| constant_time_eq::constant_time_eq(c, &expected))
    {
        return Err(WebhookError::BadSignature);
    }
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(WebhookError::Stale);
    }
    parse(body)
}

fn parse(body: &[u8]) -> Result<Event, WebhookError> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
    let text = |x: &serde_json::Value| x.as_str().map(str::to_string);
    let object = &v["data"]["object"];
    let object_kind = text(&object["object"]).unwrap_or_default();
    let dispute = if object_kind == "dispute" {
        Some(DisputeFacts {
            payment_intent: text(&object["payment_intent"])
                .ok_or_else(|| WebhookError::Malformed("dispute without a payment".into()))?,
            status: text(&object["status"]).unwrap_or_default(),
            reason: text(&object["reason"]).unwrap_or_default(),
            amount_minor: object["amount"].as_i64().unwrap_or(0),
            currency: text(&object["currency"]).unwrap_or_default(),
        })
    } else {
        None
    };
    Ok(Event {
        id: text(&v["id"]).ok_or_else(|| WebhookError::Malformed("no id".into()))?,
        kind: text(&v["type"]).ok_or_else(|| WebhookError::Malformed("no type".into()))?,
        object_id: text(&object["id"]).unwrap_or_default(),
        object_kind,
        created: v["created"].as_i64().unwrap_or(0),
        dispute,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_caravan";
    const BODY: &[u8] =
        br#"{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"id":"pi_9","object":"payment_intent"}}}"#;

    #[test]
    fn a_signed_fresh_event_passes_and_is_parsed() {
        let header = signature_header(SECRET, 1_000_000, BODY);
        let Ok(e) = verify(&header, BODY, SECRET, 1_000_010) else {
            panic!("a good signature is refused");
        };
        assert_eq!(e.id, "evt_1");
        assert_eq!(e.kind, "payment_intent.succeeded");
        assert_eq!(e.object_id, "pi_9");
        assert_eq!(e.object_kind, "payment_intent");
        assert_eq!(e.dispute, None);
        // Stripe may send several v1 signatures (secret rotation): one match is enough.
        let two = format!("t=1000000,v1={},{}", "00".repeat(32), &header[10..]);
        assert!(verify(&two, BODY, SECRET, 1_000_000).is_ok());
    }

    #[test]
    fn a_wrong_secret_a_changed_body_or_no_header_fail() {
        let header = signature_header("whsec_other", 1_000_000, BODY);
        assert_eq!(
            verify(&header, BODY, SECRET, 1_000_000),
            Err(WebhookError::BadSignature)
        );
        let header = signature_header(SECRET, 1_000_000, BODY);
        let changed = String::from_utf8_lossy(BODY).replace("evt_1", "evt_2");
        assert_eq!(
            verify(&header, changed.as_bytes(), SECRET, 1_000_000),
            Err(WebhookError::BadSignature)
        );
        assert_eq!(
            verify("", BODY, SECRET, 1_000_000),
            Err(WebhookError::MissingSignature)
        );
        assert_eq!(
            verify("t=1000000", BODY, SECRET, 1_000_000),
            Err(WebhookError::MissingSignature)
        );
    }

    #[test]
    fn a_timestamp_outside_five_minutes_is_stale_either_way() {
        let header = signature_header(SECRET, 1_000_000, BODY);
        assert_eq!(
            verify(&header, BODY, SECRET, 1_000_301),
            Err(WebhookError::Stale)
        );
        assert_eq!(
            verify(&header, BODY, SECRET, 999_699),
            Err(WebhookError::Stale)
        );
        assert!(verify(&header, BODY, SECRET, 1_000_300).is_ok());
    }

    #[test]
    fn a_dispute_event_carries_its_payment_and_status() {
        let body = br#"{"id":"evt_2","created":1700000000,"type":"charge.dispute.created","data":{"object":{"id":"dp_1","object":"dispute","payment_intent":"pi_9","status":"needs_response","reason":"fraudulent","amount":1500,"currency":"kzt"}}}"#;
        let e = parse(body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.created, 1_700_000_000);
        let d = e.dispute.unwrap_or_else(|| panic!("no dispute"));
        assert_eq!(
            (d.payment_intent.as_str(), d.status.as_str()),
            ("pi_9", "needs_response")
        );
        assert_eq!((d.amount_minor, d.currency.as_str()), (1500, "kzt"));
        let bad = br#"{"id":"evt_3","type":"charge.dispute.created","data":{"object":{"id":"dp_1","object":"dispute"}}}"#;
        assert!(matches!(parse(bad), Err(WebhookError::Malformed(_))));
    }
}
