//! `/users` endpoints, one per file.

pub mod by_username;
pub mod create;
pub mod deactivate;
pub mod delete;
pub mod get;
pub mod list;
pub mod lock;
pub mod permissions;
pub mod set_password;
pub mod update;

use serde_json::Value;

use super::{resource_document, PREFIX};
use crate::model::User;

pub(crate) fn user_document(user: &User) -> Value {
    resource_document(
        "user",
        &user.id,
        user,
        &format!("{PREFIX}/users/{}", user.id),
    )
}
