//! Panel login sessions ("devices"), as the API and the panel show them.

use serde::{Deserialize, Serialize};

use super::{CountMode, PageRequest};

/// What kind of device a session's browser runs on (from its User-Agent).
pub const DEVICES: [&str; 5] = ["desktop", "mobile", "tablet", "bot", "other"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub browser: Option<String>,
    pub browser_version: Option<String>,
    pub os: Option<String>,
    pub os_version: Option<String>,
    /// One of [`DEVICES`].
    pub device: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub revoked_at: Option<String>,
    /// Not revoked and seen within the idle timeout.
    pub active: bool,
    /// The session of the request that listed it (own listings only).
    #[serde(default)]
    pub current: bool,
}

impl Session {
    /// "Firefox 133 on Windows 10", or what is known of it.
    pub fn describe(&self) -> String {
        let join = |name: &Option<String>, version: &Option<String>| match (name, version) {
            (Some(n), Some(v)) => Some(format!("{n} {v}")),
            (Some(n), None) => Some(n.clone()),
            _ => None,
        };
        match (
            join(&self.browser, &self.browser_version),
            join(&self.os, &self.os_version),
        ) {
            (Some(b), Some(o)) => format!("{b} on {o}"),
            (Some(b), None) => b,
            (None, Some(o)) => o,
            (None, None) => "Unknown browser".into(),
        }
    }
}

/// Which sessions a list shows; newest first, paged by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFilter {
    pub user_id: Option<String>,
    pub username: Option<String>,
    pub active: Option<bool>,
    pub ip: Option<String>,
    /// Unix milliseconds.
    pub last_seen_before: Option<i64>,
    pub last_seen_after: Option<i64>,
    pub page: PageRequest,
    pub count: CountMode,
}
