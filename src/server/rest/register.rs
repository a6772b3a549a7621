//! `POST /api/register` (public, for scripts): `{"username", "password",
//! "token"?, "display_name"?, "email"?}` → 201 with the new user's id and
//! username. Errors in the admin API's shape: 403 `registration_closed`,
//! 422 broken rules or a refused token, 409 `username_taken`, 429 after
//! too many unknown tokens, 400 malformed JSON. No session is started.

use axum::{
    extract::{FromRequestParts, State},
    http::{header, request::Parts, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use serde_json::json;

use super::{extract::client_addr, ApiError, ApiJson, PREFIX};
use crate::{
    model::Registration,
    server::{ops, AppState},
};

pub const PATH: &str = "/api/register";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    username: String,
    password: String,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

/// The client's address as the `client_address` middleware worked it out.
pub struct ClientIp(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(client_addr(parts).ip_string()))
    }
}

pub async fn handler(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<RegisterBody>,
) -> Result<Response, ApiError> {
    let input = Registration {
        username: body.username,
        password: body.password,
        token: body.token,
        display_name: body.display_name,
        email: body.email,
    };
    let user = ops::registration::register(&state, input, ip).await?;
    let document = json!({
        "data": {
            "type": "user",
            "id": user.id,
            "attributes": {
                "username": user.username,
                "registration_token": user.registration_token,
            },
        },
    });
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("{PREFIX}/users/{}", user.id))],
        Json(document),
    )
        .into_response())
}
