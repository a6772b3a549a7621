//! The background jobs as administrators see and steer them: list, run one
//! now, pause or resume them all. The runner itself is `server::jobs`.

use serde_json::json;

use super::Caller;
use crate::{
    model::{AppError, Job, PauseOutcome},
    server::{
        db::{self, jobs::RunRefused},
        jobs::{to_model, JobKind},
        AppState,
    },
};

fn not_found(name: &str) -> AppError {
    AppError::NotFound(format!("no job named {name}"))
}

pub async fn list(state: &AppState, caller: &Caller) -> Result<Vec<Job>, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    let rows = db::jobs::all(&state.db).await?;
    Ok(JobKind::ALL
        .into_iter()
        .filter_map(|kind| {
            rows.iter()
                .find(|r| r.name == kind.name())
                .map(|r| to_model(kind, r))
        })
        .collect())
}

pub async fn get(state: &AppState, caller: &Caller, name: &str) -> Result<Job, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    let kind = JobKind::from_name(name).ok_or_else(|| not_found(name))?;
    let row = db::jobs::get(&state.db, kind.name())
        .await?
        .ok_or_else(|| not_found(name))?;
    Ok(to_model(kind, &row))
}

/// Queues a job to run at once; a runner on some instance picks it up
/// within a second. 409 while it runs (or waits to) and while jobs are paused.
pub async fn run_now(state: &AppState, caller: &Caller, name: &str) -> Result<Job, AppError> {
    caller.require(crate::model::Op::ManageServer)?;
    let kind = JobKind::from_name(name).ok_or_else(|| not_found(name))?;
    let audit = caller.audit("job.run", "job", Some(kind.name()), json!({}));
    match db::jobs::request_run(&state.db, kind.name(), audit).await? {
        Ok(row) => Ok(to_model(kind, &row)),
        Err(RunRefused::Unknown) => Err(not_found(name)),
        Err(RunRefused::Busy) => Err(AppError::conflict(
            "job_running",
            None,
            format!("the {name} job is already running or queued"),
        )),
        Err(RunRefused::Paused) => Err(AppError::conflict(
            "jobs_paused",
            None,
            "jobs are paused: resume them first",
        )),
    }
}

/// Pauses (`true`) or resumes (`false`) every job. A running job stops
/// after its current batch; resuming continues unfinished runs where they
/// stopped. Idempotent: `affected` counts the jobs this changed.
pub async fn pause_all(
    state: &AppState,
    caller: &Caller,
    paused: bool,
) -> Result<PauseOutcome, AppError> {
    caller.require(crate::model::Op::ManageServer)?;
    let action = if paused { "jobs.pause" } else { "jobs.resume" };
    let affected = db::jobs::set_paused(&state.db, paused, |affected| {
        caller.audit(
            action,
            "job",
            None,
            json!({"before": {"paused": !paused}, "after": {"paused": paused}, "affected": affected}),
        )
    })
    .await?;
    Ok(PauseOutcome {
        state: if paused { "paused" } else { "running" }.into(),
        affected,
    })
}
