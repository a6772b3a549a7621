//! `POST /users/{id}/lock` and `/unlock`: 200 with the user (repeating is a
//! no-op that keeps the first timestamp); 404 unknown; 409 own account or
//! last admin. A locked user cannot log in, and their sessions and tokens
//! stop working while locked.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};

use super::user_document;
use crate::server::{
    ops,
    rest::{ApiCaller, ApiError},
    AppState,
};

pub async fn lock(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(user_document(&ops::lifecycle::lock(&state, &caller, &id).await?).into_response())
}

pub async fn unlock(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(user_document(&ops::lifecycle::unlock(&state, &caller, &id).await?).into_response())
}
