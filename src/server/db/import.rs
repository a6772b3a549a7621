//! SQL of user imports: which usernames exist, and writing a whole import
//! in one transaction.

use std::collections::HashMap;

use super::users::UserRow;
use super::{audit::AuditEntry, placeholders, with_pool, BeginWrite, Db};
use crate::model::{OrgRole, Roles};

/// Rows per multi-row INSERT: well under both backends' parameter limits.
const INSERT_CHUNK: usize = 500;
/// Names per `IN (...)` lookup.
const LOOKUP_CHUNK: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub id: String,
    pub roles: Roles,
    pub status: String,
}

/// The users among `usernames` that exist already.
pub async fn existing(db: &Db, usernames: &[String]) -> sqlx::Result<HashMap<String, Existing>> {
    let mut found = HashMap::new();
    for chunk in usernames.chunks(LOOKUP_CHUNK) {
        let sql = format!(
            "SELECT username, id, roles, status FROM users WHERE username IN ({})",
            placeholders(1, chunk.len())
        );
        let rows: Vec<(String, String, String, String)> = with_pool!(db, pool => {
            let mut q = sqlx::query_as(&sql);
            for name in chunk {
                q = q.bind(name);
            }
            q.fetch_all(pool).await
        })?;
        for (username, id, roles, status) in rows {
            let roles = Roles::from_stored(&roles);
            found.insert(username, Existing { id, roles, status });
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
    /// Adds or removes `server_admin`, keeping the other roles (only
    /// without `roles`).
    pub admin: Option<bool>,
    /// The roles, exactly; written with their `admin` mirror.
    pub roles: Option<Roles>,
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
            // Assignments in binding order, each taking the next parameter(s).
            let mut assignments: Vec<String> = Vec::new();
            let mut n = 0;
            let mut next = || {
                n += 1;
                n
            };
            if u.display_name.is_some() {
                assignments.push(format!("display_name = ${}", next()));
            }
            if u.email.is_some() {
                assignments.push(format!("email = ${}", next()));
            }
            match (&u.roles, u.admin) {
                // The roles exactly, with their admin mirror.
                (Some(_), _) => {
                    assignments.push(format!("roles = ${}", next()));
                    assignments.push(format!("admin = ${}", next()));
                }
                (None, Some(_)) => assignments.push(super::users::set_admin_sql(next())),
                (None, None) => {}
            }
            if u.password_hash.is_some() {
                assignments.push(format!("password_hash = ${}", next()));
                assignments.push("password_change_required = FALSE".into());
            }
            if assignments.is_empty() {
                continue;
            }
            let sql = format!(
                "UPDATE users SET {} WHERE id = ${}",
                assignments.join(", "),
                next()
            );
            let mut q = sqlx::query(&sql);
            if let Some(v) = &u.display_name {
                q = q.bind(v.clone());
            }
            if let Some(v) = &u.email {
                q = q.bind(v.clone());
            }
            match (&u.roles, u.admin) {
                (Some(roles), _) => {
                    q = q.bind(roles.stored()).bind(roles.is_server_admin());
                }
                (None, Some(admin)) => q = q.bind(admin),
                (None, None) => {}
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
