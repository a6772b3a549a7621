//! Personal tokens: created for a user (by an admin), listed, revoked.
//! A token acts with its owner's rights, so it stops working as soon as the
//! owner is locked, deactivated or loses admin rights. With `[account]
//! member_tokens` on, members manage their own tokens too (from the panel).

use serde_json::json;

use super::{Access, AuthMethod, Caller};
use crate::{
    model::{
        roles::{roles_in_scopes, ORG_ADMIN_SCOPE, ROLE_SCOPE_PREFIX},
        ApiToken, ApiTokenCreated, AppError, FieldError, Op, ServerRole, SCOPES, SCOPE_ADMIN,
    },
    server::{
        auth::token::{generate_secret, hash_secret},
        db::{self, tokens::TokenRow, users::UserRow},
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

pub const MAX_NAME_CHARS: usize = 100;

pub struct NewToken {
    pub user_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    /// Unix milliseconds; `None` never expires.
    pub expires_at: Option<i64>,
}

pub fn to_model(row: &TokenRow, now: i64) -> ApiToken {
    let state = if row.revoked_at.is_some() {
        "revoked"
    } else if row.expires_at.is_some_and(|t| t <= now) {
        "expired"
    } else {
        "active"
    };
    ApiToken {
        id: row.id.clone(),
        user_id: row.user_id.clone(),
        name: row.name.clone(),
        scopes: row.scopes.split_whitespace().map(str::to_owned).collect(),
        created_at: rfc3339(row.created_at),
        expires_at: row.expires_at.map(rfc3339),
        last_used_at: row.last_used_at.map(rfc3339),
        revoked_at: row.revoked_at.map(rfc3339),
        state: state.to_owned(),
    }
}

fn known_scope(scope: &str) -> bool {
    SCOPES.contains(&scope)
        || scope == ORG_ADMIN_SCOPE
        || scope
            .strip_prefix(ROLE_SCOPE_PREFIX)
            .is_some_and(|role| ServerRole::parse(role).is_some())
}

/// Checks requested scopes: known ones only; without the full or the
/// read-only scope, full. Role scopes (`urn:gatehouse:role:helpdesk`,
/// `…:org_admin`) narrow the rights to those roles.
pub fn parse_scopes(requested: Vec<String>, field: &str) -> Result<Vec<String>, FieldError> {
    let mut scopes: Vec<String> = requested
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(str::to_owned)
        .collect();
    if let Some(bad) = scopes.iter().find(|s| !known_scope(s)) {
        return Err(FieldError::new(
            field,
            "scope_unknown",
            format!(
                "Unknown scope '{bad}'. Known: {}, and {ROLE_SCOPE_PREFIX}<role>.",
                SCOPES.join(", ")
            ),
        ));
    }
    scopes.sort();
    scopes.dedup();
    if !scopes.iter().any(|s| SCOPES.contains(&s.as_str())) {
        scopes.push(SCOPE_ADMIN.to_owned());
    }
    Ok(scopes)
}

/// A token naming roles its owner does not hold would be refused at every
/// use: refuse it now instead.
fn check_roles_held(owner: &UserRow, scopes: &[String]) -> Result<(), AppError> {
    let (named, _) = roles_in_scopes(&scopes.join(" "));
    if owner.roles.covers(&named) {
        return Ok(());
    }
    Err(AppError::Invalid(vec![FieldError::new(
        "scopes",
        "role_not_held",
        format!(
            "{} does not hold every role these scopes name.",
            owner.username
        ),
    )]))
}

/// Checks a credential's display name.
pub fn parse_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(FieldError::new(
            "name",
            "name_invalid",
            format!("Name must be 1 to {MAX_NAME_CHARS} printable characters."),
        ));
    }
    Ok(name.to_owned())
}

async fn existing_user(state: &AppState, id: &str) -> Result<UserRow, AppError> {
    db::users::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no user with id {id}")))
}

/// Roles allowing it manage the tokens of users holding no more than they
/// do (a token acts with its owner's rights); a member only their own,
/// from a panel session, only when the configuration allows it and while
/// the self-service module is on.
async fn authorize(
    state: &AppState,
    caller: &Caller,
    owner_id: &str,
    access: Access,
) -> Result<(), AppError> {
    let op = match access {
        Access::Read => Op::ReadUsers,
        Access::Write => Op::ManageTokens,
    };
    let refusal = match caller.require(op) {
        Ok(()) => {
            return match db::users::by_id(&state.db, owner_id).await? {
                Some(owner) => caller.require_on_user(op, &owner),
                // The operation answers 404 itself.
                None => Ok(()),
            };
        }
        Err(e) => e,
    };
    // Holders of a role manage their own tokens (which carry at most
    // their rights), like administrators always did.
    let own = caller.user_id.as_deref() == Some(owner_id);
    if own && !caller.roles.is_empty() {
        return caller.require_own(access).map(drop);
    }
    let own_member_session = state.config.member_tokens
        && caller.roles.is_empty()
        && !caller.password_change_required
        && caller.method == AuthMethod::Session
        && caller.user_id.as_deref() == Some(owner_id);
    if own_member_session {
        super::modules::require_self_service(state, caller, access)
            .await
            .map(drop)
    } else {
        Err(refusal)
    }
}

/// Creates a token; the secret is returned here once and never stored.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    input: NewToken,
) -> Result<ApiTokenCreated, AppError> {
    authorize(state, caller, &input.user_id, Access::Write).await?;
    caller.require_recent_verification()?;
    let now = now_ms();
    let mut errors = Vec::new();
    let name = parse_name(&input.name).map_err(|e| errors.push(e)).ok();
    let scopes = parse_scopes(input.scopes, "scopes")
        .map_err(|e| errors.push(e))
        .ok();
    if input.expires_at.is_some_and(|t| t <= now) {
        errors.push(FieldError::new(
            "expires_at",
            "expiry_invalid",
            "Expiry must be in the future.",
        ));
    }
    let (Some(name), Some(scopes), true) = (name, scopes, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let owner = existing_user(state, &input.user_id).await?;
    check_roles_held(&owner, &scopes)?;

    let row = TokenRow {
        id: new_id(),
        user_id: input.user_id,
        name,
        scopes: scopes.join(" "),
        created_at: now,
        expires_at: input.expires_at,
        last_used_at: None,
        revoked_at: None,
    };
    let secret = generate_secret();
    let audit = caller.audit(
        "token.create",
        "token",
        Some(&row.id),
        json!({"user_id": row.user_id, "name": row.name, "scopes": row.scopes}),
    );
    db::tokens::insert(&state.db, &row, &hash_secret(&secret), &audit).await?;
    Ok(ApiTokenCreated {
        token: to_model(&row, now),
        secret,
    })
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<Vec<ApiToken>, AppError> {
    authorize(state, caller, user_id, Access::Read).await?;
    existing_user(state, user_id).await?;
    let now = now_ms();
    Ok(db::tokens::list_for_user(&state.db, user_id)
        .await?
        .iter()
        .map(|row| to_model(row, now))
        .collect())
}

/// Revokes one token; revoking a revoked token is a no-op. 404 when the
/// user has no such token.
pub async fn revoke(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    token_id: &str,
) -> Result<ApiToken, AppError> {
    authorize(state, caller, user_id, Access::Write).await?;
    let not_found = || AppError::NotFound(format!("user {user_id} has no token {token_id}"));
    let row = db::tokens::get(&state.db, user_id, token_id)
        .await?
        .ok_or_else(not_found)?;
    let now = now_ms();
    let audit = caller.audit(
        "token.revoke",
        "token",
        Some(token_id),
        json!({"user_id": user_id, "name": row.name}),
    );
    db::tokens::revoke(&state.db, user_id, token_id, now, &audit).await?;
    state.live.close_tokens(&[token_id.to_owned()]).await;
    let row = db::tokens::get(&state.db, user_id, token_id)
        .await?
        .ok_or_else(not_found)?;
    Ok(to_model(&row, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SCOPE_ADMIN_READ;

    #[test]
    fn scopes_default_to_admin_and_unknown_ones_are_refused() {
        assert_eq!(parse_scopes(vec![], "scopes").unwrap(), vec![SCOPE_ADMIN]);
        assert_eq!(
            parse_scopes(
                vec![format!("{SCOPE_ADMIN_READ} {SCOPE_ADMIN_READ}")],
                "scope"
            )
            .unwrap(),
            vec![SCOPE_ADMIN_READ]
        );
        let err = parse_scopes(vec!["openid".into()], "scope").unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.code.as_str()),
            ("scope", "scope_unknown")
        );
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(parse_name("  deploy bot ").unwrap(), "deploy bot");
        assert!(parse_name(" ").is_err());
        assert!(parse_name(&"x".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(parse_name("a\nb").is_err());
    }
}
