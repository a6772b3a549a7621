//! UserInfo (OIDC Core §5.3), introspection (RFC 7662) and revocation
//! (RFC 7009).

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde_json::{json, Value};

use crate::{
    model::AppError,
    server::{
        ops::{
            oauth2::TokenError,
            oidc::{grants::authenticate_form_client, resource},
        },
        rest::oauth2_token,
        AppState,
    },
};

/// RFC 6750 §3: what a resource answers a bad or missing token.
fn invalid_token(description: &str) -> Response {
    let mut response = (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": "invalid_token", "error_description": description})),
    )
        .into_response();
    let challenge = format!("Bearer error=\"invalid_token\", error_description=\"{description}\"");
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    oauth2_token::no_store(response)
}

pub async fn userinfo(State(state): State<AppState>, request: Request) -> Response {
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let Some(token) = bearer else {
        return invalid_token("send the access token as Authorization: Bearer");
    };
    match resource::userinfo(&state, &token).await {
        Ok(claims) => oauth2_token::no_store(Json(Value::Object(claims)).into_response()),
        Err(AppError::Unauthenticated) => {
            invalid_token("the access token is unknown, expired, revoked, or its grant has ended")
        }
        Err(e) => crate::server::rest::ApiError(e).into_response(),
    }
}

pub async fn introspect(State(state): State<AppState>, request: Request) -> Response {
    let (ip, parsed) = oauth2_token::read(request).await;
    let result = async {
        let form = parsed?;
        let app = authenticate_form_client(&state, &form, ip.as_deref()).await?;
        // Resource servers are confidential clients: a public one proves nothing.
        if app.client_type != "confidential" {
            return Err(TokenError::InvalidClient);
        }
        let token = form
            .token
            .ok_or_else(|| TokenError::InvalidRequest("token is required".into()))?;
        Ok(resource::introspect(&state, &token).await?)
    }
    .await;
    match result {
        Ok(answer) => oauth2_token::no_store(Json(answer).into_response()),
        Err(e) => oauth2_token::error_response(e),
    }
}

pub async fn revoke(State(state): State<AppState>, request: Request) -> Response {
    let (ip, parsed) = oauth2_token::read(request).await;
    let result = async {
        let form = parsed?;
        let app = authenticate_form_client(&state, &form, ip.as_deref()).await?;
        let token = form
            .token
            .ok_or_else(|| TokenError::InvalidRequest("token is required".into()))?;
        Ok::<_, TokenError>(resource::revoke(&state, &app, &token).await?)
    }
    .await;
    match result {
        Ok(()) => oauth2_token::no_store(StatusCode::OK.into_response()),
        Err(e) => oauth2_token::error_response(e),
    }
}
