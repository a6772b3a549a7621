//! SQL for panel login sessions (`user_sessions`).

use super::{
    audit::AuditEntry, bind_args, keyset::Keyset, sql::Conditions, users::UserRow, with_pool, Arg,
    BeginWrite, Db,
};
use crate::model::{Page, SessionFilter};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub browser: Option<String>,
    pub browser_version: Option<String>,
    pub os: Option<String>,
    pub os_version: Option<String>,
    pub device: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub revoked_at: Option<i64>,
}

const COLUMNS: &str = "s.id, s.user_id, u.username, s.client_ip, s.user_agent, s.browser, \
     s.browser_version, s.os, s.os_version, s.device, s.created_at, s.last_seen_at, s.revoked_at";
const FROM: &str = "user_sessions s JOIN users u ON u.id = s.user_id";

/// Revokes every live session of a user (`$2`) at `$1`, returning their ids;
/// run inside other transactions (lock, deactivate, password changes).
pub(super) const REVOKE_ALL_OF_USER: &str = "UPDATE user_sessions SET revoked_at = $1 \
     WHERE user_id = $2 AND revoked_at IS NULL RETURNING id";
/// The live sessions of a user (`$1`), read before the user is deleted.
pub(super) const LIVE_OF_USER: &str =
    "SELECT id FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL";

/// Records a session, with the new-device notice when one goes out.
pub async fn insert(
    db: &Db,
    row: &SessionRow,
    notice: Option<&super::outbox::OutgoingMail>,
) -> sqlx::Result<()> {
    let sql = "INSERT INTO user_sessions (id, user_id, client_ip, user_agent, browser, \
               browser_version, os, os_version, device, created_at, last_seen_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    if notice.is_some() {
        return crate::server::db::audited_write!(
            db,
            None,
            sqlx::query(sql)
                .bind(&row.id)
                .bind(&row.user_id)
                .bind(&row.client_ip)
                .bind(&row.user_agent)
                .bind(&row.browser)
                .bind(&row.browser_version)
                .bind(&row.os)
                .bind(&row.os_version)
                .bind(&row.device)
                .bind(row.created_at)
                .bind(row.last_seen_at),
            notice
        );
    }
    with_pool!(db, pool => sqlx::query(sql)
        .bind(&row.id)
        .bind(&row.user_id)
        .bind(&row.client_ip)
        .bind(&row.user_agent)
        .bind(&row.browser)
        .bind(&row.browser_version)
        .bind(&row.os)
        .bind(&row.os_version)
        .bind(&row.device)
        .bind(row.created_at)
        .bind(row.last_seen_at)
        .execute(pool)
        .await
        .map(|_| ()))
}

/// A session with its user, in one query: this runs on every request made
/// with the panel's cookie.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionWithUser {
    pub session_id: String,
    pub session_last_seen_at: i64,
    pub session_revoked_at: Option<i64>,
    #[sqlx(flatten)]
    pub user: UserRow,
}

pub async fn with_user(db: &Db, id: &str) -> sqlx::Result<Option<SessionWithUser>> {
    let sql = format!(
        "SELECT s.id AS session_id, s.last_seen_at AS session_last_seen_at, \
         s.revoked_at AS session_revoked_at, {} \
         FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1",
        super::users::JOINED_COLUMNS
    );
    with_pool!(db, pool => sqlx::query_as::<_, SessionWithUser>(&sql).bind(id).fetch_optional(pool).await)
}

/// Records activity, at most once a minute per session.
pub async fn touch_last_seen(db: &Db, id: &str, now: i64) -> sqlx::Result<()> {
    let sql = "UPDATE user_sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $3";
    with_pool!(db, pool => sqlx::query(sql).bind(now).bind(id).bind(now - 60_000).execute(pool).await.map(|_| ()))
}

pub async fn get(db: &Db, user_id: &str, id: &str) -> sqlx::Result<Option<SessionRow>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE s.user_id = $1 AND s.id = $2");
    with_pool!(db, pool => sqlx::query_as::<_, SessionRow>(&sql).bind(user_id).bind(id).fetch_optional(pool).await)
}

/// Revokes the sessions `ids` of `user_id` that are still live, with the
/// audit record (when given and something changed); returns the revoked ids.
/// `ids` empty: every live session of the user except `keep`.
pub async fn revoke(
    db: &Db,
    user_id: &str,
    ids: &[String],
    keep: Option<&str>,
    now: i64,
    audit: Option<&AuditEntry>,
) -> sqlx::Result<Vec<String>> {
    let mut sql = "UPDATE user_sessions SET revoked_at = $1 WHERE user_id = $2 \
                   AND revoked_at IS NULL"
        .to_owned();
    let mut args = vec![Arg::Int(now), Arg::Text(user_id.to_owned())];
    if !ids.is_empty() {
        sql.push_str(&format!(
            " AND id IN ({})",
            super::placeholders(args.len() + 1, ids.len())
        ));
        args.extend(ids.iter().map(|id| Arg::Text(id.clone())));
    }
    if let Some(keep) = keep {
        args.push(Arg::Text(keep.to_owned()));
        sql.push_str(&format!(" AND id <> ${}", args.len()));
    }
    sql.push_str(" RETURNING id");
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let revoked: Vec<String> = bind_args!(sqlx::query_scalar(&sql), &args)
            .fetch_all(&mut *tx)
            .await?;
        if let (Some(audit), false) = (audit, revoked.is_empty()) {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(revoked)
    })
}

/// `idle_cutoff`: sessions last seen before it are not active.
fn conditions(filter: &SessionFilter, idle_cutoff: i64) -> Conditions {
    let mut c = Conditions::default();
    if let Some(id) = &filter.user_id {
        c.push("s.user_id = {}", vec![Arg::Text(id.clone())]);
    }
    if let Some(name) = &filter.username {
        c.push("u.username = {}", vec![Arg::Text(name.clone())]);
    }
    match filter.active {
        Some(true) => c.push(
            "s.revoked_at IS NULL AND s.last_seen_at >= {}",
            vec![Arg::Int(idle_cutoff)],
        ),
        Some(false) => c.push(
            "(s.revoked_at IS NOT NULL OR s.last_seen_at < {})",
            vec![Arg::Int(idle_cutoff)],
        ),
        None => {}
    }
    if let Some(ip) = &filter.ip {
        c.push("s.client_ip = {}", vec![Arg::Text(ip.clone())]);
    }
    c.push_given("s.last_seen_at < {}", filter.last_seen_before.map(Arg::Int));
    c.push_given("s.last_seen_at >= {}", filter.last_seen_after.map(Arg::Int));
    c
}

/// One page of sessions, newest first. Cursors are session ids (checked
/// by the caller).
pub async fn list(
    db: &Db,
    filter: &SessionFilter,
    idle_cutoff: i64,
) -> sqlx::Result<Page<SessionRow>> {
    Keyset {
        columns: COLUMNS,
        from: FROM,
        conditions: conditions(filter, idle_cutoff),
        key: "s.id",
        descending: true,
    }
    .page(db, &filter.page, filter.count, |r: &SessionRow| {
        r.id.clone()
    })
    .await
}

/// A user's sessions so far: how many in all, and how many from this
/// User-Agent.
pub async fn seen_devices(db: &Db, user_id: &str, agent: Option<&str>) -> sqlx::Result<(i64, i64)> {
    let sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN COALESCE(user_agent, '') = $2 THEN 1 ELSE 0 END), 0) \
               FROM user_sessions WHERE user_id = $1";
    with_pool!(db, pool => sqlx::query_as::<_, (i64, i64)>(sql)
        .bind(user_id)
        .bind(agent.unwrap_or(""))
        .fetch_one(pool)
        .await)
}
