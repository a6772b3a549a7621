//! `GET /oauth2-clients`: every client, newest first, revoked ones with
//! `revoked_at`; never a secret.

use super::collection_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/oauth2-clients",
    operation_id = "list_oauth2_clients",
    tag = "oauth2-clients",
    summary = "List OAuth2 admin clients",
    description = "Newest first; revoked clients have `revoked_at`. Never a secret.",
    responses((status = 200, description = "The clients", body = super::schema::ClientListDocument)),
)]
pub async fn handler(ApiCall { state, caller }: ApiCall) -> Result<Response, ApiError> {
    let clients = ops::oauth2::list_clients(&state, &caller).await?;
    Ok(collection_response(&clients, &collection_path()))
}
