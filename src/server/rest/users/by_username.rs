//! `GET /users/by-username/{username}`: 200 with the user, 404 when unknown.

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
    Path(username): Path<String>,
) -> Result<Response, ApiError> {
    let user = ops::users::get_by_username(&state, &caller, &username).await?;
    Ok(user_document(&user).into_response())
}
