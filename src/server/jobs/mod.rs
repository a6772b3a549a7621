//! Background jobs (Synapse's background updates, Grafana's pause-all): a
//! runner on every instance claims due jobs from the shared `jobs` table and
//! runs them in batches. Between batches it records progress and looks at
//! the pause flag, so pause-all stops a run within one batch and resume
//! continues from the recorded cursor, on whichever instance claims it.

mod builtin;

use std::time::Duration;

use crate::server::{
    db,
    time::{now_ms, rfc3339},
    AppState,
};

/// How often an idle runner looks for due jobs.
const POLL: Duration = Duration::from_millis(500);
/// A running job whose heartbeat is older than this is taken over.
const STALE_MS: i64 = 60_000;
const HOUR: i64 = 3_600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    PurgeExpired,
    RecountStats,
    DeactivateDormant,
    AuditRetention,
    RebuildSearchIndex,
}

impl JobKind {
    pub const ALL: [JobKind; 5] = [
        JobKind::AuditRetention,
        JobKind::DeactivateDormant,
        JobKind::PurgeExpired,
        JobKind::RebuildSearchIndex,
        JobKind::RecountStats,
    ];

    pub fn name(self) -> &'static str {
        match self {
            JobKind::PurgeExpired => "purge_expired",
            JobKind::RecountStats => "recount_stats",
            JobKind::DeactivateDormant => "deactivate_dormant",
            JobKind::AuditRetention => "audit_retention",
            JobKind::RebuildSearchIndex => "rebuild_search_index",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            JobKind::PurgeExpired => {
                "Deletes sessions and personal tokens that ended, and mail sent or given up on, \
                 more than jobs.keep_ended_days ago, and expired OAuth2 access tokens."
            }
            JobKind::RecountStats => {
                "Recounts the kept user totals from the users table (fixing any drift) and \
                 refreshes the dashboard's figures."
            }
            JobKind::DeactivateDormant => {
                "Deactivates non-administrators not seen for jobs.dormant_after_days days \
                 (off while that is unset)."
            }
            JobKind::AuditRetention => {
                "Deletes audit records older than audit.retention_days (off while that is unset)."
            }
            JobKind::RebuildSearchIndex => {
                "Rebuilds the users' substring search index and refreshes its statistics."
            }
        }
    }

    /// Seconds between scheduled runs; `None`: only when asked.
    pub fn interval_seconds(self) -> Option<i64> {
        match self {
            JobKind::PurgeExpired | JobKind::RecountStats => Some(HOUR),
            JobKind::DeactivateDormant | JobKind::AuditRetention => Some(24 * HOUR),
            JobKind::RebuildSearchIndex => None,
        }
    }

    pub fn from_name(name: &str) -> Option<JobKind> {
        JobKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// When a run that ends at `now` is next due.
    fn next_run(self, now: i64) -> Option<i64> {
        self.interval_seconds().map(|s| now + s * 1000)
    }
}

/// Creates the jobs' rows (first runs one interval after the first start)
/// and starts this instance's runner.
pub async fn start(state: &AppState) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let rows: Vec<(&str, Option<i64>)> = JobKind::ALL
        .iter()
        .map(|k| (k.name(), k.next_run(now)))
        .collect();
    db::jobs::ensure(&state.db, &rows).await?;
    let state = state.clone();
    tokio::spawn(async move {
        let instance = state.live.instance_id.clone();
        loop {
            match db::jobs::claim(&state.db, &instance, now_ms(), now_ms() - STALE_MS).await {
                Ok(Some(row)) => run(&state, &instance, row).await,
                Ok(None) => tokio::time::sleep(POLL).await,
                Err(e) => {
                    tracing::warn!("job runner: cannot claim a job: {e}");
                    tokio::time::sleep(POLL * 4).await;
                }
            }
        }
    });
    Ok(())
}

/// Runs a claimed job batch by batch until it finishes, fails, is paused or
/// is taken over.
async fn run(state: &AppState, instance: &str, row: db::jobs::JobRow) {
    let Some(kind) = JobKind::from_name(&row.name) else {
        tracing::warn!(job = %row.name, "unknown job in the jobs table; left alone");
        let _ = db::jobs::park(&state.db, &row.name, instance).await;
        return;
    };
    let name = kind.name();
    tracing::info!(job = name, resumed = row.cursor.is_some(), "job started");
    let pause = Duration::from_millis(state.config.jobs.batch_pause_ms);
    let mut cursor = row.cursor.clone();
    let mut done = row.done;
    let mut total = row.total;
    if cursor.is_none() {
        match builtin::total(state, kind).await {
            Ok(t) => total = t,
            Err(e) => return fail(state, instance, kind, &e).await,
        }
        if !record(state, instance, kind, done, total, None).await {
            return;
        }
    }
    loop {
        match db::jobs::get(&state.db, name).await {
            Ok(Some(r)) if r.paused => {
                tracing::info!(job = name, done, total, "job paused");
                let _ = db::jobs::park(&state.db, name, instance).await;
                return;
            }
            Ok(_) => {}
            Err(e) => return fail(state, instance, kind, &e.to_string()).await,
        }
        let step = match builtin::step(state, kind, cursor.as_deref()).await {
            Ok(step) => step,
            Err(e) => return fail(state, instance, kind, &e).await,
        };
        done += step.processed;
        total = total.max(done);
        match step.next {
            Some(next) => {
                cursor = Some(next);
                if !record(state, instance, kind, done, total, cursor.as_deref()).await {
                    return;
                }
            }
            None => {
                let now = now_ms();
                let summary = builtin::summary(state, kind, done);
                tracing::info!(job = name, done, "job finished: {summary}");
                if let Err(e) = db::jobs::finish(
                    &state.db,
                    name,
                    instance,
                    now,
                    kind.next_run(now),
                    Ok((done, total, &summary)),
                )
                .await
                {
                    tracing::warn!(job = name, "cannot record the end of a run: {e}");
                }
                return;
            }
        }
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
}

/// Records progress; `false` (and the run stops) when the job is no longer
/// this instance's.
async fn record(
    state: &AppState,
    instance: &str,
    kind: JobKind,
    done: i64,
    total: i64,
    cursor: Option<&str>,
) -> bool {
    match db::jobs::progress(
        &state.db,
        kind.name(),
        instance,
        done,
        total,
        cursor,
        now_ms(),
    )
    .await
    {
        Ok(true) => true,
        Ok(false) => {
            tracing::warn!(job = kind.name(), "job taken over by another instance");
            false
        }
        Err(e) => {
            tracing::warn!(job = kind.name(), "cannot record progress: {e}");
            false
        }
    }
}

async fn fail(state: &AppState, instance: &str, kind: JobKind, error: &str) {
    tracing::warn!(job = kind.name(), "job failed: {error}");
    let now = now_ms();
    if let Err(e) = db::jobs::finish(
        &state.db,
        kind.name(),
        instance,
        now,
        kind.next_run(now),
        Err(error),
    )
    .await
    {
        tracing::warn!(job = kind.name(), "cannot record a failed run: {e}");
    }
}

/// The model of a job row, as the API and the panel show it.
pub fn to_model(kind: JobKind, row: &db::jobs::JobRow) -> crate::model::Job {
    let state = if row.paused && row.state != "running" {
        "paused"
    } else {
        row.state.as_str()
    };
    crate::model::Job {
        name: kind.name().to_owned(),
        description: kind.description().to_owned(),
        interval_seconds: kind.interval_seconds(),
        state: state.to_owned(),
        paused: row.paused,
        done: row.done,
        total: row.total,
        started_at: row.started_at.map(rfc3339),
        finished_at: row.finished_at.map(rfc3339),
        next_run_at: row.next_run_at.map(rfc3339),
        last_result: row.last_result.clone(),
        last_error: row.last_error.clone(),
        runs: row.runs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_sorted() {
        for k in JobKind::ALL {
            assert_eq!(JobKind::from_name(k.name()), Some(k));
        }
        assert_eq!(JobKind::from_name("nope"), None);
        let names: Vec<_> = JobKind::ALL.iter().map(|k| k.name()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "listed in the database's order");
    }

    #[test]
    fn only_the_index_rebuild_is_unscheduled() {
        assert_eq!(JobKind::RebuildSearchIndex.next_run(0), None);
        assert_eq!(JobKind::PurgeExpired.next_run(0), Some(3_600_000));
    }
}
