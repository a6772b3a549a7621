//! Registration tokens (administered like Synapse's) and self-registration
//! at `/register` under the configured mode: closed, token or open.
//!
//! A registration spends one use of its token in the same write
//! transaction that creates the account (a conditional `UPDATE` checked by
//! its row count), so `pending` stays 0 and `completed` never passes
//! `uses_allowed`, however many visitors register at once.

use rand::{distributions::Alphanumeric, Rng};
use serde_json::json;

use super::{
    params::Params,
    users::{new_row, to_model as user_model, username_taken, validate_new_user},
    Caller,
};
use crate::{
    model::{
        registration::{self, DEFAULT_TOKEN_LENGTH, TOKEN_MAX_CHARS},
        AppError, FieldError, NewRegistrationToken, NewUser, Page, PageRequest, Registration,
        RegistrationMode, RegistrationToken, RegistrationTokenFilter, RegistrationTokenPatch, User,
    },
    server::{
        db::{
            self,
            audit::AuditEntry,
            registration_tokens::{Refusal, RegTokenRow, Registered},
        },
        time::{now_ms, rfc3339},
        AppState,
    },
};

pub fn to_model(row: RegTokenRow, now: i64) -> RegistrationToken {
    RegistrationToken {
        valid: row.refusal(now).is_none(),
        token: row.token,
        uses_allowed: row.uses_allowed,
        pending: row.pending,
        completed: row.completed,
        expires_at: row.expires_at.map(rfc3339),
        revoked_at: row.revoked_at.map(rfc3339),
        created_at: rfc3339(row.created_at),
        last_used_at: row.last_used_at.map(rfc3339),
    }
}

fn not_found(token: &str) -> AppError {
    AppError::NotFound(format!("no registration token {token}"))
}

fn invalid(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, code, message)
}

/// Cursors are the token's bytes in hex: tokens may hold `_` and `~`,
/// which cursors may not.
pub fn encode_cursor(token: &str) -> String {
    token.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_cursor(raw: &str) -> Option<String> {
    if raw.is_empty() || !raw.len().is_multiple_of(2) {
        return None;
    }
    let bytes = (0..raw.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(raw.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    let token = String::from_utf8(bytes).ok()?;
    registration::token(&token).ok()
}

/// The request with its cursor decoded into a token; 400 naming the
/// parameter when it is not a cursor of this list.
fn decoded_page(page: PageRequest) -> Result<PageRequest, AppError> {
    let bad = |param: &str| {
        AppError::bad_parameter(param, format!("{param} is not a cursor of this list"))
    };
    Ok(match page {
        PageRequest::First {
            size,
            after: Some(c),
        } => PageRequest::First {
            size,
            after: Some(decode_cursor(&c).ok_or_else(|| bad("page[after]"))?),
        },
        PageRequest::Last {
            size,
            before: Some(c),
        } => PageRequest::Last {
            size,
            before: Some(decode_cursor(&c).ok_or_else(|| bad("page[before]"))?),
        },
        other => other,
    })
}

fn random_token(length: usize) -> String {
    rand::rngs::OsRng
        .sample_iter(&Alphanumeric)
        .take(length)
        .map(char::from)
        .collect()
}

fn check_uses(uses: Option<i64>, errors: &mut Vec<FieldError>) {
    if uses.is_some_and(|n| n < 0) {
        errors.push(invalid(
            "uses_allowed",
            "uses_allowed_invalid",
            "uses_allowed must be 0 or more (null: unlimited).",
        ));
    }
}

fn check_expiry(expires_at: Option<i64>, now: i64, errors: &mut Vec<FieldError>) {
    if expires_at.is_some_and(|t| t <= now) {
        errors.push(invalid(
            "expires_at",
            "expiry_invalid",
            "Expiry must be in the future.",
        ));
    }
}

pub async fn create(
    state: &AppState,
    caller: &Caller,
    input: NewRegistrationToken,
) -> Result<RegistrationToken, AppError> {
    caller.require(crate::model::Op::ManageRegistration)?;
    if input.token.is_some() && input.length.is_some() {
        return Err(AppError::bad_request("give token or length, not both"));
    }
    let now = now_ms();
    let mut errors = Vec::new();
    let token = match (input.token, input.length) {
        (Some(t), _) => registration::token(&t).map_err(|e| errors.push(e)).ok(),
        (None, length) => {
            let length = length.unwrap_or(DEFAULT_TOKEN_LENGTH as i64);
            if (1..=TOKEN_MAX_CHARS as i64).contains(&length) {
                Some(random_token(length as usize))
            } else {
                errors.push(invalid(
                    "length",
                    "length_invalid",
                    format!("length must be 1 to {TOKEN_MAX_CHARS}."),
                ));
                None
            }
        }
    };
    check_uses(input.uses_allowed, &mut errors);
    check_expiry(input.expires_at, now, &mut errors);
    let (Some(token), true) = (token, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let row = RegTokenRow {
        token,
        uses_allowed: input.uses_allowed,
        pending: 0,
        completed: 0,
        expires_at: input.expires_at,
        revoked_at: None,
        created_at: now,
        last_used_at: None,
    };
    let audit = caller.audit(
        "registration_token.create",
        "registration_token",
        Some(&row.token),
        json!({"uses_allowed": row.uses_allowed, "expires_at": row.expires_at.map(rfc3339)}),
    );
    match db::registration_tokens::insert(&state.db, &row, &audit).await {
        Ok(()) => Ok(to_model(row, now)),
        Err(e) if db::is_unique_violation(&e) => Err(AppError::conflict(
            "token_exists",
            Some("token"),
            format!("The token '{}' already exists.", row.token),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn get(
    state: &AppState,
    caller: &Caller,
    token: &str,
) -> Result<RegistrationToken, AppError> {
    caller.require(crate::model::Op::ReadRegistration)?;
    let row = db::registration_tokens::get(&state.db, token)
        .await?
        .ok_or_else(|| not_found(token))?;
    Ok(to_model(row, now_ms()))
}

/// The tokens list's filter parameters, as the API names them.
pub const FILTERS: [&str; 4] = [
    "filter[valid]",
    "filter[used]",
    "filter[revoked]",
    "filter[expired]",
];

/// Builds a filter from [`FILTERS`] looked up by `get`; a bad value is a
/// 400 naming its parameter. Paging and counting are the caller's.
pub fn filter_from(
    get: impl Fn(&str) -> Option<String>,
) -> Result<RegistrationTokenFilter, AppError> {
    let p = Params(get);
    Ok(RegistrationTokenFilter {
        valid: p.boolean("filter[valid]")?,
        used: p.boolean("filter[used]")?,
        revoked: p.boolean("filter[revoked]")?,
        expired: p.boolean("filter[expired]")?,
        ..RegistrationTokenFilter::default()
    })
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    mut filter: RegistrationTokenFilter,
) -> Result<Page<RegistrationToken>, AppError> {
    caller.require(crate::model::Op::ReadRegistration)?;
    filter.page = decoded_page(filter.page)?;
    let now = now_ms();
    let page = db::registration_tokens::list(&state.db, &filter, now).await?;
    Ok(Page {
        next_cursor: page.next_cursor.as_deref().map(encode_cursor),
        prev_cursor: page.prev_cursor.as_deref().map(encode_cursor),
        ..page.map(|row| to_model(row, now))
    })
}

pub async fn update(
    state: &AppState,
    caller: &Caller,
    token: &str,
    patch: RegistrationTokenPatch,
) -> Result<RegistrationToken, AppError> {
    caller.require(crate::model::Op::ManageRegistration)?;
    let now = now_ms();
    let current = db::registration_tokens::get(&state.db, token)
        .await?
        .ok_or_else(|| not_found(token))?;
    let mut errors = Vec::new();
    check_uses(patch.uses_allowed.flatten(), &mut errors);
    check_expiry(patch.expires_at.flatten(), now, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let uses_allowed = patch.uses_allowed.unwrap_or(current.uses_allowed);
    let expires_at = patch.expires_at.unwrap_or(current.expires_at);
    let audit = caller.audit(
        "registration_token.update",
        "registration_token",
        Some(token),
        db::audit::diff(
            &json!({"uses_allowed": current.uses_allowed, "expires_at": current.expires_at.map(rfc3339)}),
            &json!({"uses_allowed": uses_allowed, "expires_at": expires_at.map(rfc3339)}),
        )
        .unwrap_or_else(|| json!({})),
    );
    if !db::registration_tokens::update(&state.db, token, uses_allowed, expires_at, &audit).await? {
        return Err(not_found(token));
    }
    get(state, caller, token).await
}

/// Revokes or unrevokes; doing it twice is fine (200 both times, and a
/// revoked token keeps its first revocation time).
pub async fn set_revoked(
    state: &AppState,
    caller: &Caller,
    token: &str,
    revoked: bool,
) -> Result<RegistrationToken, AppError> {
    caller.require(crate::model::Op::ManageRegistration)?;
    let action = if revoked {
        "registration_token.revoke"
    } else {
        "registration_token.unrevoke"
    };
    let audit = caller.audit(action, "registration_token", Some(token), json!({}));
    let at = revoked.then(now_ms);
    if !db::registration_tokens::set_revoked(&state.db, token, at, &audit).await? {
        return Err(not_found(token));
    }
    get(state, caller, token).await
}

pub async fn delete(state: &AppState, caller: &Caller, token: &str) -> Result<(), AppError> {
    caller.require(crate::model::Op::ManageRegistration)?;
    let audit = caller.audit(
        "registration_token.delete",
        "registration_token",
        Some(token),
        json!({}),
    );
    if db::registration_tokens::delete(&state.db, token, &audit).await? {
        Ok(())
    } else {
        Err(not_found(token))
    }
}

fn token_error(refusal: Refusal) -> AppError {
    let (code, message) = match refusal {
        Refusal::Unknown => ("token_invalid", "This registration token is not valid."),
        Refusal::UsedUp => ("token_used_up", "This registration token has been used up."),
        Refusal::Expired => ("token_expired", "This registration token has expired."),
        Refusal::Revoked => ("token_revoked", "This registration token has been revoked."),
    };
    AppError::Invalid(vec![FieldError::new("token", code, message)])
}

/// The limiter counts failed token guesses per client address, under a key
/// of its own so they do not lock out anyone's logins.
/// Unknown tokens and new accounts count against the visitor's address
/// (IPv6 by its /64), under the account limit.
fn limiter_key(ip: Option<&str>) -> String {
    let address = ip.map_or_else(
        || "unknown".to_owned(),
        crate::server::auth::limiter::address_key,
    );
    format!("register {address}")
}

/// Creates an account for a visitor, as the configured mode allows:
/// 404 while the registration module is off; 403 `registration_closed`; 422 for broken username/password rules or a
/// missing, unknown, used-up, expired or revoked token; 409 for a taken
/// username; 429 after too many unknown tokens or new accounts from one
/// address (`rate_limit.failures_per_account` per window).
pub async fn register(
    state: &AppState,
    input: Registration,
    ip: Option<String>,
) -> Result<User, AppError> {
    super::modules::require_enabled(state, super::modules::Module::Registration).await?;
    let mode = state.config.registration_mode;
    if mode == RegistrationMode::Closed {
        return Err(AppError::access_denied(
            "registration_closed",
            "Registration is closed on this server.",
        ));
    }
    let key = limiter_key(ip.as_deref());
    state.login_limiter.check(None, &key).await?;
    let new_user = NewUser {
        username: input.username.trim().to_owned(),
        password: Some(input.password.clone()),
        display_name: input.display_name.filter(|s| !s.trim().is_empty()),
        email: input.email.filter(|s| !s.trim().is_empty()),
        ..NewUser::default()
    };
    let (valid, mut errors) = match validate_new_user(&new_user, state.config.password_min_length) {
        Ok(valid) => (Some(valid), Vec::new()),
        Err(AppError::Invalid(errors)) => (None, errors),
        Err(other) => return Err(other),
    };
    if input.password.is_empty() {
        errors.push(invalid(
            "password",
            "password_required",
            "Password is required.",
        ));
    }
    let given_token = input
        .token
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let token = match (mode, given_token) {
        // Open registration takes a token too: an invitation's.
        (RegistrationMode::Open, Some(t)) => {
            registration::token(t).map_err(|e| errors.push(e)).ok()
        }
        (RegistrationMode::Token, given) => match given {
            None => {
                errors.push(invalid(
                    "token",
                    "token_required",
                    "A registration token is required.",
                ));
                None
            }
            Some(t) => registration::token(t).map_err(|e| errors.push(e)).ok(),
        },
        _ => None,
    };
    let (Some(valid), true) = (valid, errors.is_empty()) else {
        if errors.iter().any(|e| e.code == "token_invalid") {
            state.login_limiter.record_failure(None, &key).await;
        }
        return Err(AppError::Invalid(errors));
    };
    let now = now_ms();
    // Cheap early answers before hashing the password; the transaction
    // below decides races.
    if let Some(token) = &token {
        let refusal = match db::registration_tokens::get(&state.db, token).await? {
            None => Some(Refusal::Unknown),
            Some(row) => row.refusal(now),
        };
        if let Some(refusal) = refusal {
            if refusal == Refusal::Unknown {
                state.login_limiter.record_failure(None, &key).await;
            }
            return Err(token_error(refusal));
        }
    }
    if db::users::by_username(&state.db, &valid.username)
        .await?
        .is_some()
    {
        return Err(username_taken(&valid.username));
    }
    let invitation = match &token {
        Some(t) => super::email::invitations::by_token(state, t).await?,
        None => None,
    };
    let mut links = match &invitation {
        Some(inv) => {
            let role = inv.role.as_deref().and_then(crate::model::OrgRole::parse);
            match super::orgs::new_user_links(state, inv.org_id.as_deref(), role).await {
                Ok(links) => links,
                // The organisation went away since: join none rather than fail.
                Err(AppError::BadReference { .. }) => {
                    super::orgs::new_user_links(state, None, None).await?
                }
                Err(e) => return Err(e),
            }
        }
        None => super::orgs::new_user_links(state, None, None).await?,
    };
    links.registration_token = token.clone();
    let mut row = new_row(state, valid, crate::model::Roles::default()).await?;
    if let Some(inv) = &invitation {
        // The link came to the invited address: it is proven.
        let invited = &inv.email;
        if row.email.is_none() {
            row.email = Some(invited.clone());
        }
        if row
            .email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(invited))
        {
            row.email_verified_at = Some(now);
        }
    }
    let audit = AuditEntry {
        actor_type: "user",
        actor_id: Some(row.id.clone()),
        actor_name: row.username.clone(),
        actor_ip: ip,
        actor_role: None,
        action: "user.register",
        target_type: "user",
        target_id: Some(row.id.clone()),
        detail: json!({"username": row.username, "registration_token": token}),
    };
    match db::registration_tokens::register(
        &state.db,
        token.as_deref(),
        now_ms(),
        &row,
        &links,
        &audit,
    )
    .await
    {
        Ok(Registered::Done) => {
            // Open registration must not let one address mint accounts.
            state.login_limiter.record_failure(None, &key).await;
            super::email::verification::after_change(state, None, &row).await;
            let mut user = user_model(row);
            user.registration_token = token;
            Ok(user)
        }
        Ok(Registered::Refused(refusal)) => Err(token_error(refusal)),
        Err(e) if db::is_unique_violation(&e) => Err(username_taken(&row.username)),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filters::{api_name, REGISTRATION_TOKEN_FILTER_VALUES};
    use crate::server::ops::params::from_pairs;

    #[test]
    fn filters_by_api_name() {
        let f = filter_from(from_pairs(&[
            ("filter[valid]", "true"),
            ("filter[used]", "false"),
            ("filter[revoked]", ""),
        ]))
        .unwrap();
        assert_eq!(
            (f.valid, f.used, f.revoked),
            (Some(true), Some(false), None)
        );
        match filter_from(from_pairs(&[("filter[expired]", "1")])).unwrap_err() {
            AppError::BadRequest { parameter, .. } => {
                assert_eq!(parameter.as_deref(), Some("filter[expired]"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_old_panel_choice_is_one_filter_set_to_true() {
        let chosen = api_name(REGISTRATION_TOKEN_FILTER_VALUES, "used").unwrap();
        let f = filter_from(|k: &str| (k == chosen).then(|| "true".to_owned())).unwrap();
        assert_eq!((f.used, f.valid, f.expired), (Some(true), None, None));
    }

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        let c = encode_cursor("a_b~C.9-");
        assert!(c.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(decode_cursor(&c).as_deref(), Some("a_b~C.9-"));
        assert_eq!(decode_cursor("zz"), None);
        assert_eq!(decode_cursor("abc"), None);
        assert_eq!(decode_cursor(&encode_cursor("a b")), None);
    }

    #[test]
    fn random_tokens_have_the_length_asked() {
        let t = random_token(24);
        assert_eq!(t.len(), 24);
        assert!(registration::token(&t).is_ok());
    }
}
