//! `GET /oauth2-clients`: every client, newest first, revoked ones with
//! `revoked_at`; never a secret.

use axum::{
    extract::State,
    response::{IntoResponse, Response},
    Json,
};

use super::collection_path;
use crate::server::{
    ops,
    rest::{envelope::collection_document, ApiCaller, ApiError},
    AppState,
};

#[utoipa::path(
    get,
    path = "/oauth2-clients",
    operation_id = "list_oauth2_clients",
    tag = "oauth2-clients",
    summary = "List OAuth2 admin clients",
    description = "Newest first; revoked clients have `revoked_at`. Never a secret.",
    responses((status = 200, description = "The clients", body = super::schema::ClientListDocument)),
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, ApiError> {
    let clients = ops::oauth2::list_clients(&state, &caller).await?;
    Ok(Json(collection_document(&clients, &collection_path())).into_response())
}
