//! `GET /users`: JSON:API list with `meta.count`, links and cursor paging.
//! Filters: `filter[status]`, `filter[admin]`, `filter[search]`, ...;
//! `sort`; `count`.
//! Unknown parameters and bad values are a 400 naming the parameter.

use std::collections::HashMap;

use super::schema::UserListDocument;
use crate::model::{UserFilter, UserStatus};
use crate::server::ops::users::FILTERS;
pub(super) use crate::server::rest::extract::form_pairs;
use crate::server::rest::extract::{count_param, link_filters, page_param, PAGING};
use crate::server::rest::openapi::examples;
use crate::server::rest::prelude::*;

/// Parses the query string into a filter, plus the filter part of the query
/// (re-encoded) for building links.
pub fn parse_query(raw: &str) -> Result<(UserFilter, String), AppError> {
    parse_query_with(raw, &[]).map(|(filter, filters, _)| (filter, filters))
}

/// [`parse_query`] for endpoints that take `extra` parameters of their own,
/// returned as the third element.
pub fn parse_query_with(
    raw: &str,
    extra: &[&str],
) -> Result<(UserFilter, String, HashMap<String, String>), AppError> {
    let params = query_params(raw, |key| {
        FILTERS.contains(&key)
            || PAGING.contains(&key)
            || ["count", "sort"].contains(&key)
            || extra.contains(&key)
    })?;
    let get = |k: &str| params.get(k).map(String::as_str);
    let mut filter = ops::users::filter_from(|k| params.get(k).cloned())?;
    let count = count_param(get("count"))?;
    let page = page_param(get)?;
    let filters = link_filters(FILTERS.iter().copied().chain(["sort"]), get);
    let extras = extra
        .iter()
        .filter_map(|k| params.get(*k).map(|v| (k.to_string(), v.clone())))
        .collect();
    filter.page = page;
    filter.count = count;
    Ok((filter, filters, extras))
}

/// Doc-only: the filters and order of the users list (and of the export),
/// as [`parse_query_with`] reads them.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterParams {
    /// Only members of this organisation (its id).
    #[param(rename = "filter[org]", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")]
    org: Option<String>,
    /// Only users with this status.
    #[param(rename = "filter[status]")]
    status: Option<UserStatus>,
    /// Only administrators (`true`) or only the others (`false`).
    #[param(rename = "filter[admin]")]
    admin: Option<bool>,
    /// Only users who may (or may not) ask for administrator rights.
    #[param(rename = "filter[can_request_admin]")]
    can_request_admin: Option<bool>,
    /// Only users with (`true`) or without (`false`) a second factor.
    #[param(rename = "filter[has_second_factor]")]
    has_second_factor: Option<bool>,
    /// Only users whose address is (`true`) or is not (`false`) verified.
    #[param(rename = "filter[email_verified]")]
    email_verified: Option<bool>,
    /// Substring of the username, display name or email.
    #[param(rename = "filter[search]", max_length = 256, example = "alice")]
    search: Option<String>,
    /// Last seen before this time (RFC 3339, or a date meaning its midnight
    /// UTC); users never seen match too.
    #[param(rename = "filter[last_seen_before]", example = "2026-01-31T00:00:00Z")]
    last_seen_before: Option<String>,
    /// Last seen after this time (RFC 3339 or a date).
    #[param(rename = "filter[last_seen_after]", example = "2026-01-31")]
    last_seen_after: Option<String>,
    /// Created before this time (RFC 3339 or a date).
    #[param(rename = "filter[created_before]")]
    created_before: Option<String>,
    /// Created after this time (RFC 3339 or a date).
    #[param(rename = "filter[created_after]")]
    created_after: Option<String>,
    /// Not seen for this many days (or never); cannot be combined with
    /// `filter[last_seen_before]`.
    #[param(rename = "filter[inactive_days]", minimum = 1, maximum = 36500)]
    inactive_days: Option<u32>,
    /// Only these users: up to 1000 comma-separated ids.
    #[param(
        rename = "filter[id]",
        example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D,01JD3Z6Q9V8W7X6Y5Z4A3B2C1E"
    )]
    id: Option<String>,
    /// Order; `-` for descending. Ties are broken by id.
    #[param(inline)]
    sort: Option<SortParam>,
}

/// Doc-only: the accepted values of `sort`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub enum SortParam {
    #[schema(rename = "id")]
    Id,
    #[schema(rename = "-id")]
    IdDesc,
    #[schema(rename = "username")]
    Username,
    #[schema(rename = "-username")]
    UsernameDesc,
    #[schema(rename = "created_at")]
    CreatedAt,
    #[schema(rename = "-created_at")]
    CreatedAtDesc,
    #[schema(rename = "last_seen_at")]
    LastSeenAt,
    #[schema(rename = "-last_seen_at")]
    LastSeenAtDesc,
}

/// Doc-only: paging and counting of the users list.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PagingParams {
    /// Page size, forwards (default 50).
    #[param(rename = "page[first]", minimum = 1, maximum = 1000)]
    first: Option<u32>,
    /// Cursor: the page after this one (from a `next` link).
    #[param(rename = "page[after]", pattern = "^[A-Za-z0-9.-]{1,200}$")]
    after: Option<String>,
    /// Page size, backwards from the end or from `page[before]`.
    #[param(rename = "page[last]", minimum = 1, maximum = 1000)]
    last: Option<u32>,
    /// Cursor: the page before this one (from a `prev` link).
    #[param(rename = "page[before]", pattern = "^[A-Za-z0-9.-]{1,200}$")]
    before: Option<String>,
    /// Whether `meta.count` is computed (default `true`); `only` returns no data.
    #[param(inline)]
    count: Option<CountParam>,
}

/// Doc-only: the accepted values of `count`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub enum CountParam {
    #[schema(rename = "true")]
    True,
    #[schema(rename = "false")]
    False,
    #[schema(rename = "only")]
    Only,
}

#[utoipa::path(
    get,
    path = "/users",
    operation_id = "list_users",
    tag = "users",
    summary = "List users",
    description = "Filtered, sorted, cursor-paged. Unknown parameters and bad values are a 400 naming the parameter in `source.parameter`.",
    params(FilterParams, PagingParams),
    responses(
        (status = 200, description = "One page of users", body = UserListDocument, example = json!(examples::user_list())),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let (filter, filters) = parse_query(&raw)?;
    let page_size = filter.page.size();
    let page = ops::users::list(&state, &caller, filter).await?;
    Ok(page_response(
        &page,
        &format!("{PREFIX}/users"),
        &filters,
        &raw,
        page_size,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountMode, PageRequest};

    #[test]
    fn parses_filters_and_paging() {
        let (f, filters) =
            parse_query("filter[status]=locked&filter[search]=al%20ice&page[first]=10&count=false")
                .unwrap();
        assert_eq!(f.status, Some(UserStatus::Locked));
        assert_eq!(f.search.as_deref(), Some("al ice"));
        assert_eq!(
            f.page,
            PageRequest::First {
                size: 10,
                after: None
            }
        );
        assert_eq!(f.count, CountMode::Skip);
        assert_eq!(
            filters,
            "filter[status]=locked&filter[search]=al%20ice&count=false"
        );
    }

    #[test]
    fn encoded_brackets_are_understood() {
        let (f, _) = parse_query("filter%5Badmin%5D=true").unwrap();
        assert_eq!(f.admin, Some(true));
    }

    #[test]
    fn rejects_unknown_and_bad_parameters() {
        let param = |q: &str| match parse_query(q).unwrap_err() {
            AppError::BadRequest { parameter, .. } => parameter.unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!(param("filter[colour]=red"), "filter[colour]");
        assert_eq!(param("filter[status]=sleepy"), "filter[status]");
        assert_eq!(param("filter[admin]=yes"), "filter[admin]");
        assert_eq!(
            param("filter[last_seen_before]=yesterday"),
            "filter[last_seen_before]"
        );
        assert_eq!(
            param("filter[can_request_admin]=1"),
            "filter[can_request_admin]"
        );
        assert_eq!(param("count=maybe"), "count");
        assert_eq!(param("sort=password"), "sort");
        assert_eq!(param("page[first]=0"), "page[first]");
        assert_eq!(
            param("filter[admin]=true&filter[admin]=false"),
            "filter[admin]"
        );
    }
}
