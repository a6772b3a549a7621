//! `/jobs`: the built-in background jobs, their progress, run-now and
//! pause-all, one endpoint per file. A job's id is its name.

pub mod get;
pub mod list;
pub mod pause_all;
pub mod run;

use axum::Json;
use serde::Serialize;

use super::{envelope::SingleDocument, resource, resource_document, PREFIX};
use crate::model::Job;

/// The job names, for path parameter patterns.
pub const NAME_PATTERN: &str =
    "^(audit_retention|deactivate_dormant|purge_expired|rebuild_search_index|recount_stats)$";

#[derive(Serialize, utoipa::ToSchema)]
pub struct JobAttributes<'a> {
    #[schema(value_type = String, example = "purge_expired")]
    name: &'a str,
    #[schema(value_type = String)]
    description: &'a str,
    /// Seconds between scheduled runs; `null`: only when asked.
    #[schema(required = true)]
    interval_seconds: Option<i64>,
    /// `idle`, `queued`, `running` or `paused`.
    #[schema(value_type = String, pattern = "^(idle|queued|running|paused)$", example = "idle")]
    state: &'a str,
    /// Set by pause-all: the job does not start, and a run stops after its batch.
    paused: bool,
    /// Progress of the current or last run: `done` of `total`.
    done: i64,
    total: i64,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    started_at: &'a Option<String>,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    finished_at: &'a Option<String>,
    /// When it runs next on its own; `null` for on-demand jobs.
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    next_run_at: &'a Option<String>,
    /// What the last finished run did.
    #[schema(value_type = Option<String>, required = true)]
    last_result: &'a Option<String>,
    /// Why the last run failed; `null` when it did not.
    #[schema(value_type = Option<String>, required = true)]
    last_error: &'a Option<String>,
    /// Finished runs so far.
    runs: i64,
}

/// Doc-only schemas of the jobs' documents.
pub mod schema {
    use super::JobAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "job",
        "^job$",
        id = (
            "^(audit_retention|deactivate_dormant|purge_expired|rebuild_search_index|recount_stats)$",
            "purge_expired"
        ),
        JobAttributes<'static>,
        JobResource,
        JobDocument,
        JobListDocument
    );
}

resource!(Job, "job", id = name, JobAttributes, |job| JobAttributes {
    name: &job.name,
    description: &job.description,
    interval_seconds: job.interval_seconds,
    state: &job.state,
    paused: job.paused,
    done: job.done,
    total: job.total,
    started_at: &job.started_at,
    finished_at: &job.finished_at,
    next_run_at: &job.next_run_at,
    last_result: &job.last_result,
    last_error: &job.last_error,
    runs: job.runs,
});

fn collection_path() -> String {
    format!("{PREFIX}/jobs")
}

fn job_document(job: &Job) -> Json<SingleDocument<'_, JobAttributes<'_>>> {
    Json(resource_document(job, &collection_path()))
}
