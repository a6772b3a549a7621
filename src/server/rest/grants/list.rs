//! `GET /users/{id}/grants`: the user's grants not revoked, newest first.

use super::collection_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/{id}/grants",
    operation_id = "list_grants",
    tag = "applications",
    summary = "List a user's application grants",
    description = "The applications the user signed in to (grants not revoked), newest first.",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The grants", body = super::schema::GrantListDocument),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let grants = ops::applications::user_grants(&state, &caller, &user_id).await?;
    Ok(collection_response(&grants, &collection_path(&user_id)))
}
