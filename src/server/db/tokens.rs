//! SQL for personal API tokens. Only the SHA-256 of a secret is ever stored.

use super::{audit::AuditEntry, audited_change, audited_write, users::UserRow, with_pool, Db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TokenRow {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub scopes: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub async fn insert(
    db: &Db,
    token: &TokenRow,
    token_hash: &str,
    audit: &AuditEntry,
) -> sqlx::Result<()> {
    audited_write!(db, audit, sqlx::query(
        "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&token.id)
    .bind(&token.user_id)
    .bind(&token.name)
    .bind(token_hash)
    .bind(&token.scopes)
    .bind(token.created_at)
    .bind(token.expires_at))
}

/// A token found by the hash of its secret, with its owner, in one query:
/// this runs on every bearer-authenticated request.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TokenWithUser {
    pub token_id: String,
    pub scopes: String,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
    #[sqlx(flatten)]
    pub user: UserRow,
}

pub async fn by_hash(db: &Db, token_hash: &str) -> sqlx::Result<Option<TokenWithUser>> {
    let sql = format!(
        "SELECT t.id AS token_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, {} \
         FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1",
        super::users::JOINED_COLUMNS
    );
    with_pool!(db, pool => sqlx::query_as::<_, TokenWithUser>(&sql).bind(token_hash).fetch_optional(pool).await)
}

/// Marks a token used, at most once a minute (same rule as users' last seen).
pub async fn touch_last_used(db: &Db, id: &str, now: i64) -> sqlx::Result<()> {
    let sql = "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 \
               AND (last_used_at IS NULL OR last_used_at < $3)";
    with_pool!(db, pool => sqlx::query(sql).bind(now).bind(id).bind(now - 60_000).execute(pool).await.map(|_| ()))
}

const TOKEN_COLUMNS: &str =
    "id, user_id, name, scopes, created_at, expires_at, last_used_at, revoked_at";

/// A user's tokens, newest first, revoked and expired ones included.
pub async fn list_for_user(db: &Db, user_id: &str) -> sqlx::Result<Vec<TokenRow>> {
    let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC");
    with_pool!(db, pool => sqlx::query_as::<_, TokenRow>(&sql).bind(user_id).fetch_all(pool).await)
}

pub async fn get(db: &Db, user_id: &str, id: &str) -> sqlx::Result<Option<TokenRow>> {
    let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 AND id = $2");
    with_pool!(db, pool => sqlx::query_as::<_, TokenRow>(&sql).bind(user_id).bind(id).fetch_optional(pool).await)
}

/// Revokes a token of `user_id`; false when it was revoked already.
pub async fn revoke(
    db: &Db,
    user_id: &str,
    id: &str,
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(db, audit, sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND id = $3 AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(id))
}
