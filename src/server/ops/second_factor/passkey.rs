//! Passkeys and security keys (WebAuthn, through `webauthn-rs`): added on
//! `/account/security`, used as the second step of a sign-in, or alone
//! (passwordless: the passkey verifies the user itself).
//!
//! The ceremony state between the browser's two requests lives in the
//! caller's session (the server functions keep it), never in the client.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::json;
use sha2::{Digest, Sha256};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, DiscoverableKey, Passkey, PasskeyAuthentication,
    PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential, Url, Uuid, Webauthn,
    WebauthnBuilder,
};

use super::super::{Access, Caller};
use crate::{
    model::{second_factor::Factor, AppError, FieldError},
    server::{
        db::{self, factors::FactorRow, users::UserRow},
        time::{new_id, now_ms},
        AppState,
    },
};

/// The relying party of this server: its public URL's host. WebAuthn takes
/// no IP address, so a server on a loopback address (development, tests)
/// answers as `localhost` on the same port; any other IP: no passkeys.
pub fn relying_party(state: &AppState) -> Option<Webauthn> {
    let (rp_id, origin) = relying_party_id(state)?;
    WebauthnBuilder::new(&rp_id, &origin)
        .ok()?
        .rp_name("Gatehouse")
        .build()
        .ok()
}

/// The relying party's id (a host name) and origin.
fn relying_party_id(state: &AppState) -> Option<(String, Url)> {
    let url = Url::parse(&state.config.public_url).ok()?;
    match url.host()? {
        url::Host::Domain(domain) => Some((domain.to_owned(), url.clone())),
        url::Host::Ipv4(ip) if ip.is_loopback() => local(&url),
        url::Host::Ipv6(ip) if ip.is_loopback() => local(&url),
        _ => None,
    }
}

/// Whether a page at `host` (what the browser asked for) can use passkeys
/// here: the browser only accepts the relying party's own host or one below
/// it (a panel opened at `127.0.0.1` cannot, one at `localhost` can).
pub fn usable_from(state: &AppState, host: Option<&str>) -> bool {
    let (Some((rp_id, _)), Some(host)) = (relying_party_id(state), host) else {
        return false;
    };
    within(&rp_id, host)
}

/// Whether `host` is the relying party's host or a host below it.
fn within(rp_id: &str, host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == rp_id || host.ends_with(&format!(".{rp_id}"))
}

fn local(url: &Url) -> Option<(String, Url)> {
    let mut origin = url.clone();
    origin.set_host(Some("localhost")).ok()?;
    Some(("localhost".to_owned(), origin))
}

fn unavailable() -> AppError {
    AppError::conflict(
        "passkeys_unavailable",
        None,
        "Passkeys need the server's public URL to name a host (not an IP address).",
    )
}

/// The WebAuthn user handle of an account: stable, and not its id.
fn user_handle(user_id: &str) -> Uuid {
    let digest = Sha256::digest(user_id.as_bytes());
    Uuid::from_slice(&digest[..16]).unwrap_or_default()
}

fn credential_id(passkey: &Passkey) -> String {
    URL_SAFE_NO_PAD.encode(passkey.cred_id().as_slice())
}

fn ceremony_failed(field: &str, e: impl std::fmt::Display) -> AppError {
    tracing::info!("passkey ceremony refused: {e}");
    AppError::Invalid(vec![FieldError::new(
        field,
        "passkey_invalid",
        "The passkey did not answer as expected: try again.",
    )])
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!("passkey state: {e}");
        AppError::Internal
    })
}

fn from_json<T: serde::de::DeserializeOwned>(raw: &str, field: &str) -> Result<T, AppError> {
    serde_json::from_str(raw).map_err(|e| ceremony_failed(field, e))
}

fn passkeys_of(rows: &[FactorRow]) -> Vec<(String, Passkey)> {
    rows.iter()
        .filter(|r| r.kind == db::factors::KIND_PASSKEY)
        .filter_map(|r| Some((r.id.clone(), serde_json::from_str(&r.secret).ok()?)))
        .collect()
}

/// Options for the browser's `navigator.credentials.create` (JSON), and the
/// state to keep until the answer (JSON).
pub async fn begin_registration(
    state: &AppState,
    caller: &Caller,
) -> Result<(serde_json::Value, String), AppError> {
    let user_id = caller.require_own_enrolment(Access::Write)?;
    let webauthn = relying_party(state).ok_or_else(unavailable)?;
    let existing = db::factors::list_for_user(&state.db, user_id).await?;
    let exclude: Vec<_> = passkeys_of(&existing)
        .iter()
        .map(|(_, p)| p.cred_id().clone())
        .collect();
    let (options, registration) = webauthn
        .start_passkey_registration(
            user_handle(user_id),
            &caller.username,
            &caller.username,
            Some(exclude),
        )
        .map_err(|e| ceremony_failed("passkey", e))?;
    let mut options = serde_json::to_value(&options).map_err(|_| AppError::Internal)?;
    // Discoverable where the authenticator can: the same passkey then also
    // signs in without a password.
    if let Some(selection) = options["publicKey"]["authenticatorSelection"].as_object_mut() {
        selection.insert("residentKey".into(), json!("preferred"));
    }
    Ok((options, to_json(&registration)?))
}

/// Adds the passkey the browser created.
pub async fn finish_registration(
    state: &AppState,
    caller: &Caller,
    saved: &str,
    name: &str,
    response: &str,
) -> Result<Factor, AppError> {
    let user_id = caller.require_own_enrolment(Access::Write)?;
    let webauthn = relying_party(state).ok_or_else(unavailable)?;
    let name = super::super::tokens::parse_name(name).map_err(|e| AppError::Invalid(vec![e]))?;
    let registration: PasskeyRegistration = from_json(saved, "passkey")?;
    let response: RegisterPublicKeyCredential = from_json(response, "passkey")?;
    let passkey = webauthn
        .finish_passkey_registration(&response, &registration)
        .map_err(|e| ceremony_failed("passkey", e))?;
    let credential = credential_id(&passkey);
    if db::factors::by_credential_id(&state.db, &credential)
        .await?
        .is_some()
    {
        return Err(AppError::conflict(
            "passkey_registered",
            None,
            "This passkey is already registered.",
        ));
    }
    let row = FactorRow {
        id: new_id(),
        user_id: user_id.to_owned(),
        kind: db::factors::KIND_PASSKEY.to_owned(),
        name,
        secret: to_json(&passkey)?,
        credential_id: Some(credential),
        last_step: None,
        created_at: now_ms(),
        last_used_at: None,
    };
    super::enrol(state, caller, row).await
}

/// Options for `navigator.credentials.get` limited to `user_id`'s passkeys
/// (the second step after a password), and the state to keep.
pub async fn begin_second_step(
    state: &AppState,
    user_id: &str,
) -> Result<(serde_json::Value, String), AppError> {
    let webauthn = relying_party(state).ok_or_else(unavailable)?;
    let rows = db::factors::list_for_user(&state.db, user_id).await?;
    let passkeys: Vec<Passkey> = passkeys_of(&rows).into_iter().map(|(_, p)| p).collect();
    if passkeys.is_empty() {
        return Err(AppError::NotFound("no passkey is registered".into()));
    }
    let (options, authentication) = webauthn
        .start_passkey_authentication(&passkeys)
        .map_err(|e| ceremony_failed("passkey", e))?;
    let options = serde_json::to_value(&options).map_err(|_| AppError::Internal)?;
    Ok((options, to_json(&authentication)?))
}

/// Checks the browser's answer to [`begin_second_step`]; a failure counts
/// like a wrong code.
pub async fn finish_second_step(
    state: &AppState,
    user: &UserRow,
    saved: &str,
    response: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let webauthn = relying_party(state).ok_or_else(unavailable)?;
    let attempt = state
        .login_limiter
        .begin(ip, &format!("second-factor:{}", user.username))
        .await?;
    let authentication: PasskeyAuthentication = from_json(saved, "passkey")?;
    let answer: PublicKeyCredential = from_json(response, "passkey")?;
    let verified = webauthn.finish_passkey_authentication(&answer, &authentication);
    let rows = db::factors::list_for_user(&state.db, &user.id).await?;
    match verified {
        Ok(result) => {
            for (id, mut passkey) in passkeys_of(&rows) {
                if passkey.update_credential(&result).is_some() {
                    db::factors::passkey_used(&state.db, &id, &to_json(&passkey)?, now_ms())
                        .await?;
                }
            }
            attempt.succeeded().await;
            Ok(())
        }
        Err(e) => {
            drop(attempt);
            let actor = Caller::signing_in(user, ip);
            let audit = actor.audit(
                "second_factor.fail",
                "user",
                Some(&user.id),
                json!({"method": "passkey"}),
            );
            db::audit::record(&state.db, &audit).await?;
            Err(ceremony_failed("passkey", e))
        }
    }
}

/// Options for a passwordless sign-in: any passkey this site knows.
pub fn begin_sign_in(state: &AppState) -> Result<(serde_json::Value, String), AppError> {
    let webauthn = relying_party(state).ok_or_else(unavailable)?;
    let (mut options, authentication) = webauthn
        .start_discoverable_authentication()
        .map_err(|e| ceremony_failed("passkey", e))?;
    // Started from a button, not from the username field's autofill.
    options.mediation = None;
    let options = serde_json::to_value(&options).map_err(|_| AppError::Internal)?;
    Ok((options, to_json(&authentication)?))
}

/// The account a passwordless sign-in proved (the passkey verified the
/// user, so it counts as both factors). Refused like a wrong password:
/// unknown passkey, locked account, bad signature.
pub async fn finish_sign_in(
    state: &AppState,
    saved: &str,
    response: &str,
    ip: Option<&str>,
) -> Result<UserRow, AppError> {
    let webauthn = relying_party(state).ok_or_else(unavailable)?;
    let authentication: DiscoverableAuthentication = from_json(saved, "passkey")?;
    let answer: PublicKeyCredential = from_json(response, "passkey")?;
    let (handle, credential) = webauthn
        .identify_discoverable_authentication(&answer)
        .map_err(|e| ceremony_failed("passkey", e))?;
    let credential = URL_SAFE_NO_PAD.encode(credential);
    let row = db::factors::by_credential_id(&state.db, &credential)
        .await?
        .filter(|row| user_handle(&row.user_id) == handle)
        .ok_or(AppError::InvalidCredentials)?;
    let user = db::users::by_id(&state.db, &row.user_id)
        .await?
        .ok_or(AppError::InvalidCredentials)?;
    let attempt = state.login_limiter.begin(ip, &user.username).await?;
    let mut passkey: Passkey = from_json(&row.secret, "passkey")?;
    let result = webauthn.finish_discoverable_authentication(
        &answer,
        authentication,
        &[DiscoverableKey::from(&passkey)],
    );
    let Ok(result) = result else {
        drop(attempt);
        return Err(AppError::InvalidCredentials);
    };
    match user.status() {
        crate::model::UserStatus::Active => {}
        crate::model::UserStatus::Locked => {
            attempt.not_a_guess().await;
            return Err(AppError::Forbidden("This account is locked.".into()));
        }
        crate::model::UserStatus::Deactivated => {
            attempt.not_a_guess().await;
            return Err(AppError::InvalidCredentials);
        }
    }
    attempt.succeeded().await;
    if passkey.update_credential(&result).is_some() {
        db::factors::passkey_used(&state.db, &row.id, &to_json(&passkey)?, now_ms()).await?;
    }
    Ok(user)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_below_the_relying_party_may_use_passkeys_and_no_others() {
        assert!(within("id.example.org", "id.example.org"));
        assert!(within("example.org", "ID.Example.org"));
        assert!(!within("localhost", "127.0.0.1"));
        assert!(!within("example.org", "badexample.org"));
        assert!(!within("id.example.org", "example.org"));
    }

    #[test]
    fn a_loopback_server_answers_as_localhost_on_its_port() {
        let url = Url::parse("http://127.0.0.1:3210").unwrap();
        let (rp_id, origin) = local(&url).unwrap();
        assert_eq!(rp_id, "localhost");
        assert_eq!(origin.as_str(), "http://localhost:3210/");
    }
}
