//! The admin REST API for scripts: JSON:API-shaped envelopes, cursor paging,
//! one file per endpoint, every handler a thin adapter over `ops`.

pub mod allowlist;
pub mod applications;
pub mod attachment;
pub mod audit_log;
mod common;
pub mod connections;
pub mod contacts;
mod doc;
pub mod email;
mod envelope;
pub mod extract;
pub mod grants;
pub mod invitations;
pub mod jobs;
pub mod messages;
pub mod modules;
pub mod oauth2_clients;
pub mod oauth2_token;
pub mod openapi;
pub mod orgs;
mod prelude;
pub mod register;
pub mod registration_tokens;
pub mod route_ops;
pub mod server;
pub mod sessions;
pub mod tokens;
pub mod users;

use axum::{
    body::Bytes,
    extract::DefaultBodyLimit,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, put},
    Json, Router,
};
use serde_json::{json, Value};
use utoipa_axum::{
    router::{OpenApiRouter, UtoipaMethodRouterExt},
    routes,
};

pub(crate) use envelope::resource;
pub use envelope::{list_document, resource_document, ListLinks, Resource};
pub use extract::{ApiCall, ApiJson};

use crate::{model::AppError, server::AppState};

pub const PREFIX: &str = "/api/admin/v1";

/// Every admin route, registered together with its `#[utoipa::path]` doc.
fn api() -> OpenApiRouter<AppState> {
    let api = OpenApiRouter::new()
        .routes(routes!(users::list::handler, users::create::handler))
        .routes(routes!(users::export::handler))
        .routes(routes!(users::bulk::handler))
        .routes(
            routes!(users::import::handler)
                .layer(DefaultBodyLimit::max(users::import::MAX_BODY_BYTES)),
        )
        .routes(routes!(users::by_username::handler))
        .routes(routes!(
            users::get::handler,
            users::update::handler,
            users::delete::handler
        ))
        .routes(routes!(users::set_password::handler))
        .routes(routes!(users::lock::lock))
        .routes(routes!(users::lock::unlock))
        .routes(routes!(users::deactivate::deactivate))
        .routes(routes!(users::deactivate::reactivate))
        .routes(routes!(users::permissions::handler))
        .routes(routes!(users::factors::list, users::factors::reset))
        .routes(routes!(users::email::send_verification))
        .routes(routes!(users::email::set_verified))
        .routes(routes!(users::email::send_reset))
        .routes(routes!(
            invitations::list::handler,
            invitations::create::handler
        ))
        .routes(routes!(email::outbox::list))
        .routes(routes!(email::outbox::retry))
        .routes(routes!(tokens::list::handler, tokens::create::handler))
        .routes(routes!(tokens::revoke::handler))
        .routes(routes!(contacts::list::handler, contacts::create::handler))
        .routes(routes!(
            contacts::get::handler,
            contacts::update::handler,
            contacts::delete::handler
        ))
        .routes(routes!(orgs::list::handler, orgs::create::handler))
        .routes(routes!(
            orgs::get::handler,
            orgs::update::handler,
            orgs::delete::handler
        ))
        .routes(routes!(orgs::members::handler))
        .routes(routes!(
            orgs::put_member::handler,
            orgs::remove_member::handler
        ))
        .routes(routes!(sessions::list::handler))
        .routes(routes!(sessions::user_list::handler))
        .routes(routes!(sessions::revoke::handler))
        .routes(routes!(sessions::logout::handler))
        .routes(routes!(
            oauth2_clients::list::handler,
            oauth2_clients::create::handler
        ))
        .routes(routes!(oauth2_clients::revoke::handler))
        .routes(routes!(
            applications::list::handler,
            applications::create::handler
        ))
        .routes(routes!(
            applications::get::handler,
            applications::update::handler,
            applications::delete::handler
        ))
        .routes(routes!(applications::rotate_secret::handler))
        .routes(routes!(grants::list::handler))
        .routes(routes!(grants::revoke::handler))
        .routes(routes!(connections::list::handler))
        .routes(routes!(connections::connected::handler))
        .routes(routes!(messages::send::handler))
        .routes(routes!(messages::multicast::handler))
        .routes(routes!(messages::broadcast::handler))
        .routes(routes!(
            registration_tokens::list::handler,
            registration_tokens::create::handler
        ))
        .routes(routes!(
            registration_tokens::get::handler,
            registration_tokens::update::handler,
            registration_tokens::delete::handler
        ))
        .routes(routes!(registration_tokens::revoke::revoke))
        .routes(routes!(registration_tokens::revoke::unrevoke))
        .routes(routes!(server::version::handler))
        .routes(routes!(server::settings::handler))
        .routes(routes!(server::stats::handler))
        .routes(routes!(server::provisioning_reload::handler))
        .routes(routes!(audit_log::list::handler))
        .routes(routes!(audit_log::export::handler))
        .routes(routes!(modules::list::handler))
        .routes(routes!(
            modules::get::handler,
            modules::enable::handler,
            modules::disable::handler
        ))
        .routes(routes!(jobs::list::handler))
        .routes(routes!(jobs::pause_all::handler))
        .routes(routes!(jobs::get::handler))
        .routes(routes!(jobs::run::handler))
        .routes(routes!(allowlist::list::handler))
        .routes(routes!(allowlist::put::handler, allowlist::delete::handler))
        // A CIDR's slash sent unencoded (`/allowlist/10.0.0.0/8`): the same
        // operations as `{entry}`, which OpenAPI cannot express.
        .route(
            "/allowlist/{address}/{prefix_len}",
            put(allowlist::put::with_prefix).delete(allowlist::delete::with_prefix),
        )
        .fallback(|| async { ApiError(AppError::NotFound("no such endpoint".into())) });
    OpenApiRouter::new().nest(PREFIX, api)
}

/// The OpenAPI document of the admin API, without a server.
pub fn openapi() -> utoipa::openapi::OpenApi {
    openapi::complete(api().into_openapi())
}

/// The admin API, its document at `/api/spec.json` (public) and the
/// interactive docs at `/api/doc/`.
pub fn router() -> Router<AppState> {
    let (api, document) = api().split_for_parts();
    let spec = Bytes::from(
        openapi::complete(document)
            .to_json()
            .expect("the OpenAPI document serializes"),
    );
    api.route(
        "/api/spec.json",
        get(move || {
            let spec = spec.clone();
            async move { openapi::spec_response(spec) }
        }),
    )
    .merge(doc::router())
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
            AppError::ProvisioningInvalid(problems) if !problems.is_empty() => problems
                .iter()
                .map(|p| {
                    let mut e = error_object(&p.message, &p.code);
                    if p.line > 0 {
                        e["source"] = json!({"pointer": format!("/line/{}", p.line)});
                    }
                    e["meta"] = json!({"line": p.line});
                    e
                })
                .collect(),
            AppError::Conflict {
                field: Some(field), ..
            }
            | AppError::UnknownReference { field, .. }
            | AppError::BadReference { field, .. } => {
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
        if let Some(retry_after_secs) = err.retry_after_secs() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        response
    }
}
