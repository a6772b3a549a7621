//! SQL for the admin IP allow-list. It is read on every admin request, so
//! that a change made on one instance applies on all of them at once.

use ipnet::IpNet;

use super::{audit::AuditEntry, audited_change, with_pool, BeginWrite, Db};
use crate::server::auth::network;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AllowRow {
    pub entry: String,
    pub note: Option<String>,
    pub created_at: i64,
    pub created_by: String,
}

pub async fn list(db: &Db) -> sqlx::Result<Vec<AllowRow>> {
    let sql = "SELECT entry, note, created_at, created_by FROM ip_allowlist ORDER BY entry";
    with_pool!(db, pool => sqlx::query_as::<_, AllowRow>(sql).fetch_all(pool).await)
}

/// The entries as networks; entries are validated on the way in.
pub async fn networks(db: &Db) -> sqlx::Result<Vec<IpNet>> {
    let sql = "SELECT entry FROM ip_allowlist";
    let entries: Vec<String> =
        with_pool!(db, pool => sqlx::query_scalar(sql).fetch_all(pool).await)?;
    Ok(entries
        .iter()
        .filter_map(|e| network::parse_entry(e).ok())
        .collect())
}

/// Adds an entry or updates its note; true when it was new.
pub async fn put(db: &Db, row: &AllowRow, audit: &AuditEntry) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let updated = sqlx::query("UPDATE ip_allowlist SET note = $1 WHERE entry = $2")
            .bind(&row.note)
            .bind(&row.entry)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 0 {
            sqlx::query(
                "INSERT INTO ip_allowlist (entry, note, created_at, created_by) VALUES ($1, $2, $3, $4)",
            )
            .bind(&row.entry)
            .bind(&row.note)
            .bind(row.created_at)
            .bind(&row.created_by)
            .execute(&mut *tx)
            .await?;
        }
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(updated == 0)
    })
}

/// Removes an entry; false when there was none.
pub async fn delete(db: &Db, entry: &str, audit: &AuditEntry) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("DELETE FROM ip_allowlist WHERE entry = $1").bind(entry)
    )
}

/// Empties the list (the command-line way back in after a lock-out).
pub async fn clear(db: &Db, audit: &AuditEntry) -> sqlx::Result<u64> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let n = sqlx::query("DELETE FROM ip_allowlist").execute(&mut *tx).await?.rows_affected();
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(n)
    })
}
