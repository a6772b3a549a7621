//! SQL of provisioning: the whole declarative file applied in one write
//! transaction, with one audit record. Each item is read inside the
//! transaction, compared with the file, and created, changed or left alone;
//! nothing the file does not name is touched.

use std::collections::HashMap;

use super::{audit::AuditEntry, users::UserRow, with_pool, BeginWrite, Db};
use crate::model::{
    OrgRole, ProvisionedItem, ProvisionedKind, ProvisionedOutcome, ProvisioningReport, Roles,
    ServerRole, UserStatus,
};

/// An organisation the file names.
#[derive(Clone, Debug)]
pub struct WantedOrg {
    pub name: String,
}

/// A user the file names. `None` fields are not managed by the file: a new
/// user gets the default (none / no roles), an existing one keeps its value.
#[derive(Clone, Debug)]
pub struct WantedUser {
    pub username: String,
    pub display_name: Option<Option<String>>,
    pub email: Option<Option<String>>,
    /// Adds (`true`) or removes (`false`) `server_admin`, keeping the
    /// other roles; never given with `roles`.
    pub admin: Option<bool>,
    /// The server roles, exactly.
    pub roles: Option<Roles>,
    pub password_hash: Option<String>,
    /// (organisation name, role), organisations named by the file or existing.
    pub memberships: Vec<(String, OrgRole)>,
}

impl WantedUser {
    /// The roles this user ends with, from `current` (none for a new user).
    pub fn roles_from(&self, current: &Roles) -> Roles {
        match (&self.roles, self.admin) {
            (Some(roles), _) => roles.clone(),
            (None, Some(admin)) => {
                let others = current.iter().filter(|r| *r != ServerRole::ServerAdmin);
                Roles::new(others.chain(admin.then_some(ServerRole::ServerAdmin)))
            }
            (None, None) => current.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct WantedClient {
    /// The client id when the file gives one; else the client is found by name.
    pub id: Option<String>,
    pub name: String,
    /// SHA-256 digest of the secret (as stored).
    pub secret_hash: String,
    /// Space-separated, sorted.
    pub scopes: String,
}

/// An application the file declares (OpenID Connect client or site).
#[derive(Clone, Debug, Default)]
pub struct WantedApplication {
    /// The client id when the file gives one; else found by name (any case).
    pub id: Option<String>,
    pub kind: crate::model::ApplicationKind,
    pub name: String,
    pub client_type: crate::model::ClientType,
    /// SHA-256 of the secret (confidential clients).
    pub secret_hash: Option<String>,
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    pub skip_consent: bool,
    pub id_token_alg: String,
    /// Forward auth: canonical host patterns and path prefixes.
    pub hosts: Vec<String>,
    pub path_prefixes: Vec<String>,
    pub allow_bearer_tokens: bool,
    /// (organisation name, least role).
    pub access: Vec<(String, OrgRole)>,
}

#[derive(Clone, Debug)]
pub struct WantedAllow {
    /// Canonical form.
    pub entry: String,
    /// `None`: the note is not managed.
    pub note: Option<Option<String>>,
}

#[derive(Clone, Debug)]
pub struct WantedModule {
    pub name: String,
    pub enabled: bool,
    pub default: bool,
}

/// Everything the file asks for, already checked.
#[derive(Clone, Debug, Default)]
pub struct Wanted {
    pub orgs: Vec<WantedOrg>,
    pub users: Vec<WantedUser>,
    pub clients: Vec<WantedClient>,
    pub applications: Vec<WantedApplication>,
    pub allowlist: Vec<WantedAllow>,
    pub modules: Vec<WantedModule>,
}

/// Who applies the file, and what new accounts join besides the file's memberships.
#[derive(Clone, Debug)]
pub struct Context {
    pub actor_user_id: Option<String>,
    pub actor_name: String,
    /// The default organisation (id, lower-case name, role) new accounts join.
    pub default_join: Option<(String, String, OrgRole)>,
    pub now: i64,
}

/// Why a checked file could not be applied after all (nothing was written).
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The file would take the caller's own administrator rights.
    CannotModifySelf(String),
    /// The file would leave no active administrator.
    NoActiveAdmin,
    /// An organisation a membership names disappeared meanwhile.
    OrgGone(String),
}

fn item(
    kind: ProvisionedKind,
    name: impl Into<String>,
    outcome: ProvisionedOutcome,
    changes: Vec<&str>,
) -> ProvisionedItem {
    ProvisionedItem {
        kind,
        name: name.into(),
        outcome,
        changes: changes.into_iter().map(str::to_owned).collect(),
    }
}

fn outcome_of(changes: &[&str]) -> ProvisionedOutcome {
    if changes.is_empty() {
        ProvisionedOutcome::Unchanged
    } else {
        ProvisionedOutcome::Changed
    }
}

/// id, display_name, email, roles (stored), password_hash.
type ExistingUser = (
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);
type ExistingClient = (String, String, String, String, Option<i64>);
/// id, name, client_type, secret_hash, redirect_uris, post-logout URIs,
/// skip_consent, id_token_alg, access, kind, hosts, path_prefixes,
/// allow_bearer_tokens.
type ExistingApplication = (
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    bool,
    String,
    String,
    String,
    String,
    String,
    bool,
);

/// Applies `wanted`; `audit` turns the report into the one audit record.
pub async fn apply(
    db: &Db,
    wanted: &Wanted,
    ctx: &Context,
    audit: impl FnOnce(&ProvisioningReport) -> AuditEntry,
) -> sqlx::Result<Result<ProvisioningReport, Refusal>> {
    let mut report = ProvisioningReport::default();
    let now = ctx.now;
    with_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        if matches!(db, Db::Postgres(_)) {
            // Admin changes are serialized with every other one.
            sqlx::query("LOCK TABLE user_counts IN EXCLUSIVE MODE").execute(&mut *tx).await?;
        }

        // Whether an administrator loses the rights (then one must be left).
        let mut demoted = false;

        // Organisations, by name in any case.
        let mut org_ids: HashMap<String, String> = HashMap::new();
        for org in &wanted.orgs {
            let found: Option<String> =
                sqlx::query_scalar("SELECT id FROM orgs WHERE lower(name) = lower($1)")
                    .bind(&org.name)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (id, outcome) = match found {
                Some(id) => (id, ProvisionedOutcome::Unchanged),
                None => {
                    let id = crate::server::time::new_id();
                    sqlx::query(
                        "INSERT INTO orgs (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(&id)
                    .bind(&org.name)
                    .bind(now)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    (id, ProvisionedOutcome::Created)
                }
            };
            org_ids.insert(org.name.to_lowercase(), id);
            report.push(item(ProvisionedKind::Org, &org.name, outcome, vec![]));
        }

        // Users, then their memberships.
        for user in &wanted.users {
            let existing: Option<ExistingUser> = sqlx::query_as(
                "SELECT id, display_name, email, roles, password_hash FROM users WHERE username = $1",
            )
            .bind(&user.username)
            .fetch_optional(&mut *tx)
            .await?;
            let user_id = match existing {
                None => {
                    let row = UserRow {
                        id: crate::server::time::new_id(),
                        username: user.username.clone(),
                        display_name: user.display_name.clone().flatten(),
                        email: user.email.clone().flatten(),
                        password_hash: user.password_hash.clone(),
                        roles: user.roles_from(&Roles::default()),
                        can_request_admin: false,
                        status: UserStatus::Active.as_str().into(),
                        created_at: now,
                        last_seen_at: None,
                        locked_at: None,
                        deactivated_at: None,
                        password_change_required: false,
                        sessions_valid_after: 0,
                        email_verified_at: None,
                    };
                    // The default organisation, unless the file names it itself.
                    let mut links = super::users::NewUserLinks::default();
                    if let Some((org_id, lower_name, role)) = &ctx.default_join {
                        if !user.memberships.iter().any(|(o, _)| o.to_lowercase() == *lower_name) {
                            links.memberships.push((org_id.clone(), *role));
                        }
                    }
                    super::users::insert_user_in_tx!(tx, &row, &links);
                    report.push(item(
                        ProvisionedKind::User,
                        &user.username,
                        ProvisionedOutcome::Created,
                        vec![],
                    ));
                    row.id
                }
                Some((id, display_name, email, roles, password_hash)) => {
                    let mut changes = Vec::new();
                    let display_name = match &user.display_name {
                        Some(v) if *v != display_name => {
                            changes.push("display_name");
                            v.clone()
                        }
                        _ => display_name,
                    };
                    let email = match &user.email {
                        Some(v) if *v != email => {
                            changes.push("email");
                            v.clone()
                        }
                        _ => email,
                    };
                    let roles = Roles::from_stored(&roles);
                    let new_roles = user.roles_from(&roles);
                    if new_roles.is_server_admin() != roles.is_server_admin() {
                        if roles.is_server_admin() {
                            // Taking server_admin, by `admin` or by `roles`.
                            if ctx.actor_user_id.as_deref() == Some(id.as_str()) {
                                return Ok(Err(Refusal::CannotModifySelf(user.username.clone())));
                            }
                            demoted = true;
                        }
                        changes.push("admin");
                    }
                    let others = |r: &Roles| {
                        Roles::new(r.iter().filter(|r| *r != ServerRole::ServerAdmin))
                    };
                    if others(&new_roles) != others(&roles) {
                        changes.push("roles");
                    }
                    let new_hash = match &user.password_hash {
                        Some(h) if Some(h) != password_hash.as_ref() => {
                            changes.push("password");
                            Some(h.clone())
                        }
                        _ => None,
                    };
                    if !changes.is_empty() {
                        // The roles and their admin mirror, together.
                        sqlx::query(
                            "UPDATE users SET display_name = $1, email = $2, admin = $3, roles = $4 \
                             WHERE id = $5",
                        )
                        .bind(&display_name)
                        .bind(&email)
                        .bind(new_roles.is_server_admin())
                        .bind(new_roles.stored())
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    if let Some(hash) = &new_hash {
                        sqlx::query(
                            "UPDATE users SET password_hash = $1, password_change_required = $2 WHERE id = $3",
                        )
                        .bind(hash)
                        .bind(false)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    report.push(item(
                        ProvisionedKind::User,
                        &user.username,
                        outcome_of(&changes),
                        changes,
                    ));
                    id
                }
            };
            for (org_name, role) in &user.memberships {
                let key = org_name.to_lowercase();
                let org_id = match org_ids.get(&key) {
                    Some(id) => id.clone(),
                    None => {
                        let found: Option<(String, String)> = sqlx::query_as(
                            "SELECT id, name FROM orgs WHERE lower(name) = lower($1)",
                        )
                        .bind(org_name)
                        .fetch_optional(&mut *tx)
                        .await?;
                        let Some((id, _)) = found else {
                            return Ok(Err(Refusal::OrgGone(org_name.clone())));
                        };
                        org_ids.insert(key, id.clone());
                        id
                    }
                };
                let current: Option<String> = sqlx::query_scalar(
                    "SELECT role FROM org_members WHERE org_id = $1 AND user_id = $2",
                )
                .bind(&org_id)
                .bind(&user_id)
                .fetch_optional(&mut *tx)
                .await?;
                let name = format!("{org_name}/{}", user.username);
                let (outcome, changes) = match current {
                    None => {
                        sqlx::query(
                            "INSERT INTO org_members (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
                        )
                        .bind(&org_id)
                        .bind(&user_id)
                        .bind(role.as_str())
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                        (ProvisionedOutcome::Created, vec![])
                    }
                    Some(r) if r != role.as_str() => {
                        sqlx::query(
                            "UPDATE org_members SET role = $1 WHERE org_id = $2 AND user_id = $3",
                        )
                        .bind(role.as_str())
                        .bind(&org_id)
                        .bind(&user_id)
                        .execute(&mut *tx)
                        .await?;
                        (ProvisionedOutcome::Changed, vec!["role"])
                    }
                    Some(_) => (ProvisionedOutcome::Unchanged, vec![]),
                };
                report.push(item(ProvisionedKind::Membership, name, outcome, changes));
            }
        }

        // OAuth2 clients, by id or else by name (a live one first).
        for client in &wanted.clients {
            let existing: Option<ExistingClient> = match &client.id {
                Some(id) => sqlx::query_as(
                    "SELECT id, name, secret_hash, scopes, revoked_at FROM oauth2_clients WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?,
                None => sqlx::query_as(
                    "SELECT id, name, secret_hash, scopes, revoked_at FROM oauth2_clients \
                     WHERE name = $1 ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, id LIMIT 1",
                )
                .bind(&client.name)
                .fetch_optional(&mut *tx)
                .await?,
            };
            match existing {
                None => {
                    let id = client.id.clone().unwrap_or_else(crate::server::time::new_id);
                    sqlx::query(
                        "INSERT INTO oauth2_clients (id, name, secret_hash, scopes, created_at, created_by) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(&id)
                    .bind(&client.name)
                    .bind(&client.secret_hash)
                    .bind(&client.scopes)
                    .bind(now)
                    .bind(&ctx.actor_name)
                    .execute(&mut *tx)
                    .await?;
                    report.push(item(
                        ProvisionedKind::Oauth2Client,
                        &client.name,
                        ProvisionedOutcome::Created,
                        vec![],
                    ));
                }
                Some((id, name, secret_hash, scopes, revoked_at)) => {
                    let mut changes = Vec::new();
                    if name != client.name {
                        changes.push("name");
                    }
                    if secret_hash != client.secret_hash {
                        changes.push("secret");
                    }
                    if scopes != client.scopes {
                        changes.push("scopes");
                    }
                    if revoked_at.is_some() {
                        changes.push("revoked");
                    }
                    if !changes.is_empty() {
                        sqlx::query(
                            "UPDATE oauth2_clients SET name = $1, secret_hash = $2, scopes = $3, \
                             revoked_at = NULL WHERE id = $4",
                        )
                        .bind(&client.name)
                        .bind(&client.secret_hash)
                        .bind(&client.scopes)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    if changes.contains(&"scopes") || changes.contains(&"secret") {
                        // Tokens issued under the old secret or scopes end.
                        sqlx::query("DELETE FROM oauth2_access_tokens WHERE client_id = $1")
                            .bind(&id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    report.push(item(
                        ProvisionedKind::Oauth2Client,
                        &client.name,
                        outcome_of(&changes),
                        changes,
                    ));
                }
            }
        }

        // Applications, by id or else by name; who may sign in by org name.
        for app in &wanted.applications {
            let mut rules = Vec::new();
            for (org_name, role) in &app.access {
                let org_id: Option<String> =
                    sqlx::query_scalar("SELECT id FROM orgs WHERE lower(name) = lower($1)")
                        .bind(org_name)
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some(org_id) = org_id else {
                    return Ok(Err(Refusal::OrgGone(org_name.clone())));
                };
                rules.push(crate::model::OrgAccess { org_id, min_role: *role });
            }
            let access = serde_json::json!(crate::model::AppAccess { orgs: rules }).to_string();
            let redirect_uris = serde_json::json!(app.redirect_uris).to_string();
            let logout_uris = serde_json::json!(app.post_logout_redirect_uris).to_string();
            let hosts = serde_json::json!(app.hosts).to_string();
            let prefixes = serde_json::json!(app.path_prefixes).to_string();
            let kind = app.kind.as_str();
            let existing: Option<ExistingApplication> = match &app.id {
                Some(id) => sqlx::query_as(
                    "SELECT id, name, client_type, secret_hash, redirect_uris, post_logout_redirect_uris,                      skip_consent, id_token_alg, access, kind, hosts, path_prefixes, allow_bearer_tokens FROM applications WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?,
                None => sqlx::query_as(
                    "SELECT id, name, client_type, secret_hash, redirect_uris, post_logout_redirect_uris,                      skip_consent, id_token_alg, access, kind, hosts, path_prefixes, allow_bearer_tokens FROM applications WHERE lower(name) = lower($1)",
                )
                .bind(&app.name)
                .fetch_optional(&mut *tx)
                .await?,
            };
            let client_type = app.client_type.as_str();
            let outcome = match existing {
                None => {
                    let id = app.id.clone().unwrap_or_else(crate::server::time::new_id);
                    sqlx::query(
                        "INSERT INTO applications (id, kind, name, client_type, secret_hash, redirect_uris, \
                         post_logout_redirect_uris, skip_consent, id_token_alg, access, provisioned, \
                         created_at, created_by, updated_at, hosts, path_prefixes, allow_bearer_tokens) \
                         VALUES ($1, $12, $2, $3, $4, $5, $6, $7, $8, $9, TRUE, $10, $11, $10, $13, $14, $15)",
                    )
                    .bind(&id)
                    .bind(&app.name)
                    .bind(client_type)
                    .bind(&app.secret_hash)
                    .bind(&redirect_uris)
                    .bind(&logout_uris)
                    .bind(app.skip_consent)
                    .bind(&app.id_token_alg)
                    .bind(&access)
                    .bind(now)
                    .bind(&ctx.actor_name)
                    .bind(kind)
                    .bind(&hosts)
                    .bind(&prefixes)
                    .bind(app.allow_bearer_tokens)
                    .execute(&mut *tx)
                    .await?;
                    (ProvisionedOutcome::Created, vec![])
                }
                Some(old) => {
                    let mut changes = Vec::new();
                    let checks = [
                        (old.1 != app.name, "name"),
                        (old.2 != client_type, "client_type"),
                        (old.3 != app.secret_hash, "secret"),
                        (old.4 != redirect_uris, "redirect_uris"),
                        (old.5 != logout_uris, "post_logout_redirect_uris"),
                        (old.6 != app.skip_consent, "skip_consent"),
                        (old.7 != app.id_token_alg, "id_token_signed_response_alg"),
                        (old.8 != access, "access"),
                        (old.9 != kind, "kind"),
                        (old.10 != hosts, "hosts"),
                        (old.11 != prefixes, "path_prefixes"),
                        (old.12 != app.allow_bearer_tokens, "allow_bearer_tokens"),
                    ];
                    for (differs, what) in checks {
                        if differs {
                            changes.push(what);
                        }
                    }
                    if !changes.is_empty() {
                        sqlx::query(
                            "UPDATE applications SET name = $1, client_type = $2, secret_hash = $3, \
                             redirect_uris = $4, post_logout_redirect_uris = $5, skip_consent = $6, \
                             id_token_alg = $7, access = $8, provisioned = TRUE, updated_at = $9, \
                             kind = $11, hosts = $12, path_prefixes = $13, allow_bearer_tokens = $14 \
                             WHERE id = $10",
                        )
                        .bind(&app.name)
                        .bind(client_type)
                        .bind(&app.secret_hash)
                        .bind(&redirect_uris)
                        .bind(&logout_uris)
                        .bind(app.skip_consent)
                        .bind(&app.id_token_alg)
                        .bind(&access)
                        .bind(now)
                        .bind(&old.0)
                        .bind(kind)
                        .bind(&hosts)
                        .bind(&prefixes)
                        .bind(app.allow_bearer_tokens)
                        .execute(&mut *tx)
                        .await?;
                    }
                    (outcome_of(&changes), changes)
                }
            };
            report.push(item(ProvisionedKind::Application, &app.name, outcome.0, outcome.1));
        }

        // Allow-list entries.
        for allow in &wanted.allowlist {
            let existing: Option<(Option<String>,)> =
                sqlx::query_as("SELECT note FROM ip_allowlist WHERE entry = $1")
                    .bind(&allow.entry)
                    .fetch_optional(&mut *tx)
                    .await?;
            match existing {
                None => {
                    sqlx::query(
                        "INSERT INTO ip_allowlist (entry, note, created_at, created_by) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(&allow.entry)
                    .bind(allow.note.clone().flatten())
                    .bind(now)
                    .bind(&ctx.actor_name)
                    .execute(&mut *tx)
                    .await?;
                    report.push(item(
                        ProvisionedKind::Allowlist,
                        &allow.entry,
                        ProvisionedOutcome::Created,
                        vec![],
                    ));
                }
                Some((note,)) => {
                    let changes = match &allow.note {
                        Some(n) if *n != note => {
                            sqlx::query("UPDATE ip_allowlist SET note = $1 WHERE entry = $2")
                                .bind(n.clone())
                                .bind(&allow.entry)
                                .execute(&mut *tx)
                                .await?;
                            vec!["note"]
                        }
                        _ => vec![],
                    };
                    report.push(item(
                        ProvisionedKind::Allowlist,
                        &allow.entry,
                        outcome_of(&changes),
                        changes,
                    ));
                }
            }
        }

        // Module states (no row: the module's default).
        for module in &wanted.modules {
            let current: Option<bool> =
                sqlx::query_scalar("SELECT enabled FROM module_states WHERE name = $1")
                    .bind(&module.name)
                    .fetch_optional(&mut *tx)
                    .await?;
            let changes = if current.unwrap_or(module.default) == module.enabled {
                vec![]
            } else {
                sqlx::query(
                    "INSERT INTO module_states (name, enabled, changed_at, changed_by) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO UPDATE SET \
                     enabled = excluded.enabled, changed_at = excluded.changed_at, \
                     changed_by = excluded.changed_by",
                )
                .bind(&module.name)
                .bind(module.enabled)
                .bind(now)
                .bind(&ctx.actor_name)
                .execute(&mut *tx)
                .await?;
                vec!["enabled"]
            };
            report.push(item(
                ProvisionedKind::Module,
                &module.name,
                outcome_of(&changes),
                changes,
            ));
        }

        if demoted {
            let active_admins: i64 = sqlx::query_scalar(
                "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM user_counts \
                 WHERE status = 'active' AND admin = $1",
            )
            .bind(true)
            .fetch_one(&mut *tx)
            .await?;
            if active_admins == 0 {
                return Ok(Err(Refusal::NoActiveAdmin));
            }
        }
        audit(&report).insert(&mut *tx).await?;
        tx.commit().await?;
        Ok(Ok(report))
    })
}
