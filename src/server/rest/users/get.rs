//! `GET /users/{id}`: 200 with the user, 404 when unknown.

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

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = ops::users::get(&state, &caller, &id).await?;
    Ok(user_document(&user).into_response())
}
