//! `PUT /users/{id}/permissions` `{"admin": bool}`: 200 with the user; 404
//! unknown; 409 when demoting oneself or the last active administrator.

use serde::Deserialize;

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::{examples, GuardRailError};
use crate::server::rest::prelude::*;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Permissions {
    /// Whether the user is an administrator.
    admin: bool,
}

#[utoipa::path(
    put,
    path = "/users/{id}/permissions",
    operation_id = "set_user_permissions",
    tag = "users",
    summary = "Grant or remove administrator rights",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    request_body(content = Permissions, example = json!({"admin": true})),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "Demoting oneself or the last active administrator", body = GuardRailError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Permissions>,
) -> Result<Response, ApiError> {
    Ok(
        user_document(&ops::lifecycle::set_admin(&state, &caller, &id, body.admin).await?)
            .into_response(),
    )
}
