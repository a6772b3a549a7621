//! Self-registration (public) and the registration tokens page (admins).
//! Every form here works as a plain HTML post too.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::model::{AppError, Page, RegistrationMode, RegistrationToken};

/// One page of tokens and the link a token's holder follows (without the
/// token), `{public_url}/register?token=`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenPage {
    pub page: Page<RegistrationToken>,
    pub register_url: String,
}

/// The configured registration mode, for the public page; `Closed` while
/// the registration module is off.
#[server(prefix = "/api", endpoint = "registration/mode", input = GetUrl)]
pub async fn get_registration_mode() -> Result<RegistrationMode, AppError> {
    use crate::server::ops::modules::{is_enabled, Module};
    use crate::server_fns::context::*;

    let state = state()?;
    if !is_enabled(&state, Module::Registration).await? {
        return Ok(RegistrationMode::Closed);
    }
    Ok(state.config.registration_mode)
}

/// Creates the account and logs the new user in (then `/account`).
#[server(prefix = "/api", endpoint = "registration/submit")]
pub async fn register(
    username: String,
    password: String,
    password_confirm: String,
    token: Option<String>,
    email: Option<String>,
) -> Result<(), AppError> {
    use crate::model::{FieldError, Registration};
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
            let input = Registration {
                username,
                password,
                token,
                display_name: None,
                email,
            };
            let user = crate::server::ops::registration::register(&state, input, ip()).await?;
            start_session(&state, &user.id, !user.roles.is_empty()).await?;
            leptos_axum::redirect("/account");
            Ok(())
        }
        .await,
    )
}

/// `filter` holds the API's `filter[valid]`, `filter[used]`,
/// `filter[revoked]` and `filter[expired]` (`true` or `false`), as in the
/// page URL; `after`/`before` are cursors; `token` shows that token alone
/// (none when it was deleted).
#[server(prefix = "/api", endpoint = "registration-tokens/list", input = GetUrl)]
pub async fn list_registration_tokens(
    filter: Option<std::collections::BTreeMap<String, String>>,
    after: Option<String>,
    before: Option<String>,
    token: Option<String>,
) -> Result<TokenPage, AppError> {
    use crate::model::{PageRequest, RegistrationTokenFilter, DEFAULT_PAGE_SIZE};
    use crate::server_fns::{context::*, filters};

    as_caller(|state, caller| async move {
        let f = RegistrationTokenFilter {
            page: match (after, before) {
                (_, Some(before)) => PageRequest::Last {
                    size: DEFAULT_PAGE_SIZE,
                    before: Some(before),
                },
                (after, None) => PageRequest::First {
                    size: DEFAULT_PAGE_SIZE,
                    after,
                },
            },
            ..filters::parse(filter, &[], |get| {
                crate::server::ops::registration::filter_from(get)
            })?
        };
        let register_url = format!("{}/register?token=", state.config.public_url);
        if let Some(token) = token.filter(|t| !t.is_empty()) {
            let items = match crate::server::ops::registration::get(&state, &caller, &token).await {
                Ok(t) => vec![t],
                Err(AppError::NotFound(_)) => Vec::new(),
                Err(e) => return Err(e),
            };
            let page = Page {
                count: Some(items.len() as u64),
                items,
                next_cursor: None,
                prev_cursor: None,
            };
            return Ok(TokenPage { page, register_url });
        }
        let page = crate::server::ops::registration::list(&state, &caller, f).await?;
        Ok(TokenPage { page, register_url })
    })
    .await
}

/// `token` empty: a random one of `length` (default 16). `uses_allowed`
/// empty: unlimited. `expires_at`: `YYYY-MM-DDTHH:MM` (a
/// `datetime-local` field, taken as UTC) or empty.
#[server(prefix = "/api", endpoint = "registration-tokens/create")]
pub async fn create_registration_token(
    token: Option<String>,
    length: Option<String>,
    uses_allowed: Option<String>,
    expires_at: Option<String>,
) -> Result<RegistrationToken, AppError> {
    use crate::model::{FieldError, NewRegistrationToken};
    use crate::server::time::parse_rfc3339;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let given = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut errors = Vec::new();
        let mut number = |field: &str, raw: Option<String>| -> Option<i64> {
            let raw = given(raw)?;
            raw.parse::<i64>()
                .map_err(|_| {
                    errors.push(FieldError::new(
                        field,
                        &format!("{field}_invalid"),
                        "Enter a whole number.",
                    ))
                })
                .ok()
        };
        let length = number("length", length);
        let uses_allowed = number("uses_allowed", uses_allowed);
        let expires_at = given(expires_at).and_then(|raw| {
            // datetime-local sends no seconds and no offset.
            let full = if raw.len() == 16 {
                format!("{raw}:00Z")
            } else {
                raw.clone()
            };
            let parsed = parse_rfc3339(&full).or_else(|| parse_rfc3339(&raw));
            if parsed.is_none() {
                errors.push(FieldError::new(
                    "expires_at",
                    "expiry_invalid",
                    "Enter a date and time such as 2027-01-31 12:00.",
                ));
            }
            parsed
        });
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let token = given(token);
        // A random token is the form's default; its length field is
        // ignored when a token is typed.
        let length = if token.is_some() { None } else { length };
        let input = NewRegistrationToken {
            token,
            length,
            uses_allowed,
            expires_at,
        };
        crate::server::ops::registration::create(&state, &caller, input).await
    })
    .await
}

/// Revokes (`revoke` = `true`) or unrevokes (`false`) a token.
#[server(prefix = "/api", endpoint = "registration-tokens/revoke")]
pub async fn set_registration_token_revoked(
    token: String,
    revoke: String,
) -> Result<RegistrationToken, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let revoke = match revoke.as_str() {
            "true" => true,
            "false" => false,
            _ => {
                caller.require(crate::model::Op::ManageRegistration)?;
                return Err(AppError::bad_parameter(
                    "revoke",
                    "revoke must be true or false",
                ));
            }
        };
        crate::server::ops::registration::set_revoked(&state, &caller, &token, revoke).await
    })
    .await
}

/// Deletes a token (the page asks for confirmation first).
#[server(prefix = "/api", endpoint = "registration-tokens/delete")]
pub async fn delete_registration_token(token: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::registration::delete(&state, &caller, &token).await
    })
    .await
}
