//! Panel login sessions ("devices"): recorded at every login, listed and
//! revoked by administrators, and by each user for their own account.

use serde_json::json;

use super::{params::Params, Access, Caller};
use crate::{
    model::{AppError, Page, PageRequest, Session, SessionFilter},
    server::{
        auth::user_agent,
        db::{self, sessions::SessionRow},
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

/// Every revocation ends here, after its transaction committed, with the
/// ids of the sessions it ended (none: nothing happened): their live
/// connections, on every instance, get `revoked` and close.
pub async fn on_revoked(state: &AppState, session_ids: &[String]) {
    if !session_ids.is_empty() {
        tracing::debug!(sessions = ?session_ids, "sessions revoked");
        state.live.close_sessions(session_ids).await;
    }
}

/// Records a new login of `user_id`; the id goes into the tower session.
pub async fn record_login(
    state: &AppState,
    user_id: &str,
    client_ip: Option<String>,
    agent: Option<&str>,
) -> Result<String, AppError> {
    let agent = agent.map(user_agent::truncate).filter(|a| !a.is_empty());
    let parsed = agent.map(user_agent::parse).unwrap_or_default();
    let now = now_ms();
    let row = SessionRow {
        id: new_id(),
        user_id: user_id.to_owned(),
        username: String::new(),
        client_ip,
        user_agent: agent.map(str::to_owned),
        browser: parsed.browser,
        browser_version: parsed.browser_version,
        os: parsed.os,
        os_version: parsed.os_version,
        device: if agent.is_some() {
            parsed.device
        } else {
            "other"
        }
        .to_owned(),
        created_at: now,
        last_seen_at: now,
        revoked_at: None,
    };
    let notice = super::email::notices::new_device(
        state,
        user_id,
        row.user_agent.as_deref(),
        row.client_ip.as_deref(),
    )
    .await;
    db::sessions::insert(&state.db, &row, notice.as_ref()).await?;
    if notice.is_some() {
        state.mail.wake();
    }
    Ok(row.id)
}

/// Sessions last seen before this (unix ms) are idle, hence not active.
pub fn idle_cutoff(state: &AppState, now: i64) -> i64 {
    now - state.config.session_idle_minutes * 60_000
}

fn to_model(row: SessionRow, cutoff: i64, current: Option<&str>) -> Session {
    Session {
        active: row.revoked_at.is_none() && row.last_seen_at >= cutoff,
        current: current == Some(row.id.as_str()),
        created_at: rfc3339(row.created_at),
        last_seen_at: rfc3339(row.last_seen_at),
        revoked_at: row.revoked_at.map(rfc3339),
        id: row.id,
        user_id: row.user_id,
        username: row.username,
        client_ip: row.client_ip,
        user_agent: row.user_agent,
        browser: row.browser,
        browser_version: row.browser_version,
        os: row.os,
        os_version: row.os_version,
        device: row.device,
    }
}

fn not_found(id: &str) -> AppError {
    AppError::NotFound(format!("no user with id {id}"))
}

async fn existing_user(state: &AppState, id: &str) -> Result<String, AppError> {
    db::users::by_id(&state.db, id)
        .await?
        .map(|u| u.username)
        .ok_or_else(|| not_found(id))
}

async fn page(
    state: &AppState,
    filter: &SessionFilter,
    current: Option<&str>,
) -> Result<Page<Session>, AppError> {
    super::check_id_cursor(&filter.page)?;
    let now = now_ms();
    let cutoff = idle_cutoff(state, now);
    let page = db::sessions::list(&state.db, filter, cutoff).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(|row| to_model(row, cutoff, current))
            .collect(),
        count: page.count,
        next_cursor: page.next_cursor,
        prev_cursor: page.prev_cursor,
    })
}

/// The sessions lists' filter parameters, as the API names them
/// (`filter[user]` and `filter[username]` only across users).
pub const FILTERS: [&str; 6] = [
    "filter[user]",
    "filter[username]",
    "filter[active]",
    "filter[ip]",
    "filter[last_seen_before]",
    "filter[last_seen_after]",
];

/// Builds a filter from [`FILTERS`] looked up by `get`; a bad value is a
/// 400 naming its parameter. Paging and counting are the caller's.
pub fn filter_from(get: impl Fn(&str) -> Option<String>) -> Result<SessionFilter, AppError> {
    let p = Params(get);
    Ok(SessionFilter {
        user_id: p.id("filter[user]", "a user id")?,
        username: p.text("filter[username]")?,
        active: p.boolean("filter[active]")?,
        // Stored as `IpAddr` prints it: the same address matches however typed.
        ip: p.parsed(
            "filter[ip]",
            |v| v.parse::<std::net::IpAddr>().ok().map(|ip| ip.to_string()),
            "an IP address",
        )?,
        last_seen_before: p.instant("filter[last_seen_before]")?,
        last_seen_after: p.instant("filter[last_seen_after]")?,
        ..SessionFilter::default()
    })
}

/// Sessions across users (admin); a filter on an unknown user finds none.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    filter: SessionFilter,
) -> Result<Page<Session>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    page(state, &filter, caller.session_id.as_deref()).await
}

/// One user's sessions, newest first (admin); 404 unknown user.
pub async fn list_for_user(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    mut filter: SessionFilter,
) -> Result<Page<Session>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    existing_user(state, user_id).await?;
    filter.user_id = Some(user_id.to_owned());
    page(state, &filter, caller.session_id.as_deref()).await
}

/// Revokes one session of a user (admin). Revoking a revoked one changes
/// nothing; 404 when the user has no such session.
pub async fn revoke(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    session_id: &str,
) -> Result<Session, AppError> {
    super::users::target(state, caller, crate::model::Op::RevokeSessions, user_id).await?;
    revoke_one(state, caller, user_id, session_id, "session.revoke").await
}

async fn revoke_one(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    session_id: &str,
    action: &'static str,
) -> Result<Session, AppError> {
    let not_found = || AppError::NotFound(format!("user {user_id} has no session {session_id}"));
    let row = db::sessions::get(&state.db, user_id, session_id)
        .await?
        .ok_or_else(not_found)?;
    let now = now_ms();
    let audit = caller.audit(
        action,
        "session",
        Some(session_id),
        json!({"user_id": user_id, "username": row.username, "client_ip": row.client_ip}),
    );
    let ids = [session_id.to_owned()];
    let revoked = db::sessions::revoke(&state.db, user_id, &ids, None, now, Some(&audit)).await?;
    on_revoked(state, &revoked).await;
    let row = db::sessions::get(&state.db, user_id, session_id)
        .await?
        .ok_or_else(not_found)?;
    Ok(to_model(
        row,
        idle_cutoff(state, now),
        caller.session_id.as_deref(),
    ))
}

/// Ends every session of a user (admin): how many were live.
pub async fn logout_all(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<usize, AppError> {
    let username = super::users::target(state, caller, crate::model::Op::RevokeSessions, user_id)
        .await?
        .username;
    let audit = caller.audit(
        "session.logout_all",
        "user",
        Some(user_id),
        json!({"username": username}),
    );
    let revoked =
        db::sessions::revoke(&state.db, user_id, &[], None, now_ms(), Some(&audit)).await?;
    on_revoked(state, &revoked).await;
    Ok(revoked.len())
}

/// Logging out: the caller's own session ends (no audit record, as for
/// logging in).
pub async fn logout(state: &AppState, caller: &Caller) -> Result<(), AppError> {
    let (Some(user_id), Some(session_id)) = (&caller.user_id, &caller.session_id) else {
        return Ok(());
    };
    let ids = [session_id.clone()];
    let revoked = db::sessions::revoke(&state.db, user_id, &ids, None, now_ms(), None).await?;
    on_revoked(state, &revoked).await;
    Ok(())
}

/// The caller's own live sessions, newest first, "this session" marked.
pub async fn list_own(state: &AppState, caller: &Caller) -> Result<Vec<Session>, AppError> {
    let user_id = super::modules::require_self_service(state, caller, Access::Read)
        .await?
        .to_owned();
    let filter = SessionFilter {
        user_id: Some(user_id),
        active: Some(true),
        page: PageRequest::First {
            size: 100,
            after: None,
        },
        count: crate::model::CountMode::Skip,
        ..SessionFilter::default()
    };
    Ok(page(state, &filter, caller.session_id.as_deref())
        .await?
        .items)
}

/// Signs out one of the caller's own sessions.
pub async fn revoke_own(
    state: &AppState,
    caller: &Caller,
    session_id: &str,
) -> Result<Session, AppError> {
    let user_id = super::modules::require_self_service(state, caller, Access::Write)
        .await?
        .to_owned();
    revoke_one(state, caller, &user_id, session_id, "session.revoke_own").await
}

/// Signs out every other session of the caller: how many were live.
pub async fn revoke_other_own(state: &AppState, caller: &Caller) -> Result<usize, AppError> {
    let user_id = super::modules::require_self_service(state, caller, Access::Write).await?;
    let audit = caller.audit(
        "session.revoke_other_own",
        "user",
        Some(user_id),
        json!({"username": caller.username, "kept": caller.session_id}),
    );
    let revoked = db::sessions::revoke(
        &state.db,
        user_id,
        &[],
        caller.session_id.as_deref(),
        now_ms(),
        Some(&audit),
    )
    .await?;
    on_revoked(state, &revoked).await;
    Ok(revoked.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filters::{api_name, SESSION_FILTER_KEYS};
    use crate::server::ops::params::from_pairs;

    #[test]
    fn filters_by_api_name() {
        let pairs = [
            ("filter[user]", "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"),
            ("filter[active]", "true"),
            ("filter[ip]", " 2001:DB8::1 "),
            ("filter[last_seen_after]", "2026-01-31"),
        ];
        let f = filter_from(from_pairs(&pairs)).unwrap();
        assert_eq!(f.user_id.as_deref(), Some("01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"));
        assert_eq!(f.active, Some(true));
        assert_eq!(f.ip.as_deref(), Some("2001:db8::1"));
        assert_eq!(f.last_seen_after, Some(1_769_817_600_000));
    }

    #[test]
    fn old_panel_names_map_onto_the_same_filters() {
        let old = [("user", " eve "), ("active", ""), ("ip", "203.0.113.7")];
        let get = |api: &str| {
            old.iter()
                .find(|(p, _)| api_name(SESSION_FILTER_KEYS, p) == Some(api))
                .map(|(_, v)| (*v).to_owned())
        };
        let f = filter_from(get).unwrap();
        assert_eq!(f.username.as_deref(), Some("eve"));
        assert_eq!(f.active, None);
        assert_eq!(f.ip.as_deref(), Some("203.0.113.7"));
        let bad = [("filter[ip]", "nowhere")];
        match filter_from(from_pairs(&bad)).unwrap_err() {
            AppError::BadRequest { parameter, .. } => {
                assert_eq!(parameter.as_deref(), Some("filter[ip]"))
            }
            other => panic!("{other:?}"),
        }
    }
}
