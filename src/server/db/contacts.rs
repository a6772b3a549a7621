//! SQL for contacts (rosters). `groups` is a JSON array kept as text: it is
//! only ever read and written whole.

use super::{audit::AuditEntry, audited_change, audited_write, with_pool, Db};

/// One roster entry with the contact's names, as lists show it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ContactRow {
    pub user_id: String,
    pub contact_id: String,
    pub contact_username: String,
    pub contact_display_name: Option<String>,
    pub subscription: String,
    pub groups: String,
    pub created_at: i64,
}

const SELECT: &str = "SELECT c.user_id, c.contact_id, u.username AS contact_username, \
     u.display_name AS contact_display_name, c.subscription, c.groups, c.created_at \
     FROM contacts c JOIN users u ON u.id = c.contact_id";

/// A user's contacts by the contacts' usernames.
pub async fn list_for_user(db: &Db, user_id: &str) -> sqlx::Result<Vec<ContactRow>> {
    let sql = format!("{SELECT} WHERE c.user_id = $1 ORDER BY u.username");
    with_pool!(db, pool => sqlx::query_as::<_, ContactRow>(&sql).bind(user_id).fetch_all(pool).await)
}

/// The entry for the contact named `username` in `user_id`'s roster.
pub async fn get(db: &Db, user_id: &str, username: &str) -> sqlx::Result<Option<ContactRow>> {
    let sql = format!("{SELECT} WHERE c.user_id = $1 AND u.username = $2");
    with_pool!(db, pool => sqlx::query_as::<_, ContactRow>(&sql).bind(user_id).bind(username).fetch_optional(pool).await)
}

/// The new entry's values.
pub struct NewContactRow<'a> {
    pub user_id: &'a str,
    pub contact_id: &'a str,
    pub subscription: &'a str,
    pub groups: &'a str,
    pub created_at: i64,
}

/// Adds an entry; a duplicate fails as a unique violation, a user deleted
/// meanwhile as a foreign-key violation.
pub async fn insert(db: &Db, row: &NewContactRow<'_>, audit: &AuditEntry) -> sqlx::Result<()> {
    audited_write!(
        db,
        audit,
        sqlx::query(
            "INSERT INTO contacts (user_id, contact_id, subscription, groups, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(row.user_id)
        .bind(row.contact_id)
        .bind(row.subscription)
        .bind(row.groups)
        .bind(row.created_at)
    )
}

/// Sets an entry's subscription and groups; false when it is gone.
pub async fn update(
    db: &Db,
    user_id: &str,
    contact_id: &str,
    subscription: &str,
    groups: &str,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(db, audit, sqlx::query(
        "UPDATE contacts SET subscription = $1, groups = $2 WHERE user_id = $3 AND contact_id = $4",
    )
    .bind(subscription)
    .bind(groups)
    .bind(user_id)
    .bind(contact_id))
}

/// Removes an entry; false when there was none.
pub async fn delete(
    db: &Db,
    user_id: &str,
    contact_id: &str,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("DELETE FROM contacts WHERE user_id = $1 AND contact_id = $2")
            .bind(user_id)
            .bind(contact_id)
    )
}

/// Up to `limit` usernames containing `term` (already lowercase, made of
/// username characters), those starting with it first. The search indexes
/// of the users list bound the work for terms of three characters or more.
pub async fn usernames_like(db: &Db, term: &str, limit: i64) -> sqlx::Result<Vec<String>> {
    let contains = super::sql::contains_pattern(term);
    let prefix = super::sql::prefix_pattern(term);
    let indexed = match db {
        Db::Sqlite(_) if term.len() >= 3 => {
            "rid IN (SELECT rowid FROM users_fts WHERE users_fts MATCH $4) AND "
        }
        // The trigram index covers this expression; the username test follows.
        Db::Postgres(_) if term.len() >= 3 => {
            "(username || ' ' || coalesce(display_name, '') || ' ' || coalesce(email, '')) \
             ILIKE $1 AND "
        }
        _ => "",
    };
    let sql = format!(
        "SELECT username FROM users WHERE {indexed}username LIKE $1 ESCAPE '\\' \
         ORDER BY CASE WHEN username LIKE $2 ESCAPE '\\' THEN 0 ELSE 1 END, username LIMIT $3"
    );
    let fts = format!("username : \"{term}\"");
    with_pool!(db, pool => {
        let query = sqlx::query_scalar::<_, String>(&sql).bind(&contains).bind(&prefix).bind(limit);
        let query = if matches!(db, Db::Sqlite(_)) && term.len() >= 3 { query.bind(&fts) } else { query };
        query.fetch_all(pool).await
    })
}
