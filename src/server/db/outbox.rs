//! SQL for the mail outbox (`email_outbox`): messages are inserted in the
//! transaction of the change that causes them, claimed one at a time by a
//! delivery worker under a lease, then marked sent, retried or failed.

use super::{with_pool, BeginWrite, Db};
use crate::server::time::new_id;

/// A message ready to go, as written into the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub id: String,
    /// `verify`, `reset`, `invitation`, `notice` or `test`.
    pub kind: &'static str,
    pub user_id: Option<String>,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// Kept across retries, so a receiver can drop a repeated delivery.
    pub message_id: String,
    pub list_unsubscribe: Option<String>,
    pub created_at: i64,
}

impl OutgoingMail {
    pub fn new_id() -> String {
        new_id()
    }

    /// Inserts the message as queued, on any executor (a transaction
    /// that also writes the change the message is about).
    pub async fn insert<'c, E, DB>(&self, executor: E) -> sqlx::Result<()>
    where
        DB: sqlx::Database,
        E: sqlx::Executor<'c, Database = DB>,
        for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
        for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        for<'q> Option<String>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        for<'q> i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    {
        sqlx::query(
            "INSERT INTO email_outbox (id, kind, user_id, to_address, subject, body_text, \
             body_html, message_id, list_unsubscribe, status, attempts, next_attempt_at, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', 0, $10, $10)",
        )
        .bind(self.id.clone())
        .bind(self.kind.to_owned())
        .bind(self.user_id.clone())
        .bind(self.to_address.clone())
        .bind(self.subject.clone())
        .bind(self.body_text.clone())
        .bind(self.body_html.clone())
        .bind(self.message_id.clone())
        .bind(self.list_unsubscribe.clone())
        .bind(self.created_at)
        .execute(executor)
        .await?;
        Ok(())
    }
}

/// A message as stored, with its delivery state.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: String,
    pub kind: String,
    pub user_id: Option<String>,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub message_id: String,
    pub list_unsubscribe: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

const COLUMNS: &str = "id, kind, user_id, to_address, subject, body_text, body_html, \
     message_id, list_unsubscribe, status, attempts, next_attempt_at, last_error, created_at, \
     sent_at";

/// Queued, due, and not held by a live lease.
const DUE: &str = "status = 'queued' AND next_attempt_at <= $1 \
     AND (claimed_until IS NULL OR claimed_until < $1)";

/// Writes one message in a transaction of its own (the test message, and
/// mail whose cause is not a database change).
pub async fn enqueue(db: &Db, mail: &OutgoingMail) -> sqlx::Result<()> {
    with_pool!(db, pool => mail.insert(pool).await)
}

/// Takes the next due message for `instance` until `lease_until`, counting
/// the attempt. The conditional `UPDATE` re-checks the lease, so of two
/// instances racing for one message only one gets it.
pub async fn claim(
    db: &Db,
    instance: &str,
    now: i64,
    lease_until: i64,
) -> sqlx::Result<Option<OutboxRow>> {
    // An idle worker polls with a plain read, never taking SQLite's write lock.
    let due_sql =
        format!("SELECT id FROM email_outbox WHERE {DUE} ORDER BY next_attempt_at LIMIT 1");
    let due: Option<String> = with_pool!(db, pool => {
        sqlx::query_scalar(&due_sql).bind(now).fetch_optional(pool).await
    })?;
    let Some(id) = due else {
        return Ok(None);
    };
    let update = format!(
        "UPDATE email_outbox SET claimed_by = $2, claimed_until = $3, attempts = attempts + 1 \
         WHERE id = $4 AND {DUE} RETURNING {COLUMNS}"
    );
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let row = sqlx::query_as::<_, OutboxRow>(&update)
            .bind(now)
            .bind(instance)
            .bind(lease_until)
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(row)
    })
}

/// Marks a claimed message delivered.
pub async fn mark_sent(db: &Db, id: &str, instance: &str, now: i64) -> sqlx::Result<()> {
    let sql = "UPDATE email_outbox SET status = 'sent', sent_at = $1, last_error = NULL, \
               claimed_by = NULL, claimed_until = NULL WHERE id = $2 AND claimed_by = $3";
    with_pool!(db, pool => sqlx::query(sql).bind(now).bind(id).bind(instance).execute(pool).await.map(|_| ()))
}

/// Records a failed attempt: tried again at `retry_at`, or, when `None`,
/// given up (`failed`).
pub async fn mark_attempt_failed(
    db: &Db,
    id: &str,
    instance: &str,
    error: &str,
    retry_at: Option<i64>,
) -> sqlx::Result<()> {
    let sql =
        "UPDATE email_outbox SET status = CASE WHEN $1 IS NULL THEN 'failed' ELSE 'queued' END, \
               next_attempt_at = COALESCE($1, next_attempt_at), last_error = $2, \
               claimed_by = NULL, claimed_until = NULL WHERE id = $3 AND claimed_by = $4";
    with_pool!(db, pool => sqlx::query(sql)
        .bind(retry_at)
        .bind(error)
        .bind(id)
        .bind(instance)
        .execute(pool)
        .await
        .map(|_| ()))
}

/// Puts a failed message back in the queue, due now (an administrator's retry).
pub async fn requeue(db: &Db, id: &str, now: i64) -> sqlx::Result<bool> {
    let sql = "UPDATE email_outbox SET status = 'queued', next_attempt_at = $1, attempts = 0 \
               WHERE id = $2 AND status = 'failed'";
    with_pool!(db, pool => sqlx::query(sql).bind(now).bind(id).execute(pool).await.map(|r| r.rows_affected() > 0))
}

/// The latest messages, newest first, optionally of one status.
pub async fn recent(db: &Db, status: Option<&str>, limit: i64) -> sqlx::Result<Vec<OutboxRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM email_outbox WHERE ($1 IS NULL OR status = $1) \
         ORDER BY created_at DESC, id DESC LIMIT $2"
    );
    with_pool!(db, pool => sqlx::query_as::<_, OutboxRow>(&sql)
        .bind(status)
        .bind(limit)
        .fetch_all(pool)
        .await)
}

/// How many messages are queued, sent and failed.
pub async fn counts(db: &Db) -> sqlx::Result<Vec<(String, i64)>> {
    let sql = "SELECT status, COUNT(*) FROM email_outbox GROUP BY status";
    with_pool!(db, pool => sqlx::query_as::<_, (String, i64)>(sql).fetch_all(pool).await)
}
