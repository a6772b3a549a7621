//! Login sessions ("devices"), as the panel calls them: an administrator's
//! view of everyone's, and each user's own on "My account".

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{AppError, Page, Session};

/// Paging of the panel's session tables: `after`/`before` cursors.
#[cfg(feature = "ssr")]
fn page_request(
    size: Option<&str>,
    after: Option<String>,
    before: Option<String>,
) -> Result<crate::model::PageRequest, AppError> {
    let size = size.filter(|s| !s.is_empty()).or(Some("25"));
    let after = after.filter(|s| !s.is_empty());
    let before = before.filter(|s| !s.is_empty());
    let (first, last) = if before.is_some() {
        (None, size)
    } else {
        (size, None)
    };
    crate::model::PageRequest::from_params(first, after.as_deref(), last, before.as_deref())
        .map_err(|(p, m)| AppError::bad_parameter(p, m))
}

/// The global sessions page: parameters named as in its URL and the admin
/// API (`/sessions?filter[username]=alice&filter[active]=true&filter[ip]=…`).
#[server(prefix = "/api", endpoint = "sessions/list", input = GetUrl)]
pub async fn list_sessions(
    filter: Option<std::collections::BTreeMap<String, String>>,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<Session>, AppError> {
    use crate::model::CountMode;
    use crate::server_fns::{context::as_caller, filters};

    as_caller(|state, caller| async move {
        let mut filter = filters::parse(filter, &[], |get| {
            crate::server::ops::sessions::filter_from(get)
        })?;
        filter.page = page_request(None, after, before)?;
        filter.count = CountMode::Include;
        crate::server::ops::sessions::list(&state, &caller, filter).await
    })
    .await
}

/// The Sessions tab of a user page.
#[server(prefix = "/api", endpoint = "sessions/of-user", input = GetUrl)]
pub async fn list_user_sessions(
    user_id: String,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<Session>, AppError> {
    use crate::model::{CountMode, SessionFilter};
    use crate::server_fns::context::as_caller;

    as_caller(|state, caller| async move {
        let filter = SessionFilter {
            page: page_request(None, after, before)?,
            count: CountMode::Include,
            ..SessionFilter::default()
        };
        crate::server::ops::sessions::list_for_user(&state, &caller, &user_id, filter).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "sessions/revoke")]
pub async fn revoke_session(user_id: String, session_id: String) -> Result<Session, AppError> {
    use crate::server_fns::context::as_caller;

    as_caller(|state, caller| async move {
        crate::server::ops::sessions::revoke(&state, &caller, &user_id, &session_id).await
    })
    .await
}

/// "Log out everywhere" for a user: how many sessions ended.
#[server(prefix = "/api", endpoint = "sessions/logout-user")]
pub async fn logout_user(user_id: String) -> Result<usize, AppError> {
    use crate::server_fns::context::as_caller;

    as_caller(|state, caller| async move {
        crate::server::ops::sessions::logout_all(&state, &caller, &user_id).await
    })
    .await
}

/// The caller's own live sessions, "this session" marked.
#[server(prefix = "/api", endpoint = "account/sessions", input = GetUrl)]
pub async fn my_sessions() -> Result<Vec<Session>, AppError> {
    use crate::server_fns::context::as_caller;

    as_caller(|state, caller| async move {
        crate::server::ops::sessions::list_own(&state, &caller).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "account/sessions/revoke")]
pub async fn sign_out_session(session_id: String) -> Result<Session, AppError> {
    use crate::server_fns::context::as_caller;

    as_caller(|state, caller| async move {
        crate::server::ops::sessions::revoke_own(&state, &caller, &session_id).await
    })
    .await
}

/// "Sign out all other sessions": how many ended.
#[server(prefix = "/api", endpoint = "account/sessions/revoke-others")]
pub async fn sign_out_other_sessions() -> Result<usize, AppError> {
    use crate::server_fns::context::as_caller;

    as_caller(|state, caller| async move {
        crate::server::ops::sessions::revoke_other_own(&state, &caller).await
    })
    .await
}
