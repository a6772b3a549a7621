//! OAuth2 admin clients (RFC 6749 §4.4, client credentials): managed by
//! admins, they exchange their id and secret for short-lived access tokens.
//! A client acts with the roles its scopes name, read-only with the read
//! scope; revoking it ends
//! its tokens at once.

use serde_json::json;

use super::{tokens, Caller};
use crate::{
    model::{
        roles::{role_scope, roles_in_scopes, ROLE_SCOPE_PREFIX},
        AppError, OAuthClient, OAuthClientCreated, SCOPE_ADMIN, SCOPE_ADMIN_READ,
    },
    server::{
        auth::token::{constant_time_eq, generate_secret_with, hash_secret},
        db::{self, oauth2::ClientRow},
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

pub const CLIENT_SECRET_PREFIX: &str = "ghs_";
pub const ACCESS_TOKEN_PREFIX: &str = "gho_";

fn to_model(row: &ClientRow) -> OAuthClient {
    OAuthClient {
        id: row.id.clone(),
        name: row.name.clone(),
        scopes: row.scopes.split_whitespace().map(str::to_owned).collect(),
        created_at: rfc3339(row.created_at),
        created_by: row.created_by.clone(),
        last_used_at: row.last_used_at.map(rfc3339),
        revoked_at: row.revoked_at.map(rfc3339),
    }
}

pub async fn create_client(
    state: &AppState,
    caller: &Caller,
    name: &str,
    scopes: Vec<String>,
) -> Result<OAuthClientCreated, AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    caller.require_recent_verification()?;
    let mut errors = Vec::new();
    let name = tokens::parse_name(name).map_err(|e| errors.push(e)).ok();
    let scopes = tokens::parse_scopes(scopes, "scopes")
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(name), Some(mut scopes)) = (name, scopes) else {
        return Err(AppError::Invalid(errors));
    };
    // A client acts with an explicit role set: the one asked for, which
    // the creator must hold, else the creator's own.
    let (named, names_roles) = roles_in_scopes(&scopes.join(" "));
    if !names_roles {
        scopes.extend(caller.roles.iter().map(role_scope));
    } else if !caller.roles.covers(&named) {
        return Err(AppError::access_denied(
            "role_not_held",
            "You cannot give a client a role allowing more than your own roles do.",
        ));
    }
    let row = ClientRow {
        id: new_id(),
        name,
        scopes: scopes.join(" "),
        created_at: now_ms(),
        created_by: caller.username.clone(),
        last_used_at: None,
        revoked_at: None,
    };
    let secret = generate_secret_with(CLIENT_SECRET_PREFIX);
    let audit = caller.audit(
        "oauth2_client.create",
        "oauth2_client",
        Some(&row.id),
        json!({"name": row.name, "scopes": row.scopes}),
    );
    db::oauth2::insert_client(&state.db, &row, &hash_secret(&secret), &audit).await?;
    Ok(OAuthClientCreated {
        client: to_model(&row),
        client_secret: secret,
    })
}

pub async fn list_clients(state: &AppState, caller: &Caller) -> Result<Vec<OAuthClient>, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    Ok(db::oauth2::list_clients(&state.db)
        .await?
        .iter()
        .map(to_model)
        .collect())
}

/// Revokes a client (a no-op when already revoked); 404 when unknown.
pub async fn revoke_client(
    state: &AppState,
    caller: &Caller,
    id: &str,
) -> Result<OAuthClient, AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    let not_found = || AppError::NotFound(format!("no OAuth2 client with id {id}"));
    let row = db::oauth2::client(&state.db, id)
        .await?
        .ok_or_else(not_found)?;
    let audit = caller.audit(
        "oauth2_client.revoke",
        "oauth2_client",
        Some(id),
        json!({"name": row.name}),
    );
    db::oauth2::revoke_client(&state.db, id, now_ms(), &audit).await?;
    let row = db::oauth2::client(&state.db, id)
        .await?
        .ok_or_else(not_found)?;
    Ok(to_model(&row))
}

/// A token request after transport-level parsing (form or Basic header).
#[derive(Debug, Default)]
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub scope: Option<String>,
    pub code: Option<String>,
    pub redirect_uri: Option<String>,
    pub code_verifier: Option<String>,
    pub refresh_token: Option<String>,
    pub device_code: Option<String>,
    /// The token to revoke or introspect.
    pub token: Option<String>,
}

pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

#[derive(Debug)]
pub struct IssuedToken {
    pub access_token: String,
    pub expires_in: i64,
    pub scope: String,
    pub refresh_token: Option<String>,
    pub id_token: Option<String>,
}

/// The error responses of RFC 6749 §5.2, plus rate limiting.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    InvalidRequest(String),
    InvalidClient,
    InvalidScope(String),
    UnsupportedGrantType,
    /// A code, refresh token or device code that is unknown, spent,
    /// expired, another client's, or whose grant no longer stands.
    InvalidGrant(String),
    /// RFC 8628 §3.5 while the person has not decided yet.
    AuthorizationPending,
    SlowDown,
    ExpiredToken,
    AccessDenied,
    RateLimited(u64),
    Internal,
}

impl From<AppError> for TokenError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::RateLimited { retry_after_secs } => Self::RateLimited(retry_after_secs),
            _ => Self::Internal,
        }
    }
}

impl From<sqlx::Error> for TokenError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!("database error: {e}");
        Self::Internal
    }
}

/// Authenticates the client and issues an access token for the granted scopes.
pub async fn issue_token(
    state: &AppState,
    request: TokenRequest,
    ip: Option<&str>,
) -> Result<IssuedToken, TokenError> {
    use super::oidc::{device, grants};
    let oidc_client = || grants::authenticate_form_client(state, &request, ip);
    match request.grant_type.as_deref() {
        None => return Err(TokenError::InvalidRequest("grant_type is required".into())),
        Some("client_credentials") => {}
        Some("authorization_code") => {
            let app = oidc_client().await?;
            return grants::authorization_code(
                state,
                &app,
                request.code.as_deref(),
                request.redirect_uri.as_deref(),
                request.code_verifier.as_deref(),
            )
            .await;
        }
        Some("refresh_token") => {
            let app = oidc_client().await?;
            return grants::refresh(
                state,
                &app,
                request.refresh_token.as_deref(),
                request.scope.as_deref(),
            )
            .await;
        }
        Some(DEVICE_CODE_GRANT) => {
            let app = oidc_client().await?;
            return device::poll(state, &app, request.device_code.as_deref()).await;
        }
        Some(_) => return Err(TokenError::UnsupportedGrantType),
    }
    let (Some(client_id), Some(secret)) = (request.client_id, request.client_secret) else {
        return Err(TokenError::InvalidClient);
    };
    let account = format!("oauth2:{client_id}");
    let attempt = state
        .login_limiter
        .begin(ip, &account)
        .await
        .map_err(|e| match e {
            AppError::RateLimited { retry_after_secs } => TokenError::RateLimited(retry_after_secs),
            _ => TokenError::Internal,
        })?;
    let found = match db::oauth2::client_secret(&state.db, &client_id).await {
        Ok(found) => found,
        Err(e) => {
            attempt.not_a_guess().await;
            return Err(e.into());
        }
    };
    let client = match found {
        Some((client, digest))
            if client.revoked_at.is_none() && constant_time_eq(&digest, &hash_secret(&secret)) =>
        {
            attempt.succeeded().await;
            client
        }
        // A wrong secret stays counted.
        _ => return Err(TokenError::InvalidClient),
    };

    let allowed: Vec<&str> = client.scopes.split_whitespace().collect();
    let mut granted: Vec<String> = match request.scope.as_deref().map(str::trim) {
        None | Some("") => allowed.iter().map(|s| s.to_string()).collect(),
        Some(requested) => {
            let mut granted = Vec::new();
            // Full admin covers read-only, so a full client may ask for less.
            let covers = |scope: &str| {
                allowed.contains(&scope)
                    || (scope == SCOPE_ADMIN_READ && allowed.contains(&SCOPE_ADMIN))
            };
            for scope in requested.split_whitespace() {
                if !covers(scope) {
                    return Err(TokenError::InvalidScope(format!(
                        "scope '{scope}' is not granted to this client (allowed: {})",
                        allowed.join(" ")
                    )));
                }
                if !granted.iter().any(|g| g == scope) {
                    granted.push(scope.to_owned());
                }
            }
            granted
        }
    };

    let now = now_ms();
    let ttl = state.config.access_token_ttl_secs;
    let access_token = generate_secret_with(ACCESS_TOKEN_PREFIX);
    // Asking for fewer scopes narrows the roles only when it names some.
    if !roles_in_scopes(&granted.join(" ")).1 {
        granted.extend(
            allowed
                .iter()
                .filter(|s| s.starts_with(ROLE_SCOPE_PREFIX))
                .map(|s| s.to_string()),
        );
    }
    let scope = granted.join(" ");
    db::oauth2::insert_access_token(
        &state.db,
        &db::oauth2::NewAccessToken {
            id: &new_id(),
            client_id: &client.id,
            token_hash: &hash_secret(&access_token),
            scopes: &scope,
            created_at: now,
            expires_at: now + ttl * 1000,
        },
    )
    .await?;
    Ok(IssuedToken {
        access_token,
        expires_in: ttl,
        scope,
        refresh_token: None,
        id_token: None,
    })
}
