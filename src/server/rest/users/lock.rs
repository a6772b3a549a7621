//! `POST /users/{id}/lock` and `/unlock`: 200 with the user (repeating is a
//! no-op that keeps the first timestamp); 404 unknown; 409 own account or
//! last admin. A locked user cannot log in, and their sessions and tokens
//! stop working while locked.

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::{examples, GuardRailError};
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/users/{id}/lock",
    operation_id = "lock_user",
    tag = "users",
    summary = "Lock a user",
    description = "A locked user cannot log in, and their sessions and tokens stop working while locked. Repeating is a no-op that keeps the first timestamp.",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "Own account or last active administrator", body = GuardRailError),
    ),
)]
pub async fn lock(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(user_document(&ops::lifecycle::lock(&state, &caller, &id).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/users/{id}/unlock",
    operation_id = "unlock_user",
    tag = "users",
    summary = "Unlock a user",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn unlock(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(user_document(&ops::lifecycle::unlock(&state, &caller, &id).await?).into_response())
}
