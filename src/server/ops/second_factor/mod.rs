//! Second factors of an account: authenticator apps (TOTP), passkeys
//! (WebAuthn) and recovery codes; what a sign-in's second step accepts; the
//! policy that requires them; an administrator's reset of a user's factors.

pub mod passkey;
pub mod recovery;
pub mod totp;

use serde_json::json;

use crate::server::email::letter::Notice;

use super::{Access, Caller};
use crate::{
    model::{
        second_factor::{Factor, FactorKind, SecondStep, SecurityOverview},
        AppError,
    },
    server::{
        db::{self, factors::FactorRow, users::UserRow},
        time::{now_ms, rfc3339},
        AppState,
    },
};

pub fn to_model(row: &FactorRow) -> Factor {
    Factor {
        id: row.id.clone(),
        kind: FactorKind::parse(&row.kind).unwrap_or(FactorKind::Totp),
        name: row.name.clone(),
        created_at: rfc3339(row.created_at),
        last_used_at: row.last_used_at.map(rfc3339),
    }
}

/// Whether the server's policy wants an account with these rights to
/// have a second factor.
pub fn required_by_policy(state: &AppState, admin: bool) -> bool {
    state.config.require_second_factor.applies_to(admin)
}

/// The notice about a change to `user_id`'s factors, when one goes out.
async fn notice_to(
    state: &AppState,
    user_id: &str,
    kind: Notice,
    factor: &str,
) -> Option<db::outbox::OutgoingMail> {
    let user = db::users::by_id(&state.db, user_id).await.ok()??;
    super::email::notices::compose(state, &user, kind, factor).await
}

/// Stores a new factor of the caller, with its audit record.
async fn enrol(state: &AppState, caller: &Caller, row: FactorRow) -> Result<Factor, AppError> {
    let audit = caller.audit(
        "second_factor.enrol",
        "user",
        Some(&row.user_id),
        json!({"factor_id": row.id, "kind": row.kind, "name": row.name}),
    );
    let notice = notice_to(state, &row.user_id, Notice::FactorAdded, &row.name).await;
    db::factors::insert(&state.db, &row, &audit, notice.as_ref()).await?;
    state.mail.wake();
    Ok(to_model(&row))
}

/// The caller's factors and recovery codes (`/account` → Security), for a
/// page at `host`.
pub async fn overview(
    state: &AppState,
    caller: &Caller,
    host: Option<&str>,
) -> Result<SecurityOverview, AppError> {
    let user_id = caller.require_own_enrolment(Access::Read)?;
    let rows = db::factors::list_for_user(&state.db, user_id).await?;
    Ok(SecurityOverview {
        factors: rows.iter().map(to_model).collect(),
        recovery_codes_left: db::factors::recovery_codes_left(&state.db, user_id).await?,
        required_by_policy: required_by_policy(state, !caller.roles.is_empty()),
        passkeys_available: passkey::usable_from(state, host),
        new_recovery_codes: Vec::new(),
    })
}

/// An administrator's view of a user's factors (the user page).
pub async fn list_for_user(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<Vec<Factor>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    existing_user(state, user_id).await?;
    let rows = db::factors::list_for_user(&state.db, user_id).await?;
    Ok(rows.iter().map(to_model).collect())
}

async fn existing_user(state: &AppState, id: &str) -> Result<UserRow, AppError> {
    db::users::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no user with id {id}")))
}

/// Removes one of the caller's own factors; asks for a recent sign-in.
/// The last factor of an account the policy covers cannot go.
pub async fn remove(state: &AppState, caller: &Caller, factor_id: &str) -> Result<(), AppError> {
    let user_id = caller.require_own_enrolment(Access::Write)?;
    caller.require_recent_verification()?;
    let row = db::factors::get(&state.db, user_id, factor_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("you have no second factor {factor_id}")))?;
    let all = db::factors::list_for_user(&state.db, user_id).await?;
    if all.len() == 1 && required_by_policy(state, !caller.roles.is_empty()) {
        return Err(AppError::conflict(
            "second_factor_required",
            None,
            "This server requires a second factor: add another before removing this one.",
        ));
    }
    let audit = caller.audit(
        "second_factor.remove",
        "user",
        Some(user_id),
        json!({"factor_id": row.id, "kind": row.kind, "name": row.name}),
    );
    let notice = notice_to(state, user_id, Notice::FactorRemoved, &row.name).await;
    db::factors::delete(&state.db, user_id, factor_id, &audit, notice.as_ref()).await?;
    state.mail.wake();
    Ok(())
}

/// An administrator removes every factor and recovery code of a user (who
/// lost them): the user's sessions end, and the next sign-in takes the
/// password alone (then enrolment, when the policy requires a factor).
pub async fn reset_for_user(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<usize, AppError> {
    let user =
        crate::server::ops::users::target(state, caller, crate::model::Op::ResetFactors, user_id)
            .await?;
    caller.require_recent_verification()?;
    let removed = db::factors::list_for_user(&state.db, user_id).await?;
    let audit = caller.audit(
        "second_factor.reset",
        "user",
        Some(user_id),
        json!({
            "factors_removed": removed.len(),
            "factors": removed.iter().map(|f| json!({"kind": f.kind, "name": f.name})).collect::<Vec<_>>(),
        }),
    );
    let names: Vec<&str> = removed.iter().map(|f| f.name.as_str()).collect();
    let notice = if removed.is_empty() {
        None
    } else {
        super::email::notices::compose(state, &user, Notice::FactorRemoved, &names.join(", ")).await
    };
    let ended =
        db::factors::remove_all(&state.db, user_id, now_ms(), &audit, notice.as_ref()).await?;
    super::sessions::on_revoked(state, &ended).await;
    state.mail.wake();
    Ok(removed.len())
}

/// Whether a correct password still owes the second step.
pub async fn second_step_owed(state: &AppState, user_id: &str) -> Result<bool, AppError> {
    Ok(db::factors::has_any(&state.db, user_id).await?)
}

/// Whether a new session of `user` must enrol a factor before anything else.
pub async fn must_enrol(state: &AppState, user_id: &str, admin: bool) -> Result<bool, AppError> {
    Ok(required_by_policy(state, admin) && !db::factors::has_any(&state.db, user_id).await?)
}

/// What the second step offers `user_id` (who proved the password), on a
/// page at `host`.
pub async fn second_step(
    state: &AppState,
    user_id: &str,
    host: Option<&str>,
) -> Result<SecondStep, AppError> {
    let user = existing_user(state, user_id).await?;
    let rows = db::factors::list_for_user(&state.db, user_id).await?;
    let has = |kind: &str| rows.iter().any(|r| r.kind == kind);
    Ok(SecondStep {
        username: user.username,
        totp: has(db::factors::KIND_TOTP),
        passkey: has(db::factors::KIND_PASSKEY) && passkey::usable_from(state, host),
        recovery_codes: db::factors::recovery_codes_left(&state.db, user_id).await? > 0,
    })
}

/// The user behind a half-finished sign-in, as long as it may still sign
/// in (not locked or deactivated meanwhile).
pub async fn pending_user(state: &AppState, user_id: &str) -> Result<UserRow, AppError> {
    let user = db::users::by_id(&state.db, user_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if user.status() != crate::model::UserStatus::Active {
        return Err(AppError::Unauthenticated);
    }
    Ok(user)
}

/// Checks a code typed at the second step: an authenticator app's code, or
/// else a recovery code (spent). Wrong codes count against the same limits
/// as wrong passwords (under their own account key: a correct password
/// does not reset them), and are audited.
pub async fn verify_code(
    state: &AppState,
    user: &UserRow,
    code: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let attempt = state
        .login_limiter
        .begin(ip, &format!("second-factor:{}", user.username))
        .await?;
    let actor = Caller::signing_in(user, ip);
    let accepted = match totp::accept(state, &user.id, code).await? {
        true => true,
        false => recovery::spend(state, &actor, code).await?,
    };
    if accepted {
        attempt.succeeded().await;
        return Ok(());
    }
    drop(attempt);
    let audit = actor.audit(
        "second_factor.fail",
        "user",
        Some(&user.id),
        json!({"method": "code"}),
    );
    db::audit::record(&state.db, &audit).await?;
    Err(AppError::Invalid(vec![crate::model::FieldError::new(
        "code",
        "code_invalid",
        "That code is not valid. Codes work once; wait for the next one.",
    )]))
}
