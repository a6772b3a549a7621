//! The OpenID Connect provider's HTTP surface, outside the admin prefix:
//! discovery, keys, authorization (with the consent page), tokens, device
//! authorization (with the `/device` page), UserInfo, introspection,
//! revocation and RP-initiated logout. What each endpoint decides lives in
//! `ops::oidc`; these handlers translate HTTP.

mod authorize;
mod device;
pub mod keys;
mod logout;
pub mod page;
mod resource;

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde_json::json;
use tower_sessions::Session;

use crate::model::AppError;
use crate::server::{
    auth::{caller, network::ClientAddr, session::LOGIN_AT_KEY},
    ops::{
        oidc::{authorize::SignedIn, issuer, SUPPORTED_SCOPES},
        Caller,
    },
    rest::oauth2_token,
    AppState,
};

pub const DISCOVERY_PATH: &str = "/.well-known/openid-configuration";
pub const JWKS_PATH: &str = "/oauth2/jwks";
pub const AUTHORIZE_PATH: &str = "/oauth2/authorize";
pub const CONTINUE_PATH: &str = "/oauth2/authorize/continue";
pub const USERINFO_PATH: &str = "/oauth2/userinfo";
pub const INTROSPECT_PATH: &str = "/oauth2/introspect";
pub const REVOKE_PATH: &str = "/oauth2/revoke";
pub const LOGOUT_PATH: &str = "/oauth2/logout";
pub const DEVICE_AUTHORIZATION_PATH: &str = "/oauth2/device_authorization";
pub const DEVICE_PAGE: &str = "/device";

/// The provider's routes, for the public listener.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(DISCOVERY_PATH, get(discovery))
        .route(JWKS_PATH, get(jwks))
        .route(AUTHORIZE_PATH, get(authorize::get).post(authorize::post))
        .route(CONTINUE_PATH, get(authorize::resume))
        .route(
            "/consent/{id}",
            get(authorize::consent_page).post(authorize::consent_answer),
        )
        .route(oauth2_token::PATH, post(oauth2_token::handler))
        .route(DEVICE_AUTHORIZATION_PATH, post(device::authorization))
        .route(DEVICE_PAGE, get(device::page).post(device::submit))
        .route(
            USERINFO_PATH,
            get(resource::userinfo).post(resource::userinfo),
        )
        .route(INTROSPECT_PATH, post(resource::introspect))
        .route(REVOKE_PATH, post(resource::revoke))
        .route(LOGOUT_PATH, get(logout::get).post(logout::post))
}

async fn discovery(State(state): State<AppState>) -> Response {
    let iss = issuer(&state);
    let at = |path: &str| format!("{iss}{path}");
    let auth_methods = ["client_secret_basic", "client_secret_post", "none"];
    let document = json!({
        "issuer": iss,
        "authorization_endpoint": at(AUTHORIZE_PATH),
        "token_endpoint": at(oauth2_token::PATH),
        "userinfo_endpoint": at(USERINFO_PATH),
        "jwks_uri": at(JWKS_PATH),
        "revocation_endpoint": at(REVOKE_PATH),
        "introspection_endpoint": at(INTROSPECT_PATH),
        "end_session_endpoint": at(LOGOUT_PATH),
        "device_authorization_endpoint": at(DEVICE_AUTHORIZATION_PATH),
        "scopes_supported": SUPPORTED_SCOPES,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:device_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": keys::ALGORITHMS,
        "token_endpoint_auth_methods_supported": auth_methods,
        "revocation_endpoint_auth_methods_supported": auth_methods,
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "prompt_values_supported": ["none", "login", "consent", "select_account"],
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "azp",
            "preferred_username", "name", "email", "email_verified", "groups", "org_roles"],
        "authorization_response_iss_parameter_supported": true,
        "request_parameter_supported": false,
        "request_uri_parameter_supported": false,
        "claims_parameter_supported": false,
    });
    cached(Json(document).into_response())
}

async fn jwks(State(state): State<AppState>) -> Response {
    match state.signing_keys.get(&state.db).await {
        Ok(keys) => cached(Json(keys.jwks().clone()).into_response()),
        Err(e) => crate::server::rest::ApiError(e).into_response(),
    }
}

/// Public documents: cacheable for a few minutes (a key rotation shows
/// within that time, and old keys stay published much longer).
fn cached(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

/// The person signed in to this browser, if any (a temporary password
/// must be replaced in the panel first: then nobody is signed in here).
async fn signed_in(
    state: &AppState,
    session: &Session,
    addr: ClientAddr,
) -> Result<Option<(SignedIn, Caller)>, AppError> {
    let Some(caller) = caller::resolve(state, &HeaderMap::new(), Some(session), addr).await? else {
        return Ok(None);
    };
    if caller.password_change_required || caller.second_factor_required {
        return Ok(None);
    }
    let (Some(user_id), Some(session_id)) = (caller.user_id.clone(), caller.session_id.clone())
    else {
        return Ok(None);
    };
    let login_at: i64 = session.get(LOGIN_AT_KEY).await.ok().flatten().unwrap_or(0);
    Ok(Some((
        SignedIn {
            user_id,
            session_id,
            login_at,
        },
        caller,
    )))
}
