//! One action applied to many selected users.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BulkAction {
    Lock,
    Unlock,
    Deactivate,
    Delete,
}

impl BulkAction {
    pub const ALL: [BulkAction; 4] = [Self::Lock, Self::Unlock, Self::Deactivate, Self::Delete];

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == raw)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lock => "lock",
            Self::Unlock => "unlock",
            Self::Deactivate => "deactivate",
            Self::Delete => "delete",
        }
    }

    /// Past tense, for result messages ("Locked 3 users").
    pub fn done(self) -> &'static str {
        match self {
            Self::Lock => "Locked",
            Self::Unlock => "Unlocked",
            Self::Deactivate => "Deactivated",
            Self::Delete => "Deleted",
        }
    }

    /// Whether the panel asks for confirmation first.
    pub fn is_destructive(self) -> bool {
        !matches!(self, Self::Unlock)
    }
}

/// A user the action was not applied to, and why.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkRefusal {
    pub id: String,
    /// Empty when no such user exists.
    pub username: String,
    pub code: String,
    pub reason: String,
}

/// What a bulk action did: each user is changed in its own transaction, so
/// one refusal (such as the caller's own account) does not stop the rest.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkResult {
    pub action: BulkAction,
    /// Usernames the action was applied to (or that were already so).
    pub succeeded: Vec<String>,
    pub refused: Vec<BulkRefusal>,
}

/// Most users one bulk action may name.
pub const MAX_BULK: usize = 1000;
