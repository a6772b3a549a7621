//! The logged-in user's own account.

use leptos::prelude::*;

use crate::model::AppError;

/// Changing one's own password, including after a temporary one. Other
/// sessions end (and the API tokens when `revoke_tokens` is ticked); this
/// one continues as a fresh session.
#[server(prefix = "/api", endpoint = "account/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
    revoke_tokens: Option<String>,
) -> Result<(), AppError> {
    use crate::model::FieldError;
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let caller = require_caller(&state).await?;
            if new_password != new_password_confirm {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "new_password_confirm",
                    "password_mismatch",
                    "The passwords do not match.",
                )]));
            }
            crate::server::ops::account::change_own_password(
                &state,
                &caller,
                current_password,
                new_password,
                // A checkbox: present when ticked.
                revoke_tokens.is_some(),
            )
            .await?;
            let user_id = caller.user_id.ok_or(AppError::Unauthenticated)?;
            start_session(&state, &user_id).await?;
            leptos_axum::redirect(if caller.admin {
                "/users"
            } else {
                "/account?password=changed"
            });
            Ok(())
        }
        .await,
    )
}

/// The caller's own account, for the profile form.
#[server(prefix = "/api", endpoint = "account/get", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_account() -> Result<crate::model::User, AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let caller = require_caller(&state).await?;
            crate::server::ops::account::get_own(&state, &caller).await
        }
        .await,
    )
}

/// The profile form of "My account"; empty fields clear.
#[server(prefix = "/api", endpoint = "account/profile")]
pub async fn update_my_profile(
    display_name: Option<String>,
    email: Option<String>,
) -> Result<crate::model::User, AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let caller = require_caller(&state).await?;
            let user = crate::server::ops::account::update_own_profile(
                &state,
                &caller,
                Some(display_name.unwrap_or_default()),
                Some(email.unwrap_or_default()),
            )
            .await?;
            Ok(user)
        }
        .await,
    )
}
