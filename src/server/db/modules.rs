//! SQL for module states. No cache: every instance reads the row on each
//! check (a primary-key lookup), so a switch made on one instance holds on
//! all of them at their next request.

use super::{audit::AuditEntry, with_pool, BeginWrite, Db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ModuleRow {
    pub name: String,
    pub enabled: bool,
    pub changed_at: i64,
    pub changed_by: String,
}

const COLUMNS: &str = "name, enabled, changed_at, changed_by";

pub async fn get(db: &Db, name: &str) -> sqlx::Result<Option<ModuleRow>> {
    let sql = format!("SELECT {COLUMNS} FROM module_states WHERE name = $1");
    with_pool!(db, pool => sqlx::query_as::<_, ModuleRow>(&sql).bind(name).fetch_optional(pool).await)
}

pub async fn all(db: &Db) -> sqlx::Result<Vec<ModuleRow>> {
    let sql = format!("SELECT {COLUMNS} FROM module_states");
    with_pool!(db, pool => sqlx::query_as::<_, ModuleRow>(&sql).fetch_all(pool).await)
}

/// Switches a module, in one transaction with its audit record. `audit` gets
/// the state before the change (`None`: no row, the default) and returns the
/// record to write; nothing is written when the state would not change.
/// Returns the row afterwards (`None` when there is still none).
pub async fn set(
    db: &Db,
    row: &ModuleRow,
    default: bool,
    audit: impl FnOnce(bool) -> AuditEntry,
) -> sqlx::Result<Option<ModuleRow>> {
    let select = format!("SELECT {COLUMNS} FROM module_states WHERE name = $1");
    let lock = match db {
        Db::Postgres(_) => " FOR UPDATE",
        Db::Sqlite(_) => "",
    };
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let current = sqlx::query_as::<_, ModuleRow>(&format!("{select}{lock}"))
            .bind(&row.name)
            .fetch_optional(&mut *tx)
            .await?;
        let before = current.as_ref().map_or(default, |r| r.enabled);
        if before == row.enabled {
            tx.commit().await?;
            return Ok(current);
        }
        sqlx::query(
            "INSERT INTO module_states (name, enabled, changed_at, changed_by) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO UPDATE SET \
             enabled = excluded.enabled, changed_at = excluded.changed_at, \
             changed_by = excluded.changed_by",
        )
        .bind(&row.name)
        .bind(row.enabled)
        .bind(row.changed_at)
        .bind(&row.changed_by)
        .execute(&mut *tx)
        .await?;
        audit(before).insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(row.clone()))
    })
}
