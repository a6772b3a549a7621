//! The audit log as the API and the panel show it.

use serde::{Deserialize, Serialize};

use super::{CountMode, PageRequest};

/// Who did it: `type` is `user`, `token` (an API token of the user `id`),
/// `oauth2_client` (`id` is the client) or `system` (CLI, jobs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditActor {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Option<String>,
    pub name: String,
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

    /// Parses `filter[target]`: `user` or `user:ID`.
    pub fn set_target(&mut self, raw: &str) {
        match raw.split_once(':') {
            Some((kind, id)) => {
                self.target_type = Some(kind.to_owned());
                self.target_id = Some(id.to_owned());
            }
            None => {
                self.target_type = Some(raw.to_owned());
                self.target_id = None;
            }
        }
    }
}

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
        f.set_target("user:01ABC");
        assert_eq!(f.target_type.as_deref(), Some("user"));
        assert_eq!(f.target_id.as_deref(), Some("01ABC"));
        f.set_target("org");
        assert_eq!(f.target_type.as_deref(), Some("org"));
        assert_eq!(f.target_id, None);
    }
}
