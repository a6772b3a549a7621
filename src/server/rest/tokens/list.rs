//! `GET /users/{id}/tokens`: the user's tokens, newest first, with revoked
//! and expired ones (`state`); never their secrets. 404 unknown user.

use super::collection_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/{id}/tokens",
    operation_id = "list_tokens",
    tag = "tokens",
    summary = "List a user's personal tokens",
    description = "Newest first, with revoked and expired ones (`state`); never their secrets.",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The tokens", body = super::schema::TokenListDocument),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let tokens = ops::tokens::list(&state, &caller, &user_id).await?;
    Ok(collection_response(&tokens, &collection_path(&user_id)))
}
