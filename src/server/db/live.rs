//! SQL for live connections and the instances that hold them.

use super::{with_pool, Db};

/// An instance that has not beaten for this long is considered gone: its
/// connections are no longer listed, and later swept.
pub const INSTANCE_TIMEOUT_MS: i64 = 30_000;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ConnectionRow {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub since: i64,
}

pub struct NewConnection<'a> {
    pub id: &'a str,
    pub instance_id: &'a str,
    pub user_id: &'a str,
    pub session_id: Option<&'a str>,
    pub client_ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub since: i64,
}

/// Registers this instance or refreshes its heartbeat.
pub async fn beat(db: &Db, instance_id: &str, now: i64) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query(
            "INSERT INTO live_instances (id, started_at, heartbeat_at) VALUES ($1, $2, $2) \
             ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at",
        )
        .bind(instance_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

/// Removes instances (and their connections) that stopped beating long ago.
pub async fn sweep(db: &Db, now: i64) -> sqlx::Result<()> {
    let cutoff = now - 10 * INSTANCE_TIMEOUT_MS;
    with_pool!(db, pool => {
        sqlx::query(
            "DELETE FROM live_connections WHERE instance_id NOT IN \
             (SELECT id FROM live_instances WHERE heartbeat_at >= $1)",
        )
        .bind(cutoff)
        .execute(pool)
        .await?;
        sqlx::query("DELETE FROM live_instances WHERE heartbeat_at < $1")
            .bind(cutoff)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Forgets an instance that is shutting down, with its connections.
pub async fn deregister(db: &Db, instance_id: &str) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM live_connections WHERE instance_id = $1")
            .bind(instance_id)
            .execute(pool)
            .await?;
        sqlx::query("DELETE FROM live_instances WHERE id = $1")
            .bind(instance_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn insert(db: &Db, c: &NewConnection<'_>) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query(
            "INSERT INTO live_connections (id, instance_id, user_id, session_id, client_ip, \
             user_agent, since) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(c.id)
        .bind(c.instance_id)
        .bind(c.user_id)
        .bind(c.session_id)
        .bind(c.client_ip)
        .bind(c.user_agent)
        .bind(c.since)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

pub async fn delete(db: &Db, id: &str) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM live_connections WHERE id = $1")
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// The condition "held by an instance that is alive", on `c`.
const ALIVE: &str = "c.instance_id IN (SELECT id FROM live_instances WHERE heartbeat_at >= $1)";

pub struct ConnectionFilter {
    pub user_id: Option<String>,
    /// Paging by id: those after `after`, or before `before`.
    pub after: Option<String>,
    pub before: Option<String>,
    /// Newest first (for a last page), so `limit` takes the right end.
    pub backwards: bool,
    pub limit: i64,
}

/// Open connections of live instances, by id (oldest first, or newest first
/// when `backwards`).
pub async fn list(
    db: &Db,
    filter: &ConnectionFilter,
    now: i64,
) -> sqlx::Result<Vec<ConnectionRow>> {
    let order = if filter.backwards { "DESC" } else { "ASC" };
    let sql = format!(
        "SELECT c.id, c.user_id, u.username, c.client_ip, c.user_agent, c.since \
         FROM live_connections c JOIN users u ON u.id = c.user_id \
         WHERE {ALIVE} AND ($2 IS NULL OR c.user_id = $2) AND ($3 IS NULL OR c.id > $3) \
         AND ($4 IS NULL OR c.id < $4) ORDER BY c.id {order} LIMIT $5"
    );
    with_pool!(db, pool => {
        sqlx::query_as::<_, ConnectionRow>(&sql)
            .bind(now - INSTANCE_TIMEOUT_MS)
            .bind(filter.user_id.as_deref())
            .bind(filter.after.as_deref())
            .bind(filter.before.as_deref())
            .bind(filter.limit)
            .fetch_all(pool)
            .await
    })
}

/// How many connections, and how many distinct users, are open.
pub async fn count(db: &Db, user_id: Option<&str>, now: i64) -> sqlx::Result<(i64, i64)> {
    let sql = format!(
        "SELECT COUNT(*), COUNT(DISTINCT c.user_id) FROM live_connections c \
         WHERE {ALIVE} AND ($2 IS NULL OR c.user_id = $2)"
    );
    with_pool!(db, pool => {
        sqlx::query_as::<_, (i64, i64)>(&sql)
            .bind(now - INSTANCE_TIMEOUT_MS)
            .bind(user_id)
            .fetch_one(pool)
            .await
    })
}

/// Whether `user_id` has at least one open connection.
pub async fn is_connected(db: &Db, user_id: &str, now: i64) -> sqlx::Result<bool> {
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM live_connections c WHERE c.user_id = $2 AND {ALIVE})"
    );
    with_pool!(db, pool => {
        sqlx::query_scalar::<_, bool>(&sql)
            .bind(now - INSTANCE_TIMEOUT_MS)
            .bind(user_id)
            .fetch_one(pool)
            .await
    })
}

/// Every user with an open connection right now.
pub async fn connected_users(db: &Db, now: i64) -> sqlx::Result<Vec<String>> {
    let sql = format!("SELECT DISTINCT c.user_id FROM live_connections c WHERE {ALIVE}");
    with_pool!(db, pool => {
        sqlx::query_scalar::<_, String>(&sql)
            .bind(now - INSTANCE_TIMEOUT_MS)
            .fetch_all(pool)
            .await
    })
}
