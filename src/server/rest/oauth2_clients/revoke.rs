//! `DELETE /oauth2-clients/{id}`: 204; the client can no longer get tokens
//! and the tokens it holds stop working at once. 404 unknown client.

use axum::{
    extract::{Path, State},
    http::StatusCode,
};

use crate::server::{
    ops,
    rest::{ApiCaller, ApiError},
    AppState,
};

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    ops::oauth2::revoke_client(&state, &caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
