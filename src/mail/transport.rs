//! How a message leaves: an SMTP server (lettre, STARTTLS or TLS with rustls as the URL says) or `.eml` files in a
//! directory for development. A failure says whether trying again may help.

use std::path::PathBuf;

use lettre::{FileTransport, Message, SmtpTransport, Transport};

use crate::config::MailTransport;

/// Why a message was not handed over: a code staff read in their language, and whether a later attempt may work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub code: &'static str,
    pub permanent: bool,
}

/// The configured way out.
pub enum Mailer {
    Smtp(Box<SmtpTransport>),
    Files(FileTransport, PathBuf),
}

/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

impl Mailer {
    /// The mailer for a transport setting (`None` when email is off); an SMTP URL that cannot be read is an error
    /// at start-up, not at the first message.
    pub fn from_settings(t: &MailTransport) -> Result<Option<Self>, String> {
        Ok(match t {
            MailTransport::Off => None,
            MailTransport::Smtp(url) => Some(Mailer::Smtp(Box::new(
                SmtpTransport::from_url(url)
                    .map_err(|e| format!("CARAVAN_SMTP_URL cannot be used: {e}"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ))),
            MailTransport::Files(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    format!("cannot create the mail directory {}: {e}", dir.display())
                })?;
                Some(Mailer::Files(FileTransport::new(dir), dir.clone()))
            }
        })
    }

    /// Hands one message over.
    pub fn send(&self, message: &Message) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(t) => t.send(message).map(|_| ()).map_err(|e| {
                tracing::warn!(error = %e, "SMTP refused or failed");
                SendError {
                    code: if e.is_permanent() {
                        "smtp_rejected"
                    } else if e.is_timeout() {
                        "smtp_timeout"
                    } else {
                        "smtp_unavailable"
                    },
                    permanent: e.is_permanent(),
                }
            }),
            Mailer::Files(t, dir) => match t.send(message) {
                Ok(id) => {
                    let path = dir.join(format!("{id}.eml"));
                    tracing::info!(path = %path.display(), "email written to a file (no SMTP configured)");
                    Ok(())
                }
                Err(e) => {
                    tracing::warn!(error = %e, "email file could not be written");
                    Err(SendError {
                        code: "file_unwritable",
                        permanent: false,
                    })
                }
            },
        }
    }
}
