use serde::{Deserialize, Serialize};

use super::{CountMode, Membership, OrgRole, PageRequest, UserSort};

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserStatus {
    #[default]
    Active,
    Locked,
    Deactivated,
}

impl UserStatus {
    pub const ALL: [UserStatus; 3] = [Self::Active, Self::Locked, Self::Deactivated];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Locked => "locked",
            Self::Deactivated => "deactivated",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// A user as an administrator sees it. Timestamps are RFC 3339 UTC strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub email: Option<String>,
    /// Whether the address was proven (a verification link, an invitation
    /// or an administrator).
    #[serde(default)]
    pub email_verified: bool,
    /// Holds the `server_admin` role.
    pub admin: bool,
    /// Server roles: `server_admin`, `user_admin`, `helpdesk`, `auditor`.
    #[serde(default)]
    pub roles: Vec<String>,
    pub can_request_admin: bool,
    pub status: UserStatus,
    pub created_at: String,
    pub last_seen_at: Option<String>,
    pub locked_at: Option<String>,
    pub deactivated_at: Option<String>,
    /// Set after a temporary password: the user must choose a new one.
    pub password_change_required: bool,
    /// The organisations the user belongs to, with the role in each.
    #[serde(default)]
    pub memberships: Vec<Membership>,
    /// The registration token the account was created with, if any.
    #[serde(default)]
    pub registration_token: Option<String>,
}

/// Changes to a user's profile: an absent field stays as it is, `null`
/// clears it.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[serde(default, deserialize_with = "present")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub display_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub email: Option<Option<String>>,
    #[serde(default)]
    pub can_request_admin: Option<bool>,
}

/// Tells "given as null" (`Some(None)`) from "absent" (`None`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Input of "create user", from the panel form or `POST /users`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    /// 1–64 of `a-z 0-9 . _ -`, starting with a letter or digit.
    #[cfg_attr(feature = "ssr", schema(example = "alice"))]
    pub username: String,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Shorthand for `roles: ["server_admin"]`.
    #[serde(default)]
    pub admin: bool,
    /// Server roles to grant (needs the right to manage roles, and only
    /// roles allowing no more than the caller's own).
    #[serde(default)]
    pub roles: Vec<String>,
    /// An organisation to join (400 when it does not exist); without it the
    /// configured default organisation, if any.
    #[serde(default)]
    pub org_id: Option<String>,
    /// Role in `org_id` (default viewer).
    #[serde(default)]
    pub role: Option<OrgRole>,
}

/// Filters and paging of the users list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFilter {
    pub status: Option<UserStatus>,
    pub admin: Option<bool>,
    pub can_request_admin: Option<bool>,
    /// Substring of username, display name or email.
    pub search: Option<String>,
    /// Time ranges, unix milliseconds. "Last seen before" also matches users
    /// never seen at all: both are dormant.
    pub last_seen_before: Option<i64>,
    pub last_seen_after: Option<i64>,
    pub created_before: Option<i64>,
    pub created_after: Option<i64>,
    /// Only these users (e.g. a selection in the panel); empty: no limit.
    pub ids: Vec<String>,
    /// Only members of this organisation (its id).
    #[serde(default)]
    pub org: Option<String>,
    /// Only users with (`true`) or without (`false`) a second factor.
    #[serde(default)]
    pub has_second_factor: Option<bool>,
    /// Only users whose address is (`true`) or is not (`false`) verified.
    #[serde(default)]
    pub email_verified: Option<bool>,
    pub sort: UserSort,
    pub page: PageRequest,
    pub count: CountMode,
}

/// Who is logged in, as the panel needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: String,
    pub username: String,
    /// Holds any administrative right (a server role, or an
    /// organisation's admin role): the panel shows its admin pages.
    pub admin: bool,
    /// Server roles held.
    #[serde(default)]
    pub roles: Vec<String>,
    /// What those roles allow from here (empty outside the allow-list).
    #[serde(default)]
    pub permissions: Vec<crate::model::Op>,
    /// Organisations this user is an admin of.
    #[serde(default)]
    pub org_admin_of: Vec<String>,
    /// Organisations whose members this user may see (their admins, and
    /// members from `[orgs] members_visible_to` up).
    #[serde(default)]
    pub orgs_visible: Vec<String>,
    /// A temporary password is in use: the panel only offers changing it.
    pub password_change_required: bool,
    /// Why admin pages are refused to this admin right now (IP allow-list,
    /// TLS required), if they are.
    pub admin_refusal: Option<String>,
    /// Whether this user may manage personal tokens (administrators, and
    /// members when `[account] member_tokens` is on).
    pub tokens_allowed: bool,
    /// Whether this user's self-service (profile, password, sessions,
    /// organisations, tokens) is available: always for administrators,
    /// for members while the self-service module is on.
    pub self_service: bool,
}

impl Me {
    /// Whether the panel offers `op` inside organisation `org_id`: a role
    /// allowing it, or the organisation's admin role.
    pub fn may_in_org(&self, op: crate::model::Op, org_id: &str) -> bool {
        self.may(op) || (op.org_scoped() && self.org_admin_of.iter().any(|o| o == org_id))
    }

    /// Whether the panel offers `op` (the server decides again).
    pub fn may(&self, op: crate::model::Op) -> bool {
        self.permissions.contains(&op)
    }

    /// Whether the panel page at `path` is open to this user (the page
    /// guard decides on full loads).
    pub fn may_open(&self, path: &str) -> bool {
        use crate::model::Op;
        match crate::model::roles::page_op(path) {
            Some(Op::ReadOrgs) => match path.strip_prefix("/orgs/") {
                Some(id) => self.may(Op::ReadOrgs) || self.orgs_visible.iter().any(|o| o == id),
                None => self.may(Op::ReadOrgs) || !self.orgs_visible.is_empty(),
            },
            Some(op) => self.may(op),
            None => true,
        }
    }

    /// The page to start from.
    pub fn landing_page(&self) -> &'static str {
        crate::model::roles::landing_page(|op| self.may(op), !self.org_admin_of.is_empty())
    }
}
