//! `PATCH /users/{id}`: `display_name`, `email` (null clears), `can_request_admin`.
//! 200 with the user; 404 unknown; 422 a broken rule; 400 malformed JSON.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};

use super::user_document;
use crate::{
    model::UserPatch,
    server::{
        ops,
        rest::{ApiCaller, ApiError, ApiJson},
        AppState,
    },
};

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<UserPatch>,
) -> Result<Response, ApiError> {
    let user = ops::lifecycle::update_profile(&state, &caller, &id, patch).await?;
    Ok(user_document(&user).into_response())
}
