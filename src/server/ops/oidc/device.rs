//! The device authorization grant (RFC 8628): a command-line tool gets a
//! device code and shows a short user code; a signed-in person approves it
//! on `/device`; the tool polls the token endpoint meanwhile.

use rand::Rng;

use super::{admitted, granted_scopes, grants::mint, issuer};
use crate::{
    model::AppError,
    server::{
        auth::token::{generate_secret_with, hash_secret},
        db::{
            self,
            applications::AppRow,
            oidc::{DeviceCodeRow, GrantExtras, NewGrant, Spend},
        },
        ops::{
            oauth2::{IssuedToken, TokenError},
            oidc::authorize::SignedIn,
        },
        time::{new_id, now_ms},
        AppState,
    },
};

const DEVICE_CODE_TTL_SECS: i64 = 600;
const POLL_INTERVAL_SECS: i64 = 5;
/// Consonants only (no vowels, no look-alikes): no words, easy to type.
const USER_CODE_ALPHABET: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";

pub struct DeviceStart {
    pub device_code: String,
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: String,
    pub expires_in: i64,
    pub interval: i64,
}

fn new_user_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let mut pick = || USER_CODE_ALPHABET[rng.gen_range(0..USER_CODE_ALPHABET.len())] as char;
    let left: String = (0..4).map(|_| pick()).collect();
    let right: String = (0..4).map(|_| pick()).collect();
    format!("{left}-{right}")
}

/// A user code as typed (any case, with or without the dash or spaces),
/// in its stored form; None when it cannot be one.
pub fn normalize_user_code(raw: &str) -> Option<String> {
    let letters: String = raw
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (letters.len() == 8 && letters.bytes().all(|b| USER_CODE_ALPHABET.contains(&b)))
        .then(|| format!("{}-{}", &letters[..4], &letters[4..]))
}

pub async fn start(
    state: &AppState,
    app: &AppRow,
    scope: Option<&str>,
) -> Result<DeviceStart, TokenError> {
    let scopes = granted_scopes(scope.unwrap_or("openid"));
    if scopes.is_empty() {
        return Err(TokenError::InvalidScope(
            "ask for at least one of: openid profile email groups offline_access".into(),
        ));
    }
    let device_code = generate_secret_with("ghd_");
    let now = now_ms();
    // A clash of user codes is unlikely (20^8); one retry covers it.
    let mut user_code = new_user_code();
    for attempt in 0..2 {
        let row = DeviceCodeRow {
            device_code_hash: hash_secret(&device_code),
            user_code: user_code.clone(),
            application_id: app.id.clone(),
            scopes: scopes.join(" "),
            created_at: now,
            expires_at: now + DEVICE_CODE_TTL_SECS * 1000,
            interval_secs: POLL_INTERVAL_SECS,
            last_polled_at: None,
            status: "pending".into(),
            grant_id: None,
        };
        match db::oidc::insert_device_code(&state.db, &row).await {
            Ok(()) => break,
            Err(e) if attempt == 0 && db::is_unique_violation(&e) => user_code = new_user_code(),
            Err(e) => return Err(e.into()),
        }
    }
    let verification_uri = format!("{}/device", issuer(state));
    Ok(DeviceStart {
        verification_uri_complete: format!("{verification_uri}?user_code={user_code}"),
        verification_uri,
        device_code,
        user_code,
        expires_in: DEVICE_CODE_TTL_SECS,
        interval: POLL_INTERVAL_SECS,
    })
}

/// One poll of the token endpoint with a device code.
pub async fn poll(
    state: &AppState,
    app: &AppRow,
    device_code: Option<&str>,
) -> Result<IssuedToken, TokenError> {
    let code =
        device_code.ok_or_else(|| TokenError::InvalidRequest("device_code is required".into()))?;
    let hash = hash_secret(code);
    let found = match db::oidc::device_code(&state.db, &hash).await? {
        Some(found) if found.application_id == app.id => found,
        _ => return Err(TokenError::InvalidGrant("unknown device code".into())),
    };
    let now = now_ms();
    if found.expires_at <= now {
        return Err(TokenError::ExpiredToken);
    }
    match found.status.as_str() {
        "denied" => return Err(TokenError::AccessDenied),
        "issued" => {
            return Err(TokenError::InvalidGrant(
                "the device code was already used".into(),
            ))
        }
        "approved" => {}
        _ => {
            // RFC 8628 §3.5: polling faster than the interval slows it down.
            let too_fast = found
                .last_polled_at
                .is_some_and(|last| now - last < found.interval_secs * 1000);
            let interval = found.interval_secs + if too_fast { 5 } else { 0 };
            db::oidc::note_poll(&state.db, &hash, now, interval).await?;
            return Err(if too_fast {
                TokenError::SlowDown
            } else {
                TokenError::AuthorizationPending
            });
        }
    }
    let grant_id = found.grant_id.as_deref().unwrap_or_default();
    let grant = db::oidc::grant(&state.db, grant_id)
        .await?
        .ok_or_else(|| TokenError::InvalidGrant("the grant is gone".into()))?;
    if super::standing(state, &grant).await?.is_err() {
        return Err(TokenError::InvalidGrant(
            "the grant is no longer valid".into(),
        ));
    }
    mint(
        state,
        app,
        &grant,
        &grant.scopes.clone(),
        Spend::Device(&hash),
    )
    .await?
    .ok_or_else(|| TokenError::InvalidGrant("the device code was already used".into()))
}

/// A pending device request as the `/device` page shows it.
pub struct DeviceRequest {
    pub user_code: String,
    pub app_name: String,
    pub scopes: Vec<String>,
}

/// The device request a typed user code names, while it awaits an answer.
async fn pending_code(state: &AppState, typed: &str) -> Result<Option<DeviceCodeRow>, AppError> {
    let Some(code) = normalize_user_code(typed) else {
        return Ok(None);
    };
    let found = db::oidc::device_code_by_user_code(&state.db, &code).await?;
    Ok(found.filter(|d| d.status == "pending" && d.expires_at > now_ms()))
}

/// Looks up a code typed on `/device`; wrong codes count like wrong passwords.
pub async fn lookup(
    state: &AppState,
    typed: &str,
    who: &SignedIn,
    ip: Option<&str>,
) -> Result<Option<DeviceRequest>, AppError> {
    let attempt = state
        .login_limiter
        .begin(ip, &format!("device:{}", who.user_id))
        .await?;
    let Some(found) = pending_code(state, typed).await? else {
        drop(attempt);
        return Ok(None);
    };
    attempt.not_a_guess().await;
    let app = db::applications::get(&state.db, &found.application_id).await?;
    Ok(app.map(|app| DeviceRequest {
        user_code: found.user_code,
        app_name: app.name,
        scopes: found.scopes.split_whitespace().map(str::to_owned).collect(),
    }))
}

pub enum DeviceAnswer {
    Approved {
        app_name: String,
    },
    Denied,
    /// Not admitted by the application's access rule.
    Refused {
        app_name: String,
    },
    /// Unknown, expired or already answered.
    Gone,
}

/// The person's answer on `/device`.
pub async fn answer(
    state: &AppState,
    user_code: &str,
    who: &SignedIn,
    allow: bool,
) -> Result<DeviceAnswer, AppError> {
    let Some(found) = pending_code(state, user_code).await? else {
        return Ok(DeviceAnswer::Gone);
    };
    let Some(app) = db::applications::get(&state.db, &found.application_id).await? else {
        return Ok(DeviceAnswer::Gone);
    };
    if !allow {
        db::oidc::deny_device_code(&state.db, &found.device_code_hash).await?;
        return Ok(DeviceAnswer::Denied);
    }
    if !admitted(state, &app.access, &who.user_id).await? {
        db::oidc::deny_device_code(&state.db, &found.device_code_hash).await?;
        return Ok(DeviceAnswer::Refused { app_name: app.name });
    }
    let now = now_ms();
    db::oidc::insert_grant(
        &state.db,
        &NewGrant {
            id: &new_id(),
            application_id: &app.id,
            user_id: &who.user_id,
            session_id: Some(&who.session_id),
            scopes: &found.scopes,
            nonce: None,
            auth_time: who.login_at,
            now,
        },
        &GrantExtras {
            code: None,
            consent: None,
            request_id: None,
            device_code_hash: Some(&found.device_code_hash),
        },
    )
    .await?;
    Ok(DeviceAnswer::Approved { app_name: app.name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_codes_are_typed_loosely_and_stored_one_way() {
        let code = new_user_code();
        assert_eq!(normalize_user_code(&code).as_deref(), Some(code.as_str()));
        assert_eq!(
            normalize_user_code("bcdf ghjk").as_deref(),
            Some("BCDF-GHJK")
        );
        assert_eq!(normalize_user_code("BCDFGHJ"), None);
        assert_eq!(normalize_user_code("BCDF-GHJA"), None, "no vowels");
    }
}
