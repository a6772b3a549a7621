//! Admin API credentials and the IP allow-list, as the panel and the API
//! show them. Timestamps are RFC 3339 UTC strings; secrets never appear here
//! except in the one-time `*Created` values.

use serde::{Deserialize, Serialize};

/// Everything an admin may do.
pub const SCOPE_ADMIN: &str = "urn:gatehouse:admin";
/// GET requests only.
pub const SCOPE_ADMIN_READ: &str = "urn:gatehouse:admin:read";
pub const SCOPES: [&str; 2] = [SCOPE_ADMIN, SCOPE_ADMIN_READ];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    /// `active`, `expired` or `revoked`.
    pub state: String,
}

/// A new personal token; `secret` is shown this once and never again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenCreated {
    pub token: ApiToken,
    pub secret: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthClient {
    /// The `client_id` of the client-credentials grant.
    pub id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub created_by: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthClientCreated {
    pub client: OAuthClient,
    pub client_secret: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowEntry {
    /// A single address or a CIDR network, in canonical form.
    pub entry: String,
    pub note: Option<String>,
    pub created_at: String,
    pub created_by: String,
}

/// The allow-list with what the panel needs to warn before a lock-out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowList {
    pub entries: Vec<AllowEntry>,
    /// The address this request came from, as the server sees it.
    pub your_ip: Option<String>,
}
