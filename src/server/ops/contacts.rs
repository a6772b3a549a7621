//! Contacts (a user's roster, as Prosody keeps it): other users with a
//! presence subscription (`none`, `to`, `from`, `both`) and groups.
//! Administered here; contacts are named by their usernames.

use serde_json::json;

use super::Caller;
use crate::{
    model::{contact, validate::USERNAME_MAX, AppError, Contact, FieldError},
    server::{
        db::{
            self,
            contacts::{ContactRow, NewContactRow},
        },
        time::{now_ms, rfc3339},
        AppState,
    },
};

/// How many usernames the panel's autocomplete offers.
pub const SUGGESTIONS: i64 = 10;

pub struct NewContact {
    pub user_id: String,
    /// The contact's username.
    pub contact: String,
    /// `None` is `none`.
    pub subscription: Option<String>,
    pub groups: Vec<String>,
}

/// A change of an entry; `None` keeps the current value.
#[derive(Default)]
pub struct ContactPatch {
    pub subscription: Option<String>,
    pub groups: Option<Vec<String>>,
}

fn to_model(row: ContactRow) -> Contact {
    Contact {
        // Written by us as a JSON array; anything else reads as no groups.
        groups: serde_json::from_str(&row.groups).unwrap_or_default(),
        user_id: row.user_id,
        contact_id: row.contact_id,
        contact_username: row.contact_username,
        contact_display_name: row.contact_display_name,
        subscription: row.subscription,
        created_at: rfc3339(row.created_at),
    }
}

fn groups_json(groups: &[String]) -> String {
    serde_json::to_string(groups).unwrap_or_else(|_| "[]".into())
}

async fn existing_user(state: &AppState, id: &str) -> Result<(), AppError> {
    db::users::by_id(&state.db, id)
        .await?
        .map(|_| ())
        .ok_or_else(|| AppError::NotFound(format!("no user with id {id}")))
}

fn not_a_contact(user_id: &str, username: &str) -> AppError {
    AppError::NotFound(format!("user {user_id} has no contact named {username}"))
}

/// The user's entry for `username`: 404 for an unknown user or an absent entry.
async fn existing_entry(
    state: &AppState,
    user_id: &str,
    username: &str,
) -> Result<ContactRow, AppError> {
    existing_user(state, user_id).await?;
    db::contacts::get(&state.db, user_id, username)
        .await?
        .ok_or_else(|| not_a_contact(user_id, username))
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<Vec<Contact>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    existing_user(state, user_id).await?;
    Ok(db::contacts::list_for_user(&state.db, user_id)
        .await?
        .into_iter()
        .map(to_model)
        .collect())
}

pub async fn get(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    username: &str,
) -> Result<Contact, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    existing_entry(state, user_id, username).await.map(to_model)
}

/// Adds `input.contact` to the user's contacts. 422 for broken rules (and
/// the user themself), 404 for an unknown user (`not_found`) or contact
/// (`contact_not_found`), 409 when already there.
pub async fn add(
    state: &AppState,
    caller: &Caller,
    input: NewContact,
) -> Result<Contact, AppError> {
    caller.require(crate::model::Op::ManageContacts)?;
    let mut errors = Vec::new();
    // Usernames are lowercase: "Bob" means bob.
    let username = input.contact.trim().to_lowercase();
    if username.is_empty() {
        errors.push(FieldError::new(
            "contact",
            "contact_required",
            "Enter the contact's username.",
        ));
    }
    let subscription = contact::subscription(input.subscription.as_deref().unwrap_or("none"))
        .map_err(|e| errors.push(e))
        .ok();
    let groups = contact::groups(&input.groups)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(subscription), Some(groups), true) = (subscription, groups, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    existing_user(state, &input.user_id).await?;
    let unknown = || {
        AppError::unknown_reference(
            "contact_not_found",
            "contact",
            format!("There is no user named '{username}'."),
        )
    };
    let target = if username.len() > USERNAME_MAX {
        None
    } else {
        db::users::by_username(&state.db, &username).await?
    }
    .ok_or_else(unknown)?;
    if target.id == input.user_id {
        return Err(AppError::Invalid(vec![FieldError::new(
            "contact",
            "contact_is_self",
            "A user cannot be their own contact.",
        )]));
    }
    let audit = caller.audit(
        "contact.add",
        "user",
        Some(&input.user_id),
        json!({"contact_id": target.id, "contact": username, "subscription": subscription, "groups": groups}),
    );
    let row = NewContactRow {
        user_id: &input.user_id,
        contact_id: &target.id,
        subscription: &subscription,
        groups: &groups_json(&groups),
        created_at: now_ms(),
    };
    match db::contacts::insert(&state.db, &row, &audit).await {
        Ok(()) => {}
        Err(e) if db::is_unique_violation(&e) => {
            return Err(AppError::conflict(
                "contact_exists",
                Some("contact"),
                format!("{username} is already a contact of this user."),
            ))
        }
        // One of the two users was deleted meanwhile.
        Err(sqlx::Error::Database(e)) if e.is_foreign_key_violation() => return Err(unknown()),
        Err(e) => return Err(e.into()),
    }
    existing_entry(state, &input.user_id, &username)
        .await
        .map(to_model)
}

/// Changes an entry's subscription and/or groups. 404 when absent.
pub async fn update(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    username: &str,
    patch: ContactPatch,
) -> Result<Contact, AppError> {
    caller.require(crate::model::Op::ManageContacts)?;
    let mut errors = Vec::new();
    let subscription = patch
        .subscription
        .map(|s| contact::subscription(&s))
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let groups = patch
        .groups
        .map(|g| contact::groups(&g))
        .transpose()
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let current = existing_entry(state, user_id, username).await?;
    let subscription = subscription.unwrap_or_else(|| current.subscription.clone());
    let groups = groups.map_or_else(|| current.groups.clone(), |g| groups_json(&g));
    if subscription == current.subscription && groups == current.groups {
        return Ok(to_model(current));
    }
    let audit = caller.audit("contact.update", "user", Some(user_id), {
        let view = |subscription: &str, groups: &str| {
            json!({
                "subscription": subscription,
                "groups": serde_json::from_str::<serde_json::Value>(groups).unwrap_or_default(),
            })
        };
        let mut detail = db::audit::diff(
            &view(&current.subscription, &current.groups),
            &view(&subscription, &groups),
        )
        .unwrap_or_else(|| json!({}));
        detail["contact_id"] = json!(current.contact_id);
        detail["contact"] = json!(username);
        detail
    });
    if !db::contacts::update(
        &state.db,
        user_id,
        &current.contact_id,
        &subscription,
        &groups,
        &audit,
    )
    .await?
    {
        return Err(not_a_contact(user_id, username));
    }
    existing_entry(state, user_id, username).await.map(to_model)
}

/// Removes an entry. 404 when absent.
pub async fn remove(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    username: &str,
) -> Result<(), AppError> {
    caller.require(crate::model::Op::ManageContacts)?;
    let current = existing_entry(state, user_id, username).await?;
    let audit = caller.audit(
        "contact.remove",
        "user",
        Some(user_id),
        json!({"contact_id": current.contact_id, "contact": username}),
    );
    if db::contacts::delete(&state.db, user_id, &current.contact_id, &audit).await? {
        Ok(())
    } else {
        Err(not_a_contact(user_id, username))
    }
}

/// Usernames for the panel's autocomplete: up to ten containing `term`,
/// those starting with it first. Anything that cannot be part of a
/// username finds nothing.
pub async fn suggest_usernames(
    state: &AppState,
    caller: &Caller,
    term: &str,
) -> Result<Vec<String>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    let term = term.trim().to_lowercase();
    let plausible = !term.is_empty()
        && term.len() <= USERNAME_MAX
        && term
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if !plausible {
        return Ok(Vec::new());
    }
    Ok(db::contacts::usernames_like(&state.db, &term, SUGGESTIONS).await?)
}
