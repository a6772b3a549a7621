//! SQL of user imports: which usernames exist, and writing a whole import
//! in one transaction.

use std::collections::HashMap;

use super::users::UserRow;
use super::{audit::AuditEntry, placeholders, with_pool, BeginWrite, Db};
use crate::model::OrgRole;

/// Rows per multi-row INSERT: well under both backends' parameter limits.
const INSERT_CHUNK: usize = 500;
/// Names per `IN (...)` lookup.
const LOOKUP_CHUNK: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub id: String,
    pub admin: bool,
    pub status: String,
}

/// The users among `usernames` that exist already.
pub async fn existing(db: &Db, usernames: &[String]) -> sqlx::Result<HashMap<String, Existing>> {
    let mut found = HashMap::new();
    for chunk in usernames.chunks(LOOKUP_CHUNK) {
        let sql = format!(
            "SELECT username, id, admin, status FROM users WHERE username IN ({})",
            placeholders(1, chunk.len())
        );
        let rows: Vec<(String, String, bool, String)> = with_pool!(db, pool => {
            let mut q = sqlx::query_as(&sql);
            for name in chunk {
                q = q.bind(name);
            }
            q.fetch_all(pool).await
        })?;
        for (username, id, admin, status) in rows {
            found.insert(username, Existing { id, admin, status });
        }
    }
    Ok(found)
}

/// Changes to an existing user; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct ImportUpdate {
    pub id: String,
    pub display_name: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub admin: Option<bool>,
    pub password_hash: Option<String>,
}

/// Why a checked import could not be written after all.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Usernames that someone else created since the import was checked.
    Taken(Vec<String>),
    /// The import would leave no active administrator.
    NoActiveAdmin,
}

/// Writes every create and update, or nothing.
pub async fn apply(
    db: &Db,
    creates: &[UserRow],
    updates: &[ImportUpdate],
    join: Option<&(String, OrgRole)>,
    audit: &AuditEntry,
) -> sqlx::Result<Result<(), Refusal>> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if matches!(db, Db::Postgres(_)) {
            // Admin changes are serialized with every other one.
            sqlx::query("LOCK TABLE user_counts IN EXCLUSIVE MODE").execute(&mut *tx).await?;
        }
        let names: Vec<&String> = creates.iter().map(|u| &u.username).collect();
        let mut taken = Vec::new();
        for chunk in names.chunks(LOOKUP_CHUNK) {
            let sql = format!(
                "SELECT username FROM users WHERE username IN ({})",
                placeholders(1, chunk.len())
            );
            let mut q = sqlx::query_scalar::<_, String>(&sql);
            for name in chunk {
                q = q.bind(*name);
            }
            taken.extend(q.fetch_all(&mut *tx).await?);
        }
        if !taken.is_empty() {
            return Ok(Err(Refusal::Taken(taken)));
        }
        for chunk in creates.chunks(INSERT_CHUNK) {
            let values = (0..chunk.len())
                .map(|i| format!("({})", placeholders(i * 11 + 1, 11)))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO users (id, username, display_name, email, password_hash, admin, \
                 can_request_admin, status, created_at, password_change_required, roles) \
                 VALUES {values}"
            );
            let mut q = sqlx::query(&sql);
            for u in chunk {
                q = q
                    .bind(&u.id)
                    .bind(&u.username)
                    .bind(&u.display_name)
                    .bind(&u.email)
                    .bind(&u.password_hash)
                    .bind(u.admin())
                    .bind(u.can_request_admin)
                    .bind(&u.status)
                    .bind(u.created_at)
                    .bind(u.password_change_required)
                    .bind(u.roles.stored());
            }
            q.execute(&mut *tx).await?;
            // New accounts join the default organisation, as one by one.
            if let Some((org_id, role)) = join {
                let values = (0..chunk.len())
                    .map(|i| format!("({})", placeholders(i * 4 + 1, 4)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = format!(
                    "INSERT INTO org_members (org_id, user_id, role, created_at) VALUES {values}"
                );
                let mut q = sqlx::query(&sql);
                for u in chunk {
                    q = q.bind(org_id).bind(&u.id).bind(role.as_str()).bind(u.created_at);
                }
                q.execute(&mut *tx).await?;
            }
        }
        for u in updates {
            let mut sets = Vec::new();
            if u.display_name.is_some() {
                sets.push("display_name");
            }
            if u.email.is_some() {
                sets.push("email");
            }
            if u.admin.is_some() {
                sets.push("admin");
            }
            if u.password_hash.is_some() {
                sets.push("password_hash");
            }
            if sets.is_empty() {
                continue;
            }
            let mut assignments: Vec<String> = sets
                .iter()
                .enumerate()
                .map(|(i, col)| match *col {
                    "admin" => super::users::set_admin_sql(i + 1),
                    col => format!("{col} = ${}", i + 1),
                })
                .collect();
            if u.password_hash.is_some() {
                assignments.push("password_change_required = FALSE".into());
            }
            let sql = format!(
                "UPDATE users SET {} WHERE id = ${}",
                assignments.join(", "),
                sets.len() + 1
            );
            let mut q = sqlx::query(&sql);
            if let Some(v) = &u.display_name {
                q = q.bind(v.clone());
            }
            if let Some(v) = &u.email {
                q = q.bind(v.clone());
            }
            if let Some(v) = u.admin {
                q = q.bind(v);
            }
            if let Some(v) = &u.password_hash {
                q = q.bind(v.clone());
            }
            q.bind(&u.id).execute(&mut *tx).await?;
        }
        let active_admins: i64 = sqlx::query_scalar(
            "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM user_counts \
             WHERE status = 'active' AND admin = $1",
        )
        .bind(true)
        .fetch_one(&mut *tx)
        .await?;
        if active_admins == 0 {
            return Ok(Err(Refusal::NoActiveAdmin));
        }
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Ok(()))
    })
}
