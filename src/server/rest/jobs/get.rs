//! `GET /jobs/{name}`: 200 with the job; 404 unknown name.

use super::job_document;
use super::schema::JobDocument;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/jobs/{name}",
    operation_id = "get_job",
    tag = "jobs",
    summary = "Get a background job",
    params(("name" = String, Path, description = "The job's name",
        pattern = "^(audit_retention|deactivate_dormant|purge_expired|rebuild_search_index|recount_stats)$")),
    responses(
        (status = 200, description = "The job", body = JobDocument),
        (status = 404, description = "No such job", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let job = ops::jobs::get(&state, &caller, &name).await?;
    Ok(job_document(&job).into_response())
}
