//! SQL for users' inboxes.

use super::{audit::AuditEntry, with_pool, BeginWrite, Db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub body: String,
    pub sender: String,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    pub read_at: Option<i64>,
}

/// Rows per INSERT statement: 8 values each stays far below both backends'
/// limits on bound parameters.
const CHUNK: usize = 500;

/// Stores messages (one per recipient) and the audit record, atomically.
pub async fn insert(db: &Db, rows: &[MessageRow], audit: &AuditEntry) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        for chunk in rows.chunks(CHUNK) {
            let values = (0..chunk.len())
                .map(|i| {
                    let b = i * 8;
                    format!(
                        "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                        b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO messages (id, user_id, kind, body, sender, created_at, \
                 delivered_at, read_at) VALUES {values}"
            );
            let mut query = sqlx::query(&sql);
            for row in chunk {
                query = query
                    .bind(&row.id)
                    .bind(&row.user_id)
                    .bind(&row.kind)
                    .bind(&row.body)
                    .bind(&row.sender)
                    .bind(row.created_at)
                    .bind(row.delivered_at)
                    .bind(row.read_at);
            }
            query.execute(&mut *tx).await?;
        }
        audit.insert(&mut *tx).await?;
        tx.commit().await
    })
}

/// Messages that never reached an open connection, oldest first; they are
/// marked delivered in the same statement so two connections opening at
/// once do not both get them.
pub async fn take_undelivered(db: &Db, user_id: &str, now: i64) -> sqlx::Result<Vec<MessageRow>> {
    with_pool!(db, pool => {
        // Usually there are none: a read (on the partial index) avoids
        // taking SQLite's write lock for every connection that opens.
        let any: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM messages WHERE user_id = $1 AND delivered_at IS NULL)",
        )
        .bind(user_id)
        .fetch_one(pool)
        .await?;
        if !any {
            return Ok(Vec::new());
        }
        let mut rows = sqlx::query_as::<_, MessageRow>(
            "UPDATE messages SET delivered_at = $2 WHERE user_id = $1 AND delivered_at IS NULL \
             RETURNING id, user_id, kind, body, sender, created_at, delivered_at, read_at",
        )
        .bind(user_id)
        .bind(now)
        .fetch_all(pool)
        .await?;
        rows.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(rows)
    })
}

/// The newest `limit` messages of a user.
pub async fn inbox(db: &Db, user_id: &str, limit: i64) -> sqlx::Result<Vec<MessageRow>> {
    with_pool!(db, pool => {
        sqlx::query_as::<_, MessageRow>(
            "SELECT id, user_id, kind, body, sender, created_at, delivered_at, read_at \
             FROM messages WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

pub async fn unread_count(db: &Db, user_id: &str) -> sqlx::Result<i64> {
    with_pool!(db, pool => {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM messages WHERE user_id = $1 AND read_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(pool)
        .await
    })
}

/// Marks one message (or, with `None`, all) of a user as read; how many changed.
pub async fn mark_read(
    db: &Db,
    user_id: &str,
    message_id: Option<&str>,
    now: i64,
) -> sqlx::Result<u64> {
    with_pool!(db, pool => {
        sqlx::query(
            "UPDATE messages SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL \
             AND ($2 IS NULL OR id = $2)",
        )
        .bind(user_id)
        .bind(message_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

/// Whether a user has a message with this id (read or not).
pub async fn exists(db: &Db, user_id: &str, message_id: &str) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        sqlx::query_scalar::<_, bool>(
            "SELECT EXISTS (SELECT 1 FROM messages WHERE user_id = $1 AND id = $2)",
        )
        .bind(user_id)
        .bind(message_id)
        .fetch_one(pool)
        .await
    })
}
