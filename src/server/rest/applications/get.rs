//! `GET /applications/{id}`: 404 when unknown.

use super::collection_path;
use crate::server::rest::prelude::*;

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
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let app = ops::applications::get(&state, &caller, &id).await?;
    Ok(resource_response(&app, &collection_path()))
}
