//! The audit log: one record per mutation, written in the mutation's transaction.

use super::{with_pool, Db};
use crate::server::time::{new_id, now_ms};

/// Records an action that changes nothing else (so needs no transaction).
pub async fn record(db: &Db, entry: &AuditEntry) -> sqlx::Result<()> {
    with_pool!(db, pool => entry.insert(pool).await)
}

#[derive(Clone, Debug)]
pub struct AuditEntry {
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub actor_ip: Option<String>,
    pub action: &'static str,
    pub target_type: &'static str,
    pub target_id: Option<String>,
    /// JSON; never contains secrets.
    pub detail: serde_json::Value,
}

impl AuditEntry {
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
            "INSERT INTO audit_log (id, at, actor_id, actor_name, actor_ip, action, \
             target_type, target_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id())
        .bind(now_ms())
        .bind(self.actor_id.clone())
        .bind(self.actor_name.clone())
        .bind(self.actor_ip.clone())
        .bind(self.action.to_string())
        .bind(self.target_type.to_string())
        .bind(self.target_id.clone())
        .bind(self.detail.to_string())
        .execute(executor)
        .await?;
        Ok(())
    }
}
