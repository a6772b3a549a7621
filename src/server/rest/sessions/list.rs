//! `GET /sessions`: panel login sessions across users, newest first, with
//! filters (`filter[user]`, `filter[username]`, `filter[active]`, `filter[ip]`,
//! `filter[last_seen_before]`, `filter[last_seen_after]`) and cursor paging.

use super::schema::SessionListDocument;
use super::{parse_query, FilterParams, UserFilterParam};
use crate::server::rest::prelude::*;
use crate::server::rest::users::list::PagingParams;

#[utoipa::path(
    get,
    path = "/sessions",
    operation_id = "list_sessions",
    tag = "sessions",
    summary = "List login sessions across users",
    description = "Panel login sessions (one per login), newest first, with the parsed User-Agent and the client address. Unknown parameters and bad values are a 400 naming the parameter.",
    params(UserFilterParam, FilterParams, PagingParams),
    responses(
        (status = 200, description = "One page of sessions", body = SessionListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let (filter, query) = parse_query(&raw, &ops::sessions::FILTERS)?;
    let page = ops::sessions::list(&state, &caller, filter).await?;
    Ok(query.page_response(&page, &format!("{PREFIX}/sessions"), &raw))
}
