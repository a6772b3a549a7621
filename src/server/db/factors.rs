//! SQL for second factors (authenticator apps, passkeys) and recovery codes.

use super::outbox::OutgoingMail;
use super::{audit::AuditEntry, audited_change, audited_write, with_pool, BeginWrite, Db};

pub const KIND_TOTP: &str = "totp";
pub const KIND_PASSKEY: &str = "passkey";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FactorRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub name: String,
    /// TOTP: the base32 secret; passkey: the credential as JSON.
    pub secret: String,
    pub credential_id: Option<String>,
    pub last_step: Option<i64>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

const COLUMNS: &str =
    "id, user_id, kind, name, secret, credential_id, last_step, created_at, last_used_at";

pub async fn list_for_user(db: &Db, user_id: &str) -> sqlx::Result<Vec<FactorRow>> {
    let sql =
        format!("SELECT {COLUMNS} FROM user_factors WHERE user_id = $1 ORDER BY created_at, id");
    with_pool!(db, pool => sqlx::query_as::<_, FactorRow>(&sql).bind(user_id).fetch_all(pool).await)
}

pub async fn get(db: &Db, user_id: &str, id: &str) -> sqlx::Result<Option<FactorRow>> {
    let sql = format!("SELECT {COLUMNS} FROM user_factors WHERE user_id = $1 AND id = $2");
    with_pool!(db, pool => sqlx::query_as::<_, FactorRow>(&sql).bind(user_id).bind(id).fetch_optional(pool).await)
}

/// A passkey by its credential id (passwordless sign-in).
pub async fn by_credential_id(db: &Db, credential_id: &str) -> sqlx::Result<Option<FactorRow>> {
    let sql = format!("SELECT {COLUMNS} FROM user_factors WHERE credential_id = $1");
    with_pool!(db, pool => sqlx::query_as::<_, FactorRow>(&sql).bind(credential_id).fetch_optional(pool).await)
}

pub async fn has_any(db: &Db, user_id: &str) -> sqlx::Result<bool> {
    let sql = "SELECT EXISTS (SELECT 1 FROM user_factors WHERE user_id = $1)";
    with_pool!(db, pool => sqlx::query_scalar::<_, bool>(sql).bind(user_id).fetch_one(pool).await)
}

/// Stores a factor with its audit record and, when given, the notice.
pub async fn insert(
    db: &Db,
    row: &FactorRow,
    audit: &AuditEntry,
    notice: Option<&OutgoingMail>,
) -> sqlx::Result<()> {
    audited_write!(db, audit, sqlx::query(
        "INSERT INTO user_factors (id, user_id, kind, name, secret, credential_id, last_step, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&row.id)
    .bind(&row.user_id)
    .bind(&row.kind)
    .bind(&row.name)
    .bind(&row.secret)
    .bind(&row.credential_id)
    .bind(row.last_step)
    .bind(row.created_at), notice)
}

/// Removes one factor (with the notice, when given); whether it existed.
pub async fn delete(
    db: &Db,
    user_id: &str,
    id: &str,
    audit: &AuditEntry,
    notice: Option<&OutgoingMail>,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("DELETE FROM user_factors WHERE user_id = $1 AND id = $2")
            .bind(user_id)
            .bind(id),
        notice
    )
}

/// Accepts TOTP time step `step` for a factor only if no later or equal
/// step was accepted before: a code works once, even when two requests
/// race with it.
pub async fn accept_totp_step(db: &Db, id: &str, step: i64, now: i64) -> sqlx::Result<bool> {
    let sql = "UPDATE user_factors SET last_step = $1, last_used_at = $2 \
               WHERE id = $3 AND (last_step IS NULL OR last_step < $1)";
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query(sql).bind(step).bind(now).bind(id).execute(&mut *tx).await?.rows_affected() > 0;
        tx.commit().await?;
        Ok(done)
    })
}

/// Stores a passkey's credential after a sign-in (its counter moves).
pub async fn passkey_used(db: &Db, id: &str, secret: &str, now: i64) -> sqlx::Result<()> {
    let sql = "UPDATE user_factors SET secret = $1, last_used_at = $2 WHERE id = $3";
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(sql).bind(secret).bind(now).bind(id).execute(&mut *tx).await?;
        tx.commit().await
    })
}

/// Replaces a user's recovery codes by new ones (their hashes).
pub async fn replace_recovery_codes(
    db: &Db,
    user_id: &str,
    hashes: &[String],
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for hash in hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)")
                .bind(user_id)
                .bind(hash)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        audit.insert(&mut *tx).await?;
        tx.commit().await
    })
}

/// Spends a recovery code; false when it is unknown or already used. The
/// lookup is by hash, so no comparison of secrets runs in application code.
pub async fn spend_recovery_code(
    db: &Db,
    user_id: &str,
    hash: &str,
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 \
             WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL"
        )
        .bind(now)
        .bind(user_id)
        .bind(hash)
    )
}

/// How many unused recovery codes a user has.
pub async fn recovery_codes_left(db: &Db, user_id: &str) -> sqlx::Result<i64> {
    let sql = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
    with_pool!(db, pool => sqlx::query_scalar::<_, i64>(sql).bind(user_id).fetch_one(pool).await)
}

/// Removes every factor and recovery code of a user and ends the user's
/// sessions, in one transaction; returns the sessions ended (or None when
/// there was nothing to remove).
pub async fn remove_all(
    db: &Db,
    user_id: &str,
    now: i64,
    audit: &AuditEntry,
    notice: Option<&OutgoingMail>,
) -> sqlx::Result<Vec<String>> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query("DELETE FROM user_factors WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE users SET sessions_valid_after = $1 WHERE id = $2")
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let ended: Vec<String> = sqlx::query_scalar(super::sessions::REVOKE_ALL_OF_USER)
            .bind(now)
            .bind(user_id)
            .fetch_all(&mut *tx)
            .await?;
        audit.insert(&mut *tx).await?;
        if let Some(mail) = notice {
            mail.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(ended)
    })
}
