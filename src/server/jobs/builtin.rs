//! What each built-in job does, one batch at a time. A cursor (text) says
//! where the next batch starts; `None` as the next cursor ends the run.
//! Batches are safe to repeat: a run taken over after a crash may redo the
//! last one.

use serde_json::json;

use super::JobKind;
use crate::server::{
    db::{
        self,
        jobs::{Purge, PurgeCutoffs},
    },
    ops::{self, Caller},
    time::{now_ms, rfc3339},
    AppState,
};

const DAY_MS: i64 = 86_400_000;

/// The user totals the dashboard keeps, one batch each.
const USER_GROUPS: [(&str, bool); 6] = [
    ("active", false),
    ("active", true),
    ("locked", false),
    ("locked", true),
    ("deactivated", false),
    ("deactivated", true),
];

/// One batch's outcome.
pub struct Step {
    /// Units of work done (rows deleted, users deactivated, groups counted).
    pub processed: i64,
    /// Where the next batch starts; `None`: the run is complete.
    pub next: Option<String>,
}

fn batch_size(state: &AppState) -> i64 {
    i64::from(state.config.jobs.batch_size)
}

fn purge_cutoffs(state: &AppState) -> PurgeCutoffs {
    let now = now_ms();
    let keep = i64::from(state.config.jobs.keep_ended_days) * DAY_MS;
    PurgeCutoffs {
        ended_before: now - keep,
        idle_before: ops::sessions::idle_cutoff(state, now) - keep,
        now,
    }
}

fn dormant_cutoff(state: &AppState) -> Option<i64> {
    state
        .config
        .jobs
        .dormant_after_days
        .map(|d| now_ms() - i64::from(d) * DAY_MS)
}

fn audit_cutoff(state: &AppState) -> Option<i64> {
    state
        .config
        .jobs
        .audit_retention_days
        .map(|d| now_ms() - i64::from(d) * DAY_MS)
}

fn index(cursor: Option<&str>) -> usize {
    cursor.and_then(|c| c.parse().ok()).unwrap_or(0)
}

fn e(err: sqlx::Error) -> String {
    err.to_string()
}

/// How many units a fresh run has ahead of it.
pub async fn total(state: &AppState, kind: JobKind) -> Result<i64, String> {
    let db = &state.db;
    Ok(match kind {
        JobKind::PurgeExpired => {
            let at = purge_cutoffs(state);
            let mut n = 0;
            for what in Purge::ALL {
                n += db::jobs::purgeable(db, what, at).await.map_err(e)?;
            }
            n
        }
        JobKind::RecountStats => USER_GROUPS.len() as i64,
        JobKind::DeactivateDormant => match dormant_cutoff(state) {
            Some(cutoff) => db::jobs::dormant_count(db, cutoff).await.map_err(e)?,
            None => 0,
        },
        JobKind::AuditRetention => match audit_cutoff(state) {
            Some(cutoff) => db::jobs::audit_older_than(db, cutoff).await.map_err(e)?,
            None => 0,
        },
        JobKind::RebuildSearchIndex => db::jobs::search_index_steps(db).len() as i64,
    })
}

/// Runs the batch that starts at `cursor`.
pub async fn step(state: &AppState, kind: JobKind, cursor: Option<&str>) -> Result<Step, String> {
    let db = &state.db;
    let caller = Caller::job(kind.name());
    let limit = batch_size(state);
    match kind {
        JobKind::PurgeExpired => {
            let at = purge_cutoffs(state);
            let i = index(cursor).min(Purge::ALL.len() - 1);
            let what = Purge::ALL[i];
            let deleted = db::jobs::purge_batch(db, what, at, limit, |n| {
                caller.audit(
                    "job.purge",
                    "job",
                    Some(kind.name()),
                    json!({"purged": what.name(), "deleted": n, "ended_before": rfc3339(at.ended_before)}),
                )
            })
            .await
            .map_err(e)?;
            let next = if deleted == limit {
                Some(i)
            } else if i + 1 < Purge::ALL.len() {
                Some(i + 1)
            } else {
                None
            };
            Ok(Step {
                processed: deleted,
                next: next.map(|i| i.to_string()),
            })
        }
        JobKind::RecountStats => {
            let i = index(cursor);
            if let Some((status, admin)) = USER_GROUPS.get(i).copied() {
                db::jobs::recount_users(db, status, admin, |kept, counted| {
                    caller.audit(
                        "stats.recount",
                        "job",
                        Some(kind.name()),
                        json!({"status": status, "admin": admin,
                               "before": {"count": kept}, "after": {"count": counted}}),
                    )
                })
                .await
                .map_err(e)?;
            }
            let last = i + 1 >= USER_GROUPS.len();
            if last {
                ops::server::refresh(state)
                    .await
                    .map_err(|err| err.to_string())?;
            }
            Ok(Step {
                processed: 1,
                next: (!last).then(|| (i + 1).to_string()),
            })
        }
        JobKind::DeactivateDormant => {
            let Some(cutoff) = dormant_cutoff(state) else {
                return Ok(Step {
                    processed: 0,
                    next: None,
                });
            };
            let ids = db::jobs::dormant_ids(db, cutoff, cursor.unwrap_or(""), limit)
                .await
                .map_err(e)?;
            let mut processed = 0;
            for id in &ids {
                // The same operation as an administrator's, with its own
                // transaction and audit record per account.
                match ops::lifecycle::deactivate(state, &caller, id, false).await {
                    Ok(_) => processed += 1,
                    Err(err) => {
                        tracing::info!(job = kind.name(), user = %id, "not deactivated: {err}")
                    }
                }
            }
            let full = ids.len() as i64 == limit;
            Ok(Step {
                processed,
                next: if full { ids.last().cloned() } else { None },
            })
        }
        JobKind::AuditRetention => {
            let Some(cutoff) = audit_cutoff(state) else {
                return Ok(Step {
                    processed: 0,
                    next: None,
                });
            };
            let deleted = db::jobs::purge_audit_batch(db, cutoff, limit, |n| {
                caller.audit(
                    "audit.purge",
                    "job",
                    Some(kind.name()),
                    json!({"deleted": n, "older_than": rfc3339(cutoff)}),
                )
            })
            .await
            .map_err(e)?;
            Ok(Step {
                processed: deleted,
                next: (deleted == limit).then(|| "more".to_owned()),
            })
        }
        JobKind::RebuildSearchIndex => {
            let steps = db::jobs::search_index_steps(db).len();
            let i = index(cursor).min(steps - 1);
            let audit = (i == 0).then(|| {
                caller.audit(
                    "search_index.rebuild",
                    "job",
                    Some(kind.name()),
                    json!({"backend": db.backend()}),
                )
            });
            db::jobs::search_index_step(db, i, audit).await.map_err(e)?;
            Ok(Step {
                processed: 1,
                next: (i + 1 < steps).then(|| (i + 1).to_string()),
            })
        }
    }
}

/// What a finished run did, in a few words.
pub fn summary(state: &AppState, kind: JobKind, done: i64) -> String {
    let jobs = &state.config.jobs;
    match kind {
        JobKind::PurgeExpired => format!("purged {done} ended sessions, tokens and mail"),
        JobKind::RecountStats => "recounted the user totals".to_owned(),
        JobKind::DeactivateDormant => match jobs.dormant_after_days {
            Some(days) => format!("deactivated {done} accounts not seen for {days} days"),
            None => "off: jobs.dormant_after_days is not set".to_owned(),
        },
        JobKind::AuditRetention => match jobs.audit_retention_days {
            Some(days) => format!("deleted {done} audit records older than {days} days"),
            None => "off: audit.retention_days is not set".to_owned(),
        },
        JobKind::RebuildSearchIndex => "rebuilt the search index".to_owned(),
    }
}
