//! Mail-driven operations: address verification, password reset,
//! invitations and security notices, plus the outbox as administrators see
//! it. Every message goes through the outbox (`db::outbox`); nothing is sent
//! from a request.

pub mod invitations;
pub mod notices;
pub mod reset;
pub mod verification;

use super::Caller;
use crate::{
    i18n::Language,
    model::{email::Outbox, email::OutboxMessage, AppError},
    server::{
        auth::token::{generate_secret_with, hash_secret},
        db::{self, email::EmailToken, outbox::OutgoingMail},
        email::{letter::Letter, Mailer},
        time::{now_ms, rfc3339},
        AppState,
    },
};

/// How many messages the Jobs page lists.
const OUTBOX_PAGE: i64 = 50;

/// The transport, or 409 `email_not_configured`.
pub fn require_configured(state: &AppState) -> Result<&Mailer, AppError> {
    state.mail.transport.as_ref().ok_or_else(|| {
        AppError::conflict(
            "email_not_configured",
            None,
            "This server sends no mail: its [email] settings are not configured.",
        )
    })
}

pub fn configured(state: &AppState) -> bool {
    state.mail.transport.is_some()
}

/// The server's name in letters: its public host.
pub fn site(state: &AppState) -> String {
    url::Url::parse(&state.config.public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "Gatehouse".into())
}

/// An absolute link to a page of this server.
pub fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.public_url.trim_end_matches('/'))
}

/// The language a user reads the panel in (their choice, else the server's).
pub async fn language_of(state: &AppState, user_id: &str) -> Language {
    db::users::language(&state.db, user_id)
        .await
        .ok()
        .flatten()
        .as_deref()
        .and_then(Language::parse)
        .unwrap_or(state.config.default_language)
}

/// A letter addressed and ready for the outbox.
pub fn outgoing(
    mailer: &Mailer,
    kind: &'static str,
    user_id: Option<&str>,
    to: &str,
    letter: Letter,
    list_unsubscribe: Option<String>,
) -> OutgoingMail {
    OutgoingMail {
        id: OutgoingMail::new_id(),
        kind,
        user_id: user_id.map(str::to_owned),
        to_address: to.to_owned(),
        subject: letter.subject,
        body_text: letter.text,
        body_html: letter.html,
        message_id: mailer.message_id(),
        list_unsubscribe,
        created_at: now_ms(),
    }
}

/// A fresh link secret and the stored form of it.
pub(crate) fn new_link_token(
    purpose: &'static str,
    user_id: &str,
    email: &str,
    valid_ms: i64,
) -> (String, EmailToken) {
    let secret = generate_secret_with("");
    let now = now_ms();
    let token = EmailToken {
        token_hash: hash_secret(&secret),
        purpose,
        user_id: user_id.to_owned(),
        email: email.to_owned(),
        created_at: now,
        expires_at: now + valid_ms,
    };
    (secret, token)
}

/// The refusal of a link that is unknown, spent or expired (all alike).
pub(crate) fn link_invalid() -> AppError {
    AppError::Invalid(vec![crate::model::FieldError::new(
        "token",
        "link_invalid",
        "This link is not valid: it was already used, has expired, or was replaced by a newer one.",
    )])
}

fn message_model(row: db::outbox::OutboxRow) -> OutboxMessage {
    OutboxMessage {
        next_attempt_at: (row.status == "queued").then(|| rfc3339(row.next_attempt_at)),
        id: row.id,
        kind: row.kind,
        to: row.to_address,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        last_error: row.last_error,
        created_at: rfc3339(row.created_at),
        sent_at: row.sent_at.map(rfc3339),
    }
}

/// The outbox's counts and latest messages (administrators).
pub async fn outbox(
    state: &AppState,
    caller: &Caller,
    status: Option<&str>,
) -> Result<Outbox, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    if let Some(s) = status {
        if !["queued", "sent", "failed"].contains(&s) {
            return Err(AppError::bad_parameter(
                "filter[status]",
                "filter[status] is one of queued, sent, failed",
            ));
        }
    }
    let mut outbox = Outbox {
        configured: configured(state),
        ..Outbox::default()
    };
    for (status, n) in db::outbox::counts(&state.db).await? {
        match status.as_str() {
            "queued" => outbox.queued = n,
            "sent" => outbox.sent = n,
            _ => outbox.failed += n,
        }
    }
    outbox.messages = db::outbox::recent(&state.db, status, OUTBOX_PAGE)
        .await?
        .into_iter()
        .map(message_model)
        .collect();
    Ok(outbox)
}

/// Puts a failed message back in the queue (administrators).
pub async fn retry(state: &AppState, caller: &Caller, id: &str) -> Result<(), AppError> {
    caller.require(crate::model::Op::ManageServer)?;
    require_configured(state)?;
    if !db::outbox::requeue(&state.db, id, now_ms()).await? {
        return Err(AppError::NotFound(format!(
            "There is no failed message with id '{id}'."
        )));
    }
    let audit = caller.audit("email.retry", "email", Some(id), serde_json::json!({}));
    db::audit::record(&state.db, &audit).await?;
    state.mail.wake();
    Ok(())
}

/// `gatehouse email test --to ADDRESS`: sends one message now, through the
/// configured server, and reports its answer.
pub async fn send_test(state: &AppState, to: &str) -> Result<(), String> {
    let mailer = require_configured(state).map_err(|e| e.to_string())?;
    crate::model::validate::email(Some(to)).map_err(|e| e.message)?;
    let config = state.config.email.as_ref().expect("configured");
    let letter = crate::server::email::letter::test(
        state.config.default_language,
        &site(state),
        &format!("{}:{}", config.host, config.port),
    );
    let mail = outgoing(mailer, "test", None, to, letter, None);
    let row = db::outbox::OutboxRow {
        id: mail.id.clone(),
        kind: "test".into(),
        user_id: None,
        to_address: mail.to_address.clone(),
        subject: mail.subject.clone(),
        body_text: mail.body_text.clone(),
        body_html: mail.body_html.clone(),
        message_id: mail.message_id.clone(),
        list_unsubscribe: None,
        status: "queued".into(),
        attempts: 1,
        next_attempt_at: mail.created_at,
        last_error: None,
        created_at: mail.created_at,
        sent_at: None,
    };
    mailer.send(&row).await.map_err(|e| e.reason)
}
