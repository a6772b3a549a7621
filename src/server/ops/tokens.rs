//! Personal API tokens.

use serde_json::json;

use super::{Access, Caller, SCOPE_ADMIN, SCOPE_ADMIN_READ};
use crate::{
    model::{AppError, FieldError},
    server::{
        auth::token::{generate_secret, hash_secret},
        db::{self, tokens::TokenRow},
        time::{new_id, now_ms},
        AppState,
    },
};

pub struct NewToken {
    pub user_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub expires_in_secs: Option<i64>,
}

/// Creates a token; the secret is returned here once and never stored.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    input: NewToken,
) -> Result<(TokenRow, String), AppError> {
    caller.require_admin(Access::Write)?;
    let mut errors = Vec::new();
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(FieldError::new(
            "name",
            "name_invalid",
            "Token name must be 1 to 100 characters.",
        ));
    }
    let scopes = if input.scopes.is_empty() {
        vec![SCOPE_ADMIN.to_owned()]
    } else {
        input.scopes
    };
    if let Some(bad) = scopes
        .iter()
        .find(|s| ![SCOPE_ADMIN, SCOPE_ADMIN_READ].contains(&s.as_str()))
    {
        errors.push(FieldError::new(
            "scopes",
            "scope_unknown",
            format!("Unknown scope '{bad}'."),
        ));
    }
    if input.expires_in_secs.is_some_and(|s| s <= 0) {
        errors.push(FieldError::new(
            "expires_in",
            "expiry_invalid",
            "Expiry must be in the future.",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    db::users::by_id(&state.db, &input.user_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no user with id {}", input.user_id)))?;

    let now = now_ms();
    let row = TokenRow {
        id: new_id(),
        user_id: input.user_id,
        name,
        scopes: scopes.join(" "),
        created_at: now,
        expires_at: input.expires_in_secs.map(|s| now + s * 1000),
        last_used_at: None,
        revoked_at: None,
    };
    let secret = generate_secret();
    let audit = caller.audit(
        "token.create",
        "token",
        Some(&row.id),
        json!({"user_id": row.user_id, "name": row.name, "scopes": row.scopes}),
    );
    db::tokens::insert(&state.db, &row, &hash_secret(&secret), &audit).await?;
    Ok((row, secret))
}
