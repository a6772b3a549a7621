//! `GET /connections`: open live connections of every instance, oldest first,
//! with `meta.count`; `filter[user]`, cursor paging, `count=only` for just
//! the figure.

use super::schema::ConnectionListDocument;
use crate::model::{CountMode, PageRequest};
use crate::server::rest::extract::{count_param, link_filters, page_param};
use crate::server::rest::prelude::*;

const PARAMETERS: [&str; 6] = [
    "filter[user]",
    "page[first]",
    "page[after]",
    "page[last]",
    "page[before]",
    "count",
];

struct Query {
    user: Option<String>,
    page: PageRequest,
    count: CountMode,
    /// The filter part, re-encoded, for the paging links.
    filters: String,
}

fn parse(raw: &str) -> Result<Query, AppError> {
    let params = query_params(raw, |key| PARAMETERS.contains(&key))?;
    let get = |k: &str| params.get(k).map(String::as_str);
    let user = get("filter[user]").map(str::to_owned);
    if user
        .as_deref()
        .is_some_and(|u| u.is_empty() || u.len() > 64)
    {
        return Err(AppError::bad_parameter(
            "filter[user]",
            "filter[user] must be a user id",
        ));
    }
    let page = page_param(get)?;
    let count = count_param(get("count"))?;
    let filters = link_filters(["filter[user]"], get);
    Ok(Query {
        user,
        page,
        count,
        filters,
    })
}

#[utoipa::path(
    get,
    path = "/connections",
    operation_id = "list_connections",
    tag = "connections",
    summary = "List open live connections",
    description = "Users with a panel page open right now, on every instance: one entry per \
        connection (a user with two tabs has two). `meta.count` counts connections; \
        `count=only` returns just the figure.",
    params(
        ("filter[user]" = Option<String>, Query, description = "Only this user's connections (user id)"),
        ("page[first]" = Option<u32>, Query, description = "Page size, forwards (1–1000, default 50)"),
        ("page[after]" = Option<String>, Query, description = "Cursor: the id after which the page starts"),
        ("page[last]" = Option<u32>, Query, description = "Page size, backwards"),
        ("page[before]" = Option<String>, Query, description = "Cursor: the id before which the page ends"),
        ("count" = Option<String>, Query, description = "`true` (default), `false` or `only`"),
    ),
    responses(
        (status = 200, description = "A page of connections", body = ConnectionListDocument),
        (status = 400, description = "Unknown parameter or bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let query = parse(&raw)?;
    let page_size = query.page.size();
    let page = ops::live::list(
        &state,
        &caller,
        query.user.as_deref(),
        &query.page,
        query.count,
    )
    .await?;
    Ok(page_response(
        &page,
        &format!("{PREFIX}/connections"),
        &query.filters,
        &raw,
        page_size,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        let q = parse("filter[user]=01JD0000000000000000000000&count=only").unwrap();
        assert_eq!(q.user.as_deref(), Some("01JD0000000000000000000000"));
        assert_eq!(q.count, CountMode::Only);
        assert!(parse("filter[ip]=1").is_err());
        assert!(parse("count=maybe").is_err());
        assert!(parse("count=true&count=false").is_err());
        assert!(parse("page[first]=0").is_err());
    }
}
