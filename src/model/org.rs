//! Organisations (Grafana's orgs) and the role a member holds in one.

use serde::{Deserialize, Serialize};

use super::{CountMode, FieldError, PageRequest};

pub const ORG_NAME_MAX_CHARS: usize = 100;

/// A member's role inside one organisation (not the server-wide admin flag).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgRole {
    #[default]
    Viewer,
    Editor,
    Admin,
}

impl OrgRole {
    pub const ALL: [OrgRole; 3] = [Self::Viewer, Self::Editor, Self::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Editor => "editor",
            Self::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    /// Viewer < editor < admin (for "at least this role").
    pub fn rank(self) -> u8 {
        match self {
            Self::Viewer => 0,
            Self::Editor => 1,
            Self::Admin => 2,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Viewer => "Viewer",
            Self::Editor => "Editor",
            Self::Admin => "Admin",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub member_count: u64,
    pub created_at: String,
    pub updated_at: String,
}

/// One user's place in one organisation, seen from the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMember {
    pub org_id: String,
    pub user_id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub role: OrgRole,
    pub joined_at: String,
}

/// One user's place in one organisation, seen from the user.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub org_id: String,
    pub org_name: String,
    pub role: OrgRole,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgFilter {
    /// Case-insensitive substring of the name.
    pub search: Option<String>,
    /// Only these organisations (the caller's own, for an organisation
    /// admin); `None`: no limit. Not a query parameter.
    #[serde(default)]
    pub ids: Option<Vec<String>>,
    pub page: PageRequest,
    pub count: CountMode,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFilter {
    pub role: Option<OrgRole>,
    /// Case-insensitive substring of username or display name.
    pub search: Option<String>,
    pub page: PageRequest,
    pub count: CountMode,
}

/// Checks an organisation name: trimmed, 1 to 100 characters, no control
/// characters.
pub fn name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(FieldError::new("name", "name_empty", "Name is required."));
    }
    if name.chars().count() > ORG_NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "name",
            "name_invalid",
            format!("Names are 1 to {ORG_NAME_MAX_CHARS} characters, with no control characters."),
        ));
    }
    Ok(name.to_owned())
}

pub fn role(raw: &str) -> Result<OrgRole, FieldError> {
    OrgRole::parse(raw).ok_or_else(|| {
        FieldError::new(
            "role",
            "role_invalid",
            "Role must be one of viewer, editor or admin.",
        )
    })
}

/// A role from a form, where empty means "not given" (422 when unknown).
pub fn optional_role(raw: Option<&str>) -> Result<Option<OrgRole>, super::AppError> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(r) => role(r)
            .map(Some)
            .map_err(|e| super::AppError::Invalid(vec![e])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("  Main Org. ").unwrap(), "Main Org.");
        assert_eq!(name("   ").unwrap_err().code, "name_empty");
        assert_eq!(name(&"x".repeat(101)).unwrap_err().code, "name_invalid");
        assert_eq!(name("a\u{7}b").unwrap_err().code, "name_invalid");
        assert!(name(&"é".repeat(100)).is_ok());
    }

    #[test]
    fn roles_parse_exactly() {
        assert_eq!(role("editor").unwrap(), OrgRole::Editor);
        assert_eq!(role("Editor").unwrap_err().code, "role_invalid");
        assert_eq!(role("owner").unwrap_err().code, "role_invalid");
    }
}
