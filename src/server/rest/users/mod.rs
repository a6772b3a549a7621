//! `/users` endpoints, one per file.

pub mod bulk;
pub mod by_username;
pub mod create;
pub mod deactivate;
pub mod delete;
pub mod email;
pub mod export;
pub mod factors;
pub mod get;
pub mod import;
pub mod list;
pub mod lock;
pub mod permissions;
pub mod set_password;
pub mod update;

use axum::Json;
use serde::Serialize;

use super::{envelope::SingleDocument, resource, resource_document, PREFIX};
use crate::model::{Membership, User, UserStatus};

/// A user's JSON:API attributes: every field but the id. Timestamps are
/// RFC 3339 UTC, `null` when unset.
#[derive(Serialize, utoipa::ToSchema)]
pub struct UserAttributes<'a> {
    #[schema(value_type = String, example = "alice")]
    username: &'a str,
    #[schema(value_type = Option<String>, required = true)]
    display_name: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true)]
    email: &'a Option<String>,
    /// The address was proven: a verification link, an invitation or an
    /// administrator.
    email_verified: bool,
    /// Holds the `server_admin` role.
    admin: bool,
    /// Server roles: `server_admin`, `user_admin`, `helpdesk`, `auditor`.
    #[schema(value_type = Vec<String>, example = json!(["helpdesk"]))]
    roles: &'a Vec<String>,
    /// May ask for administrator rights in the panel.
    can_request_admin: bool,
    status: UserStatus,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    last_seen_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    locked_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    deactivated_at: &'a Option<String>,
    /// Set after a temporary password: the user must choose a new one.
    password_change_required: bool,
    /// The organisations the user belongs to, with the role in each.
    memberships: &'a [Membership],
    /// The registration token the account was created with.
    #[schema(value_type = Option<String>, required = true)]
    registration_token: &'a Option<String>,
}

/// Doc-only schemas of the users' documents, for the OpenAPI document.
pub mod schema {
    use super::UserAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "user",
        "^user$",
        UserAttributes<'static>,
        UserResource,
        UserDocument,
        UserListDocument
    );
}

resource!(User, "user", id = id, UserAttributes, |user| {
    UserAttributes {
        username: &user.username,
        display_name: &user.display_name,
        email: &user.email,
        email_verified: user.email_verified,
        admin: user.admin,
        roles: &user.roles,
        can_request_admin: user.can_request_admin,
        status: user.status,
        created_at: &user.created_at,
        last_seen_at: &user.last_seen_at,
        locked_at: &user.locked_at,
        deactivated_at: &user.deactivated_at,
        password_change_required: user.password_change_required,
        memberships: &user.memberships,
        registration_token: &user.registration_token,
    }
});

pub(crate) type UserDocument<'a> = Json<SingleDocument<'a, UserAttributes<'a>>>;

pub(crate) fn user_document(user: &User) -> UserDocument<'_> {
    Json(resource_document(user, &format!("{PREFIX}/users")))
}
