//! Messages from administrators to users (Prosody's message, multicast and
//! broadcast; Synapse's server notices). Every message lands in the
//! recipient's inbox; it is also pushed live when the recipient has a page
//! open, or on their next connection otherwise.

use std::collections::HashSet;

use serde_json::json;

use super::{
    modules::{require_enabled, Module},
    Access, Caller,
};
use crate::{
    model::{
        AppError, Delivery, FieldError, Inbox, InboxMessage, LiveEvent, MessageKind,
        MulticastReport, Rejected, Sent, MAX_MESSAGE_CHARS, MAX_MULTICAST,
    },
    server::{
        db::{self, messages::MessageRow},
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

/// How many messages the inbox shows.
pub const INBOX_SIZE: i64 = 200;

/// Checks a message body: not blank, not too long, no control characters
/// other than line breaks and tabs.
pub fn parse_body(raw: &str, field: &str) -> Result<String, FieldError> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(FieldError::new(field, "body_empty", "Write a message."));
    }
    if body.chars().count() > MAX_MESSAGE_CHARS {
        return Err(FieldError::new(
            field,
            "body_too_long",
            format!("A message has at most {MAX_MESSAGE_CHARS} characters."),
        ));
    }
    if body
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldError::new(
            field,
            "body_invalid",
            "A message cannot contain control characters.",
        ));
    }
    Ok(body.to_owned())
}

fn prefixed(state: &AppState, kind: MessageKind, body: &str) -> String {
    let prefixes = &state.config.message_prefixes;
    let prefix = match kind {
        MessageKind::Direct => &prefixes.direct,
        MessageKind::Multicast => &prefixes.multicast,
        MessageKind::Broadcast => &prefixes.broadcast,
    };
    format!("{prefix}{body}")
}

/// The event that shows a stored message on an open page.
pub fn live_event(row: &MessageRow) -> LiveEvent {
    LiveEvent::Message {
        id: Some(row.id.clone()),
        kind: MessageKind::parse(&row.kind).unwrap_or(MessageKind::Direct),
        body: row.body.clone(),
        sender: row.sender.clone(),
        created_at: rfc3339(row.created_at),
    }
}

fn to_model(row: &MessageRow) -> InboxMessage {
    InboxMessage {
        id: row.id.clone(),
        kind: MessageKind::parse(&row.kind).unwrap_or(MessageKind::Direct),
        body: row.body.clone(),
        sender: row.sender.clone(),
        created_at: rfc3339(row.created_at),
        read_at: row.read_at.map(rfc3339),
    }
}

fn row(
    caller: &Caller,
    user_id: &str,
    kind: MessageKind,
    body: &str,
    now: i64,
    delivered: bool,
) -> MessageRow {
    MessageRow {
        id: new_id(),
        user_id: user_id.to_owned(),
        kind: kind.as_str().to_owned(),
        body: body.to_owned(),
        sender: caller.username.clone(),
        created_at: now,
        delivered_at: delivered.then_some(now),
        read_at: None,
    }
}

/// Sends one message: `Delivered` when the user has a page open on any
/// instance, `Queued` otherwise. 404 for an unknown user.
pub async fn send(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    body: &str,
) -> Result<Sent, AppError> {
    caller.require(crate::model::Op::SendMessages)?;
    require_enabled(state, Module::Messaging).await?;
    let body = parse_body(body, "body").map_err(|e| AppError::Invalid(vec![e]))?;
    let user = db::users::by_id(&state.db, user_id)
        .await?
        .ok_or_else(|| AppError::NotFound("no user with this id".into()))?;
    let now = now_ms();
    let live = db::live::is_connected(&state.db, &user.id, now).await?;
    let message = row(
        caller,
        &user.id,
        MessageKind::Direct,
        &prefixed(state, MessageKind::Direct, &body),
        now,
        live,
    );
    let audit = caller.audit(
        "message.send",
        "user",
        Some(&user.id),
        json!({"username": user.username, "message_id": message.id, "chars": body.chars().count(), "live": live}),
    );
    db::messages::insert(&state.db, std::slice::from_ref(&message), &audit).await?;
    if live {
        state.live.deliver(&user.id, live_event(&message)).await;
    }
    Ok(Sent {
        message_id: message.id,
        delivery: if live {
            Delivery::Delivered
        } else {
            Delivery::Queued
        },
    })
}

/// One entry of a multicast: a recipient (username or user id) and a body.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Outgoing {
    pub to: String,
    pub body: String,
}

/// Sends each entry on its own; unknown recipients and bad bodies are
/// reported, not fatal. 404 when not a single recipient was valid.
pub async fn multicast(
    state: &AppState,
    caller: &Caller,
    entries: &[Outgoing],
) -> Result<MulticastReport, AppError> {
    caller.require(crate::model::Op::SendMessages)?;
    require_enabled(state, Module::Messaging).await?;
    if entries.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "",
            "recipients_empty",
            "Give at least one recipient.",
        )]));
    }
    if entries.len() > MAX_MULTICAST {
        return Err(AppError::Invalid(vec![FieldError::new(
            "",
            "too_many_recipients",
            format!("At most {MAX_MULTICAST} recipients per request."),
        )]));
    }
    let now = now_ms();
    let connected: HashSet<String> = db::live::connected_users(&state.db, now)
        .await?
        .into_iter()
        .collect();
    let mut rejected = Vec::new();
    let mut rows = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let reject = |code: &str, reason: String| Rejected {
            index,
            to: entry.to.clone(),
            code: code.to_owned(),
            reason,
        };
        let body = match parse_body(&entry.body, "body") {
            Ok(b) => b,
            Err(e) => {
                rejected.push(reject(&e.code, e.message));
                continue;
            }
        };
        let to = entry.to.trim();
        let user = match db::users::by_username(&state.db, to).await? {
            Some(u) => Some(u),
            None => db::users::by_id(&state.db, to).await?,
        };
        let Some(user) = user else {
            rejected.push(reject("user_not_found", format!("no user '{to}'")));
            continue;
        };
        let live = connected.contains(&user.id);
        rows.push(row(
            caller,
            &user.id,
            MessageKind::Multicast,
            &prefixed(state, MessageKind::Multicast, &body),
            now,
            live,
        ));
    }
    if rows.is_empty() {
        return Err(AppError::NotFound("none of the recipients is valid".into()));
    }
    let sent = rows.iter().filter(|r| r.delivered_at.is_some()).count();
    let audit = caller.audit(
        "message.multicast",
        "message",
        None,
        json!({"recipients": rows.len(), "sent": sent, "rejected": rejected.len()}),
    );
    db::messages::insert(&state.db, &rows, &audit).await?;
    for message in rows.iter().filter(|r| r.delivered_at.is_some()) {
        state
            .live
            .deliver(&message.user_id, live_event(message))
            .await;
    }
    Ok(MulticastReport {
        sent,
        queued: rows.len() - sent,
        rejected,
    })
}

/// Pushes a message to everyone connected right now (and into their
/// inboxes); returns how many users that was.
pub async fn broadcast(state: &AppState, caller: &Caller, body: &str) -> Result<usize, AppError> {
    caller.require(crate::model::Op::SendMessages)?;
    require_enabled(state, Module::Messaging).await?;
    let body = parse_body(body, "body").map_err(|e| AppError::Invalid(vec![e]))?;
    let body = prefixed(state, MessageKind::Broadcast, &body);
    let now = now_ms();
    let recipients = db::live::connected_users(&state.db, now).await?;
    let rows: Vec<MessageRow> = recipients
        .iter()
        .map(|user_id| row(caller, user_id, MessageKind::Broadcast, &body, now, true))
        .collect();
    let audit = caller.audit(
        "message.broadcast",
        "message",
        None,
        json!({"recipients": rows.len(), "chars": body.chars().count()}),
    );
    db::messages::insert(&state.db, &rows, &audit).await?;
    state
        .live
        .broadcast(LiveEvent::Message {
            id: None,
            kind: MessageKind::Broadcast,
            body,
            sender: caller.username.clone(),
            created_at: rfc3339(now),
        })
        .await;
    Ok(rows.len())
}

/// The caller's own inbox, newest first.
pub async fn inbox(state: &AppState, caller: &Caller) -> Result<Inbox, AppError> {
    let user_id = caller.require_own(Access::Read)?;
    let rows = db::messages::inbox(&state.db, user_id, INBOX_SIZE).await?;
    let unread = db::messages::unread_count(&state.db, user_id).await?;
    Ok(Inbox {
        messages: rows.iter().map(to_model).collect(),
        unread,
    })
}

/// Marks one of the caller's messages read, or all with `None`.
pub async fn mark_read(
    state: &AppState,
    caller: &Caller,
    message_id: Option<&str>,
) -> Result<(), AppError> {
    let user_id = caller.require_own(Access::Write)?;
    if let Some(id) = message_id {
        if !db::messages::exists(&state.db, user_id, id).await? {
            return Err(AppError::NotFound("no such message in your inbox".into()));
        }
    }
    db::messages::mark_read(&state.db, user_id, message_id, now_ms()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert_eq!(parse_body("  hi \n", "body").unwrap(), "hi");
        assert_eq!(parse_body(" \n ", "body").unwrap_err().code, "body_empty");
        let long = "é".repeat(MAX_MESSAGE_CHARS + 1);
        assert_eq!(parse_body(&long, "body").unwrap_err().code, "body_too_long");
        assert!(parse_body(&"é".repeat(MAX_MESSAGE_CHARS), "body").is_ok());
        assert_eq!(
            parse_body("a\u{7}b", "body").unwrap_err().code,
            "body_invalid"
        );
        assert_eq!(parse_body("two\nlines", "body").unwrap(), "two\nlines");
    }
}
