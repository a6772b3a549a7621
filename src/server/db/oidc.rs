//! SQL of the OpenID Connect provider: pending authorization requests,
//! grants with their codes and tokens, device codes and signing keys. Codes
//! and tokens are stored as SHA-256 digests only.

use super::{audit::AuditEntry, with_pool, BeginWrite, Db};

/// An authorization request waiting for a login or a consent decision.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RequestRow {
    pub id: String,
    pub application_id: String,
    pub redirect_uri: String,
    pub scopes: String,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub prompt: Option<String>,
    pub max_age: Option<i64>,
    pub login_hint: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn insert_request(db: &Db, r: &RequestRow) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM oidc_requests WHERE expires_at <= $1")
            .bind(r.created_at)
            .execute(pool)
            .await?;
        sqlx::query(
            "INSERT INTO oidc_requests (id, application_id, redirect_uri, scopes, state, nonce, \
             code_challenge, prompt, max_age, login_hint, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&r.id)
        .bind(&r.application_id)
        .bind(&r.redirect_uri)
        .bind(&r.scopes)
        .bind(&r.state)
        .bind(&r.nonce)
        .bind(&r.code_challenge)
        .bind(&r.prompt)
        .bind(r.max_age)
        .bind(&r.login_hint)
        .bind(r.created_at)
        .bind(r.expires_at)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

pub async fn request(db: &Db, id: &str) -> sqlx::Result<Option<RequestRow>> {
    with_pool!(db, pool => sqlx::query_as::<_, RequestRow>(
        "SELECT id, application_id, redirect_uri, scopes, state, nonce, code_challenge, prompt, \
         max_age, login_hint, created_at, expires_at FROM oidc_requests WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await)
}

pub async fn delete_request(db: &Db, id: &str) -> sqlx::Result<()> {
    with_pool!(db, pool => sqlx::query("DELETE FROM oidc_requests WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ()))
}

/// A new grant: a user's sign-in to an application.
pub struct NewGrant<'a> {
    pub id: &'a str,
    pub application_id: &'a str,
    pub user_id: &'a str,
    pub session_id: Option<&'a str>,
    pub scopes: &'a str,
    pub nonce: Option<&'a str>,
    pub auth_time: i64,
    pub now: i64,
}

/// What is stored with a grant in the same transaction.
pub struct GrantExtras<'a> {
    /// The authorization code `(digest, redirect_uri, code_challenge, expires_at)`.
    pub code: Option<(&'a str, &'a str, Option<&'a str>, i64)>,
    /// Scopes to remember as consented, with the audit record of the consent.
    pub consent: Option<(&'a str, &'a AuditEntry)>,
    /// The pending request this grant answers (deleted).
    pub request_id: Option<&'a str>,
    /// The device code this grant answers: `(digest)`, marked approved.
    pub device_code_hash: Option<&'a str>,
}

/// Stores a grant with its code, consent and the end of its request, in
/// one transaction, and notes the application's last sign-in.
pub async fn insert_grant(db: &Db, g: &NewGrant<'_>, extras: &GrantExtras<'_>) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(
            "INSERT INTO oidc_grants (id, application_id, user_id, session_id, scopes, nonce, \
             auth_time, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(g.id)
        .bind(g.application_id)
        .bind(g.user_id)
        .bind(g.session_id)
        .bind(g.scopes)
        .bind(g.nonce)
        .bind(g.auth_time)
        .bind(g.now)
        .execute(&mut *tx)
        .await?;
        if let Some((hash, redirect_uri, challenge, expires_at)) = extras.code {
            sqlx::query("DELETE FROM oidc_codes WHERE expires_at <= $1 - 3600000")
                .bind(g.now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO oidc_codes (code_hash, grant_id, redirect_uri, code_challenge, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(hash)
            .bind(g.id)
            .bind(redirect_uri)
            .bind(challenge)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        }
        if let Some((scopes, audit)) = extras.consent {
            sqlx::query(
                "INSERT INTO oidc_consents (user_id, application_id, scopes, created_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, application_id) \
                 DO UPDATE SET scopes = excluded.scopes, created_at = excluded.created_at",
            )
            .bind(g.user_id)
            .bind(g.application_id)
            .bind(scopes)
            .bind(g.now)
            .execute(&mut *tx)
            .await?;
            audit.insert(&mut *tx).await?;
        }
        if let Some(id) = extras.request_id {
            sqlx::query("DELETE FROM oidc_requests WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(hash) = extras.device_code_hash {
            sqlx::query(
                "UPDATE oidc_device_codes SET status = 'approved', grant_id = $1 \
                 WHERE device_code_hash = $2 AND status = 'pending'",
            )
            .bind(g.id)
            .bind(hash)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE applications SET last_sign_in_at = $1 WHERE id = $2")
            .bind(g.now)
            .bind(g.application_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    })
}

/// A grant with everything that decides whether it still stands: its user's
/// status and session, and its application's kind and access rule.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct GrantStanding {
    pub grant_id: String,
    pub application_id: String,
    pub user_id: String,
    pub scopes: String,
    pub nonce: Option<String>,
    pub auth_time: i64,
    pub created_at: i64,
    pub grant_revoked_at: Option<i64>,
    pub session_id: Option<String>,
    pub session_revoked_at: Option<i64>,
    pub user_status: String,
    pub sessions_valid_after: i64,
    pub app_access: String,
    pub app_kind: String,
    /// What the ID token and UserInfo say about the user, read with the
    /// grant (one query instead of two).
    pub username: String,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub email_verified_at: Option<i64>,
    pub grant_last_used_at: i64,
}

const STANDING: &str = "g.id AS grant_id, g.application_id, g.user_id, g.scopes, g.nonce, \
    g.auth_time, g.created_at, g.revoked_at AS grant_revoked_at, g.session_id, \
    s.revoked_at AS session_revoked_at, u.status AS user_status, u.sessions_valid_after, \
    a.access AS app_access, a.kind AS app_kind, u.username, u.display_name, u.email, \
    u.email_verified_at, g.last_used_at AS grant_last_used_at";

const STANDING_JOINS: &str = "JOIN oidc_grants g ON g.id = x.grant_id \
    JOIN users u ON u.id = g.user_id \
    JOIN applications a ON a.id = g.application_id \
    LEFT JOIN user_sessions s ON s.id = g.session_id";

/// An authorization code by digest, with its grant's standing.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CodeRow {
    pub redirect_uri: String,
    pub code_challenge: Option<String>,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    #[sqlx(flatten)]
    pub grant: GrantStanding,
}

pub async fn code(db: &Db, hash: &str) -> sqlx::Result<Option<CodeRow>> {
    let sql = format!(
        "SELECT x.redirect_uri, x.code_challenge, x.expires_at, x.used_at, {STANDING} \
         FROM oidc_codes x {STANDING_JOINS} WHERE x.code_hash = $1"
    );
    with_pool!(db, pool => sqlx::query_as::<_, CodeRow>(&sql).bind(hash).fetch_optional(pool).await)
}

/// A token by digest, with its grant's standing.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TokenRow {
    pub kind: String,
    pub token_scopes: String,
    pub token_created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    #[sqlx(flatten)]
    pub grant: GrantStanding,
}

pub async fn token(db: &Db, hash: &str) -> sqlx::Result<Option<TokenRow>> {
    let sql = format!(
        "SELECT x.kind, x.scopes AS token_scopes, x.created_at AS token_created_at, x.expires_at, \
         x.used_at, {STANDING} FROM oidc_tokens x {STANDING_JOINS} WHERE x.token_hash = $1"
    );
    with_pool!(db, pool => sqlx::query_as::<_, TokenRow>(&sql).bind(hash).fetch_optional(pool).await)
}

/// The standing of one grant (device codes point at theirs).
pub async fn grant(db: &Db, id: &str) -> sqlx::Result<Option<GrantStanding>> {
    let sql = format!("SELECT {STANDING} FROM (SELECT $1 AS grant_id) x {STANDING_JOINS}");
    with_pool!(db, pool => sqlx::query_as::<_, GrantStanding>(&sql).bind(id).fetch_optional(pool).await)
}

/// Tokens to store: `(digest, kind, scopes, expires_at)`.
pub type NewToken<'a> = (&'a str, &'a str, &'a str, i64);

/// What spends the credential a token request presented.
pub enum Spend<'a> {
    /// An authorization code (digest): single use.
    Code(&'a str),
    /// A refresh token (digest): replaced by its successor.
    Refresh(&'a str),
    /// A device code (digest): its tokens are issued once.
    Device(&'a str),
}

/// Spends the presented code or token and stores the new tokens, in one
/// transaction; false (nothing stored) when it was spent already, by a
/// concurrent request or earlier.
/// Spends the credential and stores the new tokens in one transaction;
/// false when the credential had been spent meanwhile. `touch_grant`:
/// record the use on the grant (callers skip it when it was recorded
/// within the last minute, a statement less in the write lock).
pub async fn issue_tokens(
    db: &Db,
    grant_id: &str,
    spend: Spend<'_>,
    tokens: &[NewToken<'_>],
    now: i64,
    touch_grant: bool,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let spent = match spend {
            Spend::Code(hash) => sqlx::query(
                "UPDATE oidc_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL",
            )
            .bind(now)
            .bind(hash),
            Spend::Refresh(hash) => sqlx::query(
                "UPDATE oidc_tokens SET used_at = $1 WHERE token_hash = $2 AND kind = 'refresh' AND used_at IS NULL",
            )
            .bind(now)
            .bind(hash),
            Spend::Device(hash) => sqlx::query(
                "UPDATE oidc_device_codes SET status = 'issued', last_polled_at = $1 \
                 WHERE device_code_hash = $2 AND status = 'approved'",
            )
            .bind(now)
            .bind(hash),
        }
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if spent == 0 {
            return Ok(false);
        }
        // One statement for the access and refresh token: every statement
        // is a round trip while this process's writers wait their turn.
        let rows: Vec<String> = (0..tokens.len())
            .map(|i| format!("({})", super::placeholders(i * 6 + 1, 6)))
            .collect();
        let sql = format!(
            "INSERT INTO oidc_tokens (token_hash, grant_id, kind, scopes, created_at, expires_at) VALUES {}",
            rows.join(", ")
        );
        let mut insert = sqlx::query(&sql);
        for (hash, kind, scopes, expires_at) in tokens {
            insert = insert
                .bind(*hash)
                .bind(grant_id)
                .bind(*kind)
                .bind(*scopes)
                .bind(now)
                .bind(*expires_at);
        }
        insert.execute(&mut *tx).await?;
        if touch_grant {
            sqlx::query("UPDATE oidc_grants SET last_used_at = $1 WHERE id = $2")
                .bind(now)
                .bind(grant_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// Revokes a grant and drops its tokens (a replayed code or refresh token,
/// the user's or an admin's revocation); false when already revoked.
pub async fn revoke_grant(
    db: &Db,
    id: &str,
    now: i64,
    audit: Option<&AuditEntry>,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let changed = sqlx::query("UPDATE oidc_grants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM oidc_tokens WHERE grant_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if changed > 0 {
            if let Some(audit) = audit {
                audit.insert(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(changed > 0)
    })
}

/// Drops one access token (RFC 7009 for an access token).
pub async fn delete_token(db: &Db, hash: &str) -> sqlx::Result<()> {
    with_pool!(db, pool => sqlx::query("DELETE FROM oidc_tokens WHERE token_hash = $1")
        .bind(hash)
        .execute(pool)
        .await
        .map(|_| ()))
}

/// A user's grants that are not revoked, newest first, with the application's name.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserGrantRow {
    pub id: String,
    pub user_id: String,
    pub application_id: String,
    pub application_name: String,
    pub scopes: String,
    pub created_at: i64,
    pub last_used_at: i64,
}

pub async fn user_grants(db: &Db, user_id: &str) -> sqlx::Result<Vec<UserGrantRow>> {
    with_pool!(db, pool => sqlx::query_as::<_, UserGrantRow>(
        "SELECT g.id, g.user_id, g.application_id, a.name AS application_name, g.scopes, \
         g.created_at, g.last_used_at FROM oidc_grants g JOIN applications a ON a.id = g.application_id \
         WHERE g.user_id = $1 AND g.revoked_at IS NULL ORDER BY g.id DESC",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await)
}

/// Revokes every grant of a user to an application and forgets the consent
/// ("Apps you signed in to" → revoke); false when there was nothing.
pub async fn revoke_user_app(
    db: &Db,
    user_id: &str,
    app_id: &str,
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let grants = sqlx::query(
            "UPDATE oidc_grants SET revoked_at = $1 WHERE user_id = $2 AND application_id = $3 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .bind(app_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "DELETE FROM oidc_tokens WHERE grant_id IN \
             (SELECT id FROM oidc_grants WHERE user_id = $1 AND application_id = $2)",
        )
        .bind(user_id)
        .bind(app_id)
        .execute(&mut *tx)
        .await?;
        let consents = sqlx::query("DELETE FROM oidc_consents WHERE user_id = $1 AND application_id = $2")
            .bind(user_id)
            .bind(app_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let changed = grants + consents > 0;
        if changed {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(changed)
    })
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DeviceCodeRow {
    pub device_code_hash: String,
    pub user_code: String,
    pub application_id: String,
    pub scopes: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub interval_secs: i64,
    pub last_polled_at: Option<i64>,
    pub status: String,
    pub grant_id: Option<String>,
}

const DEVICE_COLUMNS: &str = "device_code_hash, user_code, application_id, scopes, created_at, \
    expires_at, interval_secs, last_polled_at, status, grant_id";

pub async fn insert_device_code(db: &Db, d: &DeviceCodeRow) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM oidc_device_codes WHERE expires_at <= $1 - 3600000")
            .bind(d.created_at)
            .execute(pool)
            .await?;
        sqlx::query(
            "INSERT INTO oidc_device_codes (device_code_hash, user_code, application_id, scopes, \
             created_at, expires_at, interval_secs) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&d.device_code_hash)
        .bind(&d.user_code)
        .bind(&d.application_id)
        .bind(&d.scopes)
        .bind(d.created_at)
        .bind(d.expires_at)
        .bind(d.interval_secs)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

pub async fn device_code(db: &Db, hash: &str) -> sqlx::Result<Option<DeviceCodeRow>> {
    let sql = format!("SELECT {DEVICE_COLUMNS} FROM oidc_device_codes WHERE device_code_hash = $1");
    with_pool!(db, pool => sqlx::query_as::<_, DeviceCodeRow>(&sql).bind(hash).fetch_optional(pool).await)
}

pub async fn device_code_by_user_code(
    db: &Db,
    user_code: &str,
) -> sqlx::Result<Option<DeviceCodeRow>> {
    let sql = format!("SELECT {DEVICE_COLUMNS} FROM oidc_device_codes WHERE user_code = $1");
    with_pool!(db, pool => sqlx::query_as::<_, DeviceCodeRow>(&sql).bind(user_code).fetch_optional(pool).await)
}

/// Records a poll, and a new (slower) interval when the device polled too fast.
pub async fn note_poll(db: &Db, hash: &str, now: i64, interval_secs: i64) -> sqlx::Result<()> {
    with_pool!(db, pool => sqlx::query(
        "UPDATE oidc_device_codes SET last_polled_at = $1, interval_secs = $2 WHERE device_code_hash = $3",
    )
    .bind(now)
    .bind(interval_secs)
    .bind(hash)
    .execute(pool)
    .await
    .map(|_| ()))
}

/// The user said no on /device: the device's next poll gets access_denied.
pub async fn deny_device_code(db: &Db, hash: &str) -> sqlx::Result<bool> {
    with_pool!(db, pool => sqlx::query(
        "UPDATE oidc_device_codes SET status = 'denied' WHERE device_code_hash = $1 AND status = 'pending'",
    )
    .bind(hash)
    .execute(pool)
    .await
    .map(|r| r.rows_affected() > 0))
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct KeyRow {
    pub kid: String,
    pub alg: String,
    pub private_der: String,
    pub public_jwk: String,
    pub created_at: i64,
    pub retired_at: Option<i64>,
}

pub async fn keys(db: &Db) -> sqlx::Result<Vec<KeyRow>> {
    with_pool!(db, pool => sqlx::query_as::<_, KeyRow>(
        "SELECT kid, alg, private_der, public_jwk, created_at, retired_at FROM oidc_signing_keys ORDER BY created_at, kid",
    )
    .fetch_all(pool)
    .await)
}

/// Stores a new set of keys, retiring the current ones (a rotation) and
/// forgetting keys retired before `forget_before`, in one transaction.
/// With `only_if_none`, does nothing when current keys exist (two instances
/// starting at once generate one set between them).
pub async fn install_keys(
    db: &Db,
    new: &[KeyRow],
    now: i64,
    forget_before: i64,
    only_if_none: bool,
    audit: Option<&AuditEntry>,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if only_if_none {
            let current: i64 = sqlx::query_scalar("SELECT count(*) FROM oidc_signing_keys WHERE retired_at IS NULL")
                .fetch_one(&mut *tx)
                .await?;
            if current > 0 {
                return Ok(false);
            }
        }
        sqlx::query("UPDATE oidc_signing_keys SET retired_at = $1 WHERE retired_at IS NULL")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM oidc_signing_keys WHERE retired_at < $1")
            .bind(forget_before)
            .execute(&mut *tx)
            .await?;
        for key in new {
            sqlx::query(
                "INSERT INTO oidc_signing_keys (kid, alg, private_der, public_jwk, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&key.kid)
            .bind(&key.alg)
            .bind(&key.private_der)
            .bind(&key.public_jwk)
            .bind(key.created_at)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(audit) = audit {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// Forgets what can no longer be used: tokens and codes expired more than
/// an hour ago (a replay within that hour is still recognised), expired
/// requests and device codes.
pub async fn prune_expired(db: &Db, now: i64) -> sqlx::Result<()> {
    let before = now - 3_600_000;
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM oidc_tokens WHERE expires_at <= $1").bind(before).execute(pool).await?;
        sqlx::query("DELETE FROM oidc_codes WHERE expires_at <= $1").bind(before).execute(pool).await?;
        sqlx::query("DELETE FROM oidc_requests WHERE expires_at <= $1").bind(now).execute(pool).await?;
        sqlx::query("DELETE FROM oidc_device_codes WHERE expires_at <= $1").bind(before).execute(pool).await?;
        Ok(())
    })
}
