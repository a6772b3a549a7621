//! `POST /users/{id}/set-password` `{"password", "temporary"?}`: 200 with the
//! user; 422 when the password breaks the policy (the rule is named);
//! `temporary` makes the user choose a new password at the next login.

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
pub struct SetPassword {
    password: String,
    #[serde(default)]
    temporary: bool,
}

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SetPassword>,
) -> Result<Response, ApiError> {
    let user =
        ops::lifecycle::set_password(&state, &caller, &id, body.password, body.temporary).await?;
    Ok(user_document(&user).into_response())
}
