//! `DELETE /users/{id}/tokens/{token_id}`: 204; the token stops working at
//! once (revoking twice is fine). 404 when the user has no such token.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/users/{id}/tokens/{token_id}",
    operation_id = "revoke_token",
    tag = "tokens",
    summary = "Revoke a personal token",
    description = "The token stops working at once; revoking twice is fine.",
    params(
        ("id" = String, Path, description = "The user's id"),
        ("token_id" = String, Path, description = "The token's id"),
    ),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "The user has no such token", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((user_id, token_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::tokens::revoke(&state, &caller, &user_id, &token_id).await)
}
