//! `POST /oauth2/token`: client credentials (RFC 6749 §4.4) for admin
//! clients; authorization code, refresh token and device code for OpenID
//! Connect applications. Client authentication by HTTP Basic
//! (`client_secret_basic`, id and secret form-urlencoded first, §2.3.1) or
//! by form fields (`client_secret_post`), not both; public clients send only
//! `client_id`. Errors follow §5.2 and RFC 8628 §3.5: 400 with `error`,
//! `invalid_client` 401; failures are rate limited per address and per
//! client (429 with Retry-After). The form parsing and error responses are
//! shared with the other OAuth2 endpoints (device authorization,
//! revocation, introspection).

use axum::{
    body::Bytes,
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::json;

use super::extract::{client_addr, form_pairs};
use crate::server::{
    ops::oauth2::{issue_token, TokenError, TokenRequest},
    AppState,
};

pub const PATH: &str = "/oauth2/token";

fn decode_component(raw: &str) -> Option<String> {
    urlencoding::decode(&raw.replace('+', " "))
        .ok()
        .map(|s| s.into_owned())
}

/// `Authorization: Basic` client credentials, if that header is used.
fn basic_credentials(headers: &HeaderMap) -> Result<Option<(String, String)>, TokenError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| TokenError::InvalidClient)?;
    let Some((scheme, encoded)) = value.split_once(' ') else {
        return Err(TokenError::InvalidClient);
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(TokenError::InvalidClient);
    }
    let decoded = STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or(TokenError::InvalidClient)?;
    let (id, secret) = decoded.split_once(':').ok_or(TokenError::InvalidClient)?;
    match (decode_component(id), decode_component(secret)) {
        (Some(id), Some(secret)) => Ok(Some((id, secret))),
        _ => Err(TokenError::InvalidClient),
    }
}

/// Turns the HTTP request into a [`TokenRequest`], refusing repeated
/// parameters and mixed client authentication methods.
pub fn parse(headers: &HeaderMap, body: &[u8]) -> Result<TokenRequest, TokenError> {
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return Err(TokenError::InvalidRequest(
            "the body must be application/x-www-form-urlencoded".into(),
        ));
    }
    let body = std::str::from_utf8(body)
        .map_err(|_| TokenError::InvalidRequest("the body is not UTF-8".into()))?;
    let mut request = TokenRequest::default();
    for (key, value) in form_pairs(body) {
        let slot = match key.as_str() {
            "grant_type" => &mut request.grant_type,
            "client_id" => &mut request.client_id,
            "client_secret" => &mut request.client_secret,
            "scope" => &mut request.scope,
            "code" => &mut request.code,
            "redirect_uri" => &mut request.redirect_uri,
            "code_verifier" => &mut request.code_verifier,
            "refresh_token" => &mut request.refresh_token,
            "device_code" => &mut request.device_code,
            "token" => &mut request.token,
            _ => continue, // RFC 6749 §3.2: unknown parameters are ignored
        };
        if slot.is_some() {
            return Err(TokenError::InvalidRequest(format!(
                "parameter {key} is repeated"
            )));
        }
        *slot = Some(value);
    }
    if let Some((id, secret)) = basic_credentials(headers)? {
        if request.client_secret.is_some() {
            return Err(TokenError::InvalidRequest(
                "use one client authentication method, not both".into(),
            ));
        }
        if request
            .client_id
            .as_ref()
            .is_some_and(|form_id| *form_id != id)
        {
            return Err(TokenError::InvalidRequest(
                "client_id differs from the Authorization header".into(),
            ));
        }
        request.client_id = Some(id);
        request.client_secret = Some(secret);
    }
    Ok(request)
}

pub fn error_response(error: TokenError) -> Response {
    let (status, code, description) = match error {
        TokenError::InvalidGrant(d) => (StatusCode::BAD_REQUEST, "invalid_grant", d),
        TokenError::AuthorizationPending => (
            StatusCode::BAD_REQUEST,
            "authorization_pending",
            "the user has not answered yet".into(),
        ),
        TokenError::SlowDown => (
            StatusCode::BAD_REQUEST,
            "slow_down",
            "polling too fast: wait 5 s more between polls".into(),
        ),
        TokenError::ExpiredToken => (
            StatusCode::BAD_REQUEST,
            "expired_token",
            "the device code has expired".into(),
        ),
        TokenError::AccessDenied => (
            StatusCode::BAD_REQUEST,
            "access_denied",
            "the user declined".into(),
        ),
        TokenError::InvalidRequest(d) => (StatusCode::BAD_REQUEST, "invalid_request", d),
        TokenError::InvalidClient => (
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed".into(),
        ),
        TokenError::InvalidScope(d) => (StatusCode::BAD_REQUEST, "invalid_scope", d),
        TokenError::UnsupportedGrantType => (
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type must be authorization_code, refresh_token, client_credentials or urn:ietf:params:oauth:grant-type:device_code".into(),
        ),
        TokenError::RateLimited(secs) => {
            let mut response = (
                StatusCode::TOO_MANY_REQUESTS,
                Json(json!({"error": "rate_limited",
                    "error_description": format!("too many failed attempts, try again in {secs} s")})),
            )
                .into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            return no_store(response);
        }
        TokenError::Internal => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "internal error".into(),
        ),
    };
    let mut response = (
        status,
        Json(json!({"error": code, "error_description": description})),
    )
        .into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"gatehouse\""),
        );
    }
    no_store(response)
}

/// Token responses must never be cached (§5.1).
pub fn no_store(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// The request's client address and parsed form.
pub async fn read(request: Request) -> (Option<String>, Result<TokenRequest, TokenError>) {
    let (parts, body) = request.into_parts();
    let ip = client_addr(&parts).ip_string();
    let body = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(b) => b,
        Err(_) => Bytes::new(),
    };
    (ip, parse(&parts.headers, &body))
}

pub async fn handler(State(state): State<AppState>, request: Request) -> Response {
    let (ip, parsed) = read(request).await;
    let result = match parsed {
        Ok(request) => issue_token(&state, request, ip.as_deref()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(issued) => {
            let mut body = json!({
                "access_token": issued.access_token,
                "token_type": "Bearer",
                "expires_in": issued.expires_in,
                "scope": issued.scope,
            });
            if let Some(refresh) = issued.refresh_token {
                body["refresh_token"] = json!(refresh);
            }
            if let Some(id_token) = issued.id_token {
                body["id_token"] = json!(id_token);
            }
            no_store(Json(body).into_response())
        }
        Err(e) => error_response(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_headers() -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded".parse().unwrap(),
        );
        h
    }

    #[test]
    fn basic_and_post_client_authentication() {
        let mut headers = form_headers();
        let encoded = STANDARD.encode("my%20id:s%3Acret");
        headers.insert(
            header::AUTHORIZATION,
            format!("Basic {encoded}").parse().unwrap(),
        );
        let r = parse(&headers, b"grant_type=client_credentials").unwrap();
        assert_eq!(r.client_id.as_deref(), Some("my id"));
        assert_eq!(r.client_secret.as_deref(), Some("s:cret"));

        let r = parse(
            &form_headers(),
            b"grant_type=client_credentials&client_id=a&client_secret=b&x=1",
        )
        .unwrap();
        assert_eq!(
            (r.client_id.as_deref(), r.client_secret.as_deref()),
            (Some("a"), Some("b"))
        );
    }

    #[test]
    fn malformed_requests_are_invalid_request() {
        let repeated = parse(&form_headers(), b"grant_type=a&grant_type=b").unwrap_err();
        assert!(matches!(repeated, TokenError::InvalidRequest(_)));
        let not_form = parse(&HeaderMap::new(), b"{}").unwrap_err();
        assert!(matches!(not_form, TokenError::InvalidRequest(_)));
        let mut both = form_headers();
        both.insert(
            header::AUTHORIZATION,
            format!("Basic {}", STANDARD.encode("a:b")).parse().unwrap(),
        );
        let mixed = parse(&both, b"client_secret=b").unwrap_err();
        assert!(matches!(mixed, TokenError::InvalidRequest(_)));
        let mut bearer = form_headers();
        bearer.insert(header::AUTHORIZATION, "Bearer x".parse().unwrap());
        assert_eq!(parse(&bearer, b"").unwrap_err(), TokenError::InvalidClient);
    }
}
