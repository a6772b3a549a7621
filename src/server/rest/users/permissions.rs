//! `PUT /users/{id}/permissions` `{"roles": [...]}` (or the older
//! `{"admin": bool}`): 200 with the user; 404 unknown; 403 for a role
//! allowing more than the caller's own; 409 when demoting oneself or the
//! last active `server_admin`.

use serde::Deserialize;

use super::schema::UserDocument;
use super::user_document;
use crate::model::FieldError;
use crate::server::rest::openapi::{examples, GuardRailError, RolesInvalidError};
use crate::server::rest::prelude::*;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Permissions {
    /// The user's server roles, replacing the current ones:
    /// `server_admin`, `user_admin`, `helpdesk`, `auditor`.
    #[serde(default)]
    roles: Option<Vec<String>>,
    /// Grants (`true`) or removes `server_admin`, keeping other roles.
    #[serde(default)]
    admin: Option<bool>,
}

#[utoipa::path(
    put,
    path = "/users/{id}/permissions",
    operation_id = "set_user_permissions",
    tag = "users",
    summary = "Set a user's server roles",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    request_body(content = Permissions, example = json!({"roles": ["helpdesk", "auditor"]})),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 400, description = "Malformed JSON, neither or both of `roles` and `admin`", body = BadRequestError),
        (status = 422, description = "An unknown role", body = RolesInvalidError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "Demoting oneself or the last active administrator", body = GuardRailError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Permissions>,
) -> Result<Response, ApiError> {
    let user = match (body.roles, body.admin) {
        (Some(names), None) => {
            let roles = crate::model::Roles::parse_names(&names).map_err(|bad| {
                AppError::Invalid(vec![FieldError::new(
                    "roles",
                    "role_unknown",
                    format!("Unknown role '{bad}'."),
                )])
            })?;
            ops::lifecycle::set_roles(&state, &caller, &id, roles).await?
        }
        (None, Some(admin)) => ops::lifecycle::set_admin(&state, &caller, &id, admin).await?,
        _ => {
            return Err(AppError::BadRequest {
                message: "give either roles or admin".into(),
                parameter: None,
            }
            .into())
        }
    };
    Ok(user_document(&user).into_response())
}
