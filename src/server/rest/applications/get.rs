//! `GET /applications/{id}`: 404 when unknown.

use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
    Json,
};

use super::collection_path;
use crate::server::rest::openapi::NotFoundError;
use crate::server::{
    ops,
    rest::{resource_document, ApiCaller, ApiError},
    AppState,
};

#[utoipa::path(
    get,
    path = "/applications/{id}",
    operation_id = "get_application",
    tag = "applications",
    summary = "Get an application",
    params(("id" = String, Path, description = "The application's id (its client_id)")),
    responses(
        (status = 200, description = "The application", body = super::schema::ApplicationDocument),
        (status = 404, description = "No such application", body = NotFoundError),
    ),
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let app = ops::applications::get(&state, &caller, &id).await?;
    Ok(Json(resource_document(&app, &collection_path())).into_response())
}
