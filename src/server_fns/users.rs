//! Users, as the panel calls them.
// `list_users` takes one argument per URL parameter of the table; the
// `#[server]` macro copies them into code an item-level allow cannot reach.
#![allow(clippy::too_many_arguments)]

use crate::model::{AppError, BulkResult, Page, User};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The users table: parameters named as in the page URL and the admin API
/// (`/users?filter[search]=...&sort=...`), so
/// `curl '/api/users/list?filter[search]=ali&filter[status]=active'` works
/// the same way; the filters are parsed by the API's code.
#[server(prefix = "/api", endpoint = "users/list", input = GetUrl)]
pub async fn list_users(
    filter: Option<std::collections::BTreeMap<String, String>>,
    sort: Option<String>,
    size: Option<String>,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<User>, AppError> {
    use crate::model::{CountMode, PageRequest};
    use crate::server_fns::{context::*, filters};

    as_caller(|state, caller| async move {
        let size = size.as_deref().filter(|s| !s.is_empty());
        let (first, last) = if before.is_some() {
            (None, size.or(Some("50")))
        } else {
            (size, None)
        };
        let page = PageRequest::from_params(first, after.as_deref(), last, before.as_deref())
            .map_err(|(p, m)| AppError::bad_parameter(p, m))?;
        let mut filter = filters::parse(filter, &[("sort", sort)], |get| {
            crate::server::ops::users::filter_from(get)
        })?;
        filter.page = page;
        filter.count = CountMode::Include;
        crate::server::ops::users::list(&state, &caller, filter).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "users/get", input = GetUrl)]
pub async fn get_user(id: String) -> Result<User, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::users::get(&state, &caller, &id).await },
    )
    .await
}

/// The "New user" form. `admin` is a checkbox: present ("on") or absent.
#[server(prefix = "/api", endpoint = "users/create")]
pub async fn create_user(
    username: String,
    display_name: Option<String>,
    email: Option<String>,
    password: Option<String>,
    admin: Option<String>,
    org_id: Option<String>,
    role: Option<String>,
) -> Result<User, AppError> {
    use crate::model::{org::optional_role, NewUser};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let input = NewUser {
            username,
            display_name,
            email,
            password,
            admin: admin.is_some(),
            roles: Vec::new(),
            org_id: org_id.filter(|id| !id.is_empty()),
            role: optional_role(role.as_deref())?,
        };
        let user = crate::server::ops::users::create(&state, &caller, input).await?;
        leptos_axum::redirect(&format!("/users/{}", user.id));
        Ok(user)
    })
    .await
}

/// The profile form: empty fields clear the value; `can_request_admin` is
/// a checkbox.
#[server(prefix = "/api", endpoint = "users/update")]
pub async fn update_user(
    id: String,
    display_name: Option<String>,
    email: Option<String>,
    can_request_admin: Option<String>,
) -> Result<User, AppError> {
    use crate::model::UserPatch;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let clear_empty = |v: Option<String>| Some(v.filter(|s| !s.trim().is_empty()));
        let patch = UserPatch {
            display_name: clear_empty(display_name),
            email: clear_empty(email),
            can_request_admin: Some(can_request_admin.is_some()),
        };
        let user =
            crate::server::ops::lifecycle::update_profile(&state, &caller, &id, patch).await?;
        leptos_axum::redirect(&format!("/users/{}?tab=profile&saved=1", user.id));
        Ok(user)
    })
    .await
}

/// One lifecycle action from the user page: `lock`, `unlock`, `deactivate`,
/// `erase` (deactivate and scrub), `reactivate`, `make_admin`, `revoke_admin`.
#[server(prefix = "/api", endpoint = "users/action")]
pub async fn user_action(id: String, action: String) -> Result<User, AppError> {
    use crate::server::ops::lifecycle;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let (s, c, id) = (&state, &caller, id.as_str());
        let user = match action.as_str() {
            "lock" => lifecycle::lock(s, c, id).await,
            "unlock" => lifecycle::unlock(s, c, id).await,
            "deactivate" => lifecycle::deactivate(s, c, id, false).await,
            "erase" => lifecycle::deactivate(s, c, id, true).await,
            "reactivate" => lifecycle::reactivate(s, c, id).await,
            "make_admin" => lifecycle::set_admin(s, c, id, true).await,
            "revoke_admin" => lifecycle::set_admin(s, c, id, false).await,
            other => Err(AppError::bad_parameter(
                "action",
                format!("unknown action {other}"),
            )),
        }?;
        let tab = match action.as_str() {
            "deactivate" | "erase" | "reactivate" => "danger",
            _ => "security",
        };
        leptos_axum::redirect(&format!("/users/{}?tab={tab}", user.id));
        Ok(user)
    })
    .await
}

/// The roles form of the user page: one checkbox per server role, so it
/// posts without JavaScript.
#[server(prefix = "/api", endpoint = "users/roles")]
pub async fn set_user_roles(
    id: String,
    server_admin: Option<String>,
    user_admin: Option<String>,
    helpdesk: Option<String>,
    auditor: Option<String>,
) -> Result<User, AppError> {
    use crate::model::{Roles, ServerRole};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let ticked = [
            (server_admin, ServerRole::ServerAdmin),
            (user_admin, ServerRole::UserAdmin),
            (helpdesk, ServerRole::Helpdesk),
            (auditor, ServerRole::Auditor),
        ];
        let roles = Roles::new(
            ticked
                .into_iter()
                .filter_map(|(box_, role)| box_.is_some().then_some(role)),
        );
        let user = crate::server::ops::lifecycle::set_roles(&state, &caller, &id, roles).await?;
        leptos_axum::redirect(&format!("/users/{}?tab=security&roles=saved", user.id));
        Ok(user)
    })
    .await
}

#[server(prefix = "/api", endpoint = "users/set-password")]
pub async fn set_user_password(
    id: String,
    password: String,
    temporary: Option<String>,
    revoke_tokens: Option<String>,
) -> Result<User, AppError> {
    use crate::server::ops::lifecycle::{set_password, PasswordReset};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        // Checkboxes: present when ticked.
        let reset = PasswordReset {
            temporary: temporary.is_some(),
            revoke_tokens: revoke_tokens.is_some(),
        };
        let user = set_password(&state, &caller, &id, password, reset).await?;
        leptos_axum::redirect(&format!("/users/{}?tab=security&password=set", user.id));
        Ok(user)
    })
    .await
}

/// Deleting a user. The panel also sends the username as the admin typed
/// it, which must match: a last check against deleting the wrong account.
#[server(prefix = "/api", endpoint = "users/delete")]
pub async fn delete_user(id: String, confirm_username: Option<String>) -> Result<(), AppError> {
    use crate::model::FieldError;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        // Refused before the look-up tells whether the user exists.
        caller.require(crate::model::Op::ManageUsers)?;
        if let Some(typed) = confirm_username {
            let user = crate::server::ops::users::get(&state, &caller, &id).await?;
            if typed.trim() != user.username {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "confirm_username",
                    "confirmation_mismatch",
                    format!("Type {} to confirm.", user.username),
                )]));
            }
        }
        crate::server::ops::lifecycle::delete(&state, &caller, &id).await?;
        leptos_axum::redirect("/users");
        Ok(())
    })
    .await
}

/// One action on the users selected in the table; `ids` is comma-separated.
#[server(prefix = "/api", endpoint = "users/bulk")]
pub async fn bulk_users(ids: String, action: String) -> Result<BulkResult, AppError> {
    use crate::model::BulkAction;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let action = BulkAction::parse(&action).ok_or_else(|| {
            AppError::bad_parameter(
                "action",
                "action must be lock, unlock, deactivate or delete",
            )
        })?;
        let ids = ids
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        crate::server::ops::bulk::apply(&state, &caller, ids, action).await
    })
    .await
}
