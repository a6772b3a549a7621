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

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, ApiError> {
    let clients = ops::oauth2::list_clients(&state, &caller).await?;
    Ok(Json(collection_document(&clients, &collection_path())).into_response())
}
