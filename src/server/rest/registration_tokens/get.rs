//! `GET /registration-tokens/{token}`: 200 with the token; 404 unknown.

use super::schema::RegistrationTokenDocument;
use super::token_document;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/registration-tokens/{token}",
    operation_id = "get_registration_token",
    tag = "registration tokens",
    summary = "Get a registration token",
    params(("token" = String, Path, description = "The token", pattern = "^[A-Za-z0-9._~-]{1,64}$")),
    responses(
        (status = 200, description = "The token", body = RegistrationTokenDocument),
        (status = 404, description = "No such token", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let token = ops::registration::get(&state, &caller, &token).await?;
    Ok(token_document(&token).into_response())
}
