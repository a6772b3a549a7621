use std::sync::Mutex;

use crate::{
    model::{AppError, Op, OrgRole, Roles},
    server::db::users::UserRow,
};

/// How a caller proved who they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMethod {
    Session,
    Token,
    Basic,
    /// The command-line interface, run by the operator on the server.
    System,
}

pub use crate::model::{SCOPE_ADMIN, SCOPE_ADMIN_READ};

/// Whether an operation only reads or also changes something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The explicit context every operation receives: who, how, from where,
/// and with which rights.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user_id: Option<String>,
    pub username: String,
    /// The server roles this caller acts with: the account's, narrowed by
    /// a token's role scopes; a client's own for client credentials.
    pub roles: Roles,
    /// Organisations and the caller's role in each (empty for a token
    /// whose role scopes leave out `org_admin`).
    pub orgs: Vec<(String, OrgRole)>,
    pub method: AuthMethod,
    /// Space-separated scopes; only tokens are limited by them.
    pub scopes: String,
    pub ip: Option<String>,
    /// Logged in with a temporary password: only changing it is allowed.
    pub password_change_required: bool,
    /// Why this caller's address or transport may not use admin rights
    /// (IP allow-list, `require_tls`); worked out when the caller is resolved.
    pub network_refusal: Option<AppError>,
    /// The `user_sessions` row behind a panel session (None for tokens,
    /// Basic auth and the CLI).
    pub session_id: Option<String>,
    /// The OAuth2 client behind a client-credentials access token.
    pub client_id: Option<String>,
    /// The personal token a request came with (its live stream ends when
    /// the token is revoked).
    pub token_id: Option<String>,
    /// The policy wants a second factor this account lacks: only adding
    /// one (and logging out) is allowed (panel sessions).
    pub second_factor_required: bool,
    /// Whether this session proved its password or a factor recently
    /// enough for dangerous changes (`auth.step_up_minutes`; panel
    /// sessions only: other callers are not asked).
    pub recently_verified: bool,
    /// The role the last granted check was allowed under (for the audit).
    pub granted_as: GrantedAs,
}

/// Interior record of the role a check was granted under; each request
/// has its own caller, so sharing it between clones is harmless.
#[derive(Debug, Default)]
pub struct GrantedAs(Mutex<Option<String>>);

impl Clone for GrantedAs {
    fn clone(&self) -> Self {
        Self(Mutex::new(self.get()))
    }
}

impl GrantedAs {
    pub fn get(&self) -> Option<String> {
        self.0.lock().map(|g| g.clone()).unwrap_or(None)
    }

    fn set(&self, role: String) {
        if let Ok(mut g) = self.0.lock() {
            *g = Some(role);
        }
    }
}

impl Caller {
    pub fn system() -> Self {
        Self {
            user_id: None,
            username: "system".into(),
            roles: Roles::server_admin(),
            orgs: Vec::new(),
            method: AuthMethod::System,
            scopes: SCOPE_ADMIN.into(),
            ip: None,
            password_change_required: false,
            network_refusal: None,
            session_id: None,
            client_id: None,
            token_id: None,
            second_factor_required: false,
            recently_verified: false,
            granted_as: GrantedAs::default(),
        }
    }

    /// Someone between the password and the second step of a sign-in, as
    /// the audit log names them.
    pub fn signing_in(user: &crate::server::db::users::UserRow, ip: Option<&str>) -> Self {
        Self {
            user_id: Some(user.id.clone()),
            username: user.username.clone(),
            roles: Roles::default(),
            method: AuthMethod::Session,
            scopes: String::new(),
            ip: ip.map(str::to_owned),
            ..Self::system()
        }
    }

    /// A background job acting on its own (audit actor `system`, named
    /// `job:<name>`).
    pub fn job(name: &str) -> Self {
        Self {
            username: format!("job:{name}"),
            ..Self::system()
        }
    }

    /// Who acted, as the audit log names it.
    pub fn actor_type(&self) -> &'static str {
        match self.method {
            AuthMethod::System => "system",
            AuthMethod::Token if self.client_id.is_some() => "oauth2_client",
            AuthMethod::Token => "token",
            AuthMethod::Session | AuthMethod::Basic => "user",
        }
    }

    /// Holds the `server_admin` role.
    pub fn is_server_admin(&self) -> bool {
        self.roles.is_server_admin()
    }

    /// Holds any administrative right: a server role, or an
    /// organisation's admin role. Such callers are held to the allow-list.
    pub fn has_admin_rights(&self) -> bool {
        !self.roles.is_empty() || self.org_admin_of().next().is_some()
    }

    /// The organisations this caller administers.
    pub fn org_admin_of(&self) -> impl Iterator<Item = &str> {
        self.orgs
            .iter()
            .filter(|(_, role)| *role == OrgRole::Admin)
            .map(|(id, _)| id.as_str())
    }

    fn has_scope(&self, scope: &str) -> bool {
        self.scopes.split_whitespace().any(|s| s == scope)
    }

    /// The one authorization check of what users do to their own account:
    /// the caller's user id. A temporary password allows nothing but
    /// changing it ([`Self::require_own_password_change`]) and logging out;
    /// a token without the full scope only reads.
    pub fn require_own(&self, access: Access) -> Result<&str, AppError> {
        if self.password_change_required {
            return Err(AppError::PasswordChangeRequired);
        }
        self.refuse_until_enrolled()?;
        self.own_id(access)
    }

    /// [`Self::require_own`] for managing one's second factors, which an
    /// account the policy sends to enrol must be able to do.
    pub fn require_own_enrolment(&self, access: Access) -> Result<&str, AppError> {
        if self.password_change_required {
            return Err(AppError::PasswordChangeRequired);
        }
        self.own_id(access)
    }

    fn refuse_until_enrolled(&self) -> Result<(), AppError> {
        if self.second_factor_required {
            return Err(AppError::access_denied(
                "second_factor_required",
                "This server requires a second factor: add one on your account's Security page first.",
            ));
        }
        Ok(())
    }

    /// Dangerous changes from a panel session want the password or a
    /// factor proven in the last ten minutes (`/confirm` proves it again).
    /// Tokens and the CLI are not asked; HTTP Basic proves the password on
    /// every request.
    pub fn require_recent_verification(&self) -> Result<(), AppError> {
        if self.method == AuthMethod::Session && !self.recently_verified {
            return Err(AppError::access_denied(
                "step_up_required",
                crate::model::second_factor::STEP_UP_MESSAGE,
            ));
        }
        Ok(())
    }

    /// [`Self::require_own`] for changing one's password, which a temporary
    /// password must allow or the account is stuck.
    pub fn require_own_password_change(&self) -> Result<&str, AppError> {
        self.own_id(Access::Write)
    }

    fn own_id(&self, access: Access) -> Result<&str, AppError> {
        let id = self.user_id.as_deref().ok_or(AppError::Unauthenticated)?;
        let read_only_token = self.method == AuthMethod::Token && !self.has_scope(SCOPE_ADMIN);
        if access == Access::Write && read_only_token {
            return Err(AppError::access_denied(
                "insufficient_scope",
                format!("this token lacks the {SCOPE_ADMIN} scope"),
            ));
        }
        Ok(id)
    }

    /// The one authorization check of administrative operations: whether
    /// one of the caller's server roles allows `op` (the role table in
    /// [`crate::model::roles`]), from an allowed address, with a token
    /// scope that covers it.
    pub fn require(&self, op: Op) -> Result<(), AppError> {
        self.require_standing()?;
        let role = self.roles.granting(op).ok_or_else(|| refusal(op))?;
        self.require_network_and_scope(op)?;
        self.granted_as.set(role.as_str().to_owned());
        Ok(())
    }

    /// [`Self::require`] for an operation on an existing user: the target
    /// may hold no role allowing what the caller's roles do not (a
    /// helpdesk cannot reset an administrator's password).
    pub fn require_on_user(&self, op: Op, target: &UserRow) -> Result<(), AppError> {
        self.require(op)?;
        if !self.roles.covers(&target.roles) {
            return Err(AppError::access_denied(
                "target_outranks_caller",
                format!(
                    "{} holds rights you do not: only someone holding them may do this.",
                    target.username
                ),
            ));
        }
        Ok(())
    }

    /// [`Self::require`] for an operation inside organisation `org_id`:
    /// its admins may do what [`Op::org_scoped`] names, and members
    /// holding at least `readers` read it.
    pub fn require_in_org(&self, op: Op, org_id: &str, readers: OrgRole) -> Result<(), AppError> {
        self.require_standing()?;
        if let Some(role) = self.roles.granting(op) {
            self.require_network_and_scope(op)?;
            self.granted_as.set(role.as_str().to_owned());
            return Ok(());
        }
        let needed = if op.is_read() {
            readers
        } else {
            OrgRole::Admin
        };
        let held = self
            .orgs
            .iter()
            .find(|(id, _)| id == org_id)
            .map(|(_, role)| *role)
            .filter(|role| op.org_scoped() && role.rank() >= needed.rank())
            .ok_or_else(|| refusal(op))?;
        self.require_network_and_scope(op)?;
        self.granted_as
            .set(format!("org_{}:{org_id}", held.as_str()));
        Ok(())
    }

    /// Whether [`Self::require`] would pass, without recording anything
    /// (what the panel shows).
    pub fn may(&self, op: Op) -> bool {
        self.roles.allows(op) && self.network_refusal.is_none()
    }

    fn require_standing(&self) -> Result<(), AppError> {
        if self.password_change_required {
            return Err(AppError::PasswordChangeRequired);
        }
        self.refuse_until_enrolled()
    }

    fn require_network_and_scope(&self, op: Op) -> Result<(), AppError> {
        if let Some(refusal) = &self.network_refusal {
            return Err(refusal.clone());
        }
        if self.method == AuthMethod::Token {
            let allowed =
                self.has_scope(SCOPE_ADMIN) || (op.is_read() && self.has_scope(SCOPE_ADMIN_READ));
            if !allowed {
                let needed = if op.is_read() {
                    format!("{SCOPE_ADMIN_READ} or {SCOPE_ADMIN}")
                } else {
                    SCOPE_ADMIN.to_owned()
                };
                return Err(AppError::access_denied(
                    "insufficient_scope",
                    format!("this token lacks the {needed} scope"),
                ));
            }
        }
        Ok(())
    }
}

/// The refusal of an operation no role of the caller allows: names the
/// roles that would (no data about the target).
fn refusal(op: Op) -> AppError {
    let roles: Vec<&str> = op.roles().iter().map(|r| r.as_str()).collect();
    AppError::Forbidden(format!(
        "This needs one of the roles: {}.",
        roles.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(admin: bool, method: AuthMethod, scopes: &str) -> Caller {
        Caller {
            user_id: Some("u".into()),
            username: "u".into(),
            roles: if admin {
                Roles::server_admin()
            } else {
                Roles::default()
            },
            orgs: Vec::new(),
            granted_as: GrantedAs::default(),
            method,
            scopes: scopes.into(),
            ip: None,
            password_change_required: false,
            network_refusal: None,
            session_id: None,
            client_id: None,
            token_id: None,
            second_factor_required: false,
            recently_verified: false,
        }
    }

    #[test]
    fn a_network_refusal_blocks_admins_only_for_admin_work() {
        let mut c = caller(true, AuthMethod::Session, "");
        c.network_refusal = Some(AppError::access_denied("ip_not_allowed", "no"));
        assert_eq!(
            c.require(Op::ReadUsers).unwrap_err().code(),
            "ip_not_allowed"
        );
    }

    #[test]
    fn a_temporary_password_blocks_everything() {
        let mut c = caller(true, AuthMethod::Session, "");
        c.password_change_required = true;
        assert_eq!(
            c.require(Op::ReadUsers).unwrap_err(),
            AppError::PasswordChangeRequired
        );
    }

    #[test]
    fn own_account_writes_need_a_full_token_and_no_temporary_password() {
        let read_token = caller(false, AuthMethod::Token, SCOPE_ADMIN_READ);
        assert_eq!(read_token.require_own(Access::Read), Ok("u"));
        for refused in [
            read_token.require_own(Access::Write),
            read_token.require_own_password_change(),
        ] {
            assert_eq!(refused.unwrap_err().code(), "insufficient_scope");
        }
        let full_token = caller(false, AuthMethod::Token, SCOPE_ADMIN);
        assert_eq!(full_token.require_own(Access::Write), Ok("u"));
        let mut temporary = caller(false, AuthMethod::Session, "");
        temporary.password_change_required = true;
        assert_eq!(
            temporary.require_own(Access::Read).unwrap_err(),
            AppError::PasswordChangeRequired
        );
        assert_eq!(temporary.require_own_password_change(), Ok("u"));
    }

    #[test]
    fn a_missing_second_factor_allows_only_enrolment() {
        let mut c = caller(true, AuthMethod::Session, "");
        c.second_factor_required = true;
        for refused in [
            c.require(Op::ReadUsers),
            c.require_own(Access::Read).map(drop),
        ] {
            assert_eq!(refused.unwrap_err().code(), "second_factor_required");
        }
        assert_eq!(c.require_own_enrolment(Access::Write), Ok("u"));
    }

    #[test]
    fn dangerous_changes_want_a_recent_proof_from_sessions_only() {
        let mut session = caller(true, AuthMethod::Session, "");
        session.recently_verified = true;
        assert!(session.require_recent_verification().is_ok());
        session.recently_verified = false;
        assert_eq!(
            session.require_recent_verification().unwrap_err().code(),
            "step_up_required"
        );
        for method in [AuthMethod::Token, AuthMethod::Basic, AuthMethod::System] {
            assert!(caller(true, method, SCOPE_ADMIN)
                .require_recent_verification()
                .is_ok());
        }
    }

    #[test]
    fn non_admins_are_refused_whatever_the_scope() {
        let c = caller(false, AuthMethod::Token, SCOPE_ADMIN);
        assert_eq!(c.require(Op::ReadUsers).unwrap_err().status(), 403);
        let c = caller(false, AuthMethod::Session, "");
        assert_eq!(c.require(Op::ReadUsers).unwrap_err().status(), 403);
    }

    #[test]
    fn read_scope_only_reads() {
        let c = caller(true, AuthMethod::Token, SCOPE_ADMIN_READ);
        assert!(c.require(Op::ReadUsers).is_ok());
        assert_eq!(
            c.require(Op::ManageUsers).unwrap_err().code(),
            "insufficient_scope"
        );
        let c = caller(true, AuthMethod::Token, "");
        assert_eq!(c.require(Op::ReadUsers).unwrap_err().status(), 403);
        let c = caller(true, AuthMethod::Token, SCOPE_ADMIN);
        assert!(c.require(Op::ManageUsers).is_ok());
        let c = caller(true, AuthMethod::Session, "");
        assert!(c.require(Op::ManageUsers).is_ok());
    }
}

#[cfg(test)]
mod delegation {
    use super::*;
    use crate::model::ServerRole;

    fn with_roles(roles: &[ServerRole], orgs: &[(&str, OrgRole)]) -> Caller {
        Caller {
            user_id: Some("u".into()),
            username: "u".into(),
            roles: Roles::new(roles.iter().copied()),
            orgs: orgs.iter().map(|(id, r)| ((*id).to_owned(), *r)).collect(),
            method: AuthMethod::Session,
            ..Caller::system()
        }
    }

    #[test]
    fn the_granting_role_is_recorded() {
        let c = with_roles(&[ServerRole::Helpdesk, ServerRole::UserAdmin], &[]);
        c.require(Op::UnlockUsers).unwrap();
        assert_eq!(c.granted_as.get().as_deref(), Some("helpdesk"));
        c.require(Op::SendMessages).unwrap();
        assert_eq!(c.granted_as.get().as_deref(), Some("user_admin"));
        assert_eq!(c.require(Op::ManageRoles).unwrap_err().status(), 403);
    }

    #[test]
    fn organisation_admins_act_in_their_organisations_only() {
        let c = with_roles(&[], &[("o1", OrgRole::Admin), ("o2", OrgRole::Viewer)]);
        assert!(c
            .require_in_org(Op::ManageOrgMembers, "o1", OrgRole::Viewer)
            .is_ok());
        assert_eq!(c.granted_as.get().as_deref(), Some("org_admin:o1"));
        assert!(c
            .require_in_org(Op::ManageOrgMembers, "o2", OrgRole::Viewer)
            .is_err());
        assert!(c
            .require_in_org(Op::ReadOrgs, "o2", OrgRole::Viewer)
            .is_ok());
        assert!(c
            .require_in_org(Op::ReadOrgs, "o2", OrgRole::Editor)
            .is_err());
        assert!(c
            .require_in_org(Op::ManageOrgMembers, "o3", OrgRole::Viewer)
            .is_err());
        assert!(c
            .require_in_org(Op::ManageOrgs, "o1", OrgRole::Viewer)
            .is_err());
        assert!(c.require(Op::ManageOrgMembers).is_err());
    }
}
