//! `/email/outbox`: the mail the server queued, sent or gave up on.

pub mod outbox;

use serde::Serialize;

use super::resource;
use crate::model::email::OutboxMessage;

#[derive(Serialize, utoipa::ToSchema)]
pub struct EmailMessageAttributes<'a> {
    /// `verify`, `reset`, `invitation`, `notice` or `test`.
    #[schema(value_type = String, example = "reset")]
    kind: &'a str,
    #[schema(value_type = String, example = "alice@example.org")]
    to: &'a str,
    #[schema(value_type = String)]
    subject: &'a str,
    /// `queued`, `sent`, or `failed` after the last attempt.
    #[schema(value_type = String, pattern = "^(queued|sent|failed)$")]
    status: &'a str,
    attempts: i64,
    /// The SMTP server's answer to the last failed attempt.
    #[schema(value_type = Option<String>, required = true)]
    last_error: &'a Option<String>,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    sent_at: &'a Option<String>,
    /// When a queued message is tried (again).
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    next_attempt_at: &'a Option<String>,
}

/// Doc-only schemas of the outbox's documents.
pub mod schema {
    use super::EmailMessageAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "email",
        "^email$",
        EmailMessageAttributes<'static>,
        EmailMessageResource,
        EmailMessageDocument,
        EmailMessageListDocument
    );
}

resource!(
    OutboxMessage,
    "email",
    id = id,
    EmailMessageAttributes,
    |m| EmailMessageAttributes {
        kind: &m.kind,
        to: &m.to,
        subject: &m.subject,
        status: &m.status,
        attempts: m.attempts,
        last_error: &m.last_error,
        created_at: &m.created_at,
        sent_at: &m.sent_at,
        next_attempt_at: &m.next_attempt_at,
    }
);
