//! SQL for registration tokens, and the one transaction that spends a use
//! of a token and creates the account with it.

use super::{
    audit::AuditEntry,
    audited_change, audited_write,
    keyset::Keyset,
    sql::Conditions,
    users::{insert_user_in_tx, NewUserLinks, UserRow},
    with_pool, Arg, BeginWrite, Db,
};
use crate::model::{Page, RegistrationTokenFilter};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RegTokenRow {
    pub token: String,
    pub uses_allowed: Option<i64>,
    pub pending: i64,
    pub completed: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

impl RegTokenRow {
    /// Why this token cannot be used at `now`, if it cannot.
    pub fn refusal(&self, now: i64) -> Option<Refusal> {
        if self.revoked_at.is_some() {
            Some(Refusal::Revoked)
        } else if self.expires_at.is_some_and(|t| t <= now) {
            Some(Refusal::Expired)
        } else if self
            .uses_allowed
            .is_some_and(|n| self.completed + self.pending >= n)
        {
            Some(Refusal::UsedUp)
        } else {
            None
        }
    }
}

/// Why a token was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    Revoked,
    Expired,
    UsedUp,
}

const COLUMNS: &str =
    "token, uses_allowed, pending, completed, expires_at, revoked_at, created_at, last_used_at";

/// Usable at `$n`: the condition the spending `UPDATE` checks too.
const VALID: &str = "(revoked_at IS NULL AND (expires_at IS NULL OR expires_at > {}) \
     AND (uses_allowed IS NULL OR completed + pending < uses_allowed))";

pub async fn get(db: &Db, token: &str) -> sqlx::Result<Option<RegTokenRow>> {
    let sql = format!("SELECT {COLUMNS} FROM registration_tokens WHERE token = $1");
    with_pool!(db, pool => sqlx::query_as::<_, RegTokenRow>(&sql).bind(token).fetch_optional(pool).await)
}

/// Inserts a token; an existing one is a unique violation.
pub async fn insert(db: &Db, row: &RegTokenRow, audit: &AuditEntry) -> sqlx::Result<()> {
    audited_write!(db, audit, sqlx::query(
        "INSERT INTO registration_tokens (token, uses_allowed, pending, completed, expires_at, created_at) \
         VALUES ($1, $2, 0, 0, $3, $4)",
    )
    .bind(&row.token)
    .bind(row.uses_allowed)
    .bind(row.expires_at)
    .bind(row.created_at))
}

/// Sets `uses_allowed` and `expires_at`; `Ok(false)` when there is no such token.
pub async fn update(
    db: &Db,
    token: &str,
    uses_allowed: Option<i64>,
    expires_at: Option<i64>,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query(
            "UPDATE registration_tokens SET uses_allowed = $1, expires_at = $2 WHERE token = $3"
        )
        .bind(uses_allowed)
        .bind(expires_at)
        .bind(token)
    )
}

/// Revokes (`Some(now)`) or unrevokes (`None`); a token already in that
/// state keeps its revocation time. `Ok(false)` when there is no such token.
pub async fn set_revoked(
    db: &Db,
    token: &str,
    revoked_at: Option<i64>,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let exists: Option<String> = sqlx::query_scalar("SELECT token FROM registration_tokens WHERE token = $1")
            .bind(token)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Ok(false);
        }
        let changed = sqlx::query(
            "UPDATE registration_tokens SET revoked_at = $1 WHERE token = $2 \
             AND ((revoked_at IS NULL) <> ($1 IS NULL))",
        )
        .bind(revoked_at)
        .bind(token)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed > 0 {
            audit.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// `Ok(false)` when there was no such token.
pub async fn delete(db: &Db, token: &str, audit: &AuditEntry) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("DELETE FROM registration_tokens WHERE token = $1").bind(token)
    )
}

/// Tokens in byte order of the token; cursors are tokens (the caller
/// encodes them).
pub async fn list(
    db: &Db,
    filter: &RegistrationTokenFilter,
    now: i64,
) -> sqlx::Result<Page<RegTokenRow>> {
    let mut c = Conditions::default();
    let negate = |clause: &str, yes: bool| {
        if yes {
            clause.to_owned()
        } else {
            format!("NOT {clause}")
        }
    };
    if let Some(valid) = filter.valid {
        c.push(&negate(VALID, valid), vec![Arg::Int(now)]);
    }
    if let Some(used) = filter.used {
        c.push(
            if used {
                "completed > 0"
            } else {
                "completed = 0"
            },
            vec![],
        );
    }
    if let Some(revoked) = filter.revoked {
        c.push(
            if revoked {
                "revoked_at IS NOT NULL"
            } else {
                "revoked_at IS NULL"
            },
            vec![],
        );
    }
    if let Some(expired) = filter.expired {
        c.push(
            &negate("(expires_at IS NOT NULL AND expires_at <= {})", expired),
            vec![Arg::Int(now)],
        );
    }
    Keyset {
        columns: COLUMNS,
        from: "registration_tokens",
        conditions: c,
        key: "token",
        descending: false,
    }
    .page(db, &filter.page, filter.count, |r: &RegTokenRow| {
        r.token.clone()
    })
    .await
}

/// What became of a registration.
#[derive(Debug)]
pub enum Registered {
    Done,
    Refused(Refusal),
}

/// Creates the account `user` in one write transaction that first spends
/// one use of `token` (when given) with a conditional `UPDATE`: concurrent
/// registrations can never spend more uses than allowed. A refused token
/// leaves everything as it was. A taken username is a unique violation.
pub async fn register(
    db: &Db,
    token: Option<&str>,
    now: i64,
    user: &UserRow,
    links: &NewUserLinks,
    audit: &AuditEntry,
) -> sqlx::Result<Registered> {
    let spend = format!(
        "UPDATE registration_tokens SET completed = completed + 1, last_used_at = $1 \
         WHERE token = $2 AND {}",
        VALID.replace("{}", "$1")
    );
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if let Some(token) = token {
            let spent = sqlx::query(&spend)
                .bind(now)
                .bind(token)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if spent == 0 {
                let sql = format!("SELECT {COLUMNS} FROM registration_tokens WHERE token = $1");
                let row = sqlx::query_as::<_, RegTokenRow>(&sql)
                    .bind(token)
                    .fetch_optional(&mut *tx)
                    .await?;
                let refusal = match row {
                    None => Refusal::Unknown,
                    Some(row) => row.refusal(now).unwrap_or(Refusal::UsedUp),
                };
                return Ok(Registered::Refused(refusal));
            }
        }
        insert_user_in_tx!(tx, user, links);
        if let Some(token) = token {
            // An invitation's token: the invitation is now answered.
            sqlx::query(
                "UPDATE invitations SET user_id = $1, registered_at = $2 \
                 WHERE registration_token = $3 AND registered_at IS NULL",
            )
            .bind(&user.id)
            .bind(now)
            .bind(token)
            .execute(&mut *tx)
            .await?;
        }
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Registered::Done)
    })
}

/// The token a user registered with, if any.
pub async fn of_user(db: &Db, user_id: &str) -> sqlx::Result<Option<String>> {
    let sql = "SELECT registration_token FROM users WHERE id = $1";
    let found: Option<Option<String>> =
        with_pool!(db, pool => sqlx::query_scalar(sql).bind(user_id).fetch_optional(pool).await)?;
    Ok(found.flatten())
}
