//! SQL for users.

use super::{
    audit::AuditEntry,
    bind_args, keyset,
    sql::{contains_pattern, Conditions},
    with_pool, Arg, BeginWrite, Db,
};
use crate::model::{
    validate, CountMode, OrgRole, Page, Roles, UserFilter, UserSortKey, UserStatus,
};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    /// Server roles; `users.admin` mirrors whether `server_admin` is one.
    #[sqlx(try_from = "String")]
    pub roles: Roles,
    pub can_request_admin: bool,
    pub status: String,
    pub created_at: i64,
    pub last_seen_at: Option<i64>,
    pub locked_at: Option<i64>,
    pub deactivated_at: Option<i64>,
    pub password_change_required: bool,
    pub sessions_valid_after: i64,
    /// When the current address was proven; `None`: not verified.
    pub email_verified_at: Option<i64>,
}

/// SQL setting `admin` from the boolean parameter `$n` and keeping
/// `roles` in step (adding or removing `server_admin`, first in the
/// stored order), for writes that only know the admin flag (import,
/// provisioning).
pub fn set_admin_sql(n: usize) -> String {
    format!(
        "admin = ${n}, roles = CASE WHEN ${n} THEN \
         (CASE WHEN (' ' || roles || ' ') LIKE '% server_admin %' THEN roles \
         ELSE trim('server_admin ' || roles) END) \
         ELSE trim(replace(' ' || roles || ' ', ' server_admin ', ' ')) END"
    )
}

impl UserRow {
    /// Holds any server role (the second-factor policy `admins` covers them).
    pub fn admin_rights(&self) -> bool {
        !self.roles.is_empty()
    }

    /// Holds the `server_admin` role (the former admin flag).
    pub fn admin(&self) -> bool {
        self.roles.is_server_admin()
    }

    pub fn status(&self) -> UserStatus {
        UserStatus::parse(&self.status).unwrap_or(UserStatus::Locked)
    }
}

const COLUMNS: &str = "id, username, display_name, email, password_hash, roles, \
     can_request_admin, status, created_at, last_seen_at, locked_at, deactivated_at, \
     password_change_required, sessions_valid_after, email_verified_at";

/// [`COLUMNS`] of a `users u` joined to another table.
pub const JOINED_COLUMNS: &str = "u.id, u.username, u.display_name, u.email, u.password_hash, \
     u.roles, u.can_request_admin, u.status, u.created_at, u.last_seen_at, u.locked_at, \
     u.deactivated_at, u.password_change_required, u.sessions_valid_after, u.email_verified_at";

/// Columns of list pages: no password hash.
const LIST_COLUMNS: &str = "id, username, display_name, email, NULL AS password_hash, roles, \
     can_request_admin, status, created_at, last_seen_at, locked_at, deactivated_at, \
     password_change_required, sessions_valid_after, email_verified_at";

type JsonRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    i64,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
    Option<i64>,
);

/// Decodes `json_group_array(json_array(LIST_COLUMNS))`.
fn rows_from_json(json: &str) -> sqlx::Result<Vec<UserRow>> {
    let rows: Vec<JsonRow> =
        serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(rows
        .into_iter()
        .map(|r| UserRow {
            id: r.0,
            username: r.1,
            display_name: r.2,
            email: r.3,
            password_hash: r.4,
            roles: Roles::from_stored(&r.5),
            can_request_admin: r.6 != 0,
            status: r.7,
            created_at: r.8,
            last_seen_at: r.9,
            locked_at: r.10,
            deactivated_at: r.11,
            password_change_required: r.12 != 0,
            sessions_valid_after: r.13,
            email_verified_at: r.14,
        })
        .collect())
}

/// What a new account is tied to when it is written: organisations to join
/// (org id, role) and the registration token it used.
#[derive(Clone, Debug, Default)]
pub struct NewUserLinks {
    pub memberships: Vec<(String, OrgRole)>,
    pub registration_token: Option<String>,
}

/// Writes a user row and its memberships on an open transaction `$tx` of
/// either backend (a macro, so each backend's body is its own code).
macro_rules! insert_user_in_tx {
    ($tx:ident, $user:expr, $links:expr) => {{
        let user: &$crate::server::db::users::UserRow = $user;
        let links: &$crate::server::db::users::NewUserLinks = $links;
        sqlx::query(
            "INSERT INTO users (id, username, display_name, email, password_hash, admin, \
             can_request_admin, status, created_at, registration_token, email_verified_at, roles) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&user.id)
        .bind(&user.username)
        .bind(&user.display_name)
        .bind(&user.email)
        .bind(&user.password_hash)
        .bind(user.admin())
        .bind(user.can_request_admin)
        .bind(&user.status)
        .bind(user.created_at)
        .bind(&links.registration_token)
        .bind(user.email_verified_at)
        .bind(user.roles.stored())
        .execute(&mut *$tx)
        .await?;
        for (org_id, role) in &links.memberships {
            sqlx::query(
                "INSERT INTO org_members (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(org_id)
            .bind(&user.id)
            .bind(role.as_str())
            .bind(user.created_at)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}
pub(crate) use insert_user_in_tx;

/// Inserts a user, its links and its audit record in one transaction.
pub async fn insert(
    db: &Db,
    user: &UserRow,
    links: &NewUserLinks,
    audit: &AuditEntry,
) -> sqlx::Result<()> {
    insert_guarded(db, user, links, audit, false)
        .await
        .map(|_| ())
}

/// Inserts the first administrator only while none exists; `Ok(false)` when
/// another one got there first. The check and the insert share one write lock.
pub async fn insert_first_admin(
    db: &Db,
    user: &UserRow,
    links: &NewUserLinks,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    insert_guarded(db, user, links, audit, true).await
}

async fn insert_guarded(
    db: &Db,
    user: &UserRow,
    links: &NewUserLinks,
    audit: &AuditEntry,
    only_if_no_admin: bool,
) -> sqlx::Result<bool> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if only_if_no_admin {
            if matches!(db, Db::Postgres(_)) {
                sqlx::query("LOCK TABLE user_counts IN EXCLUSIVE MODE").execute(&mut *tx).await?;
            }
            let admins: i64 = sqlx::query_scalar(
                "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM user_counts WHERE admin = $1",
            )
            .bind(true)
            .fetch_one(&mut *tx)
            .await?;
            if admins > 0 {
                return Ok(false);
            }
        }
        insert_user_in_tx!(tx, user, links);
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}

pub async fn by_id(db: &Db, id: &str) -> sqlx::Result<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    with_pool!(db, pool => sqlx::query_as::<_, UserRow>(&sql).bind(id).fetch_optional(pool).await)
}

pub async fn by_username(db: &Db, username: &str) -> sqlx::Result<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE username = $1");
    with_pool!(db, pool => sqlx::query_as::<_, UserRow>(&sql).bind(username).fetch_optional(pool).await)
}

/// The panel language a user chose (a code), if any.
pub async fn language(db: &Db, id: &str) -> sqlx::Result<Option<String>> {
    let sql = "SELECT language FROM users WHERE id = $1";
    with_pool!(db, pool => sqlx::query_scalar::<_, Option<String>>(sql).bind(id).fetch_optional(pool).await.map(Option::flatten))
}

/// Stores (or, with `None`, forgets) a user's panel language.
pub async fn set_language(db: &Db, id: &str, language: Option<&str>) -> sqlx::Result<()> {
    let sql = "UPDATE users SET language = $1 WHERE id = $2";
    with_pool!(db, pool => sqlx::query(sql).bind(language).bind(id).execute(pool).await.map(drop))
}

/// Swaps a password hash for an equivalent stronger one, unless it changed
/// since it was read (a reset meanwhile wins).
pub async fn replace_password_hash(db: &Db, id: &str, old: &str, new: &str) -> sqlx::Result<()> {
    let sql = "UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3";
    with_pool!(db, pool => sqlx::query(sql).bind(new).bind(id).bind(old).execute(pool).await.map(drop))
}

/// Number of administrators, from the maintained counters.
pub async fn admin_count(db: &Db) -> sqlx::Result<i64> {
    let sql = "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM user_counts WHERE admin = $1";
    with_pool!(db, pool => sqlx::query_scalar(sql).bind(true).fetch_one(pool).await)
}

/// Records activity, at most once a minute per user: callers pass the
/// `last_seen_at` they already read, so a fresh one costs no query at all.
pub async fn touch_last_seen(db: &Db, id: &str, now: i64) -> sqlx::Result<()> {
    let sql = "UPDATE users SET last_seen_at = $1 WHERE id = $2 \
               AND (last_seen_at IS NULL OR last_seen_at < $3)";
    let stale = now - LAST_SEEN_RESOLUTION_MS;
    with_pool!(db, pool => sqlx::query(sql).bind(now).bind(id).bind(stale).execute(pool).await.map(|_| ()))
}

pub const LAST_SEEN_RESOLUTION_MS: i64 = 60_000;

/// Whether the maintained counters (by status and admin) can answer the
/// count of a list filtered this way.
fn counters_suffice(filter: &UserFilter) -> bool {
    filter.search.is_none()
        && filter.can_request_admin.is_none()
        && filter.last_seen_before.is_none()
        && filter.last_seen_after.is_none()
        && filter.created_before.is_none()
        && filter.created_after.is_none()
        && filter.ids.is_empty()
        && filter.org.is_none()
        && filter.has_second_factor.is_none()
        && filter.email_verified.is_none()
}

fn filter_conditions(db: &Db, filter: &UserFilter) -> Conditions {
    let mut c = Conditions::default();
    c.push_given(
        "status = {}",
        filter
            .status
            .map(|status| Arg::Text(status.as_str().into())),
    );
    c.push_given("admin = {}", filter.admin.map(Arg::Bool));
    c.push_given(
        "can_request_admin = {}",
        filter.can_request_admin.map(Arg::Bool),
    );
    c.push_given(
        "coalesce(last_seen_at, 0) < {}",
        filter.last_seen_before.map(Arg::Int),
    );
    c.push_given(
        "coalesce(last_seen_at, 0) >= {}",
        filter.last_seen_after.map(Arg::Int),
    );
    c.push_given("created_at < {}", filter.created_before.map(Arg::Int));
    c.push_given("created_at >= {}", filter.created_after.map(Arg::Int));
    if !filter.ids.is_empty() {
        c.push_in("id", filter.ids.iter().map(|id| Arg::Text(id.clone())));
    }
    if let Some(org) = &filter.org {
        c.push(
            "id IN (SELECT user_id FROM org_members WHERE org_id = {})",
            vec![Arg::Text(org.clone())],
        );
    }
    match filter.has_second_factor {
        Some(true) => c.push("id IN (SELECT user_id FROM user_factors)", vec![]),
        Some(false) => c.push("id NOT IN (SELECT user_id FROM user_factors)", vec![]),
        None => {}
    }
    match filter.email_verified {
        Some(true) => c.push(
            "(email IS NOT NULL AND email_verified_at IS NOT NULL)",
            vec![],
        ),
        Some(false) => c.push("(email IS NULL OR email_verified_at IS NULL)", vec![]),
        None => {}
    }
    if let Some(term) = filter.search.as_deref() {
        match db {
            // The trigram index needs three characters; shorter terms scan.
            Db::Sqlite(_) if term.chars().count() >= 3 => c.push(
                "rid IN (SELECT rowid FROM users_fts WHERE users_fts MATCH {})",
                vec![Arg::Text(format!("\"{}\"", term.replace('"', "\"\"")))],
            ),
            Db::Sqlite(_) => c.push(
                "(username || ' ' || coalesce(display_name, '') || ' ' || coalesce(email, '')) \
                 LIKE {} ESCAPE '\\'",
                vec![Arg::Text(contains_pattern(term))],
            ),
            Db::Postgres(_) => c.push(
                "(username || ' ' || coalesce(display_name, '') || ' ' || coalesce(email, '')) \
                 ILIKE {}",
                vec![Arg::Text(contains_pattern(term))],
            ),
        }
    }
    c
}

/// A position in the list under one order: the sort value and the id.
/// Encoded as the id alone for the default order, else `<kind><value>.<id>`
/// (usernames in hex), so cursors are URL-safe and need no escaping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    value: Option<Arg>,
    id: String,
}

impl Cursor {
    pub fn encode(row: &UserRow, key: UserSortKey) -> String {
        match key {
            UserSortKey::Id => row.id.clone(),
            UserSortKey::Username => format!("u{}.{}", hex(&row.username), row.id),
            UserSortKey::CreatedAt => format!("c{}.{}", row.created_at, row.id),
            UserSortKey::LastSeenAt => format!("l{}.{}", row.last_seen_at.unwrap_or(0), row.id),
        }
    }

    /// `None` when `raw` is not a cursor of a list in this order.
    pub fn decode(raw: &str, key: UserSortKey) -> Option<Self> {
        if key == UserSortKey::Id {
            return validate::is_ulid(raw).then(|| Self {
                value: None,
                id: raw.to_owned(),
            });
        }
        let (kind, rest) = raw.split_at_checked(1)?;
        let (value, id) = rest.rsplit_once('.')?;
        if !validate::is_ulid(id) {
            return None;
        }
        let value = match (kind, key) {
            ("u", UserSortKey::Username) => Arg::Text(unhex(value)?),
            ("c", UserSortKey::CreatedAt) | ("l", UserSortKey::LastSeenAt) => {
                Arg::Int(value.parse().ok()?)
            }
            _ => return None,
        };
        Some(Self {
            value: Some(value),
            id: id.to_owned(),
        })
    }
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<String> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let bytes = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// The SQL expression a sort orders by, besides the id.
fn sort_expr(key: UserSortKey) -> Option<&'static str> {
    match key {
        UserSortKey::Id => None,
        UserSortKey::Username => Some("username"),
        UserSortKey::CreatedAt => Some("created_at"),
        UserSortKey::LastSeenAt => Some("coalesce(last_seen_at, 0)"),
    }
}

/// The order of `sort`, as the database applies it.
fn compare(a: &UserRow, b: &UserRow, key: UserSortKey) -> std::cmp::Ordering {
    let by_key = match key {
        UserSortKey::Id => std::cmp::Ordering::Equal,
        UserSortKey::Username => a.username.cmp(&b.username),
        UserSortKey::CreatedAt => a.created_at.cmp(&b.created_at),
        UserSortKey::LastSeenAt => a
            .last_seen_at
            .unwrap_or(0)
            .cmp(&b.last_seen_at.unwrap_or(0)),
    };
    by_key.then_with(|| a.id.cmp(&b.id))
}

/// One page of users matching `filter`, in the filter's order (`page` and
/// `count` say which page and whether to count). An undecodable cursor is
/// refused by the caller before this; here it reads as "from the start".
pub async fn list(db: &Db, filter: &UserFilter) -> sqlx::Result<Page<UserRow>> {
    let (page, count) = (&filter.page, filter.count);
    let total = match count {
        CountMode::Skip => None,
        CountMode::Include | CountMode::Only => Some(self::count(db, filter).await?),
    };
    if count == CountMode::Only {
        return Ok(keyset::counted_only(total));
    }

    let key = filter.sort.key;
    let mut c = filter_conditions(db, filter);
    let size = page.size() as usize;
    let (backwards, raw_cursor) = keyset::reading(page);
    let cursor = raw_cursor
        .as_deref()
        .and_then(|raw| Cursor::decode(raw, key));
    // Reading backwards is reading the reverse order forwards.
    let descending = filter.sort.descending != backwards;
    let (op, dir) = if descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    if let Some(cursor) = &cursor {
        match (sort_expr(key), &cursor.value) {
            // Usernames are unique: the id adds nothing.
            (Some(expr), Some(value)) if key == UserSortKey::Username => {
                c.push(&format!("{expr} {op} {{}}"), vec![value.clone()])
            }
            (Some(expr), Some(value)) => c.push(
                &format!("({expr}, id) {op} ({{}}, {{}})"),
                vec![value.clone(), Arg::Text(cursor.id.clone())],
            ),
            _ => c.push(&format!("id {op} {{}}"), vec![Arg::Text(cursor.id.clone())]),
        }
    }
    let order = match sort_expr(key) {
        Some(expr) => format!("{expr} {dir}, id {dir}"),
        None => format!("id {dir}"),
    };
    let rows: Vec<UserRow> = match db {
        Db::Sqlite(pool) => {
            // sqlx hands every SQLite row from its worker thread to the async
            // side separately, and those hand-offs cost more than the query:
            // the page comes back as one JSON value instead.
            let sql = format!(
                "SELECT json_group_array(json_array({COLUMNS})) FROM \
                 (SELECT {LIST_COLUMNS} FROM users{} ORDER BY {order} LIMIT {})",
                c.sql(),
                size + 1
            );
            let json: String = bind_args!(sqlx::query_scalar(&sql), c.args())
                .fetch_one(pool)
                .await?;
            let mut rows = rows_from_json(&json)?;
            // The aggregate's order is unspecified: restore the query's.
            rows.sort_unstable_by(|a, b| {
                let ord = compare(a, b, key);
                if descending {
                    ord.reverse()
                } else {
                    ord
                }
            });
            rows
        }
        Db::Postgres(pool) => {
            let sql = format!(
                "SELECT {LIST_COLUMNS} FROM users{} ORDER BY {order} LIMIT {}",
                c.sql(),
                size + 1
            );
            bind_args!(sqlx::query_as::<_, UserRow>(&sql), c.args())
                .fetch_all(pool)
                .await?
        }
    };

    Ok(keyset::page_of(
        rows,
        size,
        backwards,
        raw_cursor,
        total,
        |r| Cursor::encode(r, key),
    ))
}

/// Total matching `filter`: from the counters unless a search is involved,
/// in which case the (indexed) search bounds the work.
pub async fn count(db: &Db, filter: &UserFilter) -> sqlx::Result<u64> {
    let n: i64 = if !counters_suffice(filter) {
        let c = filter_conditions(db, filter);
        let sql = format!("SELECT count(*) FROM users{}", c.sql());
        with_pool!(db, pool => bind_args!(sqlx::query_scalar(&sql), c.args()).fetch_one(pool).await)?
    } else {
        let mut c = Conditions::default();
        c.push_given(
            "status = {}",
            filter
                .status
                .map(|status| Arg::Text(status.as_str().into())),
        );
        c.push_given("admin = {}", filter.admin.map(Arg::Bool));
        let sql = format!(
            "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM user_counts{}",
            c.sql()
        );
        with_pool!(db, pool => bind_args!(sqlx::query_scalar(&sql), c.args()).fetch_one(pool).await)?
    };
    Ok(n.max(0) as u64)
}

/// What a change decided, to be written in the change's transaction.
pub struct UserChange {
    pub row: UserRow,
    pub audit: AuditEntry,
    /// Revoke every token of the user (deactivation).
    pub revoke_tokens: bool,
    /// End every login session of the user (lock, deactivation, passwords).
    pub revoke_sessions: bool,
    /// A message about the change (a security notice), queued with it.
    pub mail: Option<super::outbox::OutgoingMail>,
}

/// A committed change: the row as written and the sessions it ended.
pub struct Changed {
    pub row: UserRow,
    pub revoked_sessions: Vec<String>,
}

/// Facts read inside the write transaction, for guard rails.
pub struct TxFacts {
    /// Active administrators, this user included if they are one.
    pub active_admins: i64,
}

const ACTIVE_ADMINS: &str =
    "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM user_counts WHERE status = 'active' AND admin = $1";

/// Inside a write transaction: serializes admin-affecting changes (PostgreSQL
/// needs a lock; SQLite's BEGIN IMMEDIATE already does it), then loads the
/// user and the facts its guard rails need. `None`: no such user.
macro_rules! load_for_change {
    ($db:expr, $tx:ident, $id:expr) => {{
        if matches!($db, Db::Postgres(_)) {
            sqlx::query("LOCK TABLE user_counts IN EXCLUSIVE MODE")
                .execute(&mut *$tx)
                .await?;
        }
        let select = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
        match sqlx::query_as::<_, UserRow>(&select)
            .bind($id)
            .fetch_optional(&mut *$tx)
            .await?
        {
            None => None,
            Some(current) => {
                let active_admins: i64 = sqlx::query_scalar(ACTIVE_ADMINS)
                    .bind(true)
                    .fetch_one(&mut *$tx)
                    .await?;
                Some((current, TxFacts { active_admins }))
            }
        }
    }};
}

/// Loads a user and applies `decide` to it in one write transaction, so a
/// guard rail (such as "not the last admin") cannot be raced. `decide`
/// returns `None` when there is nothing to change. `Ok(None)`: no such user.
pub async fn update<E>(
    db: &Db,
    id: &str,
    decide: impl FnOnce(&UserRow, &TxFacts) -> Result<Option<UserChange>, E>,
) -> Result<Option<Changed>, E>
where
    E: From<sqlx::Error>,
{
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let Some((current, facts)) = load_for_change!(db, tx, id) else {
            return Ok(None);
        };
        let Some(change) = decide(&current, &facts)? else {
            return Ok(Some(Changed { row: current, revoked_sessions: Vec::new() }));
        };
        let mut change = change;
        if change.row.email != current.email {
            // A new address is unproven, whoever set it.
            change.row.email_verified_at = None;
        }
        let r = &change.row;
        sqlx::query(
            "UPDATE users SET display_name = $1, email = $2, password_hash = $3, admin = $4, \
             can_request_admin = $5, status = $6, locked_at = $7, deactivated_at = $8, \
             password_change_required = $9, sessions_valid_after = $10, email_verified_at = $12, \
             roles = $13 WHERE id = $11",
        )
        .bind(&r.display_name)
        .bind(&r.email)
        .bind(&r.password_hash)
        .bind(r.admin())
        .bind(r.can_request_admin)
        .bind(&r.status)
        .bind(r.locked_at)
        .bind(r.deactivated_at)
        .bind(r.password_change_required)
        .bind(r.sessions_valid_after)
        .bind(&r.id)
        .bind(r.email_verified_at)
        .bind(r.roles.stored())
        .execute(&mut *tx)
        .await?;
        if change.revoke_tokens {
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(crate::server::time::now_ms())
                .bind(&r.id)
                .execute(&mut *tx)
                .await?;
        }
        let revoked_sessions: Vec<String> = if change.revoke_sessions {
            sqlx::query_scalar(super::sessions::REVOKE_ALL_OF_USER)
                .bind(crate::server::time::now_ms())
                .bind(&r.id)
                .fetch_all(&mut *tx)
                .await?
        } else {
            Vec::new()
        };
        change.audit.insert(&mut *tx).await?;
        if let Some(mail) = &change.mail {
            mail.insert(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Some(Changed { row: change.row, revoked_sessions }))
    })
}

/// Deletes a user after `check` approved it, in one write transaction;
/// returns the live sessions that went with it. `Ok(None)`: no such user.
pub async fn delete<E>(
    db: &Db,
    id: &str,
    check: impl FnOnce(&UserRow, &TxFacts) -> Result<AuditEntry, E>,
) -> Result<Option<Vec<String>>, E>
where
    E: From<sqlx::Error>,
{
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let Some((current, facts)) = load_for_change!(db, tx, id) else {
            return Ok(None);
        };
        let audit = check(&current, &facts)?;
        let sessions: Vec<String> = sqlx::query_scalar(super::sessions::LIVE_OF_USER)
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(sessions))
    })
}

/// The active accounts with this address (any case): where a password
/// reset link goes.
pub async fn active_by_email(db: &Db, email: &str) -> sqlx::Result<Vec<UserRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users WHERE lower(email) = lower($1) AND status = 'active' \
         ORDER BY id LIMIT 10"
    );
    with_pool!(db, pool => sqlx::query_as::<_, UserRow>(&sql).bind(email).fetch_all(pool).await)
}
