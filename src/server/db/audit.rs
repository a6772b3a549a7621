//! The audit log: one record per mutation, written in the mutation's transaction.

use super::{
    keyset::Keyset,
    sql::{prefix_pattern, Conditions},
    with_pool, Arg, Db,
};
use crate::{
    model::{AuditFilter, Page},
    server::time::{new_id, now_ms},
};

/// Records an action that changes nothing else (so needs no transaction).
pub async fn record(db: &Db, entry: &AuditEntry) -> sqlx::Result<()> {
    with_pool!(db, pool => entry.insert(pool).await)
}

#[derive(Clone, Debug)]
pub struct AuditEntry {
    /// `user`, `token`, `oauth2_client` or `system`.
    pub actor_type: &'static str,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub actor_ip: Option<String>,
    /// The role the action was allowed under (`None`: own account, system).
    pub actor_role: Option<String>,
    pub action: &'static str,
    pub target_type: &'static str,
    pub target_id: Option<String>,
    /// JSON; secrets are masked on insert whatever the caller put here.
    pub detail: serde_json::Value,
}

/// What a masked secret reads as.
pub const MASK: &str = "************";

/// Whether a detail key names something secret.
fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key.ends_with("password")
        || key.ends_with("secret")
        || key.ends_with("hash")
        || matches!(key.as_str(), "token" | "access_token" | "refresh_token")
}

/// `detail` with the value of every secret-looking key, at any depth,
/// replaced by [`MASK`].
pub fn redact(detail: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match detail {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_key(k) && !v.is_null() {
                        Value::String(MASK.into())
                    } else {
                        redact(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        other => other.clone(),
    }
}

/// `{"before":{..},"after":{..}}` with only the fields that differ between
/// two objects (both sides' values), or `None` when nothing changed.
pub fn diff(before: &serde_json::Value, after: &serde_json::Value) -> Option<serde_json::Value> {
    use serde_json::{Map, Value};
    let empty = Map::new();
    let b = before.as_object().unwrap_or(&empty);
    let a = after.as_object().unwrap_or(&empty);
    let mut old = Map::new();
    let mut new = Map::new();
    for key in b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))) {
        let (x, y) = (
            b.get(key).unwrap_or(&Value::Null),
            a.get(key).unwrap_or(&Value::Null),
        );
        if x != y {
            old.insert(key.clone(), x.clone());
            new.insert(key.clone(), y.clone());
        }
    }
    (!new.is_empty()).then(|| serde_json::json!({"before": old, "after": new}))
}

impl AuditEntry {
    pub async fn insert<'c, E, DB>(&self, executor: E) -> sqlx::Result<()>
    where
        DB: sqlx::Database,
        E: sqlx::Executor<'c, Database = DB>,
        for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
        for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        for<'q> Option<String>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        for<'q> i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    {
        sqlx::query(
            "INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, actor_ip, action, \
             target_type, target_id, detail, actor_role) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(now_ms())
        .bind(self.actor_type.to_string())
        .bind(self.actor_id.clone())
        .bind(self.actor_name.clone())
        .bind(self.actor_ip.clone())
        .bind(self.action.to_string())
        .bind(self.target_type.to_string())
        .bind(self.target_id.clone())
        .bind(redact(&self.detail).to_string())
        .bind(self.actor_role.clone())
        .execute(executor)
        .await?;
        Ok(())
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub id: String,
    pub at: i64,
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub actor_ip: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<String>,
    pub detail: String,
}

const COLUMNS: &str = "id, at, actor_type, actor_id, actor_name, actor_ip, actor_role, \
     action, target_type, target_id, detail";

fn conditions(filter: &AuditFilter) -> Conditions {
    let mut c = Conditions::default();
    if let Some(actor) = &filter.actor {
        c.push(
            "(actor_id = {} OR actor_name = {})",
            vec![Arg::Text(actor.clone()), Arg::Text(actor.clone())],
        );
    }
    if let Some(action) = &filter.action {
        match AuditFilter::action_prefix(action) {
            Some(prefix) => c.push(
                "action LIKE {} ESCAPE '\\'",
                vec![Arg::Text(prefix_pattern(prefix))],
            ),
            None => c.push("action = {}", vec![Arg::Text(action.clone())]),
        }
    }
    if let Some(kind) = &filter.target_type {
        c.push("target_type = {}", vec![Arg::Text(kind.clone())]);
    }
    if let Some(id) = &filter.target_id {
        c.push("target_id = {}", vec![Arg::Text(id.clone())]);
    }
    c.push_given("at >= {}", filter.since.map(Arg::Int));
    c.push_given("at < {}", filter.until.map(Arg::Int));
    c
}

/// Newest first. Ids are time-ordered and `at` is taken as the id is made,
/// so paging by id is paging by (at, id).
pub async fn list(db: &Db, filter: &AuditFilter) -> sqlx::Result<Page<AuditRow>> {
    Keyset {
        columns: COLUMNS,
        from: "audit_log",
        conditions: conditions(filter),
        key: "id",
        descending: true,
    }
    .page(db, &filter.page, filter.count, |r: &AuditRow| r.id.clone())
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_are_masked_at_any_depth() {
        let detail = json!({
            "username": "alice",
            "password": "hunter2",
            "new_password": "x",
            "client_secret": "s3cret",
            "token_hash": "abc",
            "before": {"hash": "h", "email": "a@b"},
            "items": [{"secret": "y", "name": "n"}],
            "token": "gh_123",
            "password_change_required": true,
            "none": null,
        });
        let masked = redact(&detail);
        assert_eq!(masked["username"], "alice");
        assert_eq!(masked["password"], MASK);
        assert_eq!(masked["new_password"], MASK);
        assert_eq!(masked["client_secret"], MASK);
        assert_eq!(masked["token_hash"], MASK);
        assert_eq!(masked["before"]["hash"], MASK);
        assert_eq!(masked["before"]["email"], "a@b");
        assert_eq!(masked["items"][0]["secret"], MASK);
        assert_eq!(masked["items"][0]["name"], "n");
        assert_eq!(masked["token"], MASK);
        // A flag about a password is no secret.
        assert_eq!(masked["password_change_required"], true);
        assert!(masked["none"].is_null());
    }

    #[test]
    fn diffs_keep_only_changed_fields() {
        let d = diff(
            &json!({"name": "a", "admin": false, "email": null}),
            &json!({"name": "b", "admin": false, "email": "e@x"}),
        )
        .unwrap();
        assert_eq!(
            d,
            json!({"before": {"name": "a", "email": null}, "after": {"name": "b", "email": "e@x"}})
        );
        assert_eq!(diff(&json!({"a": 1}), &json!({"a": 1})), None);
    }
}
