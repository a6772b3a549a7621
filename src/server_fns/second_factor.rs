//! Second factors: the second step of a sign-in, passwordless passkey
//! sign-in, the account's Security page, confirming one's identity again
//! (step-up), and an administrator's reset of a user's factors.
//!
//! The passkey functions answer JSON to `/passkey.js`, which runs the
//! browser's WebAuthn ceremony between two of them.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{
    second_factor::{Factor, SecondStep, SecurityOverview, TotpSetup},
    AppError,
};

/// Where a passkey's ceremony state waits in the session.
#[cfg(feature = "ssr")]
mod ceremony {
    pub const REGISTRATION: &str = "passkey_registration";
    pub const SECOND_STEP: &str = "passkey_second_step";
    pub const SIGN_IN: &str = "passkey_sign_in";
    /// The authenticator app secret waiting for its first code.
    pub const TOTP_SECRET: &str = "totp_setup";
    /// New recovery codes made by a plain form post, for the page it goes
    /// back to (shown once: taken from the session there).
    pub const NEW_CODES: &str = "new_recovery_codes";
}

/// The user owing the second step of this browser's sign-in (401 when none).
#[cfg(feature = "ssr")]
async fn pending(
    app: &crate::server::AppState,
) -> Result<crate::server::db::users::UserRow, AppError> {
    use crate::server_fns::context::session;
    let user_id = crate::server::auth::session::pending_user(&session()?)
        .await
        .ok_or(AppError::Unauthenticated)?;
    crate::server::ops::second_factor::pending_user(app, &user_id).await
}

#[cfg(feature = "ssr")]
fn ceremony_expired() -> AppError {
    AppError::Invalid(vec![crate::model::FieldError::new(
        "passkey",
        "ceremony_expired",
        "This request expired: try again.",
    )])
}

/// What the second step offers (the page's choices).
#[server(prefix = "/api", endpoint = "auth/second-factor/get", input = GetUrl)]
pub async fn second_step_choices() -> Result<SecondStep, AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let user = pending(&state).await?;
            crate::server::ops::second_factor::second_step(&state, &user.id, host().as_deref())
                .await
        }
        .await,
    )
}

/// The second step with a code: an authenticator app's, or a recovery
/// code. A plain form post; signs in and goes on like a login.
#[server(prefix = "/api", endpoint = "auth/second-factor")]
pub async fn verify_second_factor(code: String, next: Option<String>) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let user = pending(&state).await?;
            crate::server::ops::second_factor::verify_code(&state, &user, &code, ip().as_deref())
                .await?;
            let target = finish_sign_in(&state, &user, next.as_deref()).await?;
            leptos_axum::redirect(&target);
            Ok(())
        }
        .await,
    )
}

/// `navigator.credentials.get` options for the second step's passkey.
#[server(prefix = "/api", endpoint = "auth/second-factor/passkey/options")]
pub async fn passkey_second_step_options() -> Result<serde_json::Value, AppError> {
    use crate::server::{auth::session::keep_ceremony, ops::second_factor::passkey};
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let user = pending(&state).await?;
            let (options, saved) = passkey::begin_second_step(&state, &user.id).await?;
            keep_ceremony(&session()?, ceremony::SECOND_STEP, saved).await?;
            Ok(options)
        }
        .await,
    )
}

/// The second step with a passkey; answers where to go next.
#[server(prefix = "/api", endpoint = "auth/second-factor/passkey")]
pub async fn passkey_second_step(
    response: String,
    next: Option<String>,
) -> Result<String, AppError> {
    use crate::server::{auth::session::take_ceremony, ops::second_factor::passkey};
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let user = pending(&state).await?;
            let saved = take_ceremony(&session()?, ceremony::SECOND_STEP)
                .await
                .ok_or_else(ceremony_expired)?;
            passkey::finish_second_step(&state, &user, &saved, &response, ip().as_deref()).await?;
            finish_sign_in(&state, &user, next.as_deref()).await
        }
        .await,
    )
}

/// `navigator.credentials.get` options for signing in with a passkey alone.
#[server(prefix = "/api", endpoint = "auth/passkey/options")]
pub async fn passkey_sign_in_options() -> Result<serde_json::Value, AppError> {
    use crate::server::{auth::session::keep_ceremony, ops::second_factor::passkey};
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let (options, saved) = passkey::begin_sign_in(&state)?;
            keep_ceremony(&session()?, ceremony::SIGN_IN, saved).await?;
            Ok(options)
        }
        .await,
    )
}

/// Signs in with a passkey alone (it verified the user: both factors);
/// answers where to go next.
#[server(prefix = "/api", endpoint = "auth/passkey")]
pub async fn passkey_sign_in(response: String, next: Option<String>) -> Result<String, AppError> {
    use crate::server::{auth::session::take_ceremony, ops::second_factor::passkey};
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let saved = take_ceremony(&session()?, ceremony::SIGN_IN)
                .await
                .ok_or_else(ceremony_expired)?;
            let user = passkey::finish_sign_in(&state, &saved, &response, ip().as_deref()).await?;
            finish_sign_in(&state, &user, next.as_deref()).await
        }
        .await,
    )
}

/// Whether this page can sign in with passkeys (the login page's button).
#[server(prefix = "/api", endpoint = "auth/passkey/available", input = GetUrl)]
pub async fn passkeys_available() -> Result<bool, AppError> {
    use crate::server_fns::context::*;

    let state = state()?;
    Ok(crate::server::ops::second_factor::passkey::usable_from(
        &state,
        host().as_deref(),
    ))
}

/// The caller's factors and recovery codes.
#[server(prefix = "/api", endpoint = "account/security/get", input = GetUrl)]
pub async fn my_security() -> Result<SecurityOverview, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let mut overview =
            crate::server::ops::second_factor::overview(&state, &caller, host().as_deref()).await?;
        if let Some(codes) =
            crate::server::auth::session::take_ceremony(&session()?, ceremony::NEW_CODES).await
        {
            overview.new_recovery_codes = codes.lines().map(str::to_owned).collect();
        }
        Ok(overview)
    })
    .await
}

/// A new authenticator app secret (kept in the session until confirmed).
#[server(prefix = "/api", endpoint = "account/security/totp/begin")]
pub async fn begin_totp() -> Result<TotpSetup, AppError> {
    use crate::server_fns::context::*;

    as_caller(|_state, caller| async move {
        let browser_session = session()?;
        let pending: Option<String> = browser_session
            .get(ceremony::TOTP_SECRET)
            .await
            .ok()
            .flatten();
        let setup = crate::server::ops::second_factor::totp::begin(&caller, pending.as_deref())?;
        crate::server::auth::session::keep_ceremony(
            &browser_session,
            ceremony::TOTP_SECRET,
            setup.secret.clone(),
        )
        .await?;
        Ok(setup)
    })
    .await
}

/// Confirms the authenticator app with its first code. A plain form post:
/// back to the Security page.
#[server(prefix = "/api", endpoint = "account/security/totp")]
pub async fn confirm_totp(name: String, code: String) -> Result<Factor, AppError> {
    use crate::server::auth::session;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let browser_session = session()?;
        let secret: Option<String> = browser_session
            .get(ceremony::TOTP_SECRET)
            .await
            .ok()
            .flatten();
        let secret = secret.unwrap_or_default();
        let factor = crate::server::ops::second_factor::totp::confirm(
            &state, &caller, &secret, &name, &code,
        )
        .await?;
        session::take_ceremony(&browser_session, ceremony::TOTP_SECRET).await;
        session::set_enrolment_required(&browser_session, false).await?;
        leptos_axum::redirect("/account/security?added=totp");
        Ok(factor)
    })
    .await
}

/// `navigator.credentials.create` options for a new passkey.
#[server(prefix = "/api", endpoint = "account/security/passkey/options")]
pub async fn passkey_registration_options() -> Result<serde_json::Value, AppError> {
    use crate::server::{auth::session::keep_ceremony, ops::second_factor::passkey};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let (options, saved) = passkey::begin_registration(&state, &caller).await?;
        keep_ceremony(&session()?, ceremony::REGISTRATION, saved).await?;
        Ok(options)
    })
    .await
}

/// Adds the passkey the browser created.
#[server(prefix = "/api", endpoint = "account/security/passkey")]
pub async fn register_passkey(name: String, response: String) -> Result<Factor, AppError> {
    use crate::server::{auth::session, ops::second_factor::passkey};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let browser_session = session()?;
        let saved = session::take_ceremony(&browser_session, ceremony::REGISTRATION)
            .await
            .ok_or_else(ceremony_expired)?;
        let factor =
            passkey::finish_registration(&state, &caller, &saved, &name, &response).await?;
        session::set_enrolment_required(&browser_session, false).await?;
        Ok(factor)
    })
    .await
}

/// Removes one of the caller's factors (asks for a recent sign-in).
#[server(prefix = "/api", endpoint = "account/security/remove")]
pub async fn remove_factor(id: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::second_factor::remove(&state, &caller, &id).await?;
        leptos_axum::redirect("/account/security?removed=1");
        Ok(())
    })
    .await
}

/// Ten new recovery codes, shown this once.
#[server(prefix = "/api", endpoint = "account/security/recovery-codes")]
pub async fn regenerate_recovery_codes() -> Result<Vec<String>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let codes =
            crate::server::ops::second_factor::recovery::regenerate(&state, &caller).await?;
        if plain_form() {
            // Without JavaScript the codes are shown by the page this
            // post goes back to.
            crate::server::auth::session::keep_ceremony(
                &session()?,
                ceremony::NEW_CODES,
                codes.join("\n"),
            )
            .await?;
            leptos_axum::redirect("/account/security?codes=new");
        }
        Ok(codes)
    })
    .await
}

/// Proves the password, or a factor's code, again (step-up) and goes back
/// to `next` (a path on this site).
#[server(prefix = "/api", endpoint = "auth/confirm")]
pub async fn confirm_identity(
    password: Option<String>,
    code: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::model::{validate::local_path, FieldError};
    use crate::server::{auth::caller::check_password, db, ops::second_factor};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let user_id = caller.user_id.as_deref().ok_or(AppError::Unauthenticated)?;
        let user = db::users::by_id(&state.db, user_id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let password = password.filter(|p| !p.is_empty());
        let code = code.filter(|c| !c.trim().is_empty());
        match (password, code) {
            (Some(password), _) => {
                check_password(&state, &user.username, &password, ip().as_deref())
                    .await
                    .map_err(|e| match e {
                        AppError::InvalidCredentials => AppError::Invalid(vec![FieldError::new(
                            "password",
                            "password_wrong",
                            "That is not your password.",
                        )]),
                        other => other,
                    })?;
            }
            (None, Some(code)) => {
                second_factor::verify_code(&state, &user, &code, ip().as_deref()).await?
            }
            (None, None) => {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "password",
                    "credential_required",
                    "Enter your password or a code.",
                )]))
            }
        }
        crate::server::auth::session::mark_verified(&session()?).await?;
        let back = next.as_deref().and_then(local_path).unwrap_or("/account");
        leptos_axum::redirect(back);
        Ok(())
    })
    .await
}

/// An administrator's view of a user's factors.
#[server(prefix = "/api", endpoint = "users/factors", input = GetUrl)]
pub async fn user_factors(user_id: String) -> Result<Vec<Factor>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::second_factor::list_for_user(&state, &caller, &user_id).await
    })
    .await
}

/// An administrator removes every factor of a user (who lost them).
#[server(prefix = "/api", endpoint = "users/factors/reset")]
pub async fn reset_user_factors(user_id: String) -> Result<usize, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::second_factor::reset_for_user(&state, &caller, &user_id).await
    })
    .await
}
