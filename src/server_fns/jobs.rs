//! The Jobs page's calls: the list (polled while the page is open), run one
//! now, pause or resume all. Both changes are plain form posts too.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{AppError, Job, PauseOutcome};

#[server(prefix = "/api", endpoint = "jobs/list", input = GetUrl)]
pub async fn list_jobs() -> Result<Vec<Job>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move { crate::server::ops::jobs::list(&state, &caller).await })
        .await
}

/// Queues job `name` to run now.
#[server(prefix = "/api", endpoint = "jobs/run")]
pub async fn run_job(name: String) -> Result<Job, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::jobs::run_now(&state, &caller, &name).await
    })
    .await
}

/// Pauses (`paused` = `true`) or resumes (`false`) every job.
#[server(prefix = "/api", endpoint = "jobs/pause-all")]
pub async fn pause_all_jobs(paused: String) -> Result<PauseOutcome, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let paused = match paused.as_str() {
            "true" => true,
            "false" => false,
            _ => {
                caller.require(crate::model::Op::ManageServer)?;
                return Err(AppError::bad_parameter(
                    "paused",
                    "paused must be true or false",
                ));
            }
        };
        crate::server::ops::jobs::pause_all(&state, &caller, paused).await
    })
    .await
}
