//! A user's life after creation: profile, password, lock, deactivation,
//! admin rights, deletion. Guard rails: nobody removes the last active
//! administrator, and nobody locks, deactivates, deletes or demotes themself.
//! Repeating an action changes nothing and keeps the original timestamp.

use serde_json::json;

use super::{sessions, users::to_model, Caller};
use crate::{
    model::{validate, AppError, Op, Roles, ServerRole, User, UserPatch, UserStatus},
    server::{
        db::{
            self,
            audit::AuditEntry,
            outbox::OutgoingMail,
            users::{TxFacts, UserChange, UserRow},
        },
        email::letter::Notice,
        time::now_ms,
        AppState,
    },
};

fn not_found(id: &str) -> AppError {
    AppError::NotFound(format!("no user with id {id}"))
}

/// Refuses an action on one's own account.
fn not_self(caller: &Caller, target: &UserRow, what: &str) -> Result<(), AppError> {
    if caller.user_id.as_deref() == Some(target.id.as_str()) {
        return Err(AppError::conflict(
            "cannot_modify_self",
            None,
            format!("You cannot {what} your own account."),
        ));
    }
    Ok(())
}

/// Refuses a change that would leave no active administrator.
fn keeps_an_admin(target: &UserRow, facts: &TxFacts, what: &str) -> Result<(), AppError> {
    let is_active_admin = target.admin() && target.status() == UserStatus::Active;
    if is_active_admin && facts.active_admins <= 1 {
        return Err(AppError::conflict(
            "last_admin",
            None,
            format!("Cannot {what} the last active administrator."),
        ));
    }
    Ok(())
}

/// What a change ends besides updating the row. Live streams go with the
/// credentials they were opened with; `rights` (a demotion) makes the
/// user's streams reconnect with what is left.
#[derive(Clone, Copy, Default)]
struct Ends {
    tokens: bool,
    sessions: bool,
    rights: bool,
}

const NOTHING: Ends = Ends {
    tokens: false,
    sessions: false,
    rights: false,
};
const SESSIONS: Ends = Ends {
    sessions: true,
    ..NOTHING
};
const EVERYTHING: Ends = Ends {
    tokens: true,
    sessions: true,
    rights: false,
};
const RIGHTS: Ends = Ends {
    rights: true,
    ..NOTHING
};

/// Runs `decide` on the user inside one transaction and returns the
/// result; the caller needs `op` on this user (checked on the row read in
/// the transaction, so a role granted meanwhile counts).
async fn change(
    state: &AppState,
    caller: &Caller,
    op: Op,
    id: &str,
    action: &'static str,
    decide: impl FnOnce(&UserRow, &TxFacts) -> Result<Option<(UserRow, Ends)>, AppError>,
) -> Result<User, AppError> {
    change_with_mail(state, caller, op, id, action, None, decide).await
}

/// [`change`], queuing `mail` (a notice to the user) with it.
async fn change_with_mail(
    state: &AppState,
    caller: &Caller,
    op: Op,
    id: &str,
    action: &'static str,
    mail: Option<OutgoingMail>,
    decide: impl FnOnce(&UserRow, &TxFacts) -> Result<Option<(UserRow, Ends)>, AppError>,
) -> Result<User, AppError> {
    caller.require(op)?;
    let mut ended = NOTHING;
    let mut email_before = None;
    let changed = db::users::update(&state.db, id, |current, facts| {
        caller.require_on_user(op, current)?;
        email_before = Some(current.email.clone());
        Ok::<_, AppError>(decide(current, facts)?.map(|(row, ends)| {
            ended = ends;
            UserChange {
                audit: audit_of(caller, action, current, &row, ends),
                row,
                revoke_tokens: ends.tokens,
                revoke_sessions: ends.sessions,
                mail,
            }
        }))
    })
    .await?
    .ok_or_else(|| not_found(id))?;
    if let Some(before) = email_before {
        super::email::verification::after_change(state, before.as_deref(), &changed.row).await;
    }
    state.mail.wake();
    sessions::on_revoked(state, &changed.revoked_sessions).await;
    if ended.tokens || ended.sessions {
        // Streams opened with a token or Basic credentials end too.
        state.live.close_user(id, true).await;
    } else if ended.rights {
        state.live.close_user(id, false).await;
    }
    Ok(to_model(changed.row))
}

/// The audit record of a change: the fields that differ, before and after,
/// never a password hash.
fn audit_of(
    caller: &Caller,
    action: &'static str,
    before: &UserRow,
    after: &UserRow,
    ends: Ends,
) -> AuditEntry {
    let view = |r: &UserRow| {
        json!({
            "display_name": r.display_name, "email": r.email, "roles": r.roles.names(),
            "can_request_admin": r.can_request_admin, "status": r.status,
            "password_change_required": r.password_change_required,
        })
    };
    let mut detail = db::audit::diff(&view(before), &view(after)).unwrap_or_else(|| json!({}));
    detail["username"] = json!(after.username);
    if ends.tokens {
        detail["tokens_revoked"] = json!(true);
    }
    if ends.sessions {
        detail["sessions_ended"] = json!(true);
    }
    caller.audit(action, "user", Some(&after.id), detail)
}

pub async fn update_profile(
    state: &AppState,
    caller: &Caller,
    id: &str,
    patch: UserPatch,
) -> Result<User, AppError> {
    let mut errors = Vec::new();
    let display_name = patch
        .display_name
        .map(|v| validate::display_name(v.as_deref()))
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let email = patch
        .email
        .map(|v| validate::email(v.as_deref()))
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    change(
        state,
        caller,
        Op::ManageUsers,
        id,
        "user.update",
        |current, _| {
            let mut row = current.clone();
            if let Some(v) = display_name {
                row.display_name = v;
            }
            if let Some(v) = email {
                row.email = v;
            }
            if let Some(v) = patch.can_request_admin {
                row.can_request_admin = v;
            }
            let same = row.display_name == current.display_name
                && row.email == current.email
                && row.can_request_admin == current.can_request_admin;
            Ok((!same).then_some((row, NOTHING)))
        },
    )
    .await
}

/// What an administrator's password reset does besides replacing the hash.
#[derive(Clone, Copy, Debug)]
pub struct PasswordReset {
    /// The user must choose their own password at the next login.
    pub temporary: bool,
    /// Also revoke the user's API tokens (whoever knew the old password may
    /// have made some).
    pub revoke_tokens: bool,
}

/// Replaces a user's password. It always ends the user's sessions: a reset
/// is what an administrator does to a compromised account, and a session
/// opened with the old password must not outlive it.
pub async fn set_password(
    state: &AppState,
    caller: &Caller,
    id: &str,
    new_password: String,
    reset: PasswordReset,
) -> Result<User, AppError> {
    caller.require(Op::ResetPasswords)?;
    let target = db::users::by_id(&state.db, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    caller.require_on_user(Op::ResetPasswords, &target)?;
    validate::password(
        &new_password,
        &target.username,
        state.config.password_min_length,
    )
    .map_err(|e| AppError::Invalid(vec![e]))?;
    let hash = state.hasher.hash(new_password).await?;
    let notice = super::email::notices::compose(state, &target, Notice::PasswordChanged, "").await;
    change_with_mail(
        state,
        caller,
        Op::ResetPasswords,
        id,
        "user.set_password",
        notice,
        |current, _| {
            let mut row = current.clone();
            row.password_hash = Some(hash);
            row.password_change_required = reset.temporary;
            row.sessions_valid_after = now_ms();
            let ends = if reset.revoke_tokens {
                EVERYTHING
            } else {
                SESSIONS
            };
            Ok(Some((row, ends)))
        },
    )
    .await
}

pub async fn lock(state: &AppState, caller: &Caller, id: &str) -> Result<User, AppError> {
    change(
        state,
        caller,
        Op::ManageUsers,
        id,
        "user.lock",
        |current, facts| {
            if current.locked_at.is_some() {
                return Ok(None);
            }
            not_self(caller, current, "lock")?;
            keeps_an_admin(current, facts, "lock")?;
            let mut row = current.clone();
            row.locked_at = Some(now_ms());
            row.status = status_of(&row).as_str().into();
            Ok(Some((row, SESSIONS)))
        },
    )
    .await
}

pub async fn unlock(state: &AppState, caller: &Caller, id: &str) -> Result<User, AppError> {
    change(
        state,
        caller,
        Op::UnlockUsers,
        id,
        "user.unlock",
        |current, _| {
            if current.locked_at.is_none() {
                return Ok(None);
            }
            let mut row = current.clone();
            row.locked_at = None;
            row.status = status_of(&row).as_str().into();
            Ok(Some((row, NOTHING)))
        },
    )
    .await
}

/// Ends every session and token; `erase` also scrubs personal data. The
/// username stays taken so that it cannot be reused by someone else.
pub async fn deactivate(
    state: &AppState,
    caller: &Caller,
    id: &str,
    erase: bool,
) -> Result<User, AppError> {
    change(
        state,
        caller,
        Op::ManageUsers,
        id,
        "user.deactivate",
        |current, facts| {
            let erased = current.display_name.is_none() && current.email.is_none();
            if current.deactivated_at.is_some() && (!erase || erased) {
                return Ok(None);
            }
            not_self(caller, current, "deactivate")?;
            keeps_an_admin(current, facts, "deactivate")?;
            let now = now_ms();
            let mut row = current.clone();
            row.deactivated_at = current.deactivated_at.or(Some(now));
            row.sessions_valid_after = now;
            if erase {
                row.display_name = None;
                row.email = None;
                row.password_hash = None;
            }
            row.status = status_of(&row).as_str().into();
            Ok(Some((row, EVERYTHING)))
        },
    )
    .await
}

pub async fn reactivate(state: &AppState, caller: &Caller, id: &str) -> Result<User, AppError> {
    change(
        state,
        caller,
        Op::ManageUsers,
        id,
        "user.reactivate",
        |current, _| {
            if current.deactivated_at.is_none() {
                return Ok(None);
            }
            let mut row = current.clone();
            row.deactivated_at = None;
            row.status = status_of(&row).as_str().into();
            Ok(Some((row, NOTHING)))
        },
    )
    .await
}

/// Grants or removes `server_admin`, keeping the user's other roles.
pub async fn set_admin(
    state: &AppState,
    caller: &Caller,
    id: &str,
    admin: bool,
) -> Result<User, AppError> {
    set_roles_with(state, caller, id, |current| {
        let others = current.iter().filter(|r| *r != ServerRole::ServerAdmin);
        let admin = admin.then_some(ServerRole::ServerAdmin);
        Roles::new(others.chain(admin))
    })
    .await
}

/// Replaces a user's server roles. Nobody grants a role allowing what
/// their own roles do not, or changes the roles of someone holding more;
/// nobody removes their own roles or the last active `server_admin`.
pub async fn set_roles(
    state: &AppState,
    caller: &Caller,
    id: &str,
    roles: Roles,
) -> Result<User, AppError> {
    set_roles_with(state, caller, id, |_| roles).await
}

async fn set_roles_with(
    state: &AppState,
    caller: &Caller,
    id: &str,
    new_roles: impl FnOnce(&Roles) -> Roles,
) -> Result<User, AppError> {
    caller.require(Op::ManageRoles)?;
    change(
        state,
        caller,
        Op::ManageRoles,
        id,
        "user.set_roles",
        |current, facts| {
            let roles = new_roles(&current.roles);
            if roles == current.roles {
                return Ok(None);
            }
            if !caller.roles.covers(&roles) {
                return Err(AppError::access_denied(
                    "role_not_held",
                    "You cannot grant a role allowing more than your own roles do.",
                ));
            }
            let gains = roles.iter().any(|r| !current.roles.contains(r));
            if gains {
                caller.require_recent_verification()?;
            }
            let loses = current.roles.iter().any(|r| !roles.contains(r));
            if loses {
                not_self(caller, current, "demote")?;
                if !roles.is_server_admin() {
                    keeps_an_admin(current, facts, "demote")?;
                }
            }
            let mut row = current.clone();
            row.roles = roles;
            Ok(Some((row, if loses { RIGHTS } else { NOTHING })))
        },
    )
    .await
}

pub async fn delete(state: &AppState, caller: &Caller, id: &str) -> Result<(), AppError> {
    caller.require(Op::ManageUsers)?;
    let deleted = db::users::delete(&state.db, id, |current, facts| {
        caller.require_on_user(Op::ManageUsers, current)?;
        not_self(caller, current, "delete")?;
        keeps_an_admin(current, facts, "delete")?;
        Ok::<_, AppError>(caller.audit(
            "user.delete",
            "user",
            Some(&current.id),
            json!({"username": current.username}),
        ))
    })
    .await?
    .ok_or_else(|| not_found(id))?;
    sessions::on_revoked(state, &deleted).await;
    state.live.close_user(id, true).await;
    Ok(())
}

/// Deactivation outranks a lock in the status shown.
fn status_of(row: &UserRow) -> UserStatus {
    if row.deactivated_at.is_some() {
        UserStatus::Deactivated
    } else if row.locked_at.is_some() {
        UserStatus::Locked
    } else {
        UserStatus::Active
    }
}
