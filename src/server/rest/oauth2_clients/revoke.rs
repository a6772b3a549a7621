//! `DELETE /oauth2-clients/{id}`: 204; the client can no longer get tokens
//! and the tokens it holds stop working at once. 404 unknown client.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/oauth2-clients/{id}",
    operation_id = "revoke_oauth2_client",
    tag = "oauth2-clients",
    summary = "Revoke an OAuth2 client",
    description = "It can no longer get tokens, and the tokens it holds stop working at once.",
    params(("id" = String, Path, description = "The client id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "No such client", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::oauth2::revoke_client(&state, &caller, &id).await)
}
