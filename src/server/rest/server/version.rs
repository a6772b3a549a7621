//! `GET /server/version`: version, git commit, build time, database backend
//! and its version.

use super::singleton_document;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/server/version",
    operation_id = "server_version",
    tag = "server",
    summary = "The server's version and database",
    responses(
        (status = 200, description = "The version", body = super::schema::VersionDocument),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
) -> Result<Json<serde_json::Value>, ApiError> {
    let version = ops::server::version(&state, &caller).await?;
    Ok(Json(singleton_document(&version, "version")))
}
