//! Provisioning: the report of applying the declarative file, and the
//! problems of a file that cannot be applied. Shared with the panel.

use serde::{Deserialize, Serialize};

/// What a provisioning file item is.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionedKind {
    Org,
    User,
    Membership,
    Oauth2Client,
    Application,
    Allowlist,
    Module,
}

impl ProvisionedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Org => "org",
            Self::User => "user",
            Self::Membership => "membership",
            Self::Oauth2Client => "oauth2_client",
            Self::Application => "application",
            Self::Allowlist => "allowlist",
            Self::Module => "module",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Org => "Organisation",
            Self::User => "User",
            Self::Membership => "Membership",
            Self::Oauth2Client => "API client",
            Self::Application => "Application",
            Self::Allowlist => "Allow-list entry",
            Self::Module => "Module",
        }
    }
}

/// What applying the file did to one item.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProvisionedOutcome {
    Created,
    Changed,
    Unchanged,
}

impl ProvisionedOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Changed => "changed",
            Self::Unchanged => "unchanged",
        }
    }
}

/// One item of the file and its outcome.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionedItem {
    pub kind: ProvisionedKind,
    /// The item's name: username, organisation name, `username@org`,
    /// client name, allow-list entry or module name.
    pub name: String,
    pub outcome: ProvisionedOutcome,
    /// The fields that changed (empty unless `changed`); never their values
    /// when secret.
    #[serde(default)]
    pub changes: Vec<String>,
}

/// The result of applying the provisioning file.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisioningReport {
    pub created: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub items: Vec<ProvisionedItem>,
}

impl ProvisioningReport {
    pub fn push(&mut self, item: ProvisionedItem) {
        match item.outcome {
            ProvisionedOutcome::Created => self.created += 1,
            ProvisionedOutcome::Changed => self.changed += 1,
            ProvisionedOutcome::Unchanged => self.unchanged += 1,
        }
        self.items.push(item);
    }
}

/// One problem of a provisioning file: where (1-based line, 0 when it is
/// about the file as a whole) and what.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisioningProblem {
    pub line: u64,
    /// `provisioning_unreadable`, `provisioning_syntax`,
    /// `provisioning_invalid`, `provisioning_duplicate` or
    /// `provisioning_unknown_org`.
    pub code: String,
    pub message: String,
}

impl ProvisioningProblem {
    pub fn new(line: u64, code: &str, message: impl Into<String>) -> Self {
        Self {
            line,
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ProvisioningProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}
