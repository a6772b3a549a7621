use serde::{Deserialize, Serialize};

/// A built-in background job and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Stable identifier, e.g. `purge_expired`.
    pub name: String,
    pub description: String,
    /// Seconds between scheduled runs; `None`: it runs only when asked.
    pub interval_seconds: Option<i64>,
    /// `idle`, `queued` (asked to run, waiting for a runner), `running` or
    /// `paused` (by pause-all; an unfinished run continues on resume).
    pub state: String,
    pub paused: bool,
    /// Progress of the current (or last) run: `done` of `total` steps.
    pub done: i64,
    pub total: i64,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    pub next_run_at: Option<String>,
    /// What the last finished run did, e.g. "deleted 12 sessions".
    pub last_result: Option<String>,
    /// Why the last run failed; `None` when it succeeded.
    pub last_error: Option<String>,
    /// Finished runs since the job was first set up.
    pub runs: i64,
}

impl Job {
    /// Whole percent done, for progress bars (0 when there is nothing to do yet).
    pub fn percent(&self) -> i64 {
        if self.total <= 0 {
            return if self.finished_at.is_some() && self.state == "idle" {
                100
            } else {
                0
            };
        }
        (self.done.clamp(0, self.total) * 100) / self.total
    }
}

/// The answer to pause-all / resume-all (Grafana's pause-all-alerts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PauseOutcome {
    /// `paused` or `running`.
    #[cfg_attr(feature = "ssr", schema(example = "paused"))]
    pub state: String,
    /// Jobs whose state this changed.
    pub affected: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(done: i64, total: i64) -> Job {
        Job {
            name: "x".into(),
            description: String::new(),
            interval_seconds: None,
            state: "running".into(),
            paused: false,
            done,
            total,
            started_at: None,
            finished_at: None,
            next_run_at: None,
            last_result: None,
            last_error: None,
            runs: 0,
        }
    }

    #[test]
    fn percent_is_bounded() {
        assert_eq!(job(0, 0).percent(), 0);
        assert_eq!(job(1, 4).percent(), 25);
        assert_eq!(job(9, 4).percent(), 100);
    }
}
