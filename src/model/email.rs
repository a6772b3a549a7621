//! Mail as the panel and the API show it: invitations, the outbox, and a
//! user's own mail settings.

use serde::{Deserialize, Serialize};

use super::OrgRole;

/// Where an invitation stands.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvitationStatus {
    /// Sent, not answered yet, still valid.
    Invited,
    /// The invited person created an account with it.
    Registered,
    /// Not answered in time.
    Expired,
}

impl InvitationStatus {
    pub const ALL: [Self; 3] = [Self::Invited, Self::Registered, Self::Expired];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invited => "invited",
            Self::Registered => "registered",
            Self::Expired => "expired",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// An invitation to register, sent by mail.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: String,
    pub email: String,
    pub status: InvitationStatus,
    /// The one-use registration token in the link.
    pub registration_token: String,
    pub org_id: Option<String>,
    pub role: Option<OrgRole>,
    /// Username of the administrator who sent it.
    pub invited_by: Option<String>,
    pub created_at: String,
    pub expires_at: String,
    /// The account created with it.
    pub user_id: Option<String>,
    pub registered_at: Option<String>,
}

/// Input of "invite": `POST /api/admin/v1/invitations` and the panel form.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    #[cfg_attr(feature = "ssr", schema(example = "carol@example.org"))]
    pub email: String,
    /// An organisation the new account joins.
    #[serde(default)]
    pub org_id: Option<String>,
    /// Its role there (default viewer).
    #[serde(default)]
    pub role: Option<OrgRole>,
    /// Days the link stays valid (1–30, default 7).
    #[serde(default)]
    pub valid_days: Option<u32>,
}

/// One message of the outbox, as the Jobs page lists it (no body).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: String,
    /// `verify`, `reset`, `invitation`, `notice` or `test`.
    pub kind: String,
    pub to: String,
    pub subject: String,
    /// `queued`, `sent` or `failed` (after the last attempt).
    pub status: String,
    pub attempts: i64,
    /// The SMTP server's answer to the last failed attempt.
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
    /// When a queued message is tried (again).
    pub next_attempt_at: Option<String>,
}

/// The outbox at a glance.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    /// Whether `[email]` is set.
    pub configured: bool,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    /// The latest messages, newest first.
    pub messages: Vec<OutboxMessage>,
}

/// A user's own mail settings (`/account`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    /// Whether the server sends mail at all.
    pub configured: bool,
    pub email: Option<String>,
    pub verified: bool,
    /// The security notices switched on: `password`, `factors`, `sign_in`.
    pub notices: Vec<String>,
}

/// The notices a user may switch, in the order `/account` lists them.
pub const NOTICES: [&str; 3] = ["password", "factors", "sign_in"];
