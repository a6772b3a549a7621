//! `GET /users/by-username/{username}`: 200 with the user, 404 when unknown.

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::examples;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/by-username/{username}",
    operation_id = "get_user_by_username",
    tag = "users",
    summary = "Get a user by username",
    params(("username" = String, Path, description = "The exact username", example = "alice")),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 404, description = "No user has this username", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(username): Path<String>,
) -> Result<Response, ApiError> {
    let user = ops::users::get_by_username(&state, &caller, &username).await?;
    Ok(user_document(&user).into_response())
}
