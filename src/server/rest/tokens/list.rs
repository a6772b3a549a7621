//! `GET /users/{id}/tokens`: the user's tokens, newest first, with revoked
//! and expired ones (`state`); never their secrets. 404 unknown user.

use axum::{
    extract::{Path, State},
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
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let tokens = ops::tokens::list(&state, &caller, &user_id).await?;
    Ok(Json(collection_document(&tokens, &collection_path(&user_id))).into_response())
}
