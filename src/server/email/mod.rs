//! Outgoing mail: the SMTP transport (lettre), the letters (Fluent texts in
//! the reader's language, text and HTML), and the worker that drains the
//! durable outbox (`db::outbox`).
//!
//! A message is written to the outbox in the transaction of the change that
//! causes it; nothing is sent from a request. Each instance runs a worker
//! that claims due messages under a lease, sends them and records the
//! outcome, retrying with a doubling wait.

pub mod config;
pub mod letter;
mod worker;

use std::time::Duration;

use lettre::{
    message::{header::HeaderName, header::HeaderValue, Mailbox, MultiPart},
    transport::smtp::authentication::Credentials,
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use tokio::sync::Notify;

use self::config::{EmailConfig, SmtpSecurity};
use crate::server::db::outbox::OutboxRow;

pub use worker::start;

/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// The instance's mail: the transport (when `[email]` is set) and the bell
/// that wakes its worker when a message was queued here.
pub struct Mail {
    pub transport: Option<Mailer>,
    pub queued: Notify,
}

impl Mail {
    pub fn new(config: Option<&EmailConfig>) -> Result<Self, String> {
        Ok(Self {
            transport: config.map(Mailer::new).transpose()?,
            queued: Notify::new(),
        })
    }

    /// Tells this instance's worker that a message waits (others find it
    /// at their next poll).
    pub fn wake(&self) {
        self.queued.notify_one();
    }
}

/// Why a message was not sent.
#[derive(Debug)]
pub struct SendError {
    pub reason: String,
    /// The server refused it for good (a 5xx answer, a bad address):
    /// trying again would not help.
    pub permanent: bool,
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The domain of Message-IDs: the From address's.
    domain: String,
}

impl Mailer {
    pub fn new(config: &EmailConfig) -> Result<Self, String> {
        let builder = match config.security {
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
            }
            SmtpSecurity::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host)
                    .map_err(|e| format!("email: {e}"))?
            }
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host)
                .map_err(|e| format!("email: {e}"))?,
        };
        let mut builder = builder.port(config.port).timeout(Some(SMTP_TIMEOUT));
        if let Some(user) = &config.username {
            let password = config
                .password
                .as_ref()
                .map(|p| p.expose().to_owned())
                .unwrap_or_default();
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|e| format!("email.from: {e}"))?;
        Ok(Self {
            transport: builder.build(),
            domain: from.email.domain().to_owned(),
            from,
        })
    }

    /// A fresh Message-ID (kept with the message, so retries repeat it).
    pub fn message_id(&self) -> String {
        format!(
            "<{}@{}>",
            crate::server::time::new_id().to_lowercase(),
            self.domain
        )
    }

    /// Sends one stored message; the error is the SMTP server's answer (or
    /// why there was none), as the Jobs page shows it.
    pub async fn send(&self, row: &OutboxRow) -> Result<(), SendError> {
        let message = self.build(row).map_err(|reason| SendError {
            reason,
            permanent: true,
        })?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| SendError {
                permanent: e.is_permanent(),
                reason: e.to_string(),
            })
    }

    fn build(&self, row: &OutboxRow) -> Result<Message, String> {
        let to: Mailbox = row
            .to_address
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .message_id(Some(row.message_id.clone()))
            .date_now();
        if let Some(link) = &row.list_unsubscribe {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{link}>"),
            ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                row.body_text.clone(),
                row.body_html.clone(),
            ))
            .map_err(|e| format!("cannot build the message: {e}"))
    }
}
