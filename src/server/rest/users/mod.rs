//! `/users` endpoints, one per file.

pub mod bulk;
pub mod by_username;
pub mod create;
pub mod deactivate;
pub mod delete;
pub mod export;
pub mod get;
pub mod import;
pub mod list;
pub mod lock;
pub mod permissions;
pub mod set_password;
pub mod update;

use axum::Json;
use serde::Serialize;

use super::{envelope::SingleDocument, resource_document, Resource, PREFIX};
use crate::model::{User, UserStatus};

/// A user's JSON:API attributes: every field but the id.
#[derive(Serialize)]
pub struct UserAttributes<'a> {
    username: &'a str,
    display_name: &'a Option<String>,
    email: &'a Option<String>,
    admin: bool,
    can_request_admin: bool,
    status: UserStatus,
    created_at: &'a str,
    last_seen_at: &'a Option<String>,
    locked_at: &'a Option<String>,
    deactivated_at: &'a Option<String>,
    password_change_required: bool,
}

impl Resource for User {
    const TYPE: &'static str = "user";
    type Attributes<'a> = UserAttributes<'a>;

    fn id(&self) -> &str {
        &self.id
    }

    fn attributes(&self) -> UserAttributes<'_> {
        UserAttributes {
            username: &self.username,
            display_name: &self.display_name,
            email: &self.email,
            admin: self.admin,
            can_request_admin: self.can_request_admin,
            status: self.status,
            created_at: &self.created_at,
            last_seen_at: &self.last_seen_at,
            locked_at: &self.locked_at,
            deactivated_at: &self.deactivated_at,
            password_change_required: self.password_change_required,
        }
    }
}

pub(crate) type UserDocument<'a> = Json<SingleDocument<'a, UserAttributes<'a>>>;

pub(crate) fn user_document(user: &User) -> UserDocument<'_> {
    Json(resource_document(user, &format!("{PREFIX}/users")))
}
