//! What every user may do to their own account.

use serde_json::json;

use super::Caller;
use crate::{
    model::{validate, AppError, FieldError},
    server::{
        auth::password,
        db::{self, users::UserChange},
        time::now_ms,
        AppState,
    },
};

/// Replaces the caller's password after checking the current one. Clears a
/// temporary password's "must change" mark and ends the user's other
/// sessions; the caller starts a fresh session afterwards.
pub async fn change_own_password(
    state: &AppState,
    caller: &Caller,
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    let id = caller.user_id.as_deref().ok_or(AppError::Unauthenticated)?;
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
    if !password::verify(current_password, user.password_hash.clone()).await {
        return Err(AppError::Invalid(vec![FieldError::new(
            "current_password",
            "wrong_password",
            "The current password is not correct.",
        )]));
    }
    let hash = password::hash(new_password).await?;
    let now = now_ms();
    db::users::update(&state.db, id, |current, _| {
        let mut row = current.clone();
        row.password_hash = Some(hash);
        row.password_change_required = false;
        row.sessions_valid_after = now;
        Ok::<_, AppError>(Some(UserChange {
            audit: caller.audit(
                "user.change_own_password",
                "user",
                Some(id),
                json!({"username": current.username, "was_temporary": current.password_change_required}),
            ),
            row,
            revoke_tokens: false,
        }))
    })
    .await?
    .ok_or(AppError::Unauthenticated)?;
    Ok(())
}
