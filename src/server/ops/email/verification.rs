//! Proving an address: a link valid 24 hours, sent when an address is set
//! or changed (and on request); administrators may mark an address verified.

use serde_json::json;

use super::{language_of, link, new_link_token, outgoing, site};
use crate::{
    model::{AppError, FieldError},
    server::{
        auth::token::hash_secret,
        db::{self, audit::AuditEntry, users::UserRow},
        email::letter,
        ops::{Access, Caller},
        time::now_ms,
        AppState,
    },
};

const VALID_MS: i64 = 24 * 3_600_000;

/// Queues a verification link for `user`'s current address when mail is
/// configured and the address is not verified yet; quietly nothing
/// otherwise (the change that called this has happened either way).
pub async fn offer(
    state: &AppState,
    user: &UserRow,
    audit: Option<&AuditEntry>,
) -> Result<bool, AppError> {
    let (Some(mailer), Some(email)) = (state.mail.transport.as_ref(), user.email.as_deref()) else {
        return Ok(false);
    };
    if user.email_verified_at.is_some() {
        return Ok(false);
    }
    let (secret, token) = new_link_token("verify", &user.id, email, VALID_MS);
    let language = language_of(state, &user.id).await;
    let letter = letter::verify(
        language,
        &site(state),
        &user.username,
        &link(state, &format!("/verify-email?token={secret}")),
    );
    let mail = outgoing(mailer, "verify", Some(&user.id), email, letter, None);
    db::email::issue(&state.db, &token, &mail, audit).await?;
    state.mail.wake();
    Ok(true)
}

/// After a profile change: a new address gets its link.
pub async fn after_change(state: &AppState, before: Option<&str>, after: &UserRow) {
    if after.email.is_some() && after.email.as_deref() != before {
        if let Err(e) = offer(state, after, None).await {
            tracing::warn!(user = %after.id, "cannot queue the verification mail: {e}");
        }
    }
}

fn no_address() -> AppError {
    AppError::Invalid(vec![FieldError::new(
        "email",
        "email_missing",
        "This account has no email address.",
    )])
}

fn already_verified() -> AppError {
    AppError::conflict(
        "email_already_verified",
        Some("email"),
        "This address is already verified.",
    )
}

/// Sends (again) the link for the caller's own address.
pub async fn resend_own(state: &AppState, caller: &Caller) -> Result<(), AppError> {
    super::require_configured(state)?;
    let id =
        crate::server::ops::modules::require_self_service(state, caller, Access::Write).await?;
    let user = db::users::by_id(&state.db, id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    resend(state, &user, None).await
}

/// An administrator sends (again) the link for a user's address.
pub async fn resend_for(state: &AppState, caller: &Caller, user_id: &str) -> Result<(), AppError> {
    let user =
        crate::server::ops::users::target(state, caller, crate::model::Op::ManageUsers, user_id)
            .await?;
    super::require_configured(state)?;
    let audit = caller.audit(
        "user.email_verification_sent",
        "user",
        Some(user_id),
        json!({"username": user.username}),
    );
    resend(state, &user, Some(&audit)).await
}

async fn resend(
    state: &AppState,
    user: &UserRow,
    audit: Option<&AuditEntry>,
) -> Result<(), AppError> {
    if user.email.is_none() {
        return Err(no_address());
    }
    if !offer(state, user, audit).await? {
        return Err(already_verified());
    }
    Ok(())
}

async fn existing(state: &AppState, user_id: &str) -> Result<UserRow, AppError> {
    db::users::by_id(&state.db, user_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no user with id '{user_id}'.")))
}

/// Spends a link from a verification mail (anyone holding it: the link is
/// the proof).
pub async fn confirm(state: &AppState, secret: &str) -> Result<(), AppError> {
    super::require_configured(state)?;
    let hash = hash_secret(secret.trim());
    let used = db::email::verify(&state.db, &hash, now_ms(), |used| AuditEntry {
        actor_type: "user",
        actor_id: Some(used.user_id.clone()),
        actor_name: String::new(),
        actor_ip: None,
        actor_role: None,
        action: "user.email_verified",
        target_type: "user",
        target_id: Some(used.user_id.clone()),
        detail: json!({"email": used.email, "by": "link"}),
    })
    .await?;
    used.map(|_| ()).ok_or_else(super::link_invalid)
}

/// An administrator marks a user's address verified, or not.
pub async fn set_verified(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    verified: bool,
) -> Result<crate::model::User, AppError> {
    let user =
        crate::server::ops::users::target(state, caller, crate::model::Op::ManageUsers, user_id)
            .await?;
    if user.email.is_none() {
        return Err(no_address());
    }
    let audit = caller.audit(
        "user.email_verified",
        "user",
        Some(user_id),
        json!({"email": user.email, "verified": verified, "by": "admin"}),
    );
    db::email::set_verified(&state.db, user_id, verified.then(now_ms), &audit).await?;
    let user = existing(state, user_id).await?;
    crate::server::ops::orgs::with_memberships_one(state, crate::server::ops::users::to_model(user))
        .await
}
