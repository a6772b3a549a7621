//! SQL for mail links (`email_tokens`), invitations and the notices a user
//! switched off. Each change that sends mail writes the message in its own
//! transaction (see `outbox`).

use super::{audit::AuditEntry, outbox::OutgoingMail, with_pool, BeginWrite, Db};

/// A verification or reset link, stored by the SHA-256 of its secret.
#[derive(Clone, Debug)]
pub struct EmailToken {
    pub token_hash: String,
    /// `verify` or `reset`.
    pub purpose: &'static str,
    pub user_id: String,
    pub email: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// What a valid link is about.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TokenUse {
    pub user_id: String,
    pub email: String,
}

const LIVE: &str = "token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";

/// Spends the live link `$hash` of `$purpose` at `$now` on the open
/// transaction `$tx` (a conditional `UPDATE`: of two uses, one wins);
/// evaluates to what it was for, or returns `Ok(None)` when there is none.
macro_rules! spend_link {
    ($tx:ident, $hash:expr, $purpose:expr, $now:expr) => {{
        let spend =
            format!("UPDATE email_tokens SET used_at = $4 WHERE {LIVE} RETURNING user_id, email");
        match sqlx::query_as::<_, TokenUse>(&spend)
            .bind($hash)
            .bind($purpose)
            .bind($now)
            .bind($now)
            .fetch_optional(&mut *$tx)
            .await?
        {
            Some(used) => used,
            None => return Ok(None),
        }
    }};
}

/// Writes a link and its message in one transaction (with an audit record
/// when an administrator asked for it).
pub async fn issue(
    db: &Db,
    token: &EmailToken,
    mail: &OutgoingMail,
    audit: Option<&AuditEntry>,
) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, purpose, user_id, email, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&token.token_hash)
        .bind(token.purpose)
        .bind(&token.user_id)
        .bind(&token.email)
        .bind(token.created_at)
        .bind(token.expires_at)
        .execute(&mut *tx)
        .await?;
        mail.insert(&mut *tx).await?;
        if let Some(audit) = audit {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// The user and address of a live link, without spending it.
pub async fn peek(db: &Db, hash: &str, purpose: &str, now: i64) -> sqlx::Result<Option<TokenUse>> {
    let sql = format!("SELECT user_id, email FROM email_tokens WHERE {LIVE}");
    with_pool!(db, pool => sqlx::query_as::<_, TokenUse>(&sql)
        .bind(hash)
        .bind(purpose)
        .bind(now)
        .fetch_optional(pool)
        .await)
}

/// Spends a verification link and marks its address verified, if it is
/// still the user's address; `None`: no such live link.
pub async fn verify(
    db: &Db,
    hash: &str,
    now: i64,
    audit: impl FnOnce(&TokenUse) -> AuditEntry,
) -> sqlx::Result<Option<TokenUse>> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let used = spend_link!(tx, hash, "verify", now);
        let changed = sqlx::query(
            "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email = $3",
        )
        .bind(now)
        .bind(&used.user_id)
        .bind(&used.email)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            // The address changed since the link was sent: it proves nothing.
            return Ok(None);
        }
        audit(&used).insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(used))
    })
}

/// Spends a reset link and sets the new password: ends every session,
/// voids the user's other reset links, and queues the notice, all at once.
/// Returns the ended sessions; `None`: no such live link.
pub async fn reset_password(
    db: &Db,
    hash: &str,
    now: i64,
    password_hash: &str,
    audit: &AuditEntry,
    notice: Option<&OutgoingMail>,
) -> sqlx::Result<Option<(String, Vec<String>)>> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let used = spend_link!(tx, hash, "reset", now);
        sqlx::query(
            "UPDATE users SET password_hash = $1, password_change_required = FALSE, \
             sessions_valid_after = $2 WHERE id = $3",
        )
        .bind(password_hash)
        .bind(now)
        .bind(&used.user_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = 'reset' \
             AND used_at IS NULL",
        )
        .bind(now)
        .bind(&used.user_id)
        .execute(&mut *tx)
        .await?;
        let sessions: Vec<String> = sqlx::query_scalar(super::sessions::REVOKE_ALL_OF_USER)
            .bind(now)
            .bind(&used.user_id)
            .fetch_all(&mut *tx)
            .await?;
        audit.insert(&mut *tx).await?;
        if let Some(mail) = notice {
            mail.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Some((used.user_id, sessions)))
    })
}

/// Marks the user's current address verified (or not), with its audit
/// record; `false` when there is no such user or no address.
pub async fn set_verified(
    db: &Db,
    user_id: &str,
    verified_at: Option<i64>,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    let sql = "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email IS NOT NULL";
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let changed = sqlx::query(sql)
            .bind(verified_at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        if changed {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(changed)
    })
}

/// The notices (`password`, `factors`, `sign_in`) a user switched off.
pub async fn notices_off(db: &Db, user_id: &str) -> sqlx::Result<Vec<String>> {
    let sql = "SELECT kind FROM email_notice_optouts WHERE user_id = $1 ORDER BY kind";
    with_pool!(db, pool => sqlx::query_scalar(sql).bind(user_id).fetch_all(pool).await)
}

/// Replaces the notices a user switched off.
pub async fn set_notices_off(db: &Db, user_id: &str, kinds: &[&str]) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query("DELETE FROM email_notice_optouts WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for kind in kinds {
            sqlx::query("INSERT INTO email_notice_optouts (user_id, kind) VALUES ($1, $2)")
                .bind(user_id)
                .bind(*kind)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })
}

/// An invitation as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: String,
    pub email: String,
    pub registration_token: String,
    pub org_id: Option<String>,
    pub role: Option<String>,
    pub invited_by: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub user_id: Option<String>,
    pub registered_at: Option<i64>,
}

const INVITATION_COLUMNS: &str = "id, email, registration_token, org_id, role, invited_by, \
     created_at, expires_at, user_id, registered_at";

/// Writes an invitation with its one-use registration token, its message
/// and its audit record in one transaction.
pub async fn invite(
    db: &Db,
    row: &InvitationRow,
    mail: &OutgoingMail,
    audit: &AuditEntry,
) -> sqlx::Result<()> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(
            "INSERT INTO registration_tokens (token, uses_allowed, expires_at, created_at) \
             VALUES ($1, 1, $2, $3)",
        )
        .bind(&row.registration_token)
        .bind(row.expires_at)
        .bind(row.created_at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&format!(
            "INSERT INTO invitations ({INVITATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)"
        ))
        .bind(&row.id)
        .bind(&row.email)
        .bind(&row.registration_token)
        .bind(&row.org_id)
        .bind(&row.role)
        .bind(&row.invited_by)
        .bind(row.created_at)
        .bind(row.expires_at)
        .execute(&mut *tx)
        .await?;
        mail.insert(&mut *tx).await?;
        audit.insert(&mut *tx).await?;
        tx.commit().await
    })
}

/// The invitation a registration token was made for.
pub async fn invitation_by_token(db: &Db, token: &str) -> sqlx::Result<Option<InvitationRow>> {
    let sql = format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE registration_token = $1");
    with_pool!(db, pool => sqlx::query_as::<_, InvitationRow>(&sql).bind(token).fetch_optional(pool).await)
}

pub async fn invitation(db: &Db, id: &str) -> sqlx::Result<Option<InvitationRow>> {
    let sql = format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = $1");
    with_pool!(db, pool => sqlx::query_as::<_, InvitationRow>(&sql).bind(id).fetch_optional(pool).await)
}

/// Invitations, newest first, after the keyset cursor `(created_at, id)`,
/// optionally of one status (`invited`, `registered`, `expired` at `now`);
/// `oldest`: the last page instead (still newest first).
pub async fn invitations(
    db: &Db,
    status: Option<&str>,
    after: Option<(i64, String)>,
    oldest: bool,
    now: i64,
    limit: i64,
    orgs: Option<&[String]>,
) -> sqlx::Result<Vec<InvitationRow>> {
    let status_sql = match status {
        Some("registered") => "registered_at IS NOT NULL",
        Some("expired") => "registered_at IS NULL AND expires_at <= $1",
        Some(_) => "registered_at IS NULL AND expires_at > $1",
        None => "$1 = $1",
    };
    let (after_at, after_id) = after.unwrap_or((i64::MAX, String::new()));
    let order = if oldest { "ASC" } else { "DESC" };
    // Only these organisations' invitations (an organisation admin's).
    let orgs_sql = match orgs {
        None => String::new(),
        Some([]) => " AND 1 = 0".to_owned(),
        Some(ids) => format!(" AND org_id IN ({})", super::placeholders(5, ids.len())),
    };
    let sql = format!(
        "SELECT {INVITATION_COLUMNS} FROM invitations WHERE {status_sql}{orgs_sql} \
         AND (created_at < $2 OR (created_at = $2 AND id < $3)) \
         ORDER BY created_at {order}, id {order} LIMIT $4"
    );
    let after_id = if after_id.is_empty() {
        "\u{10FFFF}".to_owned()
    } else {
        after_id
    };
    let mut rows = with_pool!(db, pool => {
        let mut q = sqlx::query_as::<_, InvitationRow>(&sql)
            .bind(now)
            .bind(after_at)
            .bind(after_id.clone())
            .bind(limit);
        for id in orgs.unwrap_or_default() {
            q = q.bind(id);
        }
        q.fetch_all(pool).await
    })?;
    if oldest {
        rows.reverse();
    }
    Ok(rows)
}
