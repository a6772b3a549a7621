//! The dashboard's counts. Every query reads an index range or a small table;
//! user totals come from the trigger-kept `user_counts`, never a users scan.

use super::{with_pool, Db};
use crate::model::UserTotals;

const DAY_MS: i64 = 86_400_000;

pub async fn user_totals(db: &Db) -> sqlx::Result<UserTotals> {
    let rows: Vec<(String, bool, i64)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT status, admin, n FROM user_counts").fetch_all(pool).await
    })?;
    let mut totals = UserTotals::default();
    for (status, admin, n) in rows {
        totals.total += n;
        match status.as_str() {
            "active" => totals.active += n,
            "locked" => totals.locked += n,
            _ => totals.deactivated += n,
        }
        if admin {
            totals.admins += n;
        }
    }
    Ok(totals)
}

/// A single `COUNT(*)` with one bound timestamp (or none, when the SQL has no `$1`).
async fn count(db: &Db, sql: &str, at: Option<i64>) -> sqlx::Result<i64> {
    with_pool!(db, pool => {
        let q = sqlx::query_scalar::<_, i64>(sql);
        match at {
            Some(at) => q.bind(at).fetch_one(pool).await,
            None => q.fetch_one(pool).await,
        }
    })
}

pub async fn users_seen_since(db: &Db, since: i64) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM users WHERE last_seen_at >= $1",
        Some(since),
    )
    .await
}

pub async fn active_sessions(db: &Db, idle_cutoff: i64) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM user_sessions WHERE revoked_at IS NULL AND last_seen_at >= $1",
        Some(idle_cutoff),
    )
    .await
}

pub async fn active_tokens(db: &Db, now: i64) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL \
         AND (expires_at IS NULL OR expires_at > $1)",
        Some(now),
    )
    .await
}

pub async fn oauth2_clients(db: &Db) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM oauth2_clients WHERE revoked_at IS NULL",
        None,
    )
    .await
}

/// Active administrators without a second factor (a warning on the dashboard).
pub async fn admins_without_second_factor(db: &Db) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM users u WHERE u.admin AND u.status = 'active' \
         AND NOT EXISTS (SELECT 1 FROM user_factors f WHERE f.user_id = u.id)",
        None,
    )
    .await
}

pub async fn orgs(db: &Db) -> sqlx::Result<i64> {
    count(db, "SELECT COUNT(*) FROM orgs", None).await
}

pub async fn valid_registration_tokens(db: &Db, now: i64) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM registration_tokens WHERE revoked_at IS NULL \
         AND (expires_at IS NULL OR expires_at > $1) \
         AND (uses_allowed IS NULL OR completed + pending < uses_allowed)",
        Some(now),
    )
    .await
}

pub async fn queued_messages(db: &Db) -> sqlx::Result<i64> {
    count(
        db,
        "SELECT COUNT(*) FROM messages WHERE delivered_at IS NULL",
        None,
    )
    .await
}

/// Rows per UTC day number (`ms / 86 400 000`) from `since` on, for a table
/// with an indexed `created_at`.
pub async fn per_day(db: &Db, table: DailyTable, since: i64) -> sqlx::Result<Vec<(i64, i64)>> {
    let sql = format!(
        "SELECT created_at / {DAY_MS} AS day, COUNT(*) FROM {} \
         WHERE created_at >= $1 GROUP BY created_at / {DAY_MS}",
        table.name()
    );
    with_pool!(db, pool => {
        sqlx::query_as::<_, (i64, i64)>(&sql).bind(since).fetch_all(pool).await
    })
}

#[derive(Clone, Copy, Debug)]
pub enum DailyTable {
    /// Sign-ups.
    Users,
    /// Panel logins: one session row per login.
    Sessions,
}

impl DailyTable {
    fn name(self) -> &'static str {
        match self {
            Self::Users => "users",
            Self::Sessions => "user_sessions",
        }
    }
}

/// `sqlite 3.x` / the PostgreSQL server's version string.
pub async fn database_version(db: &Db) -> sqlx::Result<String> {
    match db {
        Db::Sqlite(pool) => {
            sqlx::query_scalar("SELECT sqlite_version()")
                .fetch_one(pool)
                .await
        }
        Db::Postgres(pool) => {
            sqlx::query_scalar("SHOW server_version")
                .fetch_one(pool)
                .await
        }
    }
}

/// The readiness probe: can a connection be had and answer?
pub async fn ping(db: &Db) -> sqlx::Result<()> {
    with_pool!(db, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
}
