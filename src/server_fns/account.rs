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

    as_caller(|state, caller| async move {
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
        let user_id = caller.user_id.clone().ok_or(AppError::Unauthenticated)?;
        start_session(&state, &user_id, !caller.roles.is_empty()).await?;
        leptos_axum::redirect(if caller.has_admin_rights() {
            "/"
        } else {
            "/account?password=changed"
        });
        Ok(())
    })
    .await
}

/// The caller's own account, for the profile form.
#[server(prefix = "/api", endpoint = "account/get", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_account() -> Result<crate::model::User, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::account::get_own(&state, &caller).await },
    )
    .await
}

/// The profile form of "My account"; empty fields clear.
#[server(prefix = "/api", endpoint = "account/profile")]
pub async fn update_my_profile(
    display_name: Option<String>,
    email: Option<String>,
) -> Result<crate::model::User, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let user = crate::server::ops::account::update_own_profile(
            &state,
            &caller,
            Some(display_name.unwrap_or_default()),
            Some(email.unwrap_or_default()),
        )
        .await?;
        Ok(user)
    })
    .await
}

/// The language stored on the caller's account (`None`: the browser's).
#[server(prefix = "/api", endpoint = "account/language/get", input = leptos::server_fn::codec::GetUrl)]
pub async fn my_language() -> Result<Option<crate::i18n::Language>, AppError> {
    use crate::server_fns::context::*;

    let state = state()?;
    let caller = require_caller(&state).await?;
    let id = caller.user_id.as_deref().ok_or(AppError::Unauthenticated)?;
    crate::server::ops::account::stored_language(&state, id).await
}

/// The language form of "My account" (a plain form post): stores the
/// choice, puts it in this browser's cookie, and shows the page again in it.
#[server(prefix = "/api", endpoint = "account/language")]
pub async fn set_my_language(language: String) -> Result<(), AppError> {
    use crate::i18n::Language;
    use crate::model::FieldError;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let language = match language.trim() {
            "" => None,
            raw => Some(Language::parse(raw).ok_or_else(|| {
                AppError::Invalid(vec![FieldError::new(
                    "language",
                    "language_unknown",
                    "Choose one of the languages offered.",
                )])
            })?),
        };
        crate::server::ops::account::set_own_language(&state, &caller, language).await?;
        remember_language(language);
        leptos_axum::redirect("/account?language=saved");
        Ok(())
    })
    .await
}
