//! Built-in modules that administrators switch on and off at run time.
//! The state lives in `module_states` (no row: the module's default) and is
//! read on every check, so a switch holds on every instance at its next
//! request and survives restarts. A disabled module's endpoints answer a
//! plain 404 (`not_found`), as if they did not exist.

use serde_json::json;

use super::{Access, Caller};
use crate::{
    model::{AppError, ModuleState},
    server::{
        db::{self, modules::ModuleRow},
        time::{now_ms, rfc3339},
        AppState,
    },
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    Registration,
    SelfService,
    Messaging,
    BasicAuth,
    Metrics,
    AuditExport,
}

impl Module {
    pub const ALL: [Module; 6] = [
        Module::Registration,
        Module::SelfService,
        Module::Messaging,
        Module::BasicAuth,
        Module::Metrics,
        Module::AuditExport,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Module::Registration => "registration",
            Module::SelfService => "self_service",
            Module::Messaging => "messaging",
            Module::BasicAuth => "basic_auth",
            Module::Metrics => "metrics",
            Module::AuditExport => "audit_export",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Module::Registration => "Self-registration: the /register page and POST /api/register.",
            Module::SelfService => {
                "Members manage their own profile, password, sessions and tokens."
            }
            Module::Messaging => "Sending messages to users: one, several or everyone.",
            Module::BasicAuth => "HTTP Basic credentials on the admin API.",
            Module::Metrics => "The Prometheus /metrics endpoint.",
            Module::AuditExport => "Exporting the audit log.",
        }
    }

    /// The state without an administrator's choice.
    pub fn default_enabled(self) -> bool {
        true
    }

    pub fn from_name(name: &str) -> Option<Module> {
        Module::ALL.into_iter().find(|m| m.name() == name)
    }
}

fn not_found(name: &str) -> AppError {
    AppError::NotFound(format!("no module named {name}"))
}

fn to_model(module: Module, row: Option<&ModuleRow>) -> ModuleState {
    ModuleState {
        name: module.name().to_owned(),
        description: module.description().to_owned(),
        enabled: row.map_or(module.default_enabled(), |r| r.enabled),
        default: module.default_enabled(),
        changed_at: row.map(|r| rfc3339(r.changed_at)),
        changed_by: row.map(|r| r.changed_by.clone()),
    }
}

/// Whether `module` is on right now (one primary-key lookup, no cache).
pub async fn is_enabled(state: &AppState, module: Module) -> Result<bool, AppError> {
    Ok(db::modules::get(&state.db, module.name())
        .await?
        .map_or(module.default_enabled(), |r| r.enabled))
}

/// A plain 404 when `module` is off: its endpoints then look absent.
pub async fn require_enabled(state: &AppState, module: Module) -> Result<(), AppError> {
    if is_enabled(state, module).await? {
        Ok(())
    } else {
        Err(AppError::NotFound(format!(
            "the {} module is disabled",
            module.name()
        )))
    }
}

/// The gate of every self-service operation: the caller's own user id once
/// [`Caller::require_own`] allows the access. Self-service is for members:
/// administrators keep managing their own account whatever the module's
/// state (they could through admin rights).
pub async fn require_self_service<'c>(
    state: &AppState,
    caller: &'c Caller,
    access: Access,
) -> Result<&'c str, AppError> {
    let id = caller.require_own(access)?;
    if caller.roles.is_empty() {
        require_enabled(state, Module::SelfService).await?;
    }
    Ok(id)
}

pub async fn list(state: &AppState, caller: &Caller) -> Result<Vec<ModuleState>, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    let rows = db::modules::all(&state.db).await?;
    Ok(Module::ALL
        .into_iter()
        .map(|m| to_model(m, rows.iter().find(|r| r.name == m.name())))
        .collect())
}

pub async fn get(state: &AppState, caller: &Caller, name: &str) -> Result<ModuleState, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    let module = Module::from_name(name).ok_or_else(|| not_found(name))?;
    let row = db::modules::get(&state.db, module.name()).await?;
    Ok(to_model(module, row.as_ref()))
}

/// Switches a module on or off; switching to the current state changes
/// nothing (and writes no audit record).
pub async fn set_enabled(
    state: &AppState,
    caller: &Caller,
    name: &str,
    enabled: bool,
) -> Result<ModuleState, AppError> {
    caller.require(crate::model::Op::ManageServer)?;
    let module = Module::from_name(name).ok_or_else(|| not_found(name))?;
    let row = ModuleRow {
        name: module.name().to_owned(),
        enabled,
        changed_at: now_ms(),
        changed_by: caller.username.clone(),
    };
    let action = if enabled {
        "module.enable"
    } else {
        "module.disable"
    };
    let after = db::modules::set(&state.db, &row, module.default_enabled(), |before| {
        caller.audit(
            action,
            "module",
            Some(module.name()),
            json!({"before": {"enabled": before}, "after": {"enabled": enabled}}),
        )
    })
    .await?;
    Ok(to_model(module, after.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for m in Module::ALL {
            assert_eq!(Module::from_name(m.name()), Some(m));
        }
        assert_eq!(Module::from_name("nope"), None);
        assert_eq!(Module::from_name("Registration"), None);
    }
}
