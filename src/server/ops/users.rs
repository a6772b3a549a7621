//! Users: create, list, get.

use serde_json::json;

use super::{Access, Caller};
use crate::{
    model::{validate, AppError, NewUser, Page, PageRequest, User, UserFilter, UserStatus},
    server::{
        db::{self, users::UserRow},
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

pub fn to_model(row: UserRow) -> User {
    User {
        status: row.status(),
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        email: row.email,
        admin: row.admin,
        can_request_admin: row.can_request_admin,
        created_at: rfc3339(row.created_at),
        last_seen_at: row.last_seen_at.map(rfc3339),
        locked_at: row.locked_at.map(rfc3339),
        deactivated_at: row.deactivated_at.map(rfc3339),
        password_change_required: row.password_change_required,
        memberships: Vec::new(),
        registration_token: None,
    }
}

/// Validated input of a new account, every rule checked and every broken
/// rule reported at once.
pub(crate) struct ValidNewUser {
    pub username: String,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub password: Option<String>,
}

pub(crate) fn validate_new_user(
    input: &NewUser,
    min_password: usize,
) -> Result<ValidNewUser, AppError> {
    let mut errors = Vec::new();
    let username = validate::username(&input.username)
        .map_err(|e| errors.push(e))
        .ok();
    let display_name = validate::display_name(input.display_name.as_deref())
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let email = validate::email(input.email.as_deref())
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let password = input.password.clone().filter(|p| !p.is_empty());
    if let Some(p) = &password {
        if let Err(e) = validate::password(p, &input.username, min_password) {
            errors.push(e);
        }
    }
    match username {
        Some(username) if errors.is_empty() => Ok(ValidNewUser {
            username,
            display_name,
            email,
            password,
        }),
        _ => Err(AppError::Invalid(errors)),
    }
}

pub(crate) async fn new_row(
    state: &AppState,
    valid: ValidNewUser,
    admin: bool,
) -> Result<UserRow, AppError> {
    let password_hash = match valid.password {
        Some(p) => Some(state.hasher.hash(p).await?),
        None => None,
    };
    Ok(UserRow {
        id: new_id(),
        username: valid.username,
        display_name: valid.display_name,
        email: valid.email,
        password_hash,
        admin,
        can_request_admin: false,
        status: UserStatus::Active.as_str().into(),
        created_at: now_ms(),
        last_seen_at: None,
        locked_at: None,
        deactivated_at: None,
        password_change_required: false,
        sessions_valid_after: 0,
    })
}

pub(crate) fn username_taken(username: &str) -> AppError {
    AppError::conflict(
        "username_taken",
        Some("username"),
        format!("The username '{username}' is already taken."),
    )
}

pub async fn create(state: &AppState, caller: &Caller, input: NewUser) -> Result<User, AppError> {
    caller.require_admin(Access::Write)?;
    let valid = validate_new_user(&input, state.config.password_min_length)?;
    // Cheap early answer for the common duplicate; the unique index decides races.
    if db::users::by_username(&state.db, &valid.username)
        .await?
        .is_some()
    {
        return Err(username_taken(&valid.username));
    }
    let links = super::orgs::new_user_links(state, input.org_id.as_deref(), input.role).await?;
    let row = new_row(state, valid, input.admin).await?;
    let audit = caller.audit(
        "user.create",
        "user",
        Some(&row.id),
        json!({"username": row.username, "admin": row.admin, "orgs": links.memberships.iter().map(|(id, role)| json!({"org_id": id, "role": role.as_str()})).collect::<Vec<_>>()}),
    );
    match db::users::insert(&state.db, &row, &links, &audit).await {
        Ok(()) => super::orgs::with_memberships_one(state, to_model(row)).await,
        Err(e) if db::is_unique_violation(&e) => Err(username_taken(&row.username)),
        Err(e) => Err(e.into()),
    }
}

/// A cursor only means something in the order it was made for.
fn check_cursor(filter: &UserFilter) -> Result<(), AppError> {
    let (param, raw) = match &filter.page {
        PageRequest::First { after: Some(c), .. } => ("page[after]", c),
        PageRequest::Last {
            before: Some(c), ..
        } => ("page[before]", c),
        _ => return Ok(()),
    };
    match db::users::Cursor::decode(raw, filter.sort.key) {
        Some(_) => Ok(()),
        None => Err(AppError::bad_parameter(
            param,
            format!("{param} is not a cursor of this list in this order"),
        )),
    }
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    mut filter: UserFilter,
) -> Result<Page<User>, AppError> {
    caller.require_admin(Access::Read)?;
    filter.search = filter
        .search
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if filter
        .search
        .as_ref()
        .is_some_and(|s| s.chars().count() > 256)
    {
        return Err(AppError::bad_parameter(
            "filter[search]",
            "search is limited to 256 characters",
        ));
    }
    check_cursor(&filter)?;
    let page = db::users::list(&state.db, &filter).await?.map(to_model);
    let items = super::orgs::with_memberships(state, page.items).await?;
    Ok(Page { items, ..page })
}

pub async fn get(state: &AppState, caller: &Caller, id: &str) -> Result<User, AppError> {
    caller.require_admin(Access::Read)?;
    let mut user = db::users::by_id(&state.db, id)
        .await?
        .map(to_model)
        .ok_or_else(|| AppError::NotFound(format!("no user with id {id}")))?;
    user.registration_token = db::registration_tokens::of_user(&state.db, &user.id).await?;
    super::orgs::with_memberships_one(state, user).await
}

pub async fn get_by_username(
    state: &AppState,
    caller: &Caller,
    username: &str,
) -> Result<User, AppError> {
    caller.require_admin(Access::Read)?;
    let mut user = db::users::by_username(&state.db, username)
        .await?
        .map(to_model)
        .ok_or_else(|| AppError::NotFound(format!("no user named {username}")))?;
    user.registration_token = db::registration_tokens::of_user(&state.db, &user.id).await?;
    super::orgs::with_memberships_one(state, user).await
}
