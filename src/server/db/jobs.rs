//! SQL for background jobs: the shared `jobs` rows (claims, progress,
//! pause-all) and the batches the built-in jobs run. Every batch that changes
//! data writes its audit record in the same transaction.

use super::{audit::AuditEntry, with_pool, BeginWrite, Db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct JobRow {
    pub name: String,
    pub state: String,
    pub paused: bool,
    pub cursor: Option<String>,
    pub done: i64,
    pub total: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub next_run_at: Option<i64>,
    pub last_error: Option<String>,
    pub last_result: Option<String>,
    pub runs: i64,
    pub claimed_by: Option<String>,
    pub heartbeat_at: Option<i64>,
}

const COLUMNS: &str = "name, state, paused, cursor, done, total, started_at, finished_at, \
    next_run_at, last_error, last_result, runs, claimed_by, heartbeat_at";

fn for_update(db: &Db, skip_locked: bool) -> &'static str {
    match (db, skip_locked) {
        (Db::Sqlite(_), _) => "",
        (Db::Postgres(_), false) => " FOR UPDATE",
        (Db::Postgres(_), true) => " FOR UPDATE SKIP LOCKED",
    }
}

/// Creates the rows of jobs that have none yet (first start, or a job added
/// by an upgrade); existing rows keep their state.
pub async fn ensure(db: &Db, jobs: &[(&str, Option<i64>)]) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        for (name, next_run_at) in jobs {
            sqlx::query(
                "INSERT INTO jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            )
            .bind(*name)
            .bind(*next_run_at)
            .execute(pool)
            .await?;
        }
        Ok(())
    })
}

pub async fn all(db: &Db) -> sqlx::Result<Vec<JobRow>> {
    let sql = format!("SELECT {COLUMNS} FROM jobs ORDER BY name");
    with_pool!(db, pool => sqlx::query_as::<_, JobRow>(&sql).fetch_all(pool).await)
}

pub async fn get(db: &Db, name: &str) -> sqlx::Result<Option<JobRow>> {
    let sql = format!("SELECT {COLUMNS} FROM jobs WHERE name = $1");
    with_pool!(db, pool => sqlx::query_as::<_, JobRow>(&sql).bind(name).fetch_optional(pool).await)
}

/// Jobs a runner may take: asked for, scheduled and due (`$1` now), left
/// unfinished by a pause, or abandoned (heartbeat before `$2`).
const DUE: &str = "SELECT name FROM jobs WHERE paused = FALSE AND (state = 'queued' \
     OR (state = 'idle' AND (next_run_at <= $1 OR cursor IS NOT NULL)) \
     OR (state = 'running' AND heartbeat_at < $2))";

/// Takes one job that is due (asked for, scheduled, or abandoned by an
/// instance whose heartbeat stopped before `stale_before`) for `instance`.
/// A run without a cursor starts afresh (progress reset); one with a cursor
/// continues where it stopped.
pub async fn claim(
    db: &Db,
    instance: &str,
    now: i64,
    stale_before: i64,
) -> sqlx::Result<Option<JobRow>> {
    let select = format!("{DUE} ORDER BY name LIMIT 1{}", for_update(db, true));
    let update = format!(
        "UPDATE jobs SET state = 'running', claimed_by = $1, heartbeat_at = $2, \
         started_at = CASE WHEN cursor IS NULL THEN $2 ELSE started_at END, \
         done = CASE WHEN cursor IS NULL THEN 0 ELSE done END, \
         total = CASE WHEN cursor IS NULL THEN 0 ELSE total END, \
         last_error = NULL WHERE name = $3 RETURNING {COLUMNS}"
    );
    // Most polls find nothing due: look first with a plain read, so an idle
    // runner never takes SQLite's write lock.
    let due_sql = format!("{DUE} LIMIT 1");
    let due: Option<String> = with_pool!(db, pool => {
        sqlx::query_scalar(&due_sql).bind(now).bind(stale_before).fetch_optional(pool).await
    })?;
    if due.is_none() {
        return Ok(None);
    }
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let name: Option<String> = sqlx::query_scalar(&select)
            .bind(now)
            .bind(stale_before)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(name) = name else {
            tx.commit().await?;
            return Ok(None);
        };
        let row = sqlx::query_as::<_, JobRow>(&update)
            .bind(instance)
            .bind(now)
            .bind(&name)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(row))
    })
}

/// Records a run's progress while `instance` still holds the job; `false`
/// when it does not (another instance took it over), so the run stops.
pub async fn progress(
    db: &Db,
    name: &str,
    instance: &str,
    done: i64,
    total: i64,
    cursor: Option<&str>,
    now: i64,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let updated = sqlx::query(
            "UPDATE jobs SET done = $1, total = $2, cursor = $3, heartbeat_at = $4 \
             WHERE name = $5 AND claimed_by = $6 AND state = 'running'",
        )
        .bind(done)
        .bind(total)
        .bind(cursor)
        .bind(now)
        .bind(name)
        .bind(instance)
        .execute(pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    })
}

/// Ends a run: the job goes back to `idle` until `next_run_at`. A finished
/// run records its final progress (`Ok`: done and total, summary).
pub async fn finish(
    db: &Db,
    name: &str,
    instance: &str,
    now: i64,
    next_run_at: Option<i64>,
    outcome: Result<(i64, i64, &str), &str>,
) -> sqlx::Result<()> {
    let (progress, result, error) = match outcome {
        Ok((done, total, result)) => (Some((done, total)), Some(result), None),
        Err(error) => (None, None, Some(error)),
    };
    with_pool!(db, pool => {
        sqlx::query(
            "UPDATE jobs SET state = 'idle', cursor = NULL, claimed_by = NULL, finished_at = $1, \
             next_run_at = $2, last_result = COALESCE($3, last_result), last_error = $4, \
             done = COALESCE($7, done), total = COALESCE($8, total), \
             runs = runs + 1 WHERE name = $5 AND claimed_by = $6",
        )
        .bind(now)
        .bind(next_run_at)
        .bind(result)
        .bind(error)
        .bind(name)
        .bind(instance)
        .bind(progress.map(|p| p.0))
        .bind(progress.map(|p| p.1))
        .execute(pool)
        .await?;
        Ok(())
    })
}

/// Stops a run between two batches because jobs are paused; its cursor and
/// progress stay, so resuming continues from there.
pub async fn park(db: &Db, name: &str, instance: &str) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query(
            "UPDATE jobs SET state = 'idle', claimed_by = NULL WHERE name = $1 AND claimed_by = $2",
        )
        .bind(name)
        .bind(instance)
        .execute(pool)
        .await?;
        Ok(())
    })
}

/// Why a job could not be queued.
#[derive(Debug, PartialEq, Eq)]
pub enum RunRefused {
    Unknown,
    Busy,
    Paused,
}

/// Queues a job to run at once, with its audit record.
pub async fn request_run(
    db: &Db,
    name: &str,
    audit: AuditEntry,
) -> sqlx::Result<Result<JobRow, RunRefused>> {
    let select = format!(
        "SELECT {COLUMNS} FROM jobs WHERE name = $1{}",
        for_update(db, false)
    );
    let update = format!("UPDATE jobs SET state = 'queued' WHERE name = $1 RETURNING {COLUMNS}");
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let row = sqlx::query_as::<_, JobRow>(&select)
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
        let refusal = match &row {
            None => Some(RunRefused::Unknown),
            Some(r) if r.paused => Some(RunRefused::Paused),
            Some(r) if r.state != "idle" || r.cursor.is_some() => Some(RunRefused::Busy),
            Some(_) => None,
        };
        if let Some(refusal) = refusal {
            tx.commit().await?;
            return Ok(Err(refusal));
        }
        let row = sqlx::query_as::<_, JobRow>(&update)
            .bind(name)
            .fetch_one(&mut *tx)
            .await?;
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Ok(row))
    })
}

/// Pauses or resumes every job, with one audit record (made by `audit` from
/// the number of jobs that changed; none when nothing did). Returns that number.
pub async fn set_paused(
    db: &Db,
    paused: bool,
    audit: impl FnOnce(i64) -> AuditEntry,
) -> sqlx::Result<i64> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let affected = sqlx::query("UPDATE jobs SET paused = $1 WHERE paused <> $1")
            .bind(paused)
            .execute(&mut *tx)
            .await?
            .rows_affected() as i64;
        if affected > 0 {
            audit(affected).insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(affected)
    })
}

/// Jobs running right now (not paused).
pub async fn running(db: &Db) -> sqlx::Result<i64> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE state = 'running' AND paused = FALSE")
            .fetch_one(pool)
            .await
    })
}

// ---- the built-in jobs' batches ----

/// What the purge job removes, oldest kinds first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purge {
    /// Sessions revoked, or idle past the timeout, before the cut-off.
    Sessions,
    /// Personal tokens revoked or expired before the cut-off.
    Tokens,
    /// OAuth2 access tokens past their expiry (useless from that moment).
    AccessTokens,
    /// Mail sent, or given up on, before the cut-off.
    Mail,
}

impl Purge {
    pub const ALL: [Purge; 4] = [
        Purge::Sessions,
        Purge::Tokens,
        Purge::AccessTokens,
        Purge::Mail,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Purge::Sessions => "sessions",
            Purge::Tokens => "tokens",
            Purge::AccessTokens => "access_tokens",
            Purge::Mail => "mail",
        }
    }

    /// The table, the condition, and the values of its `$1`, `$2`, … in order.
    fn target(self, at: PurgeCutoffs) -> (&'static str, &'static str, Vec<i64>) {
        match self {
            Purge::Sessions => (
                "user_sessions",
                "(revoked_at < $1 OR (revoked_at IS NULL AND last_seen_at < $2))",
                vec![at.ended_before, at.idle_before],
            ),
            Purge::Tokens => (
                "api_tokens",
                "(revoked_at < $1 OR (revoked_at IS NULL AND expires_at < $1))",
                vec![at.ended_before],
            ),
            Purge::AccessTokens => ("oauth2_access_tokens", "expires_at < $1", vec![at.now]),
            Purge::Mail => (
                "email_outbox",
                "(status <> 'queued' AND created_at < $1)",
                vec![at.ended_before],
            ),
        }
    }
}

/// The cut-offs of one purge (unix ms).
#[derive(Clone, Copy, Debug)]
pub struct PurgeCutoffs {
    /// Revoked or expired before this: purged.
    pub ended_before: i64,
    /// Sessions last seen before this (idle timeout plus the keeping time).
    pub idle_before: i64,
    pub now: i64,
}

pub async fn purgeable(db: &Db, what: Purge, at: PurgeCutoffs) -> sqlx::Result<i64> {
    let (table, condition, values) = what.target(at);
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE {condition}");
    with_pool!(db, pool => {
        let mut q = sqlx::query_scalar(&sql);
        for v in &values {
            q = q.bind(*v);
        }
        q.fetch_one(pool).await
    })
}

/// Deletes up to `limit` rows, with the audit record made by `audit` from
/// the number deleted (none when nothing was). Returns that number.
pub async fn purge_batch(
    db: &Db,
    what: Purge,
    at: PurgeCutoffs,
    limit: i64,
    audit: impl FnOnce(i64) -> AuditEntry,
) -> sqlx::Result<i64> {
    let (table, condition, values) = what.target(at);
    let sql = format!(
        "DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {condition} LIMIT ${})",
        values.len() + 1
    );
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let mut q = sqlx::query(&sql);
        for v in &values {
            q = q.bind(*v);
        }
        let deleted = q.bind(limit).execute(&mut *tx).await?.rows_affected() as i64;
        if deleted > 0 {
            audit(deleted).insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(deleted)
    })
}

/// Sets the kept total of users with `status` and `admin` to a fresh count;
/// returns (kept before, counted) and writes the audit record made by
/// `audit` when they differed.
pub async fn recount_users(
    db: &Db,
    status: &str,
    admin: bool,
    audit: impl FnOnce(i64, i64) -> AuditEntry,
) -> sqlx::Result<(i64, i64)> {
    let lock = for_update(db, false);
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let kept: i64 = sqlx::query_scalar(&format!(
            "SELECT n FROM user_counts WHERE status = $1 AND admin = $2{lock}"
        ))
        .bind(status)
        .bind(admin)
        .fetch_optional(&mut *tx)
        .await?
        .unwrap_or(0);
        let counted: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE status = $1 AND admin = $2")
                .bind(status)
                .bind(admin)
                .fetch_one(&mut *tx)
                .await?;
        if kept != counted {
            sqlx::query(
                "INSERT INTO user_counts (status, admin, n) VALUES ($1, $2, $3) \
                 ON CONFLICT (status, admin) DO UPDATE SET n = excluded.n",
            )
            .bind(status)
            .bind(admin)
            .bind(counted)
            .execute(&mut *tx)
            .await?;
            audit(kept, counted).insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok((kept, counted))
    })
}

/// Active non-administrators not seen (or, never seen, not created) since
/// `cutoff`.
const DORMANT: &str =
    "status = 'active' AND admin = FALSE AND COALESCE(last_seen_at, created_at) < $1";

pub async fn dormant_count(db: &Db, cutoff: i64) -> sqlx::Result<i64> {
    let sql = format!("SELECT COUNT(*) FROM users WHERE {DORMANT}");
    with_pool!(db, pool => sqlx::query_scalar(&sql).bind(cutoff).fetch_one(pool).await)
}

/// The next dormant users' ids after `after`, in id order.
pub async fn dormant_ids(
    db: &Db,
    cutoff: i64,
    after: &str,
    limit: i64,
) -> sqlx::Result<Vec<String>> {
    let sql = format!("SELECT id FROM users WHERE {DORMANT} AND id > $2 ORDER BY id LIMIT $3");
    with_pool!(db, pool => {
        sqlx::query_scalar(&sql)
            .bind(cutoff)
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await
    })
}

pub async fn audit_older_than(db: &Db, cutoff: i64) -> sqlx::Result<i64> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE at < $1")
            .bind(cutoff)
            .fetch_one(pool)
            .await
    })
}

/// Deletes up to `limit` of the oldest audit records from before `cutoff`,
/// and records that it did (the record itself is new, so it stays).
pub async fn purge_audit_batch(
    db: &Db,
    cutoff: i64,
    limit: i64,
    audit: impl FnOnce(i64) -> AuditEntry,
) -> sqlx::Result<i64> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let deleted = sqlx::query(
            "DELETE FROM audit_log WHERE id IN \
             (SELECT id FROM audit_log WHERE at < $1 ORDER BY at, id LIMIT $2)",
        )
        .bind(cutoff)
        .bind(limit)
        .execute(&mut *tx)
        .await?
        .rows_affected() as i64;
        if deleted > 0 {
            audit(deleted).insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(deleted)
    })
}

/// The steps of rebuilding the users' search index on this backend.
pub fn search_index_steps(db: &Db) -> &'static [&'static str] {
    match db {
        Db::Sqlite(_) => &[
            "INSERT INTO users_fts (users_fts) VALUES ('rebuild')",
            "INSERT INTO users_fts (users_fts) VALUES ('optimize')",
        ],
        Db::Postgres(_) => &["REINDEX INDEX users_search_trgm", "ANALYZE users"],
    }
}

/// Runs one step of the rebuild; the first writes the audit record.
pub async fn search_index_step(
    db: &Db,
    step: usize,
    audit: Option<AuditEntry>,
) -> sqlx::Result<()> {
    let sql = search_index_steps(db)[step];
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(sql).execute(&mut *tx).await?;
        if let Some(audit) = audit {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    })
}
