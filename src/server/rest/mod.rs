//! The admin REST API for scripts: JSON:API-shaped envelopes, cursor paging,
//! one file per endpoint, every handler a thin adapter over `ops`.

pub mod allowlist;
mod envelope;
pub mod extract;
pub mod oauth2_clients;
pub mod oauth2_token;
pub mod tokens;
pub mod users;

use axum::{
    extract::DefaultBodyLimit,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, post, put},
    Json, Router,
};
use serde_json::{json, Value};

pub use envelope::{list_document, resource_document, ListLinks, Resource};
pub use extract::{ApiCaller, ApiJson};

use crate::{model::AppError, server::AppState};

pub const PREFIX: &str = "/api/admin/v1";

pub fn router() -> Router<AppState> {
    let api = Router::new()
        .route(
            "/users",
            get(users::list::handler).post(users::create::handler),
        )
        .route("/users/export", get(users::export::handler))
        .route("/users/bulk", post(users::bulk::handler))
        .route(
            "/users/import",
            post(users::import::handler)
                .layer(DefaultBodyLimit::max(users::import::MAX_BODY_BYTES)),
        )
        .route(
            "/users/by-username/{username}",
            get(users::by_username::handler),
        )
        .route(
            "/users/{id}",
            get(users::get::handler)
                .patch(users::update::handler)
                .delete(users::delete::handler),
        )
        .route(
            "/users/{id}/set-password",
            post(users::set_password::handler),
        )
        .route("/users/{id}/lock", post(users::lock::lock))
        .route("/users/{id}/unlock", post(users::lock::unlock))
        .route(
            "/users/{id}/deactivate",
            post(users::deactivate::deactivate),
        )
        .route(
            "/users/{id}/reactivate",
            post(users::deactivate::reactivate),
        )
        .route("/users/{id}/permissions", put(users::permissions::handler))
        .merge(access_routes())
        .fallback(|| async { ApiError(AppError::NotFound("no such endpoint".into())) });
    Router::new()
        .nest(PREFIX, api)
        .route(oauth2_token::PATH, post(oauth2_token::handler))
}

/// Credentials and the allow-list.
fn access_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/users/{id}/tokens",
            get(tokens::list::handler).post(tokens::create::handler),
        )
        .route(
            "/users/{id}/tokens/{token_id}",
            delete(tokens::revoke::handler),
        )
        .route(
            "/oauth2-clients",
            get(oauth2_clients::list::handler).post(oauth2_clients::create::handler),
        )
        .route(
            "/oauth2-clients/{id}",
            delete(oauth2_clients::revoke::handler),
        )
        .route("/allowlist", get(allowlist::list::handler))
        .route(
            "/allowlist/{*entry}",
            put(allowlist::put::handler).delete(allowlist::delete::handler),
        )
}

/// An [`AppError`] rendered as a JSON:API error document with its status.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

fn error_object(title: &str, code: &str) -> Value {
    json!({"title": title, "code": code})
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let err = self.0;
        let status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let errors: Vec<Value> = match &err {
            AppError::Invalid(fields) if !fields.is_empty() => fields
                .iter()
                .map(|f| {
                    let mut e = error_object(&f.message, &f.code);
                    e["source"] = json!({"pointer": format!("/{}", f.field)});
                    e
                })
                .collect(),
            AppError::Conflict {
                field: Some(field), ..
            } => {
                let mut e = error_object(&err.to_string(), err.code());
                e["source"] = json!({"pointer": format!("/{field}")});
                vec![e]
            }
            AppError::BadRequest {
                parameter: Some(p), ..
            } => {
                let mut e = error_object(&err.to_string(), err.code());
                e["source"] = json!({"parameter": p});
                vec![e]
            }
            _ => vec![error_object(&err.to_string(), err.code())],
        };
        let mut response = (status, Json(json!({ "errors": errors }))).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"gatehouse\", Basic realm=\"gatehouse\""),
            );
        }
        if let AppError::RateLimited { retry_after_secs } = err {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        response
    }
}
