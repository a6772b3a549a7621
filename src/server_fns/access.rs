//! Admin API credentials and the IP allow-list, as the panel calls them.
//! New secrets come back in the result (shown once on the page), so these
//! forms need JavaScript; everything else works as a plain form post too.

use crate::model::{
    AllowEntry, AllowList, ApiToken, ApiTokenCreated, AppError, OAuthClient, OAuthClientCreated,
};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(prefix = "/api", endpoint = "tokens/list", input = GetUrl)]
pub async fn list_tokens(user_id: String) -> Result<Vec<ApiToken>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::tokens::list(&state, &caller, &user_id).await
    })
    .await
}

/// `scope` is `admin` or `read`; `expires_on` a date (`YYYY-MM-DD`, end of
/// that UTC day) or empty for no expiry.
#[server(prefix = "/api", endpoint = "tokens/create")]
pub async fn create_token(
    user_id: String,
    name: String,
    scope: String,
    expires_on: Option<String>,
) -> Result<ApiTokenCreated, AppError> {
    use crate::model::{FieldError, SCOPE_ADMIN, SCOPE_ADMIN_READ};
    use crate::server::{ops::tokens::NewToken, time::parse_rfc3339};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let scope = match scope.as_str() {
            "read" => SCOPE_ADMIN_READ,
            _ => SCOPE_ADMIN,
        };
        let expires_at = match expires_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(day) => Some(
                parse_rfc3339(day)
                    .map(|start| start + 86_400_000 - 1000)
                    .ok_or_else(|| {
                        AppError::Invalid(vec![FieldError::new(
                            "expires_on",
                            "expiry_invalid",
                            "Enter a date such as 2027-01-31.",
                        )])
                    })?,
            ),
        };
        let input = NewToken {
            user_id,
            name,
            scopes: vec![scope.to_owned()],
            expires_at,
        };
        crate::server::ops::tokens::create(&state, &caller, input)
            .await
            .map_err(|e| match e {
                // The form's field is a date.
                AppError::Invalid(mut errors) => {
                    for e in &mut errors {
                        if e.field == "expires_at" {
                            e.field = "expires_on".into();
                        }
                    }
                    AppError::Invalid(errors)
                }
                other => other,
            })
    })
    .await
}

#[server(prefix = "/api", endpoint = "tokens/revoke")]
pub async fn revoke_token(user_id: String, token_id: String) -> Result<ApiToken, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::tokens::revoke(&state, &caller, &user_id, &token_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "oauth2-clients/list", input = GetUrl)]
pub async fn list_oauth_clients() -> Result<Vec<OAuthClient>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::oauth2::list_clients(&state, &caller).await
    })
    .await
}

/// `scope` is `admin` or `read`.
#[server(prefix = "/api", endpoint = "oauth2-clients/create")]
pub async fn create_oauth_client(
    name: String,
    scope: String,
) -> Result<OAuthClientCreated, AppError> {
    use crate::model::{SCOPE_ADMIN, SCOPE_ADMIN_READ};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let scope = if scope == "read" {
            SCOPE_ADMIN_READ
        } else {
            SCOPE_ADMIN
        };
        crate::server::ops::oauth2::create_client(&state, &caller, &name, vec![scope.to_owned()])
            .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "oauth2-clients/revoke")]
pub async fn revoke_oauth_client(id: String) -> Result<OAuthClient, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let client = crate::server::ops::oauth2::revoke_client(&state, &caller, &id).await?;
        leptos_axum::redirect("/oauth2-clients");
        Ok(client)
    })
    .await
}

#[server(prefix = "/api", endpoint = "allowlist/list", input = GetUrl)]
pub async fn get_allowlist() -> Result<AllowList, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::allowlist::list(&state, &caller).await },
    )
    .await
}

/// `confirm` (a checkbox) accepts losing admin access from one's own address.
#[server(prefix = "/api", endpoint = "allowlist/add")]
pub async fn add_allow_entry(
    entry: String,
    note: Option<String>,
    confirm: Option<String>,
) -> Result<AllowEntry, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let (entry, _) =
            crate::server::ops::allowlist::put(&state, &caller, &entry, note, confirm.is_some())
                .await?;
        leptos_axum::redirect("/allowlist");
        Ok(entry)
    })
    .await
}

#[server(prefix = "/api", endpoint = "allowlist/remove")]
pub async fn remove_allow_entry(entry: String, confirm: Option<String>) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::allowlist::delete(&state, &caller, &entry, confirm.is_some()).await?;
        leptos_axum::redirect("/allowlist");
        Ok(())
    })
    .await
}
