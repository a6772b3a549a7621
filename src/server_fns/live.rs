//! Live connections, messages and the inbox, as the panel calls them.

use crate::model::{AppError, Connection, Inbox, Page, Sent};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// A page of open connections (oldest first), optionally of one user.
#[server(prefix = "/api", endpoint = "connections/list", input = GetUrl)]
pub async fn list_connections(
    user_id: Option<String>,
    after: Option<String>,
) -> Result<Page<Connection>, AppError> {
    use crate::model::{CountMode, PageRequest, DEFAULT_PAGE_SIZE};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let page = PageRequest::First {
            size: DEFAULT_PAGE_SIZE,
            after: after.filter(|a| !a.is_empty()),
        };
        let user_id = user_id.filter(|u| !u.is_empty());
        crate::server::ops::live::list(
            &state,
            &caller,
            user_id.as_deref(),
            &page,
            CountMode::Include,
        )
        .await
    })
    .await
}

/// How many users have a page open right now.
#[server(prefix = "/api", endpoint = "connections/online", input = GetUrl)]
pub async fn online_users() -> Result<i64, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::live::online_users(&state, &caller).await
    })
    .await
}

/// Whether one user has a page open right now.
#[server(prefix = "/api", endpoint = "connections/connected", input = GetUrl)]
pub async fn user_connected(user_id: String) -> Result<bool, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::live::is_connected(&state, &caller, &user_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "messages/send")]
pub async fn send_message(user_id: String, body: String) -> Result<Sent, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::messages::send(&state, &caller, &user_id, &body).await
    })
    .await
}

/// Sends to everyone connected; how many users got it.
#[server(prefix = "/api", endpoint = "messages/broadcast")]
pub async fn broadcast_message(body: String) -> Result<usize, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::messages::broadcast(&state, &caller, &body).await
    })
    .await
}

/// The logged-in user's own inbox.
#[server(prefix = "/api", endpoint = "inbox/list", input = GetUrl)]
pub async fn my_inbox() -> Result<Inbox, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::messages::inbox(&state, &caller).await },
    )
    .await
}

/// Marks one message read, or all of them when `id` is empty.
#[server(prefix = "/api", endpoint = "inbox/read")]
pub async fn mark_read(id: Option<String>) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let id = id.filter(|i| !i.is_empty());
        crate::server::ops::messages::mark_read(&state, &caller, id.as_deref()).await
    })
    .await
}
