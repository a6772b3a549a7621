//! The audit log as the API and the panel show it.

use serde::{Deserialize, Serialize};

use super::{validate, AppError, CountMode, PageRequest};

/// Who did it: `type` is `user`, `token` (an API token of the user `id`),
/// `oauth2_client` (`id` is the client) or `system` (CLI, jobs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditActor {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Option<String>,
    pub name: String,
    /// The role the action was allowed under: a server role
    /// (`helpdesk`…) or `org_admin:<org id>`; absent for own-account
    /// actions and the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// One audit record; `detail` holds `{"before":{..},"after":{..}}` for
/// changes, never a secret.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub id: String,
    pub at: String,
    pub actor: AuditActor,
    pub ip: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<String>,
    pub detail: serde_json::Value,
}

/// The list's filters, all optional and combined with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// A user id or an actor name.
    pub actor: Option<String>,
    /// Exact, or a prefix when it ends with `.` or `*` (`user.*`).
    pub action: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    /// Unix ms, inclusive.
    pub since: Option<i64>,
    /// Unix ms, exclusive.
    pub until: Option<i64>,
    pub page: PageRequest,
    pub count: CountMode,
}

impl AuditFilter {
    /// `filter[action]` as a prefix, when it asks for one.
    pub fn action_prefix(action: &str) -> Option<&str> {
        action
            .strip_suffix('*')
            .or_else(|| action.ends_with('.').then_some(action))
    }

    /// Parses `filter[target]`: `TYPE:ID` (a known type, any non-empty id),
    /// a bare known type, or a bare id (a ULID, whatever its type). Anything
    /// else is refused rather than matching nothing.
    pub fn set_target(&mut self, raw: &str) -> Result<(), AppError> {
        let known = |kind: &str| TARGET_TYPES.contains(&kind);
        let (kind, id) = match raw.split_once(':') {
            Some((kind, id)) if known(kind) && !id.is_empty() => (Some(kind), Some(id)),
            None if known(raw) => (Some(raw), None),
            None if validate::is_ulid(raw) => (None, Some(raw)),
            _ => {
                return Err(AppError::bad_parameter(
                    "filter[target]",
                    format!("filter[target] must be {TARGET_HINT}"),
                ))
            }
        };
        self.target_type = kind.map(str::to_owned);
        self.target_id = id.map(str::to_owned);
        Ok(())
    }
}

/// Every `target_type` the server records (a test in `ops::audit` checks
/// the sources against it).
pub const TARGET_TYPES: &[&str] = &[
    "allowlist",
    "application",
    "email",
    "invitation",
    "job",
    "message",
    "module",
    "oauth2_client",
    "org",
    "provisioning",
    "registration_token",
    "session",
    "signing_keys",
    "token",
    "user",
];

/// What `filter[target]` takes, for hints and errors.
pub const TARGET_HINT: &str = "a target type (user, org, ...), TYPE:ID, or an id alone";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_end_with_a_dot_or_star() {
        assert_eq!(AuditFilter::action_prefix("user.*"), Some("user."));
        assert_eq!(AuditFilter::action_prefix("user."), Some("user."));
        assert_eq!(AuditFilter::action_prefix("*"), Some(""));
        assert_eq!(AuditFilter::action_prefix("user.lock"), None);
    }

    #[test]
    fn targets_are_a_type_and_an_optional_id() {
        let mut f = AuditFilter::default();
        f.set_target("user:01ABC").unwrap();
        assert_eq!(f.target_type.as_deref(), Some("user"));
        assert_eq!(f.target_id.as_deref(), Some("01ABC"));
        f.set_target("org").unwrap();
        assert_eq!(f.target_type.as_deref(), Some("org"));
        assert_eq!(f.target_id, None);
    }

    #[test]
    fn a_bare_id_is_a_target_of_any_type() {
        let mut f = AuditFilter::default();
        f.set_target("01JD3Z6Q9V8W7X6Y5Z4A3B2C1D").unwrap();
        assert_eq!(f.target_type, None);
        assert_eq!(f.target_id.as_deref(), Some("01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"));
        f.set_target("module:audit_export").unwrap();
        assert_eq!(
            (f.target_type.as_deref(), f.target_id.as_deref()),
            (Some("module"), Some("audit_export"))
        );
    }

    #[test]
    fn other_targets_are_refused_naming_the_parameter() {
        for raw in ["alice", "users", "user:", ":01ABC", "planet:1", "USER"] {
            match AuditFilter::default().set_target(raw) {
                Err(AppError::BadRequest { parameter, .. }) => {
                    assert_eq!(parameter.as_deref(), Some("filter[target]"), "{raw}")
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }
}
