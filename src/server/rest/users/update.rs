//! `PATCH /users/{id}`: `display_name`, `email` (null clears), `can_request_admin`.
//! 200 with the user; 404 unknown; 422 a broken rule; 400 malformed JSON.

use super::schema::UserDocument;
use super::user_document;
use crate::model::UserPatch;
use crate::server::rest::openapi::{examples, ProfileInvalidError};
use crate::server::rest::prelude::*;

#[utoipa::path(
    patch,
    path = "/users/{id}",
    operation_id = "update_user",
    tag = "users",
    summary = "Change a user's profile",
    description = "An absent field stays as it is; `null` clears `display_name` or `email`.",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    request_body(content = UserPatch, example = json!({"display_name": "Alice Example", "email": null})),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 400, description = "Malformed JSON or an unknown field", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 422, description = "A broken rule, one error per field", body = ProfileInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<UserPatch>,
) -> Result<Response, ApiError> {
    let user = ops::lifecycle::update_profile(&state, &caller, &id, patch).await?;
    Ok(user_document(&user).into_response())
}
