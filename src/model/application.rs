//! Applications that sign their users in through Gatehouse (OpenID Connect
//! relying parties), who may use them, and the grants users gave them.

use serde::{Deserialize, Serialize};

use super::OrgRole;

pub const APP_NAME_MAX_CHARS: usize = 100;
pub const MAX_APP_URIS: usize = 20;

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    /// An OpenID Connect relying party.
    #[default]
    Oidc,
    /// Hosts behind a reverse proxy's forward authentication.
    ForwardAuth,
}

impl ApplicationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Oidc => "oidc",
            Self::ForwardAuth => "forward_auth",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Oidc, Self::ForwardAuth]
            .into_iter()
            .find(|k| k.as_str() == raw)
    }
}

/// Whether the client can keep a secret (a server) or not (a browser or
/// command-line app, which must use PKCE).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientType {
    #[default]
    Confidential,
    Public,
}

impl ClientType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confidential => "confidential",
            Self::Public => "public",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Confidential, Self::Public]
            .into_iter()
            .find(|k| k.as_str() == raw)
    }
}

/// Members of an organisation holding at least a role.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgAccess {
    pub org_id: String,
    #[serde(default)]
    pub min_role: OrgRole,
}

/// Who may sign in: everyone signed in (no orgs), or members of any of the
/// listed organisations with at least the given role.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    #[serde(default)]
    pub orgs: Vec<OrgAccess>,
}

impl Access {
    pub fn is_everyone(&self) -> bool {
        self.orgs.is_empty()
    }

    /// Whether memberships `(org_id, role)` satisfy the rule.
    pub fn admits<'a>(&self, memberships: impl IntoIterator<Item = (&'a str, OrgRole)>) -> bool {
        if self.is_everyone() {
            return true;
        }
        memberships.into_iter().any(|(org, role)| {
            self.orgs
                .iter()
                .any(|rule| rule.org_id == org && role.rank() >= rule.min_role.rank())
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: String,
    pub kind: ApplicationKind,
    pub name: String,
    /// The OAuth2 `client_id` (the application's id).
    pub client_id: String,
    pub client_type: ClientType,
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    pub skip_consent: bool,
    /// RS256 (the default), ES256 or EdDSA.
    pub id_token_signed_response_alg: String,
    pub access: Access,
    /// Forward auth: the hosts protected (`app.example.org`, `*.example.org`,
    /// either with `:port`).
    pub hosts: Vec<String>,
    /// Forward auth: only these path prefixes of the hosts (empty: all).
    pub path_prefixes: Vec<String>,
    /// Forward auth: a personal token (`Authorization: Bearer`) passes too.
    pub allow_bearer_tokens: bool,
    /// Declared in the provisioning file (edits there win at the next reload).
    pub provisioned: bool,
    pub created_at: String,
    pub updated_at: String,
    pub last_sign_in_at: Option<String>,
    /// Grants not revoked whose tokens may still be used.
    pub active_grants: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationCreated {
    pub application: Application,
    /// Shown once (confidential clients only); only its digest is kept.
    pub client_secret: Option<String>,
}

/// A new application, as the API and the panel's form send it.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewApplication {
    #[serde(default)]
    pub kind: Option<ApplicationKind>,
    /// 1 to 100 characters, unique without regard to case.
    pub name: String,
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// Exact URIs the authorization response may go to.
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub post_logout_redirect_uris: Vec<String>,
    /// First-party applications: no consent screen.
    #[serde(default)]
    pub skip_consent: bool,
    /// RS256 (the default), ES256 or EdDSA.
    #[serde(default)]
    pub id_token_signed_response_alg: Option<String>,
    #[serde(default)]
    pub access: Option<Access>,
    /// Forward auth: the hosts to protect (at least one).
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Forward auth: only these path prefixes (empty: the whole hosts).
    #[serde(default)]
    pub path_prefixes: Vec<String>,
    /// Forward auth: let personal tokens (`Authorization: Bearer`) through.
    #[serde(default)]
    pub allow_bearer_tokens: bool,
}

/// Changes to an application; absent fields stay as they are.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationPatch {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub redirect_uris: Option<Vec<String>>,
    #[serde(default)]
    pub post_logout_redirect_uris: Option<Vec<String>>,
    #[serde(default)]
    pub skip_consent: Option<bool>,
    #[serde(default)]
    pub id_token_signed_response_alg: Option<String>,
    #[serde(default)]
    pub access: Option<Access>,
    #[serde(default)]
    pub hosts: Option<Vec<String>>,
    #[serde(default)]
    pub path_prefixes: Option<Vec<String>>,
    #[serde(default)]
    pub allow_bearer_tokens: Option<bool>,
}

/// A user's sign-in to an application, with the scopes it was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserGrant {
    pub id: String,
    pub user_id: String,
    pub application_id: String,
    pub application_name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub last_used_at: String,
}

/// Scopes an OpenID Connect application may ask for, in plain words for
/// the consent screen.
pub const SCOPE_DESCRIPTIONS: [(&str, &str); 5] = [
    ("openid", "Know who you are (your account id)"),
    ("profile", "See your username and display name"),
    ("email", "See your email address"),
    ("groups", "See your organisations and your role in each"),
    (
        "offline_access",
        "Stay signed in while you are away (until you revoke it)",
    ),
];

pub fn scope_description(scope: &str) -> Option<&'static str> {
    SCOPE_DESCRIPTIONS
        .iter()
        .find(|(s, _)| *s == scope)
        .map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_access_rule_admits_members_with_the_role_or_more() {
        let rule = Access {
            orgs: vec![OrgAccess {
                org_id: "o1".into(),
                min_role: OrgRole::Editor,
            }],
        };
        assert!(rule.admits([("o1", OrgRole::Admin)]));
        assert!(rule.admits([("o2", OrgRole::Admin), ("o1", OrgRole::Editor)]));
        assert!(!rule.admits([("o1", OrgRole::Viewer)]));
        assert!(!rule.admits([("o2", OrgRole::Admin)]));
        assert!(!rule.admits(std::iter::empty()));
        assert!(Access::default().admits(std::iter::empty()));
    }
}
