//! `DELETE /users/{id}`: 204; 404 unknown; 409 own account or last admin.

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
    ops::lifecycle::delete(&state, &caller, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
