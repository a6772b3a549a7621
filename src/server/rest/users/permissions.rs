//! `PUT /users/{id}/permissions` `{"admin": bool}`: 200 with the user; 404
//! unknown; 409 when demoting oneself or the last active administrator.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::user_document;
use crate::server::{
    ops,
    rest::{ApiCaller, ApiError, ApiJson},
    AppState,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permissions {
    admin: bool,
}

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Permissions>,
) -> Result<Response, ApiError> {
    Ok(
        user_document(&ops::lifecycle::set_admin(&state, &caller, &id, body.admin).await?)
            .into_response(),
    )
}
