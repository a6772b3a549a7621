//! Extractors that turn every input problem into the API's error format.

use std::net::SocketAddr;

use axum::{
    extract::{rejection::JsonRejection, ConnectInfo, FromRequest, FromRequestParts, Request},
    http::request::Parts,
};
use tower_sessions::Session;

use super::ApiError;
use crate::{
    model::AppError,
    server::{auth::caller, ops::Caller, AppState},
};

/// The authenticated caller of an API request; 401 when there is none.
/// Authorization itself happens in `ops`.
pub struct ApiCaller(pub Caller);

pub fn client_ip(parts: &Parts) -> Option<String> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = parts.extensions.get::<Session>().cloned();
        caller::resolve(state, &parts.headers, session.as_ref(), client_ip(parts))
            .await?
            .map(ApiCaller)
            .ok_or(ApiError(AppError::Unauthenticated))
    }
}

/// A JSON body; any problem with it (syntax, shape, content type) is a 400.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => {
                let message = match &rejection {
                    JsonRejection::MissingJsonContentType(_) => {
                        "expected a JSON body with Content-Type: application/json".to_owned()
                    }
                    other => other.body_text(),
                };
                Err(ApiError(AppError::BadRequest {
                    message,
                    parameter: None,
                }))
            }
        }
    }
}
