//! `POST /users/{id}/lock` and `/unlock`: 200 with the user (repeating is a
//! no-op that keeps the first timestamp); 404 unknown; 409 own account or
//! last admin. A locked user cannot log in, and their sessions and tokens
//! stop working while locked.

use axum::{
    extract::{Path, State},
    Json,
};
use serde_json::Value;

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
) -> Result<Json<Value>, ApiError> {
    Ok(Json(user_document(
        &ops::lifecycle::lock(&state, &caller, &id).await?,
    )))
}

pub async fn unlock(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(user_document(
        &ops::lifecycle::unlock(&state, &caller, &id).await?,
    )))
}
