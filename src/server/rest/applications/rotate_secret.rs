//! `POST /applications/{id}/rotate-secret`: a new secret, shown once in
//! `meta.client_secret`; the old one stops working at once. 404 unknown;
//! 409 for a public client.

use serde_json::json;

use super::collection_path;
use crate::server::rest::envelope::created_document;
use crate::server::rest::openapi::PublicClientError;
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/applications/{id}/rotate-secret",
    operation_id = "rotate_application_secret",
    tag = "applications",
    summary = "Rotate a client secret",
    params(("id" = String, Path, description = "The application's id (its client_id)")),
    responses(
        (status = 200, description = "The new secret in `meta.client_secret`", body = super::schema::ApplicationCreatedDocument),
        (status = 404, description = "No such application", body = NotFoundError),
        (status = 409, description = "A public client has no secret", body = PublicClientError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let rotated = ops::applications::rotate_secret(&state, &caller, &id).await?;
    let app = &rotated.application;
    let meta = json!({"client_id": app.client_id, "client_secret": rotated.client_secret});
    Ok(Json(created_document(app, &collection_path(), meta)).into_response())
}
