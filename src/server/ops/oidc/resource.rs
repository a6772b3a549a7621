//! What a token says, for those who hold one: UserInfo (the token's own
//! user), introspection (RFC 7662, for resource servers) and revocation
//! (RFC 7009, for the client it was issued to).

use serde_json::{json, Map, Value};

use super::{has_scope, issuer, standing, user_claims};
use crate::{
    model::AppError,
    server::{
        auth::token::hash_secret,
        db::{self, applications::AppRow, oidc::TokenRow},
        time::now_ms,
        AppState,
    },
};

/// A token that is known, unexpired, unspent, and whose grant stands.
async fn live_token(state: &AppState, token: &str) -> Result<Option<TokenRow>, AppError> {
    let Some(found) = db::oidc::token(&state.db, &hash_secret(token)).await? else {
        return Ok(None);
    };
    if found.expires_at <= now_ms() || found.used_at.is_some() {
        return Ok(None);
    }
    if standing(state, &found.grant).await?.is_err() {
        return Ok(None);
    }
    Ok(Some(found))
}

/// The UserInfo claims of an access token with `openid`; Unauthenticated
/// for anything else.
pub async fn userinfo(
    state: &AppState,
    access_token: &str,
) -> Result<Map<String, Value>, AppError> {
    let found = live_token(state, access_token)
        .await?
        .filter(|t| t.kind == "access" && has_scope(&t.token_scopes, "openid"))
        .ok_or(AppError::Unauthenticated)?;
    user_claims(state, &found.grant, &found.token_scopes).await
}

/// RFC 7662 §2.2: `{"active": false}` for anything not usable right now.
pub async fn introspect(state: &AppState, token: &str) -> Result<Value, AppError> {
    let Some(found) = live_token(state, token).await? else {
        return Ok(json!({"active": false}));
    };
    Ok(json!({
        "active": true,
        "scope": found.token_scopes,
        "client_id": found.grant.application_id,
        "username": found.grant.username,
        "sub": found.grant.user_id,
        "aud": found.grant.application_id,
        "iss": issuer(state),
        "token_type": if found.kind == "access" { "Bearer" } else { "refresh_token" },
        "iat": found.token_created_at / 1000,
        "exp": found.expires_at / 1000,
    }))
}

/// RFC 7009: a refresh token revokes its whole grant, an access token
/// itself. Tokens of other clients and unknown tokens are ignored (the
/// answer is the same 200 either way).
pub async fn revoke(state: &AppState, app: &AppRow, token: &str) -> Result<(), AppError> {
    let hash = hash_secret(token);
    let Some(found) = db::oidc::token(&state.db, &hash).await? else {
        return Ok(());
    };
    if found.grant.application_id != app.id {
        return Ok(());
    }
    if found.kind == "refresh" {
        db::oidc::revoke_grant(&state.db, &found.grant.grant_id, now_ms(), None).await?;
    } else {
        db::oidc::delete_token(&state.db, &hash).await?;
    }
    Ok(())
}
