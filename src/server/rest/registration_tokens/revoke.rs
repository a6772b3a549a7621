//! `POST /registration-tokens/{token}/revoke` and `/unrevoke`: 200 with the
//! token (repeating is a no-op that keeps the first revocation time);
//! 404 unknown. A revoked token registers nobody until unrevoked.

use super::schema::RegistrationTokenDocument;
use super::token_document;
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/registration-tokens/{token}/revoke",
    operation_id = "revoke_registration_token",
    tag = "registration tokens",
    summary = "Revoke a registration token",
    description = "Nobody can register with it until it is unrevoked. Revoking a revoked token is a no-op that keeps the first `revoked_at`.",
    params(("token" = String, Path, description = "The token", pattern = "^[A-Za-z0-9._~-]{1,64}$")),
    responses(
        (status = 200, description = "The token", body = RegistrationTokenDocument),
        (status = 404, description = "No such token", body = NotFoundError),
    ),
)]
pub async fn revoke(
    ApiCall { state, caller }: ApiCall,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let token = ops::registration::set_revoked(&state, &caller, &token, true).await?;
    Ok(token_document(&token).into_response())
}

#[utoipa::path(
    post,
    path = "/registration-tokens/{token}/unrevoke",
    operation_id = "unrevoke_registration_token",
    tag = "registration tokens",
    summary = "Unrevoke a registration token",
    description = "Clears `revoked_at`; a no-op for a token that is not revoked.",
    params(("token" = String, Path, description = "The token", pattern = "^[A-Za-z0-9._~-]{1,64}$")),
    responses(
        (status = 200, description = "The token", body = RegistrationTokenDocument),
        (status = 404, description = "No such token", body = NotFoundError),
    ),
)]
pub async fn unrevoke(
    ApiCall { state, caller }: ApiCall,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let token = ops::registration::set_revoked(&state, &caller, &token, false).await?;
    Ok(token_document(&token).into_response())
}
