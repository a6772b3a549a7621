//! SQL for OAuth2 admin clients and the access tokens issued to them. Only
//! SHA-256 digests of secrets and tokens are stored.

use super::{audit::AuditEntry, audited_write, with_pool, BeginWrite, Db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ClientRow {
    pub id: String,
    pub name: String,
    pub scopes: String,
    pub created_at: i64,
    pub created_by: String,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const CLIENT_COLUMNS: &str = "id, name, scopes, created_at, created_by, last_used_at, revoked_at";

pub async fn insert_client(
    db: &Db,
    client: &ClientRow,
    secret_hash: &str,
    audit: &AuditEntry,
) -> sqlx::Result<()> {
    audited_write!(
        db,
        audit,
        sqlx::query(
            "INSERT INTO oauth2_clients (id, name, secret_hash, scopes, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&client.id)
        .bind(&client.name)
        .bind(secret_hash)
        .bind(&client.scopes)
        .bind(client.created_at)
        .bind(&client.created_by)
    )
}

/// Newest first; revoked clients stay listed with their revocation time.
pub async fn list_clients(db: &Db) -> sqlx::Result<Vec<ClientRow>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM oauth2_clients ORDER BY id DESC");
    with_pool!(db, pool => sqlx::query_as::<_, ClientRow>(&sql).fetch_all(pool).await)
}

pub async fn client(db: &Db, id: &str) -> sqlx::Result<Option<ClientRow>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM oauth2_clients WHERE id = $1");
    with_pool!(db, pool => sqlx::query_as::<_, ClientRow>(&sql).bind(id).fetch_optional(pool).await)
}

/// The client with its secret digest, for client authentication.
pub async fn client_secret(db: &Db, id: &str) -> sqlx::Result<Option<(ClientRow, String)>> {
    let sql = format!("SELECT {CLIENT_COLUMNS}, secret_hash FROM oauth2_clients WHERE id = $1");
    with_pool!(db, pool => {
        let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
        row.map(|row| {
            use sqlx::{FromRow, Row};
            Ok((ClientRow::from_row(&row)?, row.try_get::<String, _>("secret_hash")?))
        })
        .transpose()
    })
}

/// Revokes a client and drops its access tokens; false when it was already revoked.
pub async fn revoke_client(db: &Db, id: &str, now: i64, audit: &AuditEntry) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE oauth2_clients SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM oauth2_access_tokens WHERE client_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if changed > 0 {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(changed > 0)
    })
}

pub struct NewAccessToken<'a> {
    pub id: &'a str,
    pub client_id: &'a str,
    pub token_hash: &'a str,
    pub scopes: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Stores an issued token, sweeps expired ones and marks the client used.
pub async fn insert_access_token(db: &Db, token: &NewAccessToken<'_>) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query("DELETE FROM oauth2_access_tokens WHERE expires_at <= $1")
            .bind(token.created_at)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO oauth2_access_tokens (id, client_id, token_hash, scopes, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token.id)
        .bind(token.client_id)
        .bind(token.token_hash)
        .bind(token.scopes)
        .bind(token.created_at)
        .bind(token.expires_at)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE oauth2_clients SET last_used_at = $1 WHERE id = $2")
            .bind(token.created_at)
            .bind(token.client_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    })
}

/// An access token by digest, with its client, as every bearer request needs it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AccessTokenWithClient {
    pub scopes: String,
    pub expires_at: i64,
    pub client_id: String,
    pub client_name: String,
    pub client_revoked_at: Option<i64>,
}

pub async fn access_token(
    db: &Db,
    token_hash: &str,
) -> sqlx::Result<Option<AccessTokenWithClient>> {
    let sql = "SELECT t.scopes, t.expires_at, c.id AS client_id, c.name AS client_name, \
               c.revoked_at AS client_revoked_at \
               FROM oauth2_access_tokens t JOIN oauth2_clients c ON c.id = t.client_id \
               WHERE t.token_hash = $1";
    with_pool!(db, pool => sqlx::query_as::<_, AccessTokenWithClient>(sql).bind(token_hash).fetch_optional(pool).await)
}
