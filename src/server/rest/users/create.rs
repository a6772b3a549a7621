//! `POST /users`: 201 with the new user; 409 duplicate username; 422 a broken
//! rule (one error per field, with `source.pointer`); 400 malformed JSON.

use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

use super::user_document;
use crate::{
    model::NewUser,
    server::{
        ops,
        rest::{ApiCaller, ApiError, ApiJson, PREFIX},
        AppState,
    },
};

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(input): ApiJson<NewUser>,
) -> Result<Response, ApiError> {
    let user = ops::users::create(&state, &caller, input).await?;
    let location = format!("{PREFIX}/users/{}", user.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        user_document(&user),
    )
        .into_response())
}
