//! `POST /jobs/pause-all` `{"paused": bool}`: pauses or resumes every job
//! (Grafana's pause-all-alerts). `{"state": "paused"|"running", "affected": n}`.

use serde::Deserialize;

use crate::model::PauseOutcome;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PauseAll {
    /// `true` pauses every job, `false` resumes them.
    paused: bool,
}

#[utoipa::path(
    post,
    path = "/jobs/pause-all",
    operation_id = "pause_all_jobs",
    tag = "jobs",
    summary = "Pause or resume every background job",
    description = "Paused jobs do not start; a running one stops after its current batch \
        (within a second) and keeps its place. Resuming continues unfinished runs where they \
        stopped. `affected` counts the jobs whose state this changed (0 when they already \
        were so).",
    request_body(content = PauseAll, example = json!({"paused": true})),
    responses(
        (status = 200, description = "The jobs' state now", body = PauseOutcome,
            example = json!({"state": "paused", "affected": 5})),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<PauseAll>,
) -> Result<Json<PauseOutcome>, ApiError> {
    Ok(Json(
        ops::jobs::pause_all(&state, &caller, input.paused).await?,
    ))
}
