//! The token endpoint's OpenID Connect grants: authorization code (with
//! PKCE), refresh token (rotated at every use, a replay revokes the grant)
//! and device code; and the client authentication they share.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::{
    has_scope, issuer, standing, user_claims, ACCESS_TOKEN_PREFIX, ACCESS_TOKEN_TTL_SECS,
    ID_TOKEN_TTL_SECS, REFRESH_TOKEN_PREFIX, REFRESH_TOKEN_TTL_SECS,
};
use crate::{
    model::AppError,
    server::{
        auth::token::{constant_time_eq, generate_secret_with, hash_secret},
        db::{
            self,
            applications::AppRow,
            oidc::{GrantStanding, Spend},
        },
        ops::oauth2::{IssuedToken, TokenError, TokenRequest},
        time::now_ms,
        AppState,
    },
};

fn limited(e: AppError) -> TokenError {
    match e {
        AppError::RateLimited { retry_after_secs } => TokenError::RateLimited(retry_after_secs),
        _ => TokenError::Internal,
    }
}

/// The application a token request (or device authorization, revocation,
/// introspection) comes from: a confidential client proves it with its
/// secret, a public one only names itself. Failures are rate limited per
/// address and client id. A secret is 256 random bits checked by one
/// SHA-256, so unlike a password a guess need not be counted before it is
/// checked, nor the limit read before a success: a busy client's requests
/// are never refused and cost no query for the limiter.
pub async fn authenticate_client(
    state: &AppState,
    client_id: Option<&str>,
    secret: Option<&str>,
    ip: Option<&str>,
) -> Result<AppRow, TokenError> {
    let Some(client_id) = client_id else {
        return Err(TokenError::InvalidClient);
    };
    let found = state.clients.get(&state.db, client_id).await?;
    let ok = match (found.as_deref(), secret) {
        (Some((app, Some(digest))), Some(secret)) if app.client_type == "confidential" => {
            constant_time_eq(digest, &hash_secret(secret))
        }
        (Some((app, _)), None) => app.client_type == "public",
        _ => false,
    };
    match found.as_deref() {
        Some((app, _)) if ok && app.kind == "oidc" => Ok(app.clone()),
        _ => {
            // Over the limit, failures are told to wait (429).
            let account = format!("oauth2:{client_id}");
            state
                .login_limiter
                .check(ip, &account)
                .await
                .map_err(limited)?;
            state.login_limiter.record_failure(ip, &account).await;
            Err(TokenError::InvalidClient)
        }
    }
}

/// [`authenticate_client`] with the credentials a form (token, device,
/// revocation or introspection request) carries.
pub async fn authenticate_form_client(
    state: &AppState,
    form: &TokenRequest,
    ip: Option<&str>,
) -> Result<AppRow, TokenError> {
    authenticate_client(
        state,
        form.client_id.as_deref(),
        form.client_secret.as_deref(),
        ip,
    )
    .await
}

/// A grant's "last used" is kept to the minute: a busy client refreshing
/// every few seconds does not rewrite it each time.
const GRANT_USE_PRECISION_MS: i64 = 60_000;

fn invalid_grant(why: &str) -> TokenError {
    TokenError::InvalidGrant(why.into())
}

/// `BASE64URL(SHA256(verifier)) == challenge` (RFC 7636 §4.6, S256).
fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    well_formed && constant_time_eq(&URL_SAFE_NO_PAD.encode(Sha256::digest(verifier)), challenge)
}

async fn alive(state: &AppState, grant: &GrantStanding) -> Result<(), TokenError> {
    match standing(state, grant).await? {
        Ok(()) => Ok(()),
        Err(_) => Err(invalid_grant("the grant is no longer valid")),
    }
}

pub async fn authorization_code(
    state: &AppState,
    app: &AppRow,
    code: Option<&str>,
    redirect_uri: Option<&str>,
    verifier: Option<&str>,
) -> Result<IssuedToken, TokenError> {
    let code = code.ok_or_else(|| TokenError::InvalidRequest("code is required".into()))?;
    let code_hash = hash_secret(code);
    let found = db::oidc::code(&state.db, &code_hash)
        .await?
        .ok_or_else(|| invalid_grant("unknown authorization code"))?;
    if found.grant.application_id != app.id {
        return Err(invalid_grant("the code was issued to another client"));
    }
    if found.used_at.is_some() {
        // A replayed code: whoever holds it, the tokens issued from it die.
        db::oidc::revoke_grant(&state.db, &found.grant.grant_id, now_ms(), None).await?;
        return Err(invalid_grant("the code was already used"));
    }
    if found.expires_at <= now_ms() {
        return Err(invalid_grant("the code has expired"));
    }
    if redirect_uri != Some(found.redirect_uri.as_str()) {
        return Err(invalid_grant(
            "redirect_uri differs from the authorization request",
        ));
    }
    match (found.code_challenge.as_deref(), verifier) {
        (Some(challenge), Some(verifier)) if pkce_matches(verifier, challenge) => {}
        (Some(_), _) => {
            return Err(invalid_grant(
                "code_verifier does not match the code_challenge",
            ))
        }
        (None, Some(_)) => return Err(invalid_grant("no code_challenge was sent for this code")),
        (None, None) => {}
    }
    alive(state, &found.grant).await?;
    let scopes = found.grant.scopes.clone();
    mint(state, app, &found.grant, &scopes, Spend::Code(&code_hash))
        .await?
        .ok_or_else(|| invalid_grant("the code was already used"))
}

pub async fn refresh(
    state: &AppState,
    app: &AppRow,
    refresh_token: Option<&str>,
    scope: Option<&str>,
) -> Result<IssuedToken, TokenError> {
    let token = refresh_token
        .ok_or_else(|| TokenError::InvalidRequest("refresh_token is required".into()))?;
    let hash = hash_secret(token);
    let found = match db::oidc::token(&state.db, &hash).await? {
        Some(found) if found.kind == "refresh" => found,
        _ => return Err(invalid_grant("unknown refresh token")),
    };
    if found.grant.application_id != app.id {
        return Err(invalid_grant(
            "the refresh token was issued to another client",
        ));
    }
    if found.used_at.is_some() {
        // RFC 9700 §4.14.2: a rotated token presented again means it leaked.
        db::oidc::revoke_grant(&state.db, &found.grant.grant_id, now_ms(), None).await?;
        return Err(invalid_grant(
            "the refresh token was already used; the grant is revoked",
        ));
    }
    if found.expires_at <= now_ms() {
        return Err(invalid_grant("the refresh token has expired"));
    }
    alive(state, &found.grant).await?;
    let scopes = match scope.map(str::trim).filter(|s| !s.is_empty()) {
        None => found.grant.scopes.clone(),
        Some(asked) => {
            if let Some(extra) = asked
                .split_whitespace()
                .find(|s| !has_scope(&found.grant.scopes, s))
            {
                return Err(TokenError::InvalidScope(format!(
                    "scope '{extra}' was not granted"
                )));
            }
            asked.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    };
    match mint(state, app, &found.grant, &scopes, Spend::Refresh(&hash)).await? {
        Some(tokens) => Ok(tokens),
        None => {
            // Spent by a concurrent request: a replay as well.
            db::oidc::revoke_grant(&state.db, &found.grant.grant_id, now_ms(), None).await?;
            Err(invalid_grant(
                "the refresh token was already used; the grant is revoked",
            ))
        }
    }
}

/// Issues an access token (and a refresh token with `offline_access`, and
/// an ID token with `openid`) while spending the presented credential;
/// None when it had been spent meanwhile.
pub(super) async fn mint(
    state: &AppState,
    app: &AppRow,
    grant: &GrantStanding,
    scopes: &str,
    spend: Spend<'_>,
) -> Result<Option<IssuedToken>, TokenError> {
    let now = now_ms();
    let access = generate_secret_with(ACCESS_TOKEN_PREFIX);
    let access_hash = hash_secret(&access);
    let refresh = has_scope(&grant.scopes, "offline_access")
        .then(|| generate_secret_with(REFRESH_TOKEN_PREFIX));
    let refresh_hash = refresh.as_deref().map(hash_secret);
    let mut tokens = vec![(
        access_hash.as_str(),
        "access",
        scopes,
        now + ACCESS_TOKEN_TTL_SECS * 1000,
    )];
    if let Some(hash) = &refresh_hash {
        tokens.push((
            hash.as_str(),
            "refresh",
            grant.scopes.as_str(),
            now + REFRESH_TOKEN_TTL_SECS * 1000,
        ));
    }
    // The ID token only for the first issue (a code or a device), and only
    // with `openid`; OIDC Core §12.2 lets a refresh answer without one.
    let id_token = match spend {
        Spend::Refresh(_) => None,
        _ if has_scope(scopes, "openid") => Some(id_token(state, app, grant, scopes, now).await?),
        _ => None,
    };
    let touch_grant = now - grant.grant_last_used_at >= GRANT_USE_PRECISION_MS;
    if !db::oidc::issue_tokens(&state.db, &grant.grant_id, spend, &tokens, now, touch_grant).await?
    {
        return Ok(None);
    }
    prune_now_and_then(state, now);
    Ok(Some(IssuedToken {
        access_token: access,
        expires_in: ACCESS_TOKEN_TTL_SECS,
        scope: scopes.to_owned(),
        refresh_token: refresh,
        id_token,
    }))
}

/// Expired tokens and codes are deleted at most once a minute per process,
/// off the request path.
fn prune_now_and_then(state: &AppState, now: i64) {
    use std::sync::atomic::{AtomicI64, Ordering};
    static LAST: AtomicI64 = AtomicI64::new(0);
    let last = LAST.load(Ordering::Relaxed);
    if now - last < 60_000
        || LAST
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    let db = state.db.clone();
    tokio::spawn(async move {
        if let Err(e) = db::oidc::prune_expired(&db, now).await {
            tracing::warn!("could not prune expired OpenID Connect tokens: {e}");
        }
    });
}

async fn id_token(
    state: &AppState,
    app: &AppRow,
    grant: &GrantStanding,
    scopes: &str,
    now: i64,
) -> Result<String, TokenError> {
    let mut claims = user_claims(state, grant, scopes).await?;
    let iat = now / 1000;
    claims.insert("iss".into(), json!(issuer(state)));
    claims.insert("aud".into(), json!(app.id));
    claims.insert("azp".into(), json!(app.id));
    claims.insert("iat".into(), json!(iat));
    claims.insert("exp".into(), json!(iat + ID_TOKEN_TTL_SECS));
    claims.insert("auth_time".into(), json!(grant.auth_time / 1000));
    if let Some(nonce) = &grant.nonce {
        claims.insert("nonce".into(), json!(nonce));
    }
    let keys = state.signing_keys.get(&state.db).await?;
    Ok(keys.sign(&app.id_token_alg, &Value::Object(claims))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_as_in_rfc_7636_appendix_b() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(pkce_matches(verifier, challenge));
        assert!(!pkce_matches(&verifier.replace('d', "e"), challenge));
        assert!(!pkce_matches("short", challenge));
    }
}
