//! Refuses state changes sent from other sites (CSRF) whenever the browser
//! may have attached the credential by itself: a cookie, or HTTP Basic
//! credentials it cached. Only a bearer token, which a page's script must
//! set on purpose, exempts a request.

use axum::{
    extract::{Request, State},
    http::{header, Method},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    model::AppError,
    server::{rest::ApiError, AppState},
};

pub async fn refuse_cross_origin(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe
        || carries_bearer_token(&request)
        || is_cross_site_protocol_endpoint(request.uri().path())
        || is_same_origin(&state, &request)
    {
        return next.run(request).await;
    }
    ApiError(AppError::Forbidden("cross-origin request refused".into())).into_response()
}

/// OAuth2 endpoints that other sites call by design: they authenticate the
/// client by its credentials (no cookie), or (authorization) merely start a
/// sign-in the person still sees through.
fn is_cross_site_protocol_endpoint(path: &str) -> bool {
    matches!(
        path,
        "/oauth2/token"
            | "/oauth2/revoke"
            | "/oauth2/introspect"
            | "/oauth2/device_authorization"
            | "/oauth2/userinfo"
            | "/oauth2/authorize"
    )
}

fn carries_bearer_token(request: &Request) -> bool {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
}

fn is_same_origin(state: &AppState, request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers always send Origin on cross-site POSTs; its absence means
        // a non-browser client such as curl, which CSRF cannot drive.
        return true;
    };
    if origin == state.config.public_origin() {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    matches!((origin_host, host), (Some(o), Some(h)) if o == h)
}
