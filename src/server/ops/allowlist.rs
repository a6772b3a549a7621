//! The admin IP allow-list. Empty means no restriction; otherwise only
//! admins from a listed address or network get admin access (403 for the
//! rest). A change that would shut out the caller's own address needs an
//! explicit confirmation.

use std::net::IpAddr;

use ipnet::IpNet;
use serde_json::json;

use super::{AuthMethod, Caller};
use crate::{
    model::{AllowEntry, AllowList, AppError, FieldError},
    server::{
        auth::network::{self, canonical, parse_entry},
        db::{self, allowlist::AllowRow},
        time::{now_ms, rfc3339},
        AppState,
    },
};

/// A list longer than this is a mistake, and would slow every admin request.
pub const MAX_ENTRIES: usize = 1000;
const MAX_NOTE_CHARS: usize = 200;

fn to_model(row: &AllowRow) -> AllowEntry {
    AllowEntry {
        entry: row.entry.clone(),
        note: row.note.clone(),
        created_at: rfc3339(row.created_at),
        created_by: row.created_by.clone(),
    }
}

fn parse(raw: &str) -> Result<IpNet, AppError> {
    parse_entry(raw).map_err(|message| {
        AppError::Invalid(vec![FieldError::new("entry", "entry_invalid", message)])
    })
}

/// Refuses a resulting list that would not admit the caller, unless confirmed.
fn check_lockout(caller: &Caller, after: &[IpNet], confirmed: bool) -> Result<(), AppError> {
    if confirmed || caller.method == AuthMethod::System {
        return Ok(());
    }
    let ip = caller
        .ip
        .as_deref()
        .and_then(|ip| ip.parse::<IpAddr>().ok());
    if network::allows(after, ip) {
        return Ok(());
    }
    Err(AppError::conflict(
        "would_lock_out",
        None,
        format!(
            "This change would lock out your own address ({}): admin access from it would be refused. Confirm to go ahead.",
            caller.ip.as_deref().unwrap_or("unknown")
        ),
    ))
}

pub async fn list(state: &AppState, caller: &Caller) -> Result<AllowList, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    let entries = db::allowlist::list(&state.db).await?;
    Ok(AllowList {
        entries: entries.iter().map(to_model).collect(),
        your_ip: caller.ip.clone(),
    })
}

/// Adds an entry (or updates its note): the entry and whether it was new.
pub async fn put(
    state: &AppState,
    caller: &Caller,
    raw_entry: &str,
    note: Option<String>,
    confirm_lockout: bool,
) -> Result<(AllowEntry, bool), AppError> {
    caller.require(crate::model::Op::ManageAllowList)?;
    caller.require_recent_verification()?;
    let net = parse(raw_entry)?;
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(AppError::Invalid(vec![FieldError::new(
            "note",
            "note_too_long",
            format!("A note is at most {MAX_NOTE_CHARS} characters."),
        )]));
    }
    let mut after = db::allowlist::networks(&state.db).await?;
    if !after.contains(&net) {
        if after.len() >= MAX_ENTRIES {
            return Err(AppError::conflict(
                "allowlist_full",
                None,
                format!("The allow-list holds at most {MAX_ENTRIES} entries; use wider ranges."),
            ));
        }
        after.push(net);
    }
    check_lockout(caller, &after, confirm_lockout)?;
    let row = AllowRow {
        entry: canonical(&net),
        note,
        created_at: now_ms(),
        created_by: caller.username.clone(),
    };
    let previous = db::allowlist::list(&state.db)
        .await?
        .into_iter()
        .find(|r| r.entry == row.entry);
    let detail = match previous {
        Some(p) if p.note != row.note => {
            json!({"note": row.note, "before": {"note": p.note}, "after": {"note": row.note}})
        }
        _ => json!({"note": row.note}),
    };
    let audit = caller.audit("allowlist.put", "allowlist", Some(&row.entry), detail);
    let created = db::allowlist::put(&state.db, &row, &audit).await?;
    let stored = db::allowlist::list(&state.db)
        .await?
        .into_iter()
        .find(|r| r.entry == row.entry)
        .unwrap_or(row);
    Ok((to_model(&stored), created))
}

pub async fn delete(
    state: &AppState,
    caller: &Caller,
    raw_entry: &str,
    confirm_lockout: bool,
) -> Result<(), AppError> {
    caller.require(crate::model::Op::ManageAllowList)?;
    caller.require_recent_verification()?;
    let net = parse(raw_entry)?;
    let before = db::allowlist::networks(&state.db).await?;
    if !before.contains(&net) {
        return Err(AppError::NotFound(format!(
            "{} is not on the allow-list",
            canonical(&net)
        )));
    }
    let after: Vec<IpNet> = before.into_iter().filter(|n| *n != net).collect();
    check_lockout(caller, &after, confirm_lockout)?;
    let entry = canonical(&net);
    let audit = caller.audit("allowlist.delete", "allowlist", Some(&entry), json!({}));
    if !db::allowlist::delete(&state.db, &entry, &audit).await? {
        return Err(AppError::NotFound(format!(
            "{entry} is not on the allow-list"
        )));
    }
    Ok(())
}

/// Empties the list; for the operator's command line after a lock-out.
pub async fn clear(state: &AppState, caller: &Caller) -> Result<u64, AppError> {
    caller.require(crate::model::Op::ManageAllowList)?;
    let audit = caller.audit("allowlist.clear", "allowlist", None, json!({}));
    Ok(db::allowlist::clear(&state.db, &audit).await?)
}

/// Why admin access from `addr` is refused, if it is: TLS first, then the list.
pub async fn network_refusal(
    state: &AppState,
    addr: &network::ClientAddr,
) -> Result<Option<AppError>, AppError> {
    if state.config.require_tls && !addr.tls {
        return Ok(Some(AppError::access_denied(
            "tls_required",
            "admin requests must arrive over HTTPS",
        )));
    }
    let entries = db::allowlist::networks(&state.db).await?;
    if network::allows(&entries, addr.ip) {
        return Ok(None);
    }
    Ok(Some(AppError::access_denied(
        "ip_not_allowed",
        format!(
            "admin access is not allowed from your address ({}): it is not on the IP allow-list",
            addr.ip_string().unwrap_or_else(|| "unknown".into())
        ),
    )))
}
