//! The admin operations, each written once: validate → authorize →
//! transaction (with its audit record) → result. Server functions and REST
//! handlers are thin adapters over these.

pub mod account;
pub mod allowlist;
pub mod applications;
pub mod audit;
pub mod bulk;
mod caller;
pub mod contacts;
pub mod email;
pub mod export;
pub mod forward_auth;
pub mod import;
pub mod jobs;
pub mod lifecycle;
pub mod live;
pub mod messages;
pub mod modules;
pub mod oauth2;
pub mod oidc;
pub mod orgs;
pub mod params;
pub mod provisioning;
pub mod registration;
pub mod second_factor;
pub mod server;
pub mod sessions;
pub mod setup;
pub mod tokens;
pub mod users;

pub use caller::{Access, AuthMethod, Caller, GrantedAs, SCOPE_ADMIN, SCOPE_ADMIN_READ};

use crate::{model::AppError, server::db::audit::AuditEntry};

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!("database error: {e}");
        AppError::Internal
    }
}

impl Caller {
    /// An audit record of an action by this caller.
    pub(crate) fn audit(
        &self,
        action: &'static str,
        target_type: &'static str,
        target_id: Option<&str>,
        detail: serde_json::Value,
    ) -> AuditEntry {
        AuditEntry {
            actor_type: self.actor_type(),
            actor_id: self.client_id.clone().or_else(|| self.user_id.clone()),
            actor_name: self.username.clone(),
            actor_ip: self.ip.clone(),
            // The system acts as itself, not under a role.
            actor_role: (self.method != AuthMethod::System)
                .then(|| self.granted_as.get())
                .flatten(),
            action,
            target_type,
            target_id: target_id.map(str::to_owned),
            detail,
        }
    }
}

/// Checks a cursor that must be an id (a ULID): 400 naming the parameter.
pub(crate) fn check_id_cursor(page: &crate::model::PageRequest) -> Result<(), AppError> {
    use crate::model::PageRequest;
    let (param, raw) = match page {
        PageRequest::First { after: Some(c), .. } => ("page[after]", c),
        PageRequest::Last {
            before: Some(c), ..
        } => ("page[before]", c),
        _ => return Ok(()),
    };
    if crate::model::validate::is_ulid(raw) {
        Ok(())
    } else {
        Err(AppError::bad_parameter(
            param,
            format!("{param} is not a cursor of this list"),
        ))
    }
}
