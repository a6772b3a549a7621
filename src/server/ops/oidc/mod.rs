//! The OpenID Connect provider's logic: authorization requests, the token
//! grants, device authorization, and what a token says about its user. The
//! HTTP surface is `server::oidc`; everything it decides is decided here.

pub mod authorize;
pub mod clients;
pub mod device;
pub mod grants;
pub mod resource;

use serde_json::{json, Map, Value};

use crate::{
    model::{AppError, UserStatus},
    server::{
        db::{self, oidc::GrantStanding},
        ops::applications::stored_access,
        AppState,
    },
};

/// Scopes this provider knows; others are ignored (RFC 6749 §3.3 lets the
/// server grant fewer than asked).
pub const SUPPORTED_SCOPES: [&str; 5] = ["openid", "profile", "email", "groups", "offline_access"];

/// An authorization code is exchanged within a minute or never.
pub const CODE_TTL_SECS: i64 = 60;
/// Access tokens are opaque and checked at every use, so a revoked grant
/// stops them at once; their lifetime only bounds a stolen one.
pub const ACCESS_TOKEN_TTL_SECS: i64 = 600;
/// A refresh token unused for this long expires (each use renews it).
pub const REFRESH_TOKEN_TTL_SECS: i64 = 30 * 86_400;
pub const ID_TOKEN_TTL_SECS: i64 = 3600;

pub const ACCESS_TOKEN_PREFIX: &str = "gha_";
pub const REFRESH_TOKEN_PREFIX: &str = "ghr_";

/// Installs new ID-token signing keys (`gatehouse keys rotate`); the
/// retired ones stay in the JWKS for an ID token's lifetime.
pub async fn rotate_keys(
    state: &AppState,
    caller: &super::Caller,
) -> Result<Vec<String>, AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    let audit = caller.audit("signing_keys.rotate", "signing_keys", None, json!({}));
    let kids = crate::server::oidc::keys::rotate(&state.db, ID_TOKEN_TTL_SECS, &audit).await?;
    state.signing_keys.reload().await;
    Ok(kids)
}

/// The issuer: the public URL without a trailing slash.
pub fn issuer(state: &AppState) -> String {
    state.config.public_url.trim_end_matches('/').to_owned()
}

/// The supported scopes among `requested`, in request order, once each.
pub fn granted_scopes(requested: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for scope in requested.split_whitespace() {
        if SUPPORTED_SCOPES.contains(&scope) && !out.iter().any(|s| s == scope) {
            out.push(scope.to_owned());
        }
    }
    out
}

pub fn has_scope(scopes: &str, scope: &str) -> bool {
    scopes.split_whitespace().any(|s| s == scope)
}

/// Why a grant no longer stands.
#[derive(Debug, PartialEq, Eq)]
pub enum Dead {
    Revoked,
    UserInactive,
    LoggedOut,
    NoLongerAllowed,
}

/// Whether a grant still stands: not revoked, its user active, its browser
/// session not ended (nor every session, by "log out everywhere" or a
/// password reset), and its user still admitted by the application's rule.
pub async fn standing(
    state: &AppState,
    grant: &GrantStanding,
) -> Result<Result<(), Dead>, AppError> {
    if grant.grant_revoked_at.is_some() {
        return Ok(Err(Dead::Revoked));
    }
    if UserStatus::parse(&grant.user_status) != Some(UserStatus::Active) {
        return Ok(Err(Dead::UserInactive));
    }
    if grant.created_at < grant.sessions_valid_after || grant.session_revoked_at.is_some() {
        return Ok(Err(Dead::LoggedOut));
    }
    if !admitted(state, &grant.app_access, &grant.user_id).await? {
        return Ok(Err(Dead::NoLongerAllowed));
    }
    Ok(Ok(()))
}

/// Whether the application's access rule (stored JSON) admits the user.
pub async fn admitted(state: &AppState, access: &str, user_id: &str) -> Result<bool, AppError> {
    let rule = stored_access(access);
    if rule.is_everyone() {
        return Ok(true);
    }
    let memberships = db::orgs::memberships_of(&state.db, &[user_id.to_owned()]).await?;
    Ok(rule.admits(memberships.iter().filter_map(|m| {
        crate::model::OrgRole::parse(&m.role).map(|role| (m.org_id.as_str(), role))
    })))
}

/// The claims about a grant's user that `scopes` release (UserInfo and ID
/// token).
pub async fn user_claims(
    state: &AppState,
    grant: &GrantStanding,
    scopes: &str,
) -> Result<Map<String, Value>, AppError> {
    let mut claims = Map::new();
    claims.insert("sub".into(), json!(grant.user_id));
    if has_scope(scopes, "profile") {
        claims.insert("preferred_username".into(), json!(grant.username));
        claims.insert(
            "name".into(),
            json!(grant.display_name.as_deref().unwrap_or(&grant.username)),
        );
    }
    if has_scope(scopes, "email") {
        if let Some(email) = &grant.email {
            claims.insert("email".into(), json!(email));
            // True once a verification link, an invitation or an
            // administrator proved the current address.
            claims.insert(
                "email_verified".into(),
                json!(grant.email_verified_at.is_some()),
            );
        }
    }
    if has_scope(scopes, "groups") {
        let memberships =
            db::orgs::memberships_of(&state.db, std::slice::from_ref(&grant.user_id)).await?;
        let groups: Vec<&str> = memberships.iter().map(|m| m.org_name.as_str()).collect();
        let roles: Map<String, Value> = memberships
            .iter()
            .map(|m| (m.org_name.clone(), json!(m.role)))
            .collect();
        claims.insert("groups".into(), json!(groups));
        claims.insert("org_roles".into(), Value::Object(roles));
    }
    Ok(claims)
}
