//! `DELETE /users/{id}/grants/{grant_id}`: 204; the user's grants to that
//! application end (tokens stop working) and its consent is forgotten. 404
//! unknown user or grant.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/users/{id}/grants/{grant_id}",
    operation_id = "revoke_grant",
    tag = "applications",
    summary = "Revoke a user's grant",
    params(
        ("id" = String, Path, description = "The user's id"),
        ("grant_id" = String, Path, description = "The grant's id"),
    ),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "No such user or grant", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((user_id, grant_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::applications::revoke_grant(&state, &caller, &user_id, &grant_id).await)
}
