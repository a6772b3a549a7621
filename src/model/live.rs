//! Live connections and messages, as the panel and the API show them.

use serde::{Deserialize, Serialize};

/// The longest message body, in characters. Short enough that a message
/// always fits one PostgreSQL notification (8000 bytes) between instances.
pub const MAX_MESSAGE_CHARS: usize = 1000;
/// The most recipients of one multicast.
pub const MAX_MULTICAST: usize = 1000;

/// One open live connection (a panel page kept open), on any instance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub since: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Direct,
    Multicast,
    Broadcast,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Multicast => "multicast",
            Self::Broadcast => "broadcast",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "direct" => Some(Self::Direct),
            "multicast" => Some(Self::Multicast),
            "broadcast" => Some(Self::Broadcast),
            _ => None,
        }
    }
}

/// A message in a user's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub id: String,
    pub kind: MessageKind,
    pub body: String,
    pub sender: String,
    pub created_at: String,
    pub read_at: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub messages: Vec<InboxMessage>,
    pub unread: i64,
}

/// Whether a message reached an open connection or waits in the inbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Delivered,
    Queued,
}

/// The answer to sending one message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub message_id: String,
    pub delivery: Delivery,
}

/// A multicast recipient that got nothing, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The index of the entry in the request.
    pub index: usize,
    pub to: String,
    pub code: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MulticastReport {
    pub sent: usize,
    pub queued: usize,
    pub rejected: Vec<Rejected>,
}

/// What the server pushes down a live connection, as JSON `data:` lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    /// The first event of a connection.
    Hello {
        connection_id: String,
        unread: i64,
        /// Users connected right now (administrators only).
        online: Option<i64>,
    },
    Message {
        id: Option<String>,
        kind: MessageKind,
        body: String,
        sender: String,
        created_at: String,
    },
    /// The number of users connected changed (administrators only).
    Online { count: i64 },
    /// The session was revoked: the page should go to the login page.
    Revoked,
}
