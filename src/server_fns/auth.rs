//! Logging in and out, the current user, and first-run setup.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{AppError, Me};

#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::server::auth::caller::check_password;
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let user = check_password(&state, username.trim(), &password, ip().as_deref()).await?;
            start_session(&state, &user.id).await?;
            // The account's language follows it to this browser.
            if let Some(language) =
                crate::server::ops::account::stored_language(&state, &user.id).await?
            {
                remember_language(Some(language));
            }
            let target = if user.password_change_required {
                // Nothing else works until the temporary password is replaced.
                "/account/password".to_owned()
            } else {
                let fallback = if user.admin { "/" } else { "/account" };
                // A path here, or an address behind the forward-auth gate.
                let back = match next.as_deref() {
                    Some(next) => {
                        crate::server::ops::forward_auth::return_address(&state, next).await?
                    }
                    None => None,
                };
                back.unwrap_or_else(|| fallback.to_owned())
            };
            leptos_axum::redirect(&target);
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            // Revokes the session's record, and deletes the stored session,
            // not just the cookie.
            let state = state()?;
            if let Ok(Some(caller)) = caller(&state).await {
                crate::server::ops::sessions::logout(&state, &caller).await?;
            }
            session()?.flush().await.map_err(|_| AppError::Internal)?;
            leptos_axum::redirect("/login");
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "auth/me", input = GetUrl)]
pub async fn current_user() -> Result<Option<Me>, AppError> {
    use crate::server_fns::context::*;

    let state = state()?;
    let Some(c) = caller(&state).await.ok().flatten() else {
        return Ok(None);
    };
    let self_service = crate::server::ops::modules::require_self_service(
        &state,
        &c,
        crate::server::ops::Access::Read,
    )
    .await
    .is_ok();
    let member_tokens = state.config.member_tokens && self_service;
    let Some(id) = c.user_id else {
        return Ok(None);
    };
    Ok(Some(Me {
        id,
        username: c.username,
        self_service,
        tokens_allowed: c.admin || member_tokens,
        admin: c.admin,
        password_change_required: c.password_change_required,
        admin_refusal: c.network_refusal.map(|e| e.to_string()),
    }))
}

#[server(prefix = "/api", endpoint = "setup/status", input = GetUrl)]
pub async fn setup_needed() -> Result<bool, AppError> {
    use crate::server_fns::context::*;

    respond(crate::server::ops::setup::needs_setup(&state()?).await)
}

#[server(prefix = "/api", endpoint = "setup/admin")]
pub async fn setup_admin(
    username: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use crate::model::FieldError;
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            if password != password_confirm {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "password_confirm",
                    "password_mismatch",
                    "The passwords do not match.",
                )]));
            }
            let user = crate::server::ops::setup::create_first_admin(
                &state,
                username.trim(),
                &password,
                ip(),
            )
            .await?;
            start_session(&state, &user.id).await?;
            leptos_axum::redirect("/users");
            Ok(())
        }
        .await,
    )
}
