//! `GET /applications`: every application by name, with its usage.

use super::collection_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/applications",
    operation_id = "list_applications",
    tag = "applications",
    summary = "List applications",
    description = "By name, each with its active grants and last sign-in. Never a secret.",
    responses((status = 200, description = "The applications", body = super::schema::ApplicationListDocument)),
)]
pub async fn handler(ApiCall { state, caller }: ApiCall) -> Result<Response, ApiError> {
    let apps = ops::applications::list(&state, &caller).await?;
    Ok(collection_response(&apps, &collection_path()))
}
