//! Delegated administration: the server roles, the operations they allow,
//! and the one table between them. The server decides with it
//! (`ops::Caller`); the panel reads the same table to hide what a caller
//! may not do.

use serde::{Deserialize, Serialize};

/// A server-wide role; a user holds any number of them.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerRole {
    /// Everything (the former admin flag).
    ServerAdmin,
    /// Accounts and what belongs to them; not roles, allow-list,
    /// applications, settings, provisioning or jobs.
    UserAdmin,
    /// Views users; unlocks, resets passwords, ends sessions, removes
    /// second factors of users holding no role they lack.
    Helpdesk,
    /// Reads everything, the audit log and settings included; changes nothing.
    Auditor,
}

impl ServerRole {
    /// From the least to the most powerful: an allowed action is recorded
    /// under the first role that allows it.
    pub const ALL: [ServerRole; 4] = [
        Self::Auditor,
        Self::Helpdesk,
        Self::UserAdmin,
        Self::ServerAdmin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ServerAdmin => "server_admin",
            Self::UserAdmin => "user_admin",
            Self::Helpdesk => "helpdesk",
            Self::Auditor => "auditor",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    /// The operations this role allows: the role table.
    pub fn allows(self, op: Op) -> bool {
        use Op::*;
        match self {
            Self::ServerAdmin => true,
            Self::Auditor => op.is_read(),
            Self::Helpdesk => matches!(
                op,
                ReadUsers | UnlockUsers | ResetPasswords | RevokeSessions | ResetFactors
            ),
            Self::UserAdmin => matches!(
                op,
                ReadUsers
                    | ManageUsers
                    | UnlockUsers
                    | ResetPasswords
                    | RevokeSessions
                    | ResetFactors
                    | ManageTokens
                    | SendMessages
                    | ManageContacts
                    | ReadRegistration
                    | ManageRegistration
                    | ReadOrgs
                    | ManageOrgMembers
            ),
        }
    }
}

/// What an administrative operation needs. Every `ops` function that is
/// not about the caller's own account asks for one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Users, their sessions, tokens, factors, grants, contacts, mail status.
    ReadUsers,
    /// Create, edit, lock, deactivate, delete, import, bulk changes.
    ManageUsers,
    UnlockUsers,
    /// Set a password, send a reset link.
    ResetPasswords,
    RevokeSessions,
    ResetFactors,
    /// Other users' personal tokens and application grants.
    ManageTokens,
    SendMessages,
    ManageContacts,
    /// Registration tokens and invitations.
    ReadRegistration,
    ManageRegistration,
    /// Server roles of users.
    ManageRoles,
    ReadOrgs,
    /// Create, rename, delete organisations.
    ManageOrgs,
    /// Members of organisations (an organisation's admin: of theirs).
    ManageOrgMembers,
    /// Settings, statistics, allow-list, applications, clients, modules,
    /// jobs, mail outbox, live connections.
    ReadServer,
    ReadAudit,
    ManageAllowList,
    /// OpenID Connect applications, protected sites, API clients.
    ManageApplications,
    /// Modules, provisioning, jobs, the mail outbox.
    ManageServer,
}

impl Op {
    pub const ALL: [Op; 20] = [
        Op::ReadUsers,
        Op::ManageUsers,
        Op::UnlockUsers,
        Op::ResetPasswords,
        Op::RevokeSessions,
        Op::ResetFactors,
        Op::ManageTokens,
        Op::SendMessages,
        Op::ManageContacts,
        Op::ReadRegistration,
        Op::ManageRegistration,
        Op::ManageRoles,
        Op::ReadOrgs,
        Op::ManageOrgs,
        Op::ManageOrgMembers,
        Op::ReadServer,
        Op::ReadAudit,
        Op::ManageAllowList,
        Op::ManageApplications,
        Op::ManageServer,
    ];

    pub fn is_read(self) -> bool {
        matches!(
            self,
            Op::ReadUsers | Op::ReadRegistration | Op::ReadOrgs | Op::ReadServer | Op::ReadAudit
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Op::ReadUsers => "read_users",
            Op::ManageUsers => "manage_users",
            Op::UnlockUsers => "unlock_users",
            Op::ResetPasswords => "reset_passwords",
            Op::RevokeSessions => "revoke_sessions",
            Op::ResetFactors => "reset_factors",
            Op::ManageTokens => "manage_tokens",
            Op::SendMessages => "send_messages",
            Op::ManageContacts => "manage_contacts",
            Op::ReadRegistration => "read_registration",
            Op::ManageRegistration => "manage_registration",
            Op::ManageRoles => "manage_roles",
            Op::ReadOrgs => "read_orgs",
            Op::ManageOrgs => "manage_orgs",
            Op::ManageOrgMembers => "manage_org_members",
            Op::ReadServer => "read_server",
            Op::ReadAudit => "read_audit",
            Op::ManageAllowList => "manage_allow_list",
            Op::ManageApplications => "manage_applications",
            Op::ManageServer => "manage_server",
        }
    }

    /// The roles allowing this operation, least powerful first.
    pub fn roles(self) -> Vec<ServerRole> {
        ServerRole::ALL
            .into_iter()
            .filter(|r| r.allows(self))
            .collect()
    }

    /// Organisation admins may do this to their own organisations.
    pub fn org_scoped(self) -> bool {
        matches!(
            self,
            Op::ReadOrgs | Op::ManageOrgMembers | Op::ReadRegistration | Op::ManageRegistration
        )
    }
}

/// A set of server roles, kept sorted and without repeats; stored as the
/// space-separated names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Roles(Vec<ServerRole>);

impl Roles {
    pub fn new(roles: impl IntoIterator<Item = ServerRole>) -> Self {
        let mut all: Vec<ServerRole> = roles.into_iter().collect();
        all.sort();
        all.dedup();
        Self(all)
    }

    pub fn server_admin() -> Self {
        Self(vec![ServerRole::ServerAdmin])
    }

    /// The stored form; unknown names are dropped (a role removed from
    /// the code grants nothing).
    pub fn from_stored(raw: &str) -> Self {
        Self::new(raw.split_whitespace().filter_map(ServerRole::parse))
    }

    /// Names from a request: the first unknown one is the error.
    pub fn parse_names<S: AsRef<str>>(names: &[S]) -> Result<Self, String> {
        names
            .iter()
            .map(|n| ServerRole::parse(n.as_ref().trim()).ok_or_else(|| n.as_ref().to_owned()))
            .collect::<Result<Vec<_>, _>>()
            .map(Self::new)
    }

    pub fn stored(&self) -> String {
        self.names().join(" ")
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|r| r.as_str()).collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = ServerRole> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, role: ServerRole) -> bool {
        self.0.contains(&role)
    }

    pub fn is_server_admin(&self) -> bool {
        self.contains(ServerRole::ServerAdmin)
    }

    /// The least powerful role allowing `op`, if any does.
    pub fn granting(&self, op: Op) -> Option<ServerRole> {
        ServerRole::ALL
            .into_iter()
            .find(|r| self.contains(*r) && r.allows(op))
    }

    pub fn allows(&self, op: Op) -> bool {
        self.granting(op).is_some()
    }

    /// Whether everything `other` allows, these roles allow too: nobody
    /// grants, or acts on, more than they hold.
    pub fn covers(&self, other: &Roles) -> bool {
        Op::ALL
            .into_iter()
            .all(|op| !other.allows(op) || self.allows(op))
    }

    /// The roles of `named` whose rights these roles hold: what a token
    /// naming them acts with (a server_admin's token may act as auditor,
    /// a helpdesk's never as server_admin).
    pub fn narrowed_to(&self, named: &Roles) -> Roles {
        Roles::new(named.iter().filter(|r| self.covers(&Roles::new([*r]))))
    }
}

impl From<String> for Roles {
    fn from(stored: String) -> Self {
        Self::from_stored(&stored)
    }
}

/// What a panel page needs (its server functions decide again):
/// `Some(op)` for an admin page, `None` for any other. The organisations
/// pages are also open to organisation members (see the page guard).
pub fn page_op(path: &str) -> Option<Op> {
    Some(match path {
        "/" | "/oauth2-clients" | "/allowlist" | "/applications" | "/settings" | "/modules"
        | "/jobs" => Op::ReadServer,
        "/users" | "/sessions" | "/connections" => Op::ReadUsers,
        "/broadcast" => Op::SendMessages,
        "/registration-tokens" => Op::ReadRegistration,
        "/audit" => Op::ReadAudit,
        "/orgs" => Op::ReadOrgs,
        p if p.starts_with("/users/") => Op::ReadUsers,
        p if p.starts_with("/applications/") => Op::ReadServer,
        p if p.starts_with("/orgs/") => Op::ReadOrgs,
        _ => return None,
    })
}

/// The page a signed-in user starts from: the dashboard, else the first
/// admin page their rights open, else their account.
pub fn landing_page(may: impl Fn(Op) -> bool, org_admin: bool) -> &'static str {
    if may(Op::ReadServer) {
        "/"
    } else if may(Op::ReadUsers) {
        "/users"
    } else if org_admin {
        "/orgs"
    } else {
        "/account"
    }
}

/// The scope prefix naming a role a token or client may use.
pub const ROLE_SCOPE_PREFIX: &str = "urn:gatehouse:role:";
/// The scope letting a token act as its owner's organisation admin.
pub const ORG_ADMIN_SCOPE: &str = "urn:gatehouse:role:org_admin";

pub fn role_scope(role: ServerRole) -> String {
    format!("{ROLE_SCOPE_PREFIX}{}", role.as_str())
}

/// The roles named by a token's scopes, and whether it names any role
/// at all (a token naming none carries all of its owner's roles).
pub fn roles_in_scopes(scopes: &str) -> (Roles, bool) {
    let named: Vec<&str> = scopes
        .split_whitespace()
        .filter_map(|s| s.strip_prefix(ROLE_SCOPE_PREFIX))
        .collect();
    (
        Roles::new(named.iter().filter_map(|n| ServerRole::parse(n))),
        !named.is_empty(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_table_reads_as_the_issue_says() {
        use Op::*;
        let helpdesk = Roles::new([ServerRole::Helpdesk]);
        assert!(helpdesk.allows(UnlockUsers) && helpdesk.allows(ReadUsers));
        assert!(!helpdesk.allows(ManageUsers) && !helpdesk.allows(ManageAllowList));
        let auditor = Roles::new([ServerRole::Auditor]);
        assert!(auditor.allows(ReadAudit) && auditor.allows(ReadServer));
        assert!(Op::ALL.iter().all(|op| op.is_read() == auditor.allows(*op)));
        let users = Roles::new([ServerRole::UserAdmin]);
        assert!(users.allows(ManageRegistration) && users.allows(ManageTokens));
        for refused in [
            ManageRoles,
            ManageAllowList,
            ManageApplications,
            ManageServer,
        ] {
            assert!(!users.allows(refused), "{refused:?}");
        }
        assert!(Op::ALL.iter().all(|op| Roles::server_admin().allows(*op)));
    }

    #[test]
    fn covering_is_by_what_roles_allow() {
        let user_admin = Roles::new([ServerRole::UserAdmin]);
        assert!(user_admin.covers(&Roles::new([ServerRole::Helpdesk])));
        assert!(!user_admin.covers(&Roles::new([ServerRole::Auditor])));
        assert!(!user_admin.covers(&Roles::server_admin()));
        assert!(Roles::server_admin().covers(&user_admin));
        assert!(Roles::default().covers(&Roles::default()));
    }

    #[test]
    fn the_least_powerful_role_is_recorded() {
        let both = Roles::new([ServerRole::ServerAdmin, ServerRole::Helpdesk]);
        assert_eq!(both.granting(Op::UnlockUsers), Some(ServerRole::Helpdesk));
        assert_eq!(
            both.granting(Op::ManageRoles),
            Some(ServerRole::ServerAdmin)
        );
    }

    #[test]
    fn stored_and_scoped_forms() {
        let roles = Roles::from_stored("helpdesk auditor nonsense helpdesk");
        assert_eq!(roles.stored(), "helpdesk auditor");
        assert_eq!(Roles::parse_names(&["root"]), Err("root".to_owned()));
        let (named, any) = roles_in_scopes("urn:gatehouse:admin urn:gatehouse:role:auditor");
        assert!(any && named == Roles::new([ServerRole::Auditor]));
        assert!(!roles_in_scopes("urn:gatehouse:admin").1);
        let auditor = Roles::new([ServerRole::Auditor]);
        assert_eq!(Roles::server_admin().narrowed_to(&auditor), auditor);
        let helpdesk = Roles::new([ServerRole::Helpdesk]);
        assert!(helpdesk.narrowed_to(&Roles::server_admin()).is_empty());
    }
}
