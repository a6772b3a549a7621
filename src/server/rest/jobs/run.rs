//! `POST /jobs/{name}/run`: queues the job to run now. 202 with the job
//! (state `queued`); 409 while it runs or jobs are paused; 404 unknown name.

use super::job_document;
use super::schema::JobDocument;
use crate::server::rest::openapi::JobConflictError;
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/jobs/{name}/run",
    operation_id = "run_job",
    tag = "jobs",
    summary = "Run a background job now",
    description = "A runner on some instance starts it within a second; follow its progress         with `GET /jobs/{name}`. No request body.",
    params(("name" = String, Path, description = "The job's name",
        pattern = "^(audit_retention|deactivate_dormant|purge_expired|rebuild_search_index|recount_stats)$")),
    responses(
        (status = 202, description = "Queued", body = JobDocument),
        (status = 404, description = "No such job", body = NotFoundError),
        (status = 409, description = "Already running or queued, or jobs are paused", body = JobConflictError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let job = ops::jobs::run_now(&state, &caller, &name).await?;
    Ok((StatusCode::ACCEPTED, job_document(&job)).into_response())
}
