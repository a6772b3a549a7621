//! Importing users from CSV or JSON lines: options and the report.

use serde::{Deserialize, Serialize};

use super::FieldError;

/// What to do with a row whose username already exists.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnConflict {
    /// Leave the existing user alone.
    #[default]
    Skip,
    /// Reject the row (and so, unless a dry run, the whole import).
    Fail,
    /// Apply the row's fields to the existing user.
    Update,
}

impl OnConflict {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "skip" => Some(Self::Skip),
            "fail" => Some(Self::Fail),
            "update" => Some(Self::Update),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowOutcome {
    Created,
    Updated,
    Skipped,
    Rejected,
}

/// One row worth reporting: rejected or skipped ones (with why), and
/// created ones that got a generated password (shown once).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowReport {
    /// Line of the file where the row starts (1 is a CSV header).
    pub line: u64,
    pub username: String,
    pub outcome: RowOutcome,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<FieldError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary_password: Option<String>,
}

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Whether the rows were written: never for a dry run, and never when
    /// any row was rejected (an import is all-or-nothing).
    pub applied: bool,
    pub total: u64,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub rejected: u64,
    pub rows: Vec<RowReport>,
}
