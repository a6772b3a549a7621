//! SQL for organisations and their members.

use super::{
    audit::AuditEntry,
    audited_change, audited_write,
    keyset::Keyset,
    sql::{contains_pattern, Conditions},
    with_pool, Arg, BeginWrite, Db,
};
use crate::model::{MemberFilter, OrgFilter, OrgRole, Page};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrgRow {
    pub id: String,
    pub name: String,
    pub member_count: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const ORG_COLUMNS: &str = "o.id, o.name, \
     (SELECT count(*) FROM org_members m WHERE m.org_id = o.id) AS member_count, \
     o.created_at, o.updated_at";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MemberRow {
    pub org_id: String,
    pub user_id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub role: String,
    pub created_at: i64,
}

const MEMBER_COLUMNS: &str =
    "m.org_id, m.user_id, u.username, u.display_name, m.role, m.created_at";
const MEMBER_FROM: &str = "org_members m JOIN users u ON u.id = m.user_id";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MembershipRow {
    pub user_id: String,
    pub org_id: String,
    pub org_name: String,
    pub role: String,
}

pub async fn get(db: &Db, id: &str) -> sqlx::Result<Option<OrgRow>> {
    let sql = format!("SELECT {ORG_COLUMNS} FROM orgs o WHERE o.id = $1");
    with_pool!(db, pool => sqlx::query_as::<_, OrgRow>(&sql).bind(id).fetch_optional(pool).await)
}

pub async fn by_name(db: &Db, name: &str) -> sqlx::Result<Option<OrgRow>> {
    let sql = format!("SELECT {ORG_COLUMNS} FROM orgs o WHERE lower(o.name) = lower($1)");
    with_pool!(db, pool => sqlx::query_as::<_, OrgRow>(&sql).bind(name).fetch_optional(pool).await)
}

/// Inserts an organisation; a name taken in any case is a unique violation.
pub async fn insert(db: &Db, row: &OrgRow, audit: Option<&AuditEntry>) -> sqlx::Result<()> {
    audited_write!(
        db,
        audit,
        sqlx::query("INSERT INTO orgs (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)")
            .bind(&row.id)
            .bind(&row.name)
            .bind(row.created_at)
            .bind(row.updated_at)
    )
}

/// Renames; `Ok(false)` when there is no such organisation.
pub async fn rename(
    db: &Db,
    id: &str,
    name: &str,
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("UPDATE orgs SET name = $1, updated_at = $2 WHERE id = $3")
            .bind(name)
            .bind(now)
            .bind(id)
    )
}

/// What happened to a delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    Done,
    NotFound,
    /// Not deleted: it still has this many members and `force` was not given.
    HasMembers(i64),
}

/// Deletes an organisation (and its memberships when `force`); the member
/// check and the delete share one write transaction.
pub async fn delete(db: &Db, id: &str, force: bool, audit: &AuditEntry) -> sqlx::Result<Deleted> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let exists: Option<String> = sqlx::query_scalar("SELECT id FROM orgs WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Ok(Deleted::NotFound);
        }
        let members: i64 = sqlx::query_scalar("SELECT count(*) FROM org_members WHERE org_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if members > 0 && !force {
            return Ok(Deleted::HasMembers(members));
        }
        sqlx::query("DELETE FROM orgs WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Deleted::Done)
    })
}

pub async fn list(db: &Db, filter: &OrgFilter) -> sqlx::Result<Page<OrgRow>> {
    let mut conditions = Conditions::default();
    if let Some(term) = &filter.search {
        conditions.push(
            "lower(o.name) LIKE {} ESCAPE '\\'",
            vec![Arg::Text(contains_pattern(&term.to_lowercase()))],
        );
    }
    if let Some(ids) = &filter.ids {
        if ids.is_empty() {
            conditions.push("1 = 0", Vec::new());
        } else {
            let marks = vec!["{}"; ids.len()].join(", ");
            conditions.push(
                &format!("o.id IN ({marks})"),
                ids.iter().cloned().map(Arg::Text).collect(),
            );
        }
    }
    Keyset {
        columns: ORG_COLUMNS,
        from: "orgs o",
        conditions,
        key: "o.id",
        descending: false,
    }
    .page(db, &filter.page, filter.count, |r: &OrgRow| r.id.clone())
    .await
}

pub async fn member(db: &Db, org_id: &str, user_id: &str) -> sqlx::Result<Option<MemberRow>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM {MEMBER_FROM} WHERE m.org_id = $1 AND m.user_id = $2"
    );
    with_pool!(db, pool => sqlx::query_as::<_, MemberRow>(&sql).bind(org_id).bind(user_id).fetch_optional(pool).await)
}

/// Members in the order users were created; cursors are user ids.
pub async fn members(
    db: &Db,
    org_id: &str,
    filter: &MemberFilter,
) -> sqlx::Result<Page<MemberRow>> {
    let mut conditions = Conditions::default();
    conditions.push("m.org_id = {}", vec![Arg::Text(org_id.to_owned())]);
    conditions.push_given(
        "m.role = {}",
        filter.role.map(|role| Arg::Text(role.as_str().into())),
    );
    if let Some(term) = &filter.search {
        conditions.push(
            "lower(u.username || ' ' || coalesce(u.display_name, '')) LIKE {} ESCAPE '\\'",
            vec![Arg::Text(contains_pattern(&term.to_lowercase()))],
        );
    }
    Keyset {
        columns: MEMBER_COLUMNS,
        from: MEMBER_FROM,
        conditions,
        key: "m.user_id",
        descending: false,
    }
    .page(db, &filter.page, filter.count, |r: &MemberRow| {
        r.user_id.clone()
    })
    .await
}

/// Adds a member or changes its role; `Ok(None)` when the organisation or the
/// user does not exist, else whether the membership is new.
pub async fn put_member(
    db: &Db,
    org_id: &str,
    user_id: &str,
    role: OrgRole,
    now: i64,
    audit: &AuditEntry,
) -> sqlx::Result<Option<bool>> {
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let found: i64 = sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM orgs WHERE id = $1) + (SELECT count(*) FROM users WHERE id = $2)",
        )
        .bind(org_id)
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
        if found != 2 {
            return Ok(None);
        }
        let updated = sqlx::query("UPDATE org_members SET role = $1 WHERE org_id = $2 AND user_id = $3")
            .bind(role.as_str())
            .bind(org_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 0 {
            sqlx::query("INSERT INTO org_members (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)")
                .bind(org_id)
                .bind(user_id)
                .bind(role.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        audit.insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(updated == 0))
    })
}

/// `Ok(false)` when there was no such membership.
pub async fn remove_member(
    db: &Db,
    org_id: &str,
    user_id: &str,
    audit: &AuditEntry,
) -> sqlx::Result<bool> {
    audited_change!(
        db,
        audit,
        sqlx::query("DELETE FROM org_members WHERE org_id = $1 AND user_id = $2")
            .bind(org_id)
            .bind(user_id)
    )
}

/// The memberships of the given users, by organisation name.
pub async fn memberships_of(db: &Db, user_ids: &[String]) -> sqlx::Result<Vec<MembershipRow>> {
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT m.user_id, m.org_id, o.name AS org_name, m.role FROM org_members m \
         JOIN orgs o ON o.id = m.org_id WHERE m.user_id IN ({}) ORDER BY lower(o.name), o.id",
        super::placeholders(1, user_ids.len())
    );
    with_pool!(db, pool => {
        let mut q = sqlx::query_as::<_, MembershipRow>(&sql);
        for id in user_ids {
            q = q.bind(id);
        }
        q.fetch_all(pool).await
    })
}

/// One user's organisations and role in each (what their rights are
/// worked out from on every request).
pub async fn roles_of(db: &Db, user_id: &str) -> sqlx::Result<Vec<(String, OrgRole)>> {
    let rows: Vec<(String, String)> = with_pool!(db, pool => sqlx::query_as(
        "SELECT org_id, role FROM org_members WHERE user_id = $1 ORDER BY org_id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(org, role)| OrgRole::parse(&role).map(|r| (org, r)))
        .collect())
}

pub async fn exists(db: &Db, id: &str) -> sqlx::Result<bool> {
    let n: i64 = with_pool!(db, pool => sqlx::query_scalar("SELECT count(*) FROM orgs WHERE id = $1").bind(id).fetch_one(pool).await)?;
    Ok(n > 0)
}
