//! `GET /jobs`: every built-in job with its state and progress, by name.

use super::collection_path;
use super::schema::JobListDocument;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/jobs",
    operation_id = "list_jobs",
    tag = "jobs",
    summary = "List the background jobs",
    description = "Every built-in job: schedule, state (`idle`, `queued`, `running`, \
        `paused`), progress of the current or last run (`done` of `total`), when it started \
        and finished, when it runs next, and the last result or error.",
    responses(
        (status = 200, description = "The jobs", body = JobListDocument),
    ),
)]
pub async fn handler(ApiCall { state, caller }: ApiCall) -> Result<Response, ApiError> {
    let jobs = ops::jobs::list(&state, &caller).await?;
    Ok(collection_response(&jobs, &collection_path()))
}
