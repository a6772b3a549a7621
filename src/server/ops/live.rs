//! Who is connected right now, on any instance (Prosody's connected users).

use super::Caller;
use crate::{
    model::{AppError, Connection, CountMode, Page, PageRequest},
    server::{
        db::{self, keyset, live::ConnectionFilter},
        time::{now_ms, rfc3339},
        AppState,
    },
};

fn to_model(row: db::live::ConnectionRow) -> Connection {
    Connection {
        id: row.id,
        user_id: row.user_id,
        username: row.username,
        client_ip: row.client_ip,
        user_agent: row.user_agent,
        since: rfc3339(row.since),
    }
}

/// Open connections, oldest first, optionally of one user.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    user_id: Option<&str>,
    page: &PageRequest,
    count: CountMode,
) -> Result<Page<Connection>, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    let now = now_ms();
    let total = match count {
        CountMode::Skip => None,
        _ => Some(db::live::count(&state.db, user_id, now).await?.0 as u64),
    };
    if count == CountMode::Only {
        return Ok(keyset::counted_only(total));
    }
    let size = i64::from(page.size());
    let (backwards, cursor) = keyset::reading(page);
    let (after, before) = match backwards {
        false => (cursor.clone(), None),
        true => (None, cursor.clone()),
    };
    let filter = ConnectionFilter {
        user_id: user_id.map(str::to_owned),
        after,
        before,
        backwards,
        limit: size + 1,
    };
    let rows = db::live::list(&state.db, &filter, now).await?;
    let page = keyset::page_of(rows, size as usize, backwards, cursor, total, |r| {
        r.id.clone()
    });
    Ok(Page {
        items: page.items.into_iter().map(to_model).collect(),
        count: page.count,
        next_cursor: page.next_cursor,
        prev_cursor: page.prev_cursor,
    })
}

/// Whether a user has a page open anywhere; 404 for an unknown user.
pub async fn is_connected(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<bool, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    if db::users::by_id(&state.db, user_id).await?.is_none() {
        return Err(AppError::NotFound("no user with this id".into()));
    }
    Ok(db::live::is_connected(&state.db, user_id, now_ms()).await?)
}

/// How many users are connected right now (for the panel's figure).
pub async fn online_users(state: &AppState, caller: &Caller) -> Result<i64, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    Ok(db::live::count(&state.db, None, now_ms()).await?.1)
}
