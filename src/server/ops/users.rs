//! Users: create, list, get.

use serde_json::json;

use super::{params::Params, Caller};
use crate::{
    model::{
        validate, AppError, FieldError, NewUser, Op, Page, PageRequest, Roles, ServerRole, User,
        UserFilter, UserSort, UserStatus,
    },
    server::{
        db::{self, users::UserRow},
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

pub fn to_model(row: UserRow) -> User {
    let admin = row.admin();
    User {
        status: row.status(),
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        email_verified: row.email.is_some() && row.email_verified_at.is_some(),
        email: row.email,
        admin,
        roles: row.roles.names().into_iter().map(str::to_owned).collect(),
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
    roles: Roles,
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
        roles,
        can_request_admin: false,
        status: UserStatus::Active.as_str().into(),
        created_at: now_ms(),
        last_seen_at: None,
        locked_at: None,
        deactivated_at: None,
        password_change_required: false,
        sessions_valid_after: 0,
        email_verified_at: None,
    })
}

/// The roles a new account asks for: `roles`, plus `server_admin` for
/// `admin: true`; an unknown name is a field error.
pub(crate) fn requested_roles(input: &NewUser) -> Result<Roles, AppError> {
    let named = Roles::parse_names(&input.roles).map_err(|bad| {
        AppError::Invalid(vec![FieldError::new(
            "roles",
            "role_unknown",
            format!("Unknown role '{bad}'."),
        )])
    })?;
    let admin = input.admin.then_some(ServerRole::ServerAdmin);
    Ok(Roles::new(named.iter().chain(admin)))
}

/// Whether `caller` may hand out `roles`: they manage roles and hold
/// rights covering everything the roles allow.
pub(crate) fn grantable(caller: &Caller, roles: &Roles) -> Result<(), AppError> {
    caller.require(Op::ManageRoles)?;
    if !caller.roles.covers(roles) {
        return Err(AppError::access_denied(
            "role_not_held",
            "You cannot grant a role allowing more than your own roles do.",
        ));
    }
    Ok(())
}

/// An existing user `caller` may do `op` to: 404 when there is none, 403
/// when they hold rights the caller lacks.
pub(crate) async fn target(
    state: &AppState,
    caller: &Caller,
    op: Op,
    id: &str,
) -> Result<UserRow, AppError> {
    caller.require(op)?;
    let row = db::users::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no user with id {id}")))?;
    caller.require_on_user(op, &row)?;
    Ok(row)
}

pub(crate) fn username_taken(username: &str) -> AppError {
    AppError::conflict(
        "username_taken",
        Some("username"),
        format!("The username '{username}' is already taken."),
    )
}

pub async fn create(state: &AppState, caller: &Caller, input: NewUser) -> Result<User, AppError> {
    caller.require(Op::ManageUsers)?;
    let roles = requested_roles(&input)?;
    if !roles.is_empty() {
        grantable(caller, &roles)?;
        caller.require_recent_verification()?;
    }
    let valid = validate_new_user(&input, state.config.password_min_length)?;
    // Cheap early answer for the common duplicate; the unique index decides races.
    if db::users::by_username(&state.db, &valid.username)
        .await?
        .is_some()
    {
        return Err(username_taken(&valid.username));
    }
    let links = super::orgs::new_user_links(state, input.org_id.as_deref(), input.role).await?;
    let row = new_row(state, valid, roles).await?;
    let audit = caller.audit(
        "user.create",
        "user",
        Some(&row.id),
        json!({"username": row.username, "roles": row.roles.names(), "orgs": links.memberships.iter().map(|(id, role)| json!({"org_id": id, "role": role.as_str()})).collect::<Vec<_>>()}),
    );
    match db::users::insert(&state.db, &row, &links, &audit).await {
        Ok(()) => {
            super::email::verification::after_change(state, None, &row).await;
            super::orgs::with_memberships_one(state, to_model(row)).await
        }
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

/// The users list's filter parameters, as the API names them (the export
/// takes the same).
pub const FILTERS: [&str; 13] = [
    "filter[status]",
    "filter[admin]",
    "filter[can_request_admin]",
    "filter[search]",
    "filter[last_seen_before]",
    "filter[last_seen_after]",
    "filter[created_before]",
    "filter[created_after]",
    "filter[id]",
    "filter[inactive_days]",
    "filter[org]",
    "filter[has_second_factor]",
    "filter[email_verified]",
];
/// Most ids one `filter[id]` may list.
pub const MAX_IDS: usize = 1000;

/// Builds a filter from [`FILTERS`] and `sort`, looked up by `get`; a bad
/// value is a 400 naming its parameter. Paging and counting are the
/// caller's.
pub fn filter_from(get: impl Fn(&str) -> Option<String>) -> Result<UserFilter, AppError> {
    let p = Params(get);
    let mut last_seen_before = p.instant("filter[last_seen_before]")?;
    // "Not seen for N days" is another way to say "last seen before".
    if let Some(inactive_since) = p.days_ago("filter[inactive_days]")? {
        if last_seen_before.is_some() {
            return Err(AppError::bad_parameter(
                "filter[inactive_days]",
                "filter[inactive_days] and filter[last_seen_before] cannot be combined",
            ));
        }
        last_seen_before = Some(inactive_since);
    }
    Ok(UserFilter {
        status: p.parsed(
            "filter[status]",
            UserStatus::parse,
            "active, locked or deactivated",
        )?,
        admin: p.boolean("filter[admin]")?,
        can_request_admin: p.boolean("filter[can_request_admin]")?,
        search: p.text("filter[search]")?,
        last_seen_before,
        last_seen_after: p.instant("filter[last_seen_after]")?,
        created_before: p.instant("filter[created_before]")?,
        created_after: p.instant("filter[created_after]")?,
        ids: p
            .parsed(
                "filter[id]",
                id_list,
                &format!("up to {MAX_IDS} comma-separated user ids"),
            )?
            .unwrap_or_default(),
        org: p.id("filter[org]", "an organisation id")?,
        has_second_factor: p.boolean("filter[has_second_factor]")?,
        email_verified: p.boolean("filter[email_verified]")?,
        sort: p
            .parsed("sort", UserSort::parse, UserSort::ACCEPTED)?
            .unwrap_or_default(),
        ..UserFilter::default()
    })
}

/// `id,id,...`: at most [`MAX_IDS`] user ids (blanks between commas skipped).
fn id_list(raw: &str) -> Option<Vec<String>> {
    let ids: Vec<String> = raw
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    (ids.len() <= MAX_IDS && ids.iter().all(|id| validate::is_ulid(id))).then_some(ids)
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    mut filter: UserFilter,
) -> Result<Page<User>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
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
    caller.require(crate::model::Op::ReadUsers)?;
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
    caller.require(crate::model::Op::ReadUsers)?;
    let mut user = db::users::by_username(&state.db, username)
        .await?
        .map(to_model)
        .ok_or_else(|| AppError::NotFound(format!("no user named {username}")))?;
    user.registration_token = db::registration_tokens::of_user(&state.db, &user.id).await?;
    super::orgs::with_memberships_one(state, user).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filters::USER_FILTER_KEYS;
    use crate::server::ops::params::{from_pairs, parameter};

    #[test]
    fn filters_by_api_name() {
        let pairs = [
            ("filter[status]", "locked"),
            ("filter[admin]", "false"),
            ("filter[search]", " al ice "),
            ("filter[created_after]", "2026-01-31"),
            (
                "filter[id]",
                "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D, 01JD3Z6Q9V8W7X6Y5Z4A3B2C1E",
            ),
            ("filter[org]", ""),
            ("sort", "-username"),
        ];
        let f = filter_from(from_pairs(&pairs)).unwrap();
        assert_eq!(f.status, Some(UserStatus::Locked));
        assert_eq!(f.admin, Some(false));
        assert_eq!(f.search.as_deref(), Some("al ice"));
        assert_eq!(f.created_after, Some(1_769_817_600_000));
        assert_eq!(f.ids.len(), 2);
        assert_eq!(f.org, None);
        assert_eq!(f.sort.param(), "-username");
    }

    #[test]
    fn old_panel_names_map_onto_the_same_filters() {
        let old = [("q", "ali"), ("dormant", "30"), ("status", "")];
        let get = |api: &str| {
            old.iter()
                .find(|(p, _)| crate::model::filters::api_name(USER_FILTER_KEYS, p) == Some(api))
                .map(|(_, v)| (*v).to_owned())
        };
        let f = filter_from(get).unwrap();
        assert_eq!(f.search.as_deref(), Some("ali"));
        assert!(f.last_seen_before.is_some());
        assert_eq!(f.status, None);
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let bad = |pairs: &[(&str, &str)]| parameter(filter_from(from_pairs(pairs)).unwrap_err());
        assert_eq!(bad(&[("filter[status]", "sleepy")]), "filter[status]");
        assert_eq!(
            bad(&[("filter[inactive_days]", "0")]),
            "filter[inactive_days]"
        );
        assert_eq!(
            bad(&[
                ("filter[inactive_days]", "3"),
                ("filter[last_seen_before]", "2026-01-01")
            ]),
            "filter[inactive_days]"
        );
        assert_eq!(bad(&[("filter[id]", "1,2")]), "filter[id]");
        assert_eq!(bad(&[("filter[org]", "acme")]), "filter[org]");
        assert_eq!(bad(&[("sort", "password")]), "sort");
    }
}
