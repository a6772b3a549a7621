//! Organisations (Grafana's orgs): create, rename, delete, and members with
//! a role each. New accounts may join one at creation, or the configured
//! default organisation.

use serde_json::json;

use super::{check_id_cursor, params::Params, Access, Caller};
use crate::{
    model::{
        org, AppError, FieldError, MemberFilter, Membership, Op, Org, OrgFilter, OrgMember,
        OrgRole, Page, User,
    },
    server::{
        db::{
            self,
            orgs::{Deleted, MemberRow, OrgRow},
            users::NewUserLinks,
        },
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

fn to_model(row: OrgRow) -> Org {
    Org {
        id: row.id,
        name: row.name,
        member_count: row.member_count.max(0) as u64,
        created_at: rfc3339(row.created_at),
        updated_at: rfc3339(row.updated_at),
    }
}

fn member_model(row: MemberRow) -> OrgMember {
    OrgMember {
        role: OrgRole::parse(&row.role).unwrap_or_default(),
        org_id: row.org_id,
        user_id: row.user_id,
        username: row.username,
        display_name: row.display_name,
        joined_at: rfc3339(row.created_at),
    }
}

fn org_not_found(id: &str) -> AppError {
    AppError::NotFound(format!("no organisation with id {id}"))
}

fn name_taken(name: &str) -> AppError {
    AppError::conflict(
        "org_name_taken",
        Some("name"),
        format!("An organisation named '{name}' already exists."),
    )
}

fn valid_name(raw: &str) -> Result<String, AppError> {
    org::name(raw).map_err(|e| AppError::Invalid(vec![e]))
}

/// Trims a search term; 400 when it is absurdly long.
fn search_term(raw: Option<String>) -> Result<Option<String>, AppError> {
    let term = raw.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if term.as_ref().is_some_and(|s| s.chars().count() > 256) {
        return Err(AppError::bad_parameter(
            "filter[search]",
            "search is limited to 256 characters",
        ));
    }
    Ok(term)
}

/// The organisations list's filter parameters, as the API names them.
pub const FILTERS: [&str; 1] = ["filter[search]"];
/// The members list's filter parameters, as the API names them.
pub const MEMBER_FILTERS: [&str; 2] = ["filter[role]", "filter[search]"];

/// Builds an organisations filter from [`FILTERS`] looked up by `get`.
pub fn filter_from(get: impl Fn(&str) -> Option<String>) -> Result<OrgFilter, AppError> {
    Ok(OrgFilter {
        search: Params(get).text("filter[search]")?,
        ..OrgFilter::default()
    })
}

/// Builds a members filter from [`MEMBER_FILTERS`] looked up by `get`.
pub fn member_filter_from(get: impl Fn(&str) -> Option<String>) -> Result<MemberFilter, AppError> {
    let p = Params(get);
    Ok(MemberFilter {
        role: p.parsed("filter[role]", OrgRole::parse, "viewer, editor or admin")?,
        search: p.text("filter[search]")?,
        ..MemberFilter::default()
    })
}

async fn existing(state: &AppState, id: &str) -> Result<OrgRow, AppError> {
    db::orgs::get(&state.db, id)
        .await?
        .ok_or_else(|| org_not_found(id))
}

pub async fn create(state: &AppState, caller: &Caller, name: &str) -> Result<Org, AppError> {
    caller.require(crate::model::Op::ManageOrgs)?;
    let name = valid_name(name)?;
    let now = now_ms();
    let row = OrgRow {
        id: new_id(),
        name,
        member_count: 0,
        created_at: now,
        updated_at: now,
    };
    let audit = caller.audit(
        "org.create",
        "org",
        Some(&row.id),
        json!({"name": row.name}),
    );
    match db::orgs::insert(&state.db, &row, Some(&audit)).await {
        Ok(()) => Ok(to_model(row)),
        Err(e) if db::is_unique_violation(&e) => Err(name_taken(&row.name)),
        Err(e) => Err(e.into()),
    }
}

/// [`Caller::require_in_org`] with the configured member visibility.
fn require_in(state: &AppState, caller: &Caller, op: Op, org_id: &str) -> Result<(), AppError> {
    caller.require_in_org(op, org_id, state.config.org_members_visible_to)
}

pub async fn get(state: &AppState, caller: &Caller, id: &str) -> Result<Org, AppError> {
    require_in(state, caller, Op::ReadOrgs, id)?;
    existing(state, id).await.map(to_model)
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    mut filter: OrgFilter,
) -> Result<Page<Org>, AppError> {
    // Without a role reading every organisation, the caller's own (those
    // whose members they may see).
    if caller.require(Op::ReadOrgs).is_err() {
        let readers = state.config.org_members_visible_to;
        let visible: Vec<String> = caller
            .orgs
            .iter()
            .filter(|(id, _)| caller.require_in_org(Op::ReadOrgs, id, readers).is_ok())
            .map(|(id, _)| id.clone())
            .collect();
        if visible.is_empty() {
            caller.require(Op::ReadOrgs)?;
        }
        filter.ids = Some(visible);
    }
    filter.search = search_term(filter.search)?;
    check_id_cursor(&filter.page)?;
    let page = db::orgs::list(&state.db, &filter).await?;
    Ok(page.map(to_model))
}

pub async fn rename(
    state: &AppState,
    caller: &Caller,
    id: &str,
    name: &str,
) -> Result<Org, AppError> {
    caller.require(crate::model::Op::ManageOrgs)?;
    let name = valid_name(name)?;
    let before = existing(state, id).await?;
    if before.name == name {
        return Ok(to_model(before));
    }
    let audit = caller.audit(
        "org.rename",
        "org",
        Some(id),
        json!({"before": {"name": before.name}, "after": {"name": name}}),
    );
    match db::orgs::rename(&state.db, id, &name, now_ms(), &audit).await {
        Ok(true) => {
            // The gate tells upstreams organisation names.
            state.live.access_changed().await;
            existing(state, id).await.map(to_model)
        }
        Ok(false) => Err(org_not_found(id)),
        Err(e) if db::is_unique_violation(&e) => Err(name_taken(&name)),
        Err(e) => Err(e.into()),
    }
}

/// Deletes an organisation; one with members only when `force`.
pub async fn delete(
    state: &AppState,
    caller: &Caller,
    id: &str,
    force: bool,
) -> Result<(), AppError> {
    caller.require(crate::model::Op::ManageOrgs)?;
    let name = existing(state, id).await?.name;
    if default_org_name(state).is_some_and(|d| d.eq_ignore_ascii_case(&name)) {
        return Err(AppError::conflict(
            "org_is_default",
            None,
            format!("'{name}' is the default organisation new accounts join (orgs.default_org); change the configuration first."),
        ));
    }
    let audit = caller.audit(
        "org.delete",
        "org",
        Some(id),
        json!({"name": name, "force": force}),
    );
    match db::orgs::delete(&state.db, id, force, &audit).await? {
        Deleted::Done => {
            state.live.access_changed().await;
            Ok(())
        }
        Deleted::NotFound => Err(org_not_found(id)),
        Deleted::HasMembers(n) => Err(AppError::conflict(
            "org_has_members",
            None,
            format!("The organisation still has {n} member(s); delete it with force=true to remove them too."),
        )),
    }
}

pub async fn members(
    state: &AppState,
    caller: &Caller,
    org_id: &str,
    mut filter: MemberFilter,
) -> Result<Page<OrgMember>, AppError> {
    require_in(state, caller, Op::ReadOrgs, org_id)?;
    filter.search = search_term(filter.search)?;
    check_id_cursor(&filter.page)?;
    existing(state, org_id).await?;
    let page = db::orgs::members(&state.db, org_id, &filter).await?;
    Ok(page.map(member_model))
}

/// Adds a member or changes its role; the flag says whether it is new.
pub async fn put_member(
    state: &AppState,
    caller: &Caller,
    org_id: &str,
    user_id: &str,
    role: OrgRole,
) -> Result<(OrgMember, bool), AppError> {
    require_in(state, caller, Op::ManageOrgMembers, org_id)?;
    existing(state, org_id).await?;
    let user = db::users::by_id(&state.db, user_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no user with id {user_id}")))?;
    let previous = db::orgs::member(&state.db, org_id, user_id).await?;
    let mut detail = json!({"user_id": user_id, "username": user.username, "role": role.as_str()});
    if let Some(previous) = previous.filter(|m| m.role != role.as_str()) {
        detail["before"] = json!({"role": previous.role});
        detail["after"] = json!({"role": role.as_str()});
    }
    let audit = caller.audit("org.member.put", "org", Some(org_id), detail);
    let created = db::orgs::put_member(&state.db, org_id, user_id, role, now_ms(), &audit)
        .await?
        // Deleted between the checks and the write.
        .ok_or_else(|| org_not_found(org_id))?;
    state.live.access_changed().await;
    let member = db::orgs::member(&state.db, org_id, user_id)
        .await?
        .ok_or_else(|| org_not_found(org_id))?;
    Ok((member_model(member), created))
}

pub async fn remove_member(
    state: &AppState,
    caller: &Caller,
    org_id: &str,
    user_id: &str,
) -> Result<(), AppError> {
    require_in(state, caller, Op::ManageOrgMembers, org_id)?;
    existing(state, org_id).await?;
    let audit = caller.audit(
        "org.member.remove",
        "org",
        Some(org_id),
        json!({"user_id": user_id}),
    );
    if db::orgs::remove_member(&state.db, org_id, user_id, &audit).await? {
        state.live.access_changed().await;
        Ok(())
    } else {
        Err(AppError::NotFound(format!(
            "user {user_id} is not a member of organisation {org_id}"
        )))
    }
}

/// The caller's own organisations (the account page).
pub async fn mine(state: &AppState, caller: &Caller) -> Result<Vec<Membership>, AppError> {
    let user_id = super::modules::require_self_service(state, caller, Access::Read)
        .await?
        .to_owned();
    Ok(memberships_by_user(state, &[user_id])
        .await?
        .pop()
        .map(|(_, m)| m)
        .unwrap_or_default())
}

/// Memberships of each of `user_ids`, in the same order.
async fn memberships_by_user(
    state: &AppState,
    user_ids: &[String],
) -> Result<Vec<(String, Vec<Membership>)>, AppError> {
    let rows = db::orgs::memberships_of(&state.db, user_ids).await?;
    Ok(user_ids
        .iter()
        .map(|id| {
            let of_user = rows
                .iter()
                .filter(|r| &r.user_id == id)
                .map(|r| Membership {
                    org_id: r.org_id.clone(),
                    org_name: r.org_name.clone(),
                    role: OrgRole::parse(&r.role).unwrap_or_default(),
                })
                .collect();
            (id.clone(), of_user)
        })
        .collect())
}

/// Fills in the memberships of user resources (one query for all).
pub async fn with_memberships(
    state: &AppState,
    mut users: Vec<User>,
) -> Result<Vec<User>, AppError> {
    let ids: Vec<String> = users.iter().map(|u| u.id.clone()).collect();
    let by_user = memberships_by_user(state, &ids).await?;
    for (user, (_, memberships)) in users.iter_mut().zip(by_user) {
        user.memberships = memberships;
    }
    Ok(users)
}

pub async fn with_memberships_one(state: &AppState, user: User) -> Result<User, AppError> {
    Ok(with_memberships(state, vec![user]).await?.remove(0))
}

fn default_org_name(state: &AppState) -> Option<&str> {
    state.config.default_org.as_ref().map(|d| d.name.as_str())
}

/// The organisations a new account joins: `org_id` (400 when unknown) with
/// `role`, or else the configured default organisation.
pub async fn new_user_links(
    state: &AppState,
    org_id: Option<&str>,
    role: Option<OrgRole>,
) -> Result<NewUserLinks, AppError> {
    let org_id = org_id.map(str::trim).filter(|s| !s.is_empty());
    let membership = match (org_id, &state.config.default_org) {
        (Some(id), _) => {
            if !db::orgs::exists(&state.db, id).await? {
                return Err(AppError::bad_reference(
                    "org_not_found",
                    "org_id",
                    format!("There is no organisation with id '{id}'."),
                ));
            }
            Some((id.to_owned(), role.unwrap_or_default()))
        }
        (None, Some(default)) => db::orgs::by_name(&state.db, &default.name)
            .await?
            .map(|org| (org.id, role.unwrap_or(default.role))),
        (None, None) if role.is_some() => {
            return Err(AppError::Invalid(vec![FieldError::new(
                "role",
                "role_without_org",
                "A role needs an organisation (org_id).",
            )]))
        }
        (None, None) => None,
    };
    Ok(NewUserLinks {
        memberships: membership.into_iter().collect(),
        registration_token: None,
    })
}

/// Creates the configured default organisation when it does not exist yet.
pub async fn ensure_default_org(state: &AppState) -> Result<(), AppError> {
    let Some(name) = default_org_name(state) else {
        return Ok(());
    };
    if db::orgs::by_name(&state.db, name).await?.is_some() {
        return Ok(());
    }
    let now = now_ms();
    let row = OrgRow {
        id: new_id(),
        name: name.to_owned(),
        member_count: 0,
        created_at: now,
        updated_at: now,
    };
    match db::orgs::insert(&state.db, &row, None).await {
        // Another instance created it at the same moment.
        Err(e) if db::is_unique_violation(&e) => Ok(()),
        other => Ok(other?),
    }
}

/// [`put_member`] for a user named by username (the panel's add form):
/// 404 `user_not_found` on the `username` field when there is none.
pub async fn put_member_named(
    state: &AppState,
    caller: &Caller,
    org_id: &str,
    username: &str,
    role: OrgRole,
) -> Result<(OrgMember, bool), AppError> {
    require_in(state, caller, Op::ManageOrgMembers, org_id)?;
    let username = username.trim();
    if username.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "username",
            "username_required",
            "Username is required.",
        )]));
    }
    let user = db::users::by_username(&state.db, &username.to_lowercase())
        .await?
        .ok_or_else(|| {
            AppError::unknown_reference(
                "user_not_found",
                "username",
                format!("There is no user named '{username}'."),
            )
        })?;
    put_member(state, caller, org_id, &user.id, role).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filters::{api_name, MEMBER_FILTER_KEYS, ORG_FILTER_KEYS};
    use crate::server::ops::params::from_pairs;

    fn panel<'a>(
        keys: &'a [(&'static str, &'static str)],
        pairs: &'a [(&'a str, &'a str)],
    ) -> impl Fn(&str) -> Option<String> + 'a {
        move |api| {
            pairs
                .iter()
                .find(|(p, _)| api_name(keys, p) == Some(api))
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn org_filters_by_api_and_panel_name() {
        let f = filter_from(from_pairs(&[("filter[search]", " main ")])).unwrap();
        assert_eq!(f.search.as_deref(), Some("main"));
        let f = filter_from(panel(ORG_FILTER_KEYS, &[("search", "")])).unwrap();
        assert_eq!(f.search, None);
    }

    #[test]
    fn member_filters_by_api_and_panel_name() {
        let f = member_filter_from(from_pairs(&[("filter[role]", "editor")])).unwrap();
        assert_eq!(f.role, Some(OrgRole::Editor));
        let f = member_filter_from(panel(
            MEMBER_FILTER_KEYS,
            &[("role", "admin"), ("search", "ali")],
        ))
        .unwrap();
        assert_eq!(
            (f.role, f.search.as_deref()),
            (Some(OrgRole::Admin), Some("ali"))
        );
        match member_filter_from(from_pairs(&[("filter[role]", "owner")])).unwrap_err() {
            AppError::BadRequest { parameter, .. } => {
                assert_eq!(parameter.as_deref(), Some("filter[role]"))
            }
            other => panic!("{other:?}"),
        }
    }
}
