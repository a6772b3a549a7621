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
            if crate::server::ops::second_factor::second_step_owed(&state, &user.id).await? {
                crate::server::auth::session::begin_second_step(&session()?, &user.id).await?;
                let target = match next.as_deref().filter(|n| !n.is_empty()) {
                    Some(next) => {
                        format!("/login/second-factor?next={}", urlencoding::encode(next))
                    }
                    None => "/login/second-factor".to_owned(),
                };
                leptos_axum::redirect(&target);
                return Ok(());
            }
            let target = finish_sign_in(&state, &user, next.as_deref()).await?;
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
    let Some(id) = c.user_id.clone() else {
        return Ok(None);
    };
    let permissions = crate::model::Op::ALL
        .into_iter()
        .filter(|op| c.may(*op))
        .collect();
    Ok(Some(Me {
        id,
        admin: c.has_admin_rights(),
        roles: c.roles.names().into_iter().map(str::to_owned).collect(),
        permissions,
        org_admin_of: c.org_admin_of().map(str::to_owned).collect(),
        orgs_visible: c
            .orgs
            .iter()
            .filter(|(org, _)| {
                let readers = state.config.org_members_visible_to;
                c.require_in_org(crate::model::Op::ReadOrgs, org, readers)
                    .is_ok()
            })
            .map(|(org, _)| org.clone())
            .collect(),
        self_service,
        tokens_allowed: !c.roles.is_empty() || member_tokens,
        username: c.username,
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
            start_session(&state, &user.id, !user.roles.is_empty()).await?;
            leptos_axum::redirect("/users");
            Ok(())
        }
        .await,
    )
}
