//! What every user may do to their own account.

use crate::i18n::Language;
use serde_json::json;

use super::{Access, Caller};
use crate::{
    model::{validate, AppError, FieldError, User},
    server::{
        db::{self, users::UserChange},
        time::now_ms,
        AppState,
    },
};

/// Replaces the caller's password after checking the current one. Clears a
/// temporary password's "must change" mark and ends the user's other
/// sessions (and, when asked, revokes their tokens); the caller starts a
/// fresh session afterwards.
pub async fn change_own_password(
    state: &AppState,
    caller: &Caller,
    current_password: String,
    new_password: String,
    revoke_tokens: bool,
) -> Result<(), AppError> {
    let id = caller.require_own_password_change()?;
    // A temporary password must stay replaceable, or the account is stuck.
    if !caller.password_change_required {
        super::modules::require_self_service(state, caller, Access::Write).await?;
    }
    let user = db::users::by_id(&state.db, id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let field = |code: &str, message: &str| {
        AppError::Invalid(vec![FieldError::new("new_password", code, message)])
    };
    if new_password == current_password {
        return Err(field(
            "password_unchanged",
            "Choose a password different from the current one.",
        ));
    }
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
    if !state
        .hasher
        .verify(current_password, user.password_hash.clone())
        .await?
    {
        return Err(AppError::Invalid(vec![FieldError::new(
            "current_password",
            "wrong_password",
            "The current password is not correct.",
        )]));
    }
    let hash = state.hasher.hash(new_password).await?;
    let notice = super::email::notices::compose(
        state,
        &user,
        crate::server::email::letter::Notice::PasswordChanged,
        "",
    )
    .await;
    let now = now_ms();
    let changed = db::users::update(&state.db, id, |current, _| {
        let mut row = current.clone();
        row.password_hash = Some(hash);
        row.password_change_required = false;
        row.sessions_valid_after = now;
        Ok::<_, AppError>(Some(UserChange {
            audit: caller.audit(
                "user.change_own_password",
                "user",
                Some(id),
                json!({
                    "username": current.username,
                    "was_temporary": current.password_change_required,
                    "tokens_revoked": revoke_tokens,
                }),
            ),
            row,
            revoke_tokens,
            revoke_sessions: true,
            mail: notice,
        }))
    })
    .await?
    .ok_or(AppError::Unauthenticated)?;
    super::sessions::on_revoked(state, &changed.revoked_sessions).await;
    // Streams opened with Basic credentials (or revoked tokens) end too.
    state.live.close_user(id, true).await;
    state.mail.wake();
    Ok(())
}

/// The caller's own account.
pub async fn get_own(state: &AppState, caller: &Caller) -> Result<User, AppError> {
    let id = super::modules::require_self_service(state, caller, Access::Read).await?;
    db::users::by_id(&state.db, id)
        .await?
        .map(super::users::to_model)
        .ok_or(AppError::Unauthenticated)
}

/// Changes the caller's own display name and email, validated like an
/// administrator's edit; empty clears.
pub async fn update_own_profile(
    state: &AppState,
    caller: &Caller,
    display_name: Option<String>,
    email: Option<String>,
) -> Result<User, AppError> {
    let id = super::modules::require_self_service(state, caller, Access::Write).await?;
    let mut errors = Vec::new();
    let display_name = validate::display_name(display_name.as_deref())
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let email = validate::email(email.as_deref())
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut email_before = None;
    let changed = db::users::update(&state.db, id, |current, _| {
        email_before = Some(current.email.clone());
        if current.display_name == display_name && current.email == email {
            return Ok::<_, AppError>(None);
        }
        let mut row = current.clone();
        row.display_name = display_name;
        row.email = email;
        Ok(Some(UserChange {
            audit: caller.audit(
                "user.update_own_profile",
                "user",
                Some(id),
                json!({
                    "username": current.username,
                    "before": {"display_name": current.display_name, "email": current.email},
                    "after": {"display_name": row.display_name, "email": row.email},
                }),
            ),
            row,
            revoke_tokens: false,
            revoke_sessions: false,
            mail: None,
        }))
    })
    .await?
    .ok_or(AppError::Unauthenticated)?;
    if let Some(before) = email_before {
        super::email::verification::after_change(state, before.as_deref(), &changed.row).await;
    }
    Ok(super::users::to_model(changed.row))
}

/// The panel language a user chose, if any.
pub async fn stored_language(
    state: &AppState,
    user_id: &str,
) -> Result<Option<Language>, AppError> {
    Ok(db::users::language(&state.db, user_id)
        .await?
        .as_deref()
        .and_then(Language::parse))
}

/// Remembers the panel language the caller chose (`None`: the browser's).
/// Not audited: a display preference, like the theme.
pub async fn set_own_language(
    state: &AppState,
    caller: &Caller,
    language: Option<Language>,
) -> Result<(), AppError> {
    let id = caller.user_id.as_deref().ok_or(AppError::Unauthenticated)?;
    db::users::set_language(&state.db, id, language.map(Language::code)).await?;
    Ok(())
}
