//! `GET /users/{id}/sessions`: one user's panel login sessions, newest
//! first, with the same filters (but the user) and paging as `GET /sessions`.
//! 404 unknown user.

use super::schema::SessionListDocument;
use super::{parse_query, user_sessions_path, FilterParams};
use crate::server::rest::prelude::*;
use crate::server::rest::users::list::PagingParams;

const FILTERS: [&str; 4] = [
    "filter[active]",
    "filter[ip]",
    "filter[last_seen_before]",
    "filter[last_seen_after]",
];

#[utoipa::path(
    get,
    path = "/users/{id}/sessions",
    operation_id = "list_user_sessions",
    tag = "sessions",
    summary = "List a user's login sessions",
    description = "The user's panel login sessions (devices), newest first, revoked and idle ones included (`active`).",
    params(
        ("id" = String, Path, description = "The user's id"),
        FilterParams,
        PagingParams,
    ),
    responses(
        (status = 200, description = "One page of the user's sessions", body = SessionListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let (filter, query) = parse_query(&raw, &FILTERS)?;
    let page = ops::sessions::list_for_user(&state, &caller, &user_id, filter).await?;
    Ok(query.page_response(&page, &user_sessions_path(&user_id), &raw))
}
