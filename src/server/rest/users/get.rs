//! `GET /users/{id}`: 200 with the user, 404 when unknown.

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::examples;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/{id}",
    operation_id = "get_user",
    tag = "users",
    summary = "Get a user",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = ops::users::get(&state, &caller, &id).await?;
    Ok(user_document(&user).into_response())
}
