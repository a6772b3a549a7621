//! Resolves the caller of a request from its credentials: a bearer token,
//! HTTP Basic (server admins), or the session cookie, in that order.

use axum::http::{header::AUTHORIZATION, HeaderMap};
use base64::{engine::general_purpose::STANDARD, Engine};
use tower_sessions::Session;

use super::{
    network::ClientAddr,
    password,
    session::{ENROL_KEY, LOGIN_AT_KEY, SEEN_KEY, SESSION_ID_KEY, USER_ID_KEY, VERIFIED_AT_KEY},
    token::hash_secret,
};
use crate::{
    model::{
        roles::{roles_in_scopes, ORG_ADMIN_SCOPE},
        AppError, UserStatus,
    },
    server::{
        db::{self, users::UserRow},
        ops::{self, oauth2::ACCESS_TOKEN_PREFIX, AuthMethod, Caller},
        time::now_ms,
        AppState,
    },
};

/// `Ok(None)`: no credentials at all. `Err(Unauthenticated)`: credentials
/// that are wrong, expired, revoked, or belong to an account that cannot log in.
/// For administrators, also works out whether their address may use admin
/// rights (allow-list, TLS), which `Caller::require` then enforces.
pub async fn resolve(
    state: &AppState,
    headers: &HeaderMap,
    session: Option<&Session>,
    addr: ClientAddr,
) -> Result<Option<Caller>, AppError> {
    let caller = authenticate(state, headers, session, addr.ip_string()).await?;
    match caller {
        Some(mut caller) if caller.has_admin_rights() => {
            caller.network_refusal = ops::allowlist::network_refusal(state, &addr).await?;
            Ok(Some(caller))
        }
        other => Ok(other),
    }
}

/// [`resolve`] for what the panel calls on the public listener (server
/// functions, the live stream). When the admin API is kept off that listener
/// (`admin_api.on_main_listener = false`), only the session cookie counts
/// there: bearer tokens and Basic credentials belong on the internal one.
pub async fn resolve_for_panel(
    state: &AppState,
    headers: &HeaderMap,
    session: Option<&Session>,
    addr: ClientAddr,
) -> Result<Option<Caller>, AppError> {
    if !state.config.admin_api_on_main && headers.contains_key(AUTHORIZATION) {
        return Err(AppError::access_denied(
            "session_required",
            "This listener accepts only panel sessions; scripts use the admin API on the internal listener.",
        ));
    }
    resolve(state, headers, session, addr).await
}

async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    session: Option<&Session>,
    ip: Option<String>,
) -> Result<Option<Caller>, AppError> {
    if let Some(value) = headers.get(AUTHORIZATION) {
        let value = value.to_str().map_err(|_| AppError::Unauthenticated)?;
        let (scheme, credentials) = value.split_once(' ').ok_or(AppError::Unauthenticated)?;
        return match scheme.to_ascii_lowercase().as_str() {
            "bearer" => from_bearer(state, credentials.trim(), ip).await.map(Some),
            "basic" => from_basic(state, credentials.trim(), ip).await.map(Some),
            _ => Err(AppError::Unauthenticated),
        };
    }
    match session {
        Some(session) => from_session(state, session, ip).await,
        None => Ok(None),
    }
}

/// The caller acting as `user`: the account's server roles and
/// organisations, narrowed by a token's role scopes when it names any.
async fn caller_for(
    state: &AppState,
    user: &UserRow,
    method: AuthMethod,
    scopes: String,
    ip: Option<String>,
) -> Result<Caller, AppError> {
    let mut roles = user.roles.clone();
    let mut orgs = db::orgs::roles_of(&state.db, &user.id).await?;
    let (named, names_roles) = roles_in_scopes(&scopes);
    if method == AuthMethod::Token && names_roles {
        // The named roles whose rights the owner holds (a server_admin's
        // token may act as an auditor).
        roles = roles.narrowed_to(&named);
        if !scopes.split_whitespace().any(|s| s == ORG_ADMIN_SCOPE) {
            orgs.clear();
        }
    }
    Ok(Caller {
        user_id: Some(user.id.clone()),
        username: user.username.clone(),
        roles,
        orgs,
        method,
        scopes,
        ip,
        password_change_required: user.password_change_required,
        network_refusal: None,
        session_id: None,
        client_id: None,
        token_id: None,
        second_factor_required: false,
        recently_verified: false,
        granted_as: Default::default(),
    })
}

/// Records activity without adding latency; throttled to once a minute.
fn note_activity(state: &AppState, user: &UserRow) {
    let now = now_ms();
    if user
        .last_seen_at
        .is_some_and(|t| now - t < db::users::LAST_SEEN_RESOLUTION_MS)
    {
        return;
    }
    let db = state.db.clone();
    let id = user.id.clone();
    tokio::spawn(async move {
        if let Err(e) = db::users::touch_last_seen(&db, &id, now).await {
            tracing::warn!("could not record last seen: {e}");
        }
    });
}

async fn from_bearer(
    state: &AppState,
    secret: &str,
    ip: Option<String>,
) -> Result<Caller, AppError> {
    if secret.starts_with(ACCESS_TOKEN_PREFIX) {
        return from_oauth2_token(state, secret, ip).await;
    }
    let found = db::tokens::by_hash(&state.db, &hash_secret(secret))
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let now = now_ms();
    let usable = found.revoked_at.is_none()
        && found.expires_at.is_none_or(|t| t > now)
        && found.user.status() == UserStatus::Active;
    if !usable {
        return Err(AppError::Unauthenticated);
    }
    note_activity(state, &found.user);
    if found
        .last_used_at
        .is_none_or(|t| now - t >= db::users::LAST_SEEN_RESOLUTION_MS)
    {
        let db = state.db.clone();
        let id = found.token_id.clone();
        tokio::spawn(async move {
            if let Err(e) = db::tokens::touch_last_used(&db, &id, now).await {
                tracing::warn!("could not record token use: {e}");
            }
        });
    }
    let mut caller = caller_for(state, &found.user, AuthMethod::Token, found.scopes, ip).await?;
    caller.token_id = Some(found.token_id);
    Ok(caller)
}

/// An OAuth2 client acts with the roles its scopes name (set when it was
/// created, never more than its creator held).
async fn from_oauth2_token(
    state: &AppState,
    secret: &str,
    ip: Option<String>,
) -> Result<Caller, AppError> {
    let found = db::oauth2::access_token(&state.db, &hash_secret(secret))
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if found.client_revoked_at.is_some() || found.expires_at <= now_ms() {
        return Err(AppError::Unauthenticated);
    }
    Ok(Caller {
        user_id: None,
        username: format!("oauth2-client:{}", found.client_name),
        roles: roles_in_scopes(&found.scopes).0,
        orgs: Vec::new(),
        method: AuthMethod::Token,
        scopes: found.scopes,
        ip,
        password_change_required: false,
        network_refusal: None,
        session_id: None,
        client_id: Some(found.client_id),
        token_id: None,
        second_factor_required: false,
        recently_verified: false,
        granted_as: Default::default(),
    })
}

async fn from_basic(
    state: &AppState,
    encoded: &str,
    ip: Option<String>,
) -> Result<Caller, AppError> {
    // Off in the configuration, or its module switched off at run time.
    if !state.config.basic_auth
        || !ops::modules::is_enabled(state, ops::modules::Module::BasicAuth).await?
    {
        return Err(AppError::Unauthenticated);
    }
    let decoded = STANDARD
        .decode(encoded)
        .map_err(|_| AppError::Unauthenticated)?;
    let decoded = String::from_utf8(decoded).map_err(|_| AppError::Unauthenticated)?;
    let (username, password) = decoded.split_once(':').ok_or(AppError::Unauthenticated)?;
    // Whatever the reason (wrong password, locked account), an API client
    // just has no valid credentials.
    let user = check_password(state, username, password, ip.as_deref())
        .await
        .map_err(|e| match e {
            AppError::RateLimited { .. } | AppError::Unavailable { .. } => e,
            _ => AppError::Unauthenticated,
        })?;
    // A password alone must not open an account that asks for more.
    if db::factors::has_any(&state.db, &user.id).await? {
        return Err(AppError::CredentialsRefused {
            code: "second_factor_enrolled".into(),
            message: "This account has a second factor: HTTP Basic is refused. Use a personal token (Authorization: Bearer).".into(),
        });
    }
    let mut caller = caller_for(state, &user, AuthMethod::Basic, String::new(), ip).await?;
    caller.recently_verified = true;
    Ok(caller)
}

/// Checks a username and password: the user, or an error that does not say
/// which of the two was wrong. Locked and deactivated accounts cannot log in.
/// Repeated failures from `ip` or against the account are rate limited.
pub async fn check_password(
    state: &AppState,
    username: &str,
    password: &str,
    ip: Option<&str>,
) -> Result<UserRow, AppError> {
    let attempt = state.login_limiter.begin(ip, username).await?;
    let result = verify_login(state, username, password).await;
    match &result {
        // A wrong password stays counted (as does an attempt abandoned
        // while hashing, when this future is dropped).
        Err(AppError::InvalidCredentials) => drop(attempt),
        Ok(_) => attempt.succeeded().await,
        // The right password for a locked account, or the store failing:
        // not a guess.
        Err(_) => attempt.not_a_guess().await,
    }
    result
}

async fn verify_login(
    state: &AppState,
    username: &str,
    password: &str,
) -> Result<UserRow, AppError> {
    let user = db::users::by_username(&state.db, username).await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let ok = state.hasher.verify(password.to_owned(), stored).await?;
    match user {
        Some(user) if ok => match user.status() {
            UserStatus::Active => {
                // A login is activity too (for the dormant-accounts filter).
                note_activity(state, &user);
                rehash_if_weaker(state, &user, password);
                Ok(user)
            }
            UserStatus::Locked => Err(AppError::Forbidden("This account is locked.".into())),
            UserStatus::Deactivated => Err(AppError::InvalidCredentials),
        },
        _ => Err(AppError::InvalidCredentials),
    }
}

/// Replaces an imported bcrypt or a weaker Argon2 hash by one with the
/// current parameters, now that the password is known; in the background,
/// and only if the hash did not change meanwhile.
fn rehash_if_weaker(state: &AppState, user: &UserRow, password: &str) {
    let Some(old) = user.password_hash.clone() else {
        return;
    };
    if !password::needs_rehash(&old) {
        return;
    }
    let (state, id, password) = (state.clone(), user.id.clone(), password.to_owned());
    tokio::spawn(async move {
        let result = match state.hasher.hash(password).await {
            Ok(new) => db::users::replace_password_hash(&state.db, &id, &old, &new)
                .await
                .map_err(AppError::from),
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            tracing::warn!("could not upgrade the password hash of user {id}: {e}");
        }
    });
}

async fn from_session(
    state: &AppState,
    session: &Session,
    ip: Option<String>,
) -> Result<Option<Caller>, AppError> {
    let read = |e: tower_sessions::session::Error| {
        tracing::error!("session store: {e}");
        AppError::Internal
    };
    let user_id: Option<String> = session.get(USER_ID_KEY).await.map_err(read)?;
    let Some(user_id) = user_id else {
        return Ok(None);
    };
    let record: Option<String> = session.get(SESSION_ID_KEY).await.map_err(read)?;
    let login_at: i64 = session.get(LOGIN_AT_KEY).await.ok().flatten().unwrap_or(0);
    let verified_at: Option<i64> = session.get(VERIFIED_AT_KEY).await.ok().flatten();
    let must_enrol: bool = session.get(ENROL_KEY).await.ok().flatten().unwrap_or(false);
    let found = match &record {
        Some(id) => db::sessions::with_user(&state.db, id).await?,
        // A session from before sessions were recorded: log in again.
        None => None,
    };
    match found {
        Some(found)
            if found.user.id == user_id
                && found.session_revoked_at.is_none()
                && found.user.status() == UserStatus::Active
                && login_at >= found.user.sessions_valid_after =>
        {
            note_activity(state, &found.user);
            note_session_activity(state, &found.session_id, found.session_last_seen_at);
            keep_session_alive(session).await;
            let mut caller =
                caller_for(state, &found.user, AuthMethod::Session, String::new(), ip).await?;
            caller.session_id = Some(found.session_id);
            let window_ms = state.config.step_up_minutes * 60_000;
            caller.recently_verified = now_ms() - verified_at.unwrap_or(login_at) < window_ms;
            caller.second_factor_required = must_enrol;
            Ok(Some(caller))
        }
        // Revoked, gone, or the account may no longer log in: end the session.
        _ => {
            let _ = session.flush().await;
            Ok(None)
        }
    }
}

/// A session's last seen time, like the user's: off the request path and
/// at most once a minute.
fn note_session_activity(state: &AppState, id: &str, last_seen_at: i64) {
    let now = now_ms();
    if now - last_seen_at < db::users::LAST_SEEN_RESOLUTION_MS {
        return;
    }
    let db = state.db.clone();
    let id = id.to_owned();
    tokio::spawn(async move {
        if let Err(e) = db::sessions::touch_last_seen(&db, &id, now).await {
            tracing::warn!("could not record session activity: {e}");
        }
    });
}

/// The store only extends a session's expiry when the session changes, so
/// an active session is touched every few minutes (not on every request).
async fn keep_session_alive(session: &Session) {
    const REFRESH_MS: i64 = 5 * 60_000;
    let now = now_ms();
    let seen: Option<i64> = session.get(SEEN_KEY).await.ok().flatten();
    if seen.is_none_or(|t| now - t >= REFRESH_MS) {
        let _ = session.insert(SEEN_KEY, now).await;
    }
}
