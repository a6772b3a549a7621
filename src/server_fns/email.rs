//! Mail in the panel: whether the server sends any, forgotten passwords,
//! address verification, notices, invitations and the outbox. Thin: each
//! calls one operation of `server::ops::email`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{
    email::{Invitation, MailSettings, Outbox},
    AppError, Page,
};

/// Whether the server sends mail (the pages hide mail features otherwise).
#[server(prefix = "/api", endpoint = "email/available", input = GetUrl)]
pub async fn email_available() -> Result<bool, AppError> {
    use crate::server_fns::context::*;
    Ok(crate::server::ops::email::configured(&state()?))
}

/// "Forgot your password?": the same answer whether or not an account has
/// the address.
#[server(prefix = "/api", endpoint = "auth/password-reset/request")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            crate::server::ops::email::reset::request(&state, &email, ip()).await?;
            leptos_axum::redirect("/forgot-password?sent=1");
            Ok(())
        }
        .await,
    )
}

/// The username a live reset link is for (the page greets them).
#[server(prefix = "/api", endpoint = "auth/password-reset/account", input = GetUrl)]
pub async fn reset_link_account(token: String) -> Result<String, AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            let user = crate::server::ops::email::reset::account_of(&state, &token).await?;
            Ok(user.username)
        }
        .await,
    )
}

/// Sets the new password from a reset link, then signs in (through the
/// second step when the account has a factor).
#[server(prefix = "/api", endpoint = "auth/password-reset")]
pub async fn reset_password(
    token: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    use crate::model::FieldError;
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            if new_password != new_password_confirm {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "new_password_confirm",
                    "password_mismatch",
                    "The passwords do not match.",
                )]));
            }
            let user =
                crate::server::ops::email::reset::complete(&state, &token, new_password, ip())
                    .await?;
            if crate::server::ops::second_factor::second_step_owed(&state, &user.id).await? {
                crate::server::auth::session::begin_second_step(&session()?, &user.id).await?;
                leptos_axum::redirect("/login/second-factor");
                return Ok(());
            }
            let target = finish_sign_in(&state, &user, None).await?;
            leptos_axum::redirect(&target);
            Ok(())
        }
        .await,
    )
}

/// Spends a verification link.
#[server(prefix = "/api", endpoint = "auth/verify-email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    respond(
        async {
            let state = state()?;
            crate::server::ops::email::verification::confirm(&state, &token).await?;
            leptos_axum::redirect("/verify-email?done=1");
            Ok(())
        }
        .await,
    )
}

/// The caller's own address and notices.
#[server(prefix = "/api", endpoint = "account/mail/get", input = GetUrl)]
pub async fn my_mail_settings() -> Result<MailSettings, AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        crate::server::ops::email::notices::own_settings(&state, &caller).await
    })
    .await
}

/// The notices form of `/account` (checkboxes: present when ticked).
#[server(prefix = "/api", endpoint = "account/mail/notices")]
pub async fn update_mail_notices(
    password: Option<String>,
    factors: Option<String>,
    sign_in: Option<String>,
) -> Result<MailSettings, AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        let on: Vec<String> = [
            ("password", password),
            ("factors", factors),
            ("sign_in", sign_in),
        ]
        .into_iter()
        .filter(|(_, ticked)| ticked.is_some())
        .map(|(k, _)| k.to_owned())
        .collect();
        let settings = crate::server::ops::email::notices::set_own(&state, &caller, &on).await?;
        if plain_form() {
            leptos_axum::redirect("/account?notices=saved#notices");
        }
        Ok(settings)
    })
    .await
}

/// Sends the caller's verification link again.
#[server(prefix = "/api", endpoint = "account/mail/verify")]
pub async fn resend_my_verification() -> Result<(), AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        crate::server::ops::email::verification::resend_own(&state, &caller).await?;
        if plain_form() {
            leptos_axum::redirect("/account?verification=sent#notices");
        }
        Ok(())
    })
    .await
}

/// An administrator mails a user a verification link.
#[server(prefix = "/api", endpoint = "users/email/verification")]
pub async fn send_user_verification(user_id: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        crate::server::ops::email::verification::resend_for(&state, &caller, &user_id).await?;
        if plain_form() {
            leptos_axum::redirect(&format!(
                "/users/{user_id}?tab=security&mail=verification-sent"
            ));
        }
        Ok(())
    })
    .await
}

/// An administrator marks a user's address verified (`verified` = "true")
/// or not.
#[server(prefix = "/api", endpoint = "users/email/verified")]
pub async fn set_user_email_verified(
    user_id: String,
    verified: String,
) -> Result<crate::model::User, AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        let user = crate::server::ops::email::verification::set_verified(
            &state,
            &caller,
            &user_id,
            verified == "true",
        )
        .await?;
        if plain_form() {
            leptos_axum::redirect(&format!("/users/{user_id}?tab=security"));
        }
        Ok(user)
    })
    .await
}

/// An administrator mails a user a password reset link.
#[server(prefix = "/api", endpoint = "users/password-reset")]
pub async fn send_user_password_reset(user_id: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        crate::server::ops::email::reset::send_for(&state, &caller, &user_id).await?;
        if plain_form() {
            leptos_axum::redirect(&format!("/users/{user_id}?tab=security&mail=reset-sent"));
        }
        Ok(())
    })
    .await
}

/// The invitation form of the registration tokens page.
#[server(prefix = "/api", endpoint = "invitations/create")]
pub async fn invite(
    email: String,
    org_id: Option<String>,
    role: Option<String>,
    valid_days: Option<String>,
) -> Result<Invitation, AppError> {
    use crate::model::{email::NewInvitation, FieldError};
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        let valid_days = match valid_days
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(raw) => Some(raw.parse::<u32>().map_err(|_| {
                AppError::Invalid(vec![FieldError::new(
                    "valid_days",
                    "valid_days_out_of_range",
                    "An invitation is valid for 1 to 30 days.",
                )])
            })?),
        };
        // The role select always posts a value; it counts only with an
        // organisation.
        let org_id = org_id.filter(|s| !s.trim().is_empty());
        let input = NewInvitation {
            role: org_id
                .as_ref()
                .and(role.as_deref())
                .and_then(crate::model::OrgRole::parse),
            org_id,
            email,
            valid_days,
        };
        crate::server::ops::email::invitations::create(&state, &caller, input).await
    })
    .await
}

/// Invitations, newest first (`status`: invited, registered or expired).
#[server(prefix = "/api", endpoint = "invitations/list", input = GetUrl)]
pub async fn list_invitations(
    status: Option<String>,
    after: Option<String>,
) -> Result<Page<Invitation>, AppError> {
    use crate::server::ops::email::invitations::{list, InvitationPage};
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        let request = InvitationPage {
            status: status.filter(|s| !s.is_empty()),
            after: after.filter(|s| !s.is_empty()),
            ..InvitationPage::default()
        };
        list(&state, &caller, request).await
    })
    .await
}

/// The outbox on the Jobs page (`status`: queued, sent or failed).
#[server(prefix = "/api", endpoint = "email/outbox", input = GetUrl)]
pub async fn email_outbox(status: Option<String>) -> Result<Outbox, AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        crate::server::ops::email::outbox(
            &state,
            &caller,
            status.as_deref().filter(|s| !s.is_empty()),
        )
        .await
    })
    .await
}

/// Puts a failed message back in the queue.
#[server(prefix = "/api", endpoint = "email/outbox/retry")]
pub async fn retry_email(id: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;
    as_caller(|state, caller| async move {
        crate::server::ops::email::retry(&state, &caller, &id).await
    })
    .await
}
