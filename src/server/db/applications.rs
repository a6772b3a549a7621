//! SQL for applications (OpenID Connect clients and forward-auth host sets)
//! and what users agreed to share with them. Lists are stored as JSON text.

use super::{audit::AuditEntry, audited_change, audited_write, with_pool, Db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AppRow {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub client_type: String,
    pub redirect_uris: String,
    pub post_logout_redirect_uris: String,
    pub skip_consent: bool,
    pub id_token_alg: String,
    pub access: String,
    pub hosts: String,
    pub path_prefixes: String,
    pub allow_bearer_tokens: bool,
    pub provisioned: bool,
    pub created_at: i64,
    pub created_by: String,
    pub updated_at: i64,
    pub last_sign_in_at: Option<i64>,
    /// Not a column: grants not revoked (0 where not counted).
    #[sqlx(default)]
    pub active_grants: i64,
}

const COLUMNS: &str = "a.id, a.kind, a.name, a.client_type, a.redirect_uris, \
    a.post_logout_redirect_uris, a.skip_consent, a.id_token_alg, a.access, a.hosts, a.provisioned, \
    a.path_prefixes, a.allow_bearer_tokens, a.created_at, a.created_by, a.updated_at, a.last_sign_in_at";

const ACTIVE_GRANTS: &str = "(SELECT count(*) FROM oidc_grants g \
    WHERE g.application_id = a.id AND g.revoked_at IS NULL) AS active_grants";

pub async fn insert(
    db: &Db,
    row: &AppRow,
    secret_hash: Option<&str>,
    audit: Option<&AuditEntry>,
) -> sqlx::Result<()> {
    audited_write!(
        db,
        audit,
        sqlx::query(
            "INSERT INTO applications (id, kind, name, client_type, secret_hash, redirect_uris, \
         post_logout_redirect_uris, skip_consent, access, hosts, provisioned, created_at, \
         created_by, updated_at, id_token_alg, path_prefixes, allow_bearer_tokens) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(&row.id)
        .bind(&row.kind)
        .bind(&row.name)
        .bind(&row.client_type)
        .bind(secret_hash)
        .bind(&row.redirect_uris)
        .bind(&row.post_logout_redirect_uris)
        .bind(row.skip_consent)
        .bind(&row.access)
        .bind(&row.hosts)
        .bind(row.provisioned)
        .bind(row.created_at)
        .bind(&row.created_by)
        .bind(row.updated_at)
        .bind(&row.id_token_alg)
        .bind(&row.path_prefixes)
        .bind(row.allow_bearer_tokens)
    )
}

/// Every application by name, with its active grants.
pub async fn list(db: &Db) -> sqlx::Result<Vec<AppRow>> {
    let sql = format!(
        "SELECT {COLUMNS}, {ACTIVE_GRANTS} FROM applications a ORDER BY lower(a.name), a.id"
    );
    with_pool!(db, pool => sqlx::query_as::<_, AppRow>(&sql).fetch_all(pool).await)
}

pub async fn get(db: &Db, id: &str) -> sqlx::Result<Option<AppRow>> {
    let sql = format!("SELECT {COLUMNS}, {ACTIVE_GRANTS} FROM applications a WHERE a.id = $1");
    with_pool!(db, pool => sqlx::query_as::<_, AppRow>(&sql).bind(id).fetch_optional(pool).await)
}

pub async fn by_name(db: &Db, name: &str) -> sqlx::Result<Option<AppRow>> {
    let sql = format!("SELECT {COLUMNS} FROM applications a WHERE lower(a.name) = lower($1)");
    with_pool!(db, pool => sqlx::query_as::<_, AppRow>(&sql).bind(name).fetch_optional(pool).await)
}

/// The application with its secret digest, for client authentication.
pub async fn with_secret(db: &Db, id: &str) -> sqlx::Result<Option<(AppRow, Option<String>)>> {
    let sql = format!("SELECT {COLUMNS}, a.secret_hash FROM applications a WHERE a.id = $1");
    with_pool!(db, pool => {
        let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
        row.map(|row| {
            use sqlx::{FromRow, Row};
            Ok((AppRow::from_row(&row)?, row.try_get::<Option<String>, _>("secret_hash")?))
        })
        .transpose()
    })
}

/// Writes every editable field of `row`; false when the application is gone.
/// A changed access rule or redirect list takes effect at the next use of
/// each grant (checked there), so nothing else changes here.
pub async fn update(db: &Db, row: &AppRow, audit: Option<&AuditEntry>) -> sqlx::Result<bool> {
    audited_change!(db, audit, sqlx::query(
        "UPDATE applications SET name = $1, redirect_uris = $2, post_logout_redirect_uris = $3, \
         skip_consent = $4, access = $5, hosts = $6, provisioned = $7, updated_at = $8, \
         id_token_alg = $10, path_prefixes = $11, allow_bearer_tokens = $12 WHERE id = $9",
    )
    .bind(&row.name)
    .bind(&row.redirect_uris)
    .bind(&row.post_logout_redirect_uris)
    .bind(row.skip_consent)
    .bind(&row.access)
    .bind(&row.hosts)
    .bind(row.provisioned)
    .bind(row.updated_at)
    .bind(&row.id)
    .bind(&row.id_token_alg)
    .bind(&row.path_prefixes)
    .bind(row.allow_bearer_tokens))
}

/// Replaces the secret; false when the application is gone.
pub async fn set_secret(
    db: &Db,
    id: &str,
    hash: &str,
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("UPDATE applications SET secret_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(hash)
            .bind(now)
            .bind(id)
    )
}

/// Deletes the application with its grants, tokens and consents.
pub async fn delete(db: &Db, id: &str, audit: Option<&AuditEntry>) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("DELETE FROM applications WHERE id = $1").bind(id)
    )
}

/// The scopes a user already agreed to share with an application.
pub async fn consented_scopes(
    db: &Db,
    user_id: &str,
    app_id: &str,
) -> sqlx::Result<Option<String>> {
    with_pool!(db, pool => sqlx::query_scalar::<_, String>(
        "SELECT scopes FROM oidc_consents WHERE user_id = $1 AND application_id = $2",
    )
    .bind(user_id)
    .bind(app_id)
    .fetch_optional(pool)
    .await)
}
