//! `DELETE /allowlist/{entry}`: 204. 404 not on the list; 422 not an
//! address or range; 409 `would_lock_out` unless `?confirm_lockout=true`.

use axum::{
    extract::{Path, State},
    http::StatusCode,
};

use super::LockoutQuery;
use crate::server::{
    ops,
    rest::{extract::ApiQuery, ApiCaller, ApiError},
    AppState,
};

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(entry): Path<String>,
    ApiQuery(query): ApiQuery<LockoutQuery>,
) -> Result<StatusCode, ApiError> {
    ops::allowlist::delete(&state, &caller, &entry, query.confirm_lockout).await?;
    Ok(StatusCode::NO_CONTENT)
}
