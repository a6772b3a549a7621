//! `POST /users/{id}/deactivate` `{"erase": bool}` (body optional) and
//! `/reactivate`: 200 with the user; 404 unknown; 409 own account or last
//! admin. Deactivation ends all sessions and revokes all tokens; `erase`
//! also scrubs display name, email and password. The username stays taken.

use axum::{
    body::Bytes,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::user_document;
use crate::{
    model::AppError,
    server::{
        ops,
        rest::{ApiCaller, ApiError},
        AppState,
    },
};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Deactivate {
    #[serde(default)]
    erase: bool,
}

pub async fn deactivate(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: Deactivate = if body.iter().all(u8::is_ascii_whitespace) {
        Deactivate::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| AppError::bad_request(format!("invalid JSON body: {e}")))?
    };
    Ok(
        user_document(&ops::lifecycle::deactivate(&state, &caller, &id, input.erase).await?)
            .into_response(),
    )
}

pub async fn reactivate(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(user_document(&ops::lifecycle::reactivate(&state, &caller, &id).await?).into_response())
}
