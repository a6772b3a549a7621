//! Provisioning (Grafana's provisioning): a declarative TOML file listing
//! organisations, users, memberships, admin OAuth2 clients, applications
//! (OpenID Connect clients), allow-list entries and module states. Applied at start when configured and on
//! `POST /server/provisioning/reload`, idempotently: what is missing is
//! created, what differs is changed, the rest is left alone, and nothing the
//! file does not name is ever deleted. The whole file is checked first and
//! every problem reported with its line; a broken file changes nothing.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    ops::Range,
    path::Path,
};

use ipnet::IpNet;
use serde::Deserialize;
use serde_json::json;
use toml::Spanned;

mod applications;

use super::{modules::Module, AuthMethod, Caller};
use crate::{
    model::{
        org, validate, AppError, OrgRole, ProvisioningProblem, ProvisioningReport, Roles,
        ServerRole, SCOPE_ADMIN, SCOPE_ADMIN_READ,
    },
    server::{
        auth::{
            network::{self, canonical, parse_entry},
            password,
            token::hash_secret,
        },
        db::{
            self,
            provisioning::{
                Context, Refusal, Wanted, WantedAllow, WantedClient, WantedModule, WantedOrg,
                WantedUser,
            },
        },
        time::now_ms,
        AppState,
    },
};

pub const UNREADABLE: &str = "provisioning_unreadable";
pub const SYNTAX: &str = "provisioning_syntax";
pub const INVALID: &str = "provisioning_invalid";
pub const DUPLICATE: &str = "provisioning_duplicate";
pub const UNKNOWN_ORG: &str = "provisioning_unknown_org";
/// Shortest client secret accepted from the environment.
pub const MIN_SECRET_CHARS: usize = 16;
const MAX_NOTE_CHARS: usize = 200;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    orgs: Vec<OrgEntry>,
    #[serde(default)]
    users: Vec<UserEntry>,
    #[serde(default)]
    oauth2_clients: Vec<ClientEntry>,
    #[serde(default)]
    applications: Vec<applications::ApplicationEntry>,
    #[serde(default)]
    allowlist: Vec<AllowEntry>,
    #[serde(default)]
    modules: BTreeMap<String, Spanned<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgEntry {
    name: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserEntry {
    username: Spanned<String>,
    display_name: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    admin: Option<Spanned<bool>>,
    /// Server roles, exactly (`admin` is the shorthand for `server_admin`).
    roles: Option<Spanned<Vec<Spanned<String>>>>,
    password_hash: Option<Spanned<String>>,
    #[serde(default)]
    memberships: Vec<MembershipEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MembershipEntry {
    org: Spanned<String>,
    role: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientEntry {
    id: Option<Spanned<String>>,
    name: Spanned<String>,
    secret_env: Spanned<String>,
    scopes: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowEntry {
    entry: Spanned<String>,
    note: Option<Spanned<String>>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, span: Range<usize>) -> u64 {
    let end = span.start.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
        + 1
}

/// A checked file: what to apply, and the organisations its memberships
/// name that the file does not create (they must exist), with a line each.
#[derive(Debug, Default)]
pub struct Checked {
    pub wanted: Wanted,
    pub referenced_orgs: Vec<(String, u64)>,
    /// The networks of the file's allow-list entries.
    pub networks: Vec<IpNet>,
}

struct Problems<'a> {
    text: &'a str,
    list: Vec<ProvisioningProblem>,
}

impl Problems<'_> {
    fn add(&mut self, span: Range<usize>, code: &str, message: impl Into<String>) {
        let line = line_of(self.text, span);
        self.list
            .push(ProvisioningProblem::new(line, code, message));
    }
}

/// The role names, most powerful first, for messages.
fn known_roles() -> String {
    ServerRole::ALL
        .iter()
        .rev()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn scope(raw: &str) -> Option<&'static str> {
    match raw {
        "admin" | SCOPE_ADMIN => Some(SCOPE_ADMIN),
        "admin:read" | SCOPE_ADMIN_READ => Some(SCOPE_ADMIN_READ),
        _ => None,
    }
}

/// Reads and checks a provisioning file without touching the database.
/// `env` reads the environment (client secrets). Returns what the file asks
/// for and every problem found (sorted by line); only a file without
/// problems may be applied.
pub fn check(
    text: &str,
    env: impl Fn(&str) -> Option<String>,
) -> (Checked, Vec<ProvisioningProblem>) {
    let file: File = match toml::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s)).unwrap_or(0);
            let problem = ProvisioningProblem::new(line, SYNTAX, e.message().trim().to_owned());
            return (Checked::default(), vec![problem]);
        }
    };
    let mut p = Problems {
        text,
        list: Vec::new(),
    };
    let mut checked = Checked::default();

    let mut org_names: HashSet<String> = HashSet::new();
    for entry in &file.orgs {
        match org::name(entry.name.get_ref()) {
            Err(e) => p.add(
                entry.name.span(),
                INVALID,
                format!("organisation '{}': {}", entry.name.get_ref(), e.message),
            ),
            Ok(name) => {
                if !org_names.insert(name.to_lowercase()) {
                    p.add(
                        entry.name.span(),
                        DUPLICATE,
                        format!("organisation '{name}' is listed twice"),
                    );
                }
                checked.wanted.orgs.push(WantedOrg { name });
            }
        }
    }

    let mut usernames = HashSet::new();
    let mut referenced: HashMap<String, (String, u64)> = HashMap::new();
    for entry in &file.users {
        let shown = entry.username.get_ref().clone();
        let username = match validate::username(&shown) {
            Ok(u) => {
                if !usernames.insert(u.clone()) {
                    p.add(
                        entry.username.span(),
                        DUPLICATE,
                        format!("user '{u}' is listed twice"),
                    );
                }
                Some(u)
            }
            Err(e) => {
                p.add(
                    entry.username.span(),
                    INVALID,
                    format!("username '{shown}': {}", e.message),
                );
                None
            }
        };
        let display_name = entry.display_name.as_ref().and_then(|v| {
            validate::display_name(Some(v.get_ref()))
                .map_err(|e| p.add(v.span(), INVALID, format!("user '{shown}': {}", e.message)))
                .ok()
        });
        let email = entry.email.as_ref().and_then(|v| {
            validate::email(Some(v.get_ref()))
                .map_err(|e| p.add(v.span(), INVALID, format!("user '{shown}': {}", e.message)))
                .ok()
        });
        let roles = entry.roles.as_ref().and_then(|list| {
            let mut named = Vec::new();
            let mut known = true;
            for raw in list.get_ref() {
                match ServerRole::parse(raw.get_ref().trim()) {
                    Some(role) => named.push(role),
                    None => {
                        known = false;
                        p.add(
                            raw.span(),
                            INVALID,
                            format!(
                                "user '{shown}': unknown role '{}' (known: {})",
                                raw.get_ref(),
                                known_roles()
                            ),
                        );
                    }
                }
            }
            if let Some(admin) = &entry.admin {
                // Reported where the second of the two is.
                let later = if admin.span().start > list.span().start {
                    admin.span()
                } else {
                    list.span()
                };
                p.add(
                    later,
                    INVALID,
                    format!(
                        "user '{shown}': give roles or admin, not both \
                         (admin = true is roles = [\"server_admin\"])"
                    ),
                );
                return None;
            }
            known.then(|| Roles::new(named))
        });
        if let Some(h) = &entry.password_hash {
            if let Err(message) = password::check_importable(h.get_ref()) {
                p.add(
                    h.span(),
                    INVALID,
                    format!("user '{shown}': password_hash: {message}"),
                );
            }
        }
        let mut memberships = Vec::new();
        let mut member_of = HashSet::new();
        for m in &entry.memberships {
            let org_name = match org::name(m.org.get_ref()) {
                Ok(n) => n,
                Err(e) => {
                    p.add(
                        m.org.span(),
                        INVALID,
                        format!("user '{shown}': organisation: {}", e.message),
                    );
                    continue;
                }
            };
            let role = match &m.role {
                None => OrgRole::default(),
                Some(r) => match OrgRole::parse(r.get_ref()) {
                    Some(role) => role,
                    None => {
                        p.add(
                            r.span(),
                            INVALID,
                            format!(
                                "user '{shown}': role '{}' is not viewer, editor or admin",
                                r.get_ref()
                            ),
                        );
                        continue;
                    }
                },
            };
            let key = org_name.to_lowercase();
            if !member_of.insert(key.clone()) {
                p.add(
                    m.org.span(),
                    DUPLICATE,
                    format!("user '{shown}': organisation '{org_name}' is listed twice"),
                );
                continue;
            }
            if !org_names.contains(&key) {
                referenced
                    .entry(key)
                    .or_insert_with(|| (org_name.clone(), line_of(text, m.org.span())));
            }
            memberships.push((org_name, role));
        }
        if let Some(username) = username {
            checked.wanted.users.push(WantedUser {
                username,
                display_name: entry.display_name.as_ref().map(|_| display_name.flatten()),
                email: entry.email.as_ref().map(|_| email.flatten()),
                admin: entry.admin.as_ref().map(|a| *a.get_ref()),
                roles,
                password_hash: entry.password_hash.as_ref().map(|h| h.get_ref().clone()),
                memberships,
            });
        }
    }
    applications::check(
        &file.applications,
        &mut p,
        &org_names,
        &mut referenced,
        &env,
        &mut checked.wanted.applications,
    );
    let mut referenced: Vec<(String, u64)> = referenced.into_values().collect();
    referenced.sort_by_key(|(_, line)| *line);
    checked.referenced_orgs = referenced;

    let mut client_keys = HashSet::new();
    for entry in &file.oauth2_clients {
        let name = match super::tokens::parse_name(entry.name.get_ref()) {
            Ok(n) => Some(n),
            Err(e) => {
                p.add(
                    entry.name.span(),
                    INVALID,
                    format!("API client '{}': {}", entry.name.get_ref(), e.message),
                );
                None
            }
        };
        let shown = name.clone().unwrap_or_default();
        let id = match &entry.id {
            None => None,
            Some(id) if validate::is_ulid(id.get_ref()) => Some(id.get_ref().clone()),
            Some(id) => {
                p.add(
                    id.span(),
                    INVALID,
                    format!(
                        "API client '{shown}': id '{}' is not a client id (26 characters, a ULID)",
                        id.get_ref()
                    ),
                );
                None
            }
        };
        let key = match &entry.id {
            Some(id) => format!("id:{}", id.get_ref()),
            None => format!("name:{shown}"),
        };
        if !client_keys.insert(key) {
            p.add(
                entry.name.span(),
                DUPLICATE,
                format!("API client '{shown}' is listed twice"),
            );
        }
        let var = entry.secret_env.get_ref();
        let secret = match env(var) {
            None => {
                p.add(
                    entry.secret_env.span(),
                    INVALID,
                    format!(
                        "API client '{shown}': the environment variable {var} is not set or empty"
                    ),
                );
                None
            }
            Some(s) if s.chars().count() < MIN_SECRET_CHARS => {
                p.add(
                    entry.secret_env.span(),
                    INVALID,
                    format!(
                        "API client '{shown}': the secret in {var} is shorter than {MIN_SECRET_CHARS} characters"
                    ),
                );
                None
            }
            Some(s) => Some(s),
        };
        let mut scopes = Vec::new();
        match &entry.scopes {
            None => scopes.push(SCOPE_ADMIN),
            Some(list) => {
                for raw in list.get_ref() {
                    match scope(raw) {
                        Some(s) => scopes.push(s),
                        None => p.add(
                            list.span(),
                            INVALID,
                            format!(
                                "API client '{shown}': unknown scope '{raw}' (admin or admin:read)"
                            ),
                        ),
                    }
                }
                if list.get_ref().is_empty() {
                    scopes.push(SCOPE_ADMIN);
                }
            }
        }
        scopes.sort();
        scopes.dedup();
        if let (Some(name), Some(secret)) = (name, secret) {
            checked.wanted.clients.push(WantedClient {
                id,
                name,
                secret_hash: hash_secret(&secret),
                scopes: scopes.join(" "),
            });
        }
    }

    let mut entries = HashSet::new();
    for entry in &file.allowlist {
        let net = match parse_entry(entry.entry.get_ref()) {
            Ok(net) => net,
            Err(message) => {
                p.add(entry.entry.span(), INVALID, message);
                continue;
            }
        };
        let canonical = canonical(&net);
        if !entries.insert(canonical.clone()) {
            p.add(
                entry.entry.span(),
                DUPLICATE,
                format!("allow-list entry {canonical} is listed twice"),
            );
            continue;
        }
        let note = entry.note.as_ref().map(|n| {
            let note = n.get_ref().trim().to_owned();
            if note.chars().count() > MAX_NOTE_CHARS {
                p.add(
                    n.span(),
                    INVALID,
                    format!("allow-list entry {canonical}: a note is at most {MAX_NOTE_CHARS} characters"),
                );
            }
            Some(note).filter(|n| !n.is_empty())
        });
        checked.networks.push(net);
        checked.wanted.allowlist.push(WantedAllow {
            entry: canonical,
            note,
        });
    }

    let mut modules: Vec<(&String, &Spanned<bool>)> = file.modules.iter().collect();
    modules.sort_by_key(|(_, v)| v.span().start);
    for (name, enabled) in modules {
        match Module::from_name(name) {
            Some(m) => checked.wanted.modules.push(WantedModule {
                name: m.name().to_owned(),
                enabled: *enabled.get_ref(),
                default: m.default_enabled(),
            }),
            None => p.add(
                enabled.span(),
                INVALID,
                format!(
                    "unknown module '{name}' (known: {})",
                    Module::ALL.map(Module::name).join(", ")
                ),
            ),
        }
    }

    p.list.sort_by_key(|problem| problem.line);
    (checked, p.list)
}

fn not_configured() -> AppError {
    AppError::conflict(
        "provisioning_not_configured",
        None,
        "Provisioning is off: no file is configured ([provisioning] file or GATEHOUSE_PROVISIONING_FILE).",
    )
}

fn invalid(problems: Vec<ProvisioningProblem>) -> AppError {
    AppError::ProvisioningInvalid(problems)
}

/// `POST /server/provisioning/reload` and the panel's button: applies the
/// configured file again.
pub async fn reload(state: &AppState, caller: &Caller) -> Result<ProvisioningReport, AppError> {
    caller.require(crate::model::Op::ManageServer)?;
    caller.require_recent_verification()?;
    let path = state
        .config
        .provisioning_file
        .clone()
        .ok_or_else(not_configured)?;
    apply_file(state, caller, &path).await
}

/// At start: applies the configured file (if any) as the system. The error
/// lists every problem; the server must not start with a broken file.
pub async fn apply_at_start(state: &AppState) -> Result<Option<ProvisioningReport>, AppError> {
    let Some(path) = state.config.provisioning_file.clone() else {
        return Ok(None);
    };
    let report = apply_file(state, &Caller::system(), &path).await?;
    tracing::info!(
        file = %path.display(),
        created = report.created,
        changed = report.changed,
        unchanged = report.unchanged,
        "provisioning applied"
    );
    Ok(Some(report))
}

/// Checks and applies the file at `path`: everything or nothing.
pub async fn apply_file(
    state: &AppState,
    caller: &Caller,
    path: &Path,
) -> Result<ProvisioningReport, AppError> {
    caller.require(crate::model::Op::ManageServer)?;
    let text = tokio::fs::read_to_string(path).await.map_err(|e| {
        invalid(vec![ProvisioningProblem::new(
            0,
            UNREADABLE,
            format!("cannot read the provisioning file {}: {e}", path.display()),
        )])
    })?;
    let (checked, mut problems) = check(&text, |name| {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    });

    // Memberships may name organisations that exist already.
    for (name, line) in &checked.referenced_orgs {
        if db::orgs::by_name(&state.db, name).await?.is_none() {
            problems.push(ProvisioningProblem::new(
                *line,
                UNKNOWN_ORG,
                format!(
                    "there is no organisation '{name}': list it under [[orgs]] or create it first"
                ),
            ));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|problem| problem.line);
        return Err(invalid(problems));
    }

    // The allow-list must still admit the caller (the system is exempt).
    if !checked.networks.is_empty() && caller.method != AuthMethod::System {
        let mut after = db::allowlist::networks(&state.db).await?;
        for net in &checked.networks {
            if !after.contains(net) {
                after.push(*net);
            }
        }
        let ip = caller
            .ip
            .as_deref()
            .and_then(|ip| ip.parse::<std::net::IpAddr>().ok());
        if !network::allows(&after, ip) {
            return Err(AppError::conflict(
                "would_lock_out",
                None,
                format!(
                    "The file's allow-list would lock out your own address ({}); nothing was changed. \
                     Add it to the file, or apply the file at start or with `gatehouse provision`.",
                    caller.ip.as_deref().unwrap_or("unknown")
                ),
            ));
        }
    }

    let default_join = match &state.config.default_org {
        None => None,
        Some(default) => db::orgs::by_name(&state.db, &default.name)
            .await?
            .map(|o| (o.id, o.name.to_lowercase(), default.role)),
    };
    let ctx = Context {
        actor_user_id: caller.user_id.clone(),
        actor_name: caller.username.clone(),
        default_join,
        now: now_ms(),
    };
    let file = path.display().to_string();
    let outcome = db::provisioning::apply(&state.db, &checked.wanted, &ctx, |report| {
        caller.audit(
            "provisioning.reload",
            "provisioning",
            None,
            json!({
                "file": file,
                "created": report.created,
                "changed": report.changed,
                "unchanged": report.unchanged,
                "items": report.items,
            }),
        )
    })
    .await?;
    match outcome {
        Ok(report) => {
            if report.created + report.changed > 0 {
                // Memberships, access rules or protected hosts may differ.
                state.live.access_changed().await;
            }
            Ok(report)
        }
        Err(Refusal::CannotModifySelf(username)) => Err(AppError::conflict(
            "cannot_modify_self",
            None,
            format!("The file would remove your own administrator rights ({username}); nothing was changed."),
        )),
        Err(Refusal::NoActiveAdmin) => Err(AppError::conflict(
            "last_admin",
            None,
            "The file would leave no active administrator; nothing was changed.",
        )),
        Err(Refusal::OrgGone(name)) => Err(invalid(vec![ProvisioningProblem::new(
            0,
            UNKNOWN_ORG,
            format!("the organisation '{name}' was deleted meanwhile; nothing was changed"),
        )])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn a_full_file_is_read() {
        let text = r#"
[[orgs]]
name = "Engineering"

[[users]]
username = "alice"
display_name = "Alice"
email = "alice@example.org"
admin = true
memberships = [{ org = "Engineering", role = "editor" }, { org = "Ops" }]

[[oauth2_clients]]
name = "ci"
secret_env = "CI_SECRET"
scopes = ["admin:read"]

[[allowlist]]
entry = "10.0.0.0/8"
note = "office"

[modules]
registration = false
"#;
        let (checked, problems) = check(text, |v| {
            (v == "CI_SECRET").then(|| "a-secret-of-sufficient-length".to_owned())
        });
        assert_eq!(problems, vec![]);
        let w = &checked.wanted;
        assert_eq!(w.orgs.len(), 1);
        assert_eq!(w.users[0].admin, Some(true));
        assert_eq!(
            w.users[0].memberships,
            vec![
                ("Engineering".to_owned(), OrgRole::Editor),
                ("Ops".to_owned(), OrgRole::Viewer)
            ]
        );
        assert_eq!(checked.referenced_orgs, vec![("Ops".to_owned(), 10)]);
        assert_eq!(w.clients[0].scopes, SCOPE_ADMIN_READ);
        assert_ne!(w.clients[0].secret_hash, "a-secret-of-sufficient-length");
        assert_eq!(w.allowlist[0].note, Some(Some("office".into())));
        assert!(!w.modules[0].enabled);
    }

    #[test]
    fn syntax_errors_and_unknown_fields_name_their_line() {
        let (_, problems) = check("[[users]]\nusername = \"bob\"\nnope = 1\n", no_env);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].code.as_str()), (3, SYNTAX));
        let (_, problems) = check("[[orgs]]\nname = \"x\n", no_env);
        assert_eq!(problems[0].line, 2, "{problems:?}");
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = "[[users]]\nusername = \"Bad Name\"\n\n[[users]]\nusername = \"ok\"\nemail = \"nope\"\npassword_hash = \"plain\"\nmemberships = [{ org = \"X\", role = \"owner\" }]\n\n[[users]]\nusername = \"ok\"\n\n[[oauth2_clients]]\nname = \"ci\"\nsecret_env = \"MISSING\"\n\n[[allowlist]]\nentry = \"10.0.0.1/8\"\n\n[modules]\nteleport = true\n";
        let (_, problems) = check(text, no_env);
        let lines: Vec<(u64, &str)> = problems.iter().map(|p| (p.line, p.code.as_str())).collect();
        assert_eq!(
            lines,
            vec![
                (2, INVALID),
                (6, INVALID),
                (7, INVALID),
                (8, INVALID),
                (11, DUPLICATE),
                (15, INVALID),
                (18, INVALID),
                (21, INVALID),
            ],
            "{problems:#?}"
        );
    }

    #[test]
    fn roles_are_named_exactly_and_not_with_admin() {
        let text = r#"
[[users]]
username = "hd"
roles = ["helpdesk", "auditor", "helpdesk"]

[[users]]
username = "none"
roles = []

[[users]]
username = "bad"
roles = [
  "helpdesk",
  "root",
]

[[users]]
username = "both"
admin = true
roles = ["auditor"]
"#;
        let (checked, problems) = check(text, no_env);
        let found: Vec<(u64, &str)> = problems.iter().map(|p| (p.line, p.code.as_str())).collect();
        assert_eq!(found, vec![(14, INVALID), (20, INVALID)], "{problems:#?}");
        assert!(
            problems[0].message.contains("unknown role 'root'"),
            "{problems:?}"
        );
        assert!(problems[1].message.contains("not both"), "{problems:?}");
        let users = &checked.wanted.users;
        assert_eq!(
            users[0].roles,
            Some(Roles::new([ServerRole::Helpdesk, ServerRole::Auditor]))
        );
        assert_eq!(users[1].roles, Some(Roles::default()));
        // Roles replace, admin adds or removes server_admin only.
        let current = Roles::new([ServerRole::ServerAdmin, ServerRole::UserAdmin]);
        assert_eq!(users[0].roles_from(&current).stored(), "helpdesk auditor");
        let mut admin_only = users[0].clone();
        (admin_only.roles, admin_only.admin) = (None, Some(false));
        assert_eq!(admin_only.roles_from(&current).stored(), "user_admin");
        admin_only.admin = None;
        assert_eq!(admin_only.roles_from(&current), current);
    }

    #[test]
    fn applications_of_both_kinds_are_checked() {
        let text = r#"
[[applications]]
name = "Grafana"
secret_env = "GRAFANA_SECRET"
redirect_uris = ["https://grafana.example.org/login/generic_oauth"]
hosts = ["grafana.example.org"]

[[applications]]
kind = "forward_auth"
name = "Docs"
hosts = ["Docs.Example.org."]
redirect_uris = ["https://docs.example.org/"]

[[applications]]
kind = "forward_auth"
name = "Docs again"
hosts = ["docs.example.org"]

[[applications]]
kind = "forward_auth"
name = "Docs admin"
hosts = ["docs.example.org"]
path_prefixes = ["/admin"]
allow_bearer_tokens = true
"#;
        let (checked, problems) = check(text, |v| {
            (v == "GRAFANA_SECRET").then(|| "a-secret-of-sufficient-length".to_owned())
        });
        let found: Vec<(u64, &str)> = problems.iter().map(|p| (p.line, p.code.as_str())).collect();
        // A client naming hosts; a site with a redirect URI; the same host twice.
        assert_eq!(
            found,
            vec![(6, INVALID), (12, INVALID), (16, DUPLICATE)],
            "{problems:#?}"
        );
        let apps = &checked.wanted.applications;
        assert_eq!(apps.len(), 1, "only the sound entry is wanted: {apps:?}");
        assert_eq!(apps[0].name, "Docs admin");
        assert_eq!(apps[0].hosts, vec!["docs.example.org".to_owned()]);
        assert_eq!(apps[0].path_prefixes, vec!["/admin".to_owned()]);
        assert!(apps[0].allow_bearer_tokens);
    }
}
