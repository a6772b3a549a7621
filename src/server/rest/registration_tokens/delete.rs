//! `DELETE /registration-tokens/{token}`: 204; 404 unknown. Accounts made
//! with it keep the record of the token they used.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/registration-tokens/{token}",
    operation_id = "delete_registration_token",
    tag = "registration tokens",
    summary = "Delete a registration token",
    description = "Accounts created with it keep `registration_token`.",
    params(("token" = String, Path, description = "The token", pattern = "^[A-Za-z0-9._~-]{1,64}$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such token", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(token): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::registration::delete(&state, &caller, &token).await)
}
