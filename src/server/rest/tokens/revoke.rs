//! `DELETE /users/{id}/tokens/{token_id}`: 204; the token stops working at
//! once (revoking twice is fine). 404 when the user has no such token.

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
    Path((user_id, token_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    ops::tokens::revoke(&state, &caller, &user_id, &token_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
