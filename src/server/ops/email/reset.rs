//! "Forgot your password?": a link valid one hour, sent to the address of
//! an account. The answer to the request never tells whether an account
//! has that address: the look-up and the mail happen after the answer.

use serde_json::json;

use super::{language_of, link, new_link_token, outgoing, site};
use crate::{
    model::{validate, AppError, FieldError},
    server::{
        auth::token::hash_secret,
        db::{self, audit::AuditEntry, users::UserRow},
        email::letter,
        ops::Caller,
        time::now_ms,
        AppState,
    },
};

const VALID_MS: i64 = 3_600_000;

/// The limiter's key for reset requests to one address.
fn limiter_key(email: &str) -> String {
    format!("reset {}", email.trim().to_lowercase())
}

/// A visitor asks for a reset link. Always `Ok` for a well-formed address
/// (unless rate limited): whether an account has it is not said, and the
/// look-up runs after the answer, so the time taken does not say it either.
pub async fn request(state: &AppState, email: &str, ip: Option<String>) -> Result<(), AppError> {
    super::require_configured(state)?;
    let email = validate::email(Some(email))
        .map_err(|e| AppError::Invalid(vec![e]))?
        .ok_or_else(|| {
            AppError::Invalid(vec![FieldError::new(
                "email",
                "email_required",
                "Enter your email address.",
            )])
        })?;
    // Every request counts, per address and per client address.
    let attempt = state
        .login_limiter
        .begin(ip.as_deref(), &limiter_key(&email))
        .await?;
    drop(attempt);
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = send_links(&state, &email, ip).await {
            tracing::warn!("cannot queue a password reset mail: {e}");
        }
    });
    Ok(())
}

async fn send_links(state: &AppState, email: &str, ip: Option<String>) -> Result<(), AppError> {
    for user in db::users::active_by_email(&state.db, email).await? {
        let audit = AuditEntry {
            actor_type: "user",
            actor_id: Some(user.id.clone()),
            actor_name: user.username.clone(),
            actor_ip: ip.clone(),
            actor_role: None,
            action: "user.password_reset_requested",
            target_type: "user",
            target_id: Some(user.id.clone()),
            detail: json!({}),
        };
        issue(state, &user, &audit).await?;
    }
    Ok(())
}

async fn issue(state: &AppState, user: &UserRow, audit: &AuditEntry) -> Result<(), AppError> {
    let mailer = super::require_configured(state)?;
    let Some(email) = user.email.as_deref() else {
        return Err(AppError::Invalid(vec![FieldError::new(
            "email",
            "email_missing",
            "This account has no email address.",
        )]));
    };
    let (secret, token) = new_link_token("reset", &user.id, email, VALID_MS);
    let letter = letter::reset(
        language_of(state, &user.id).await,
        &site(state),
        &user.username,
        &link(state, &format!("/reset-password?token={secret}")),
    );
    let mail = outgoing(mailer, "reset", Some(&user.id), email, letter, None);
    db::email::issue(&state.db, &token, &mail, Some(audit)).await?;
    state.mail.wake();
    Ok(())
}

/// An administrator sends a user a reset link (instead of a temporary
/// password).
pub async fn send_for(state: &AppState, caller: &Caller, user_id: &str) -> Result<(), AppError> {
    let user =
        crate::server::ops::users::target(state, caller, crate::model::Op::ResetPasswords, user_id)
            .await?;
    super::require_configured(state)?;
    let audit = caller.audit(
        "user.password_reset_link",
        "user",
        Some(user_id),
        json!({"username": user.username}),
    );
    issue(state, &user, &audit).await
}

/// The account a live reset link is for (the page shows its name).
pub async fn account_of(state: &AppState, secret: &str) -> Result<UserRow, AppError> {
    super::require_configured(state)?;
    let used = db::email::peek(&state.db, &hash_secret(secret.trim()), "reset", now_ms())
        .await?
        .ok_or_else(super::link_invalid)?;
    db::users::by_id(&state.db, &used.user_id)
        .await?
        .ok_or_else(super::link_invalid)
}

/// Sets the new password from a reset link: the link is spent, every
/// session of the account ends, and the notice is queued, all in one
/// transaction. Returns the account, to sign in.
pub async fn complete(
    state: &AppState,
    secret: &str,
    new_password: String,
    ip: Option<String>,
) -> Result<UserRow, AppError> {
    let user = account_of(state, secret).await?;
    validate::password(
        &new_password,
        &user.username,
        state.config.password_min_length,
    )
    .map_err(|e| {
        AppError::Invalid(vec![FieldError {
            field: "new_password".into(),
            ..e
        }])
    })?;
    let hash = state.hasher.hash(new_password).await?;
    let audit = AuditEntry {
        actor_type: "user",
        actor_id: Some(user.id.clone()),
        actor_name: user.username.clone(),
        actor_ip: ip,
        actor_role: None,
        action: "user.password_reset",
        target_type: "user",
        target_id: Some(user.id.clone()),
        detail: json!({"username": user.username}),
    };
    let notice = super::notices::compose(state, &user, letter::Notice::PasswordChanged, "").await;
    let (_, ended) = db::email::reset_password(
        &state.db,
        &hash_secret(secret.trim()),
        now_ms(),
        &hash,
        &audit,
        notice.as_ref(),
    )
    .await?
    .ok_or_else(super::link_invalid)?;
    crate::server::ops::sessions::on_revoked(state, &ended).await;
    state.live.close_user(&user.id, true).await;
    state.mail.wake();
    db::users::by_id(&state.db, &user.id)
        .await?
        .ok_or_else(super::link_invalid)
}
