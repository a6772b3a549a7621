//! What the server says about itself: version, effective settings, figures.

use serde::{Deserialize, Serialize};

/// What a secret setting shows instead of its value, everywhere.
pub const REDACTED: &str = "************";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ServerVersion {
    pub version: String,
    pub git_commit: String,
    /// RFC 3339, when the binary was built.
    pub build_time: String,
    /// `sqlite` or `postgres`.
    pub database: String,
    pub database_version: String,
}

/// The effective configuration, grouped as in the configuration file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Settings {
    pub sections: Vec<SettingsSection>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SettingsSection {
    pub name: String,
    pub settings: Vec<Setting>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Setting {
    pub key: String,
    /// Rendered for display; [`REDACTED`] for secrets, `null` when unset.
    pub value: Option<String>,
    pub secret: bool,
    /// The environment variable that overrides it, if any.
    pub env: Option<String>,
}

/// The dashboard's figures. Cheap to ask for: computed at most once every few
/// seconds per instance, from indexes and trigger-kept totals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ServerStats {
    pub users: UserTotals,
    /// Users seen in the last 1, 7 and 30 days.
    pub active_1d: i64,
    pub active_7d: i64,
    pub active_30d: i64,
    pub sessions_active: i64,
    pub tokens_active: i64,
    pub oauth2_clients: i64,
    pub orgs: i64,
    pub registration_tokens_valid: i64,
    /// Active administrators with no second factor.
    pub admins_without_second_factor: i64,
    pub connected_now: i64,
    pub messages_queued: i64,
    pub jobs_running: i64,
    /// One entry per UTC day, oldest first, today last (30 entries).
    pub daily: Vec<DailyFigures>,
    /// RFC 3339: when these figures were counted.
    pub computed_at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserTotals {
    pub total: i64,
    pub active: i64,
    pub locked: i64,
    pub deactivated: i64,
    pub admins: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DailyFigures {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub signups: i64,
    pub logins: i64,
}
