//! `GET /orgs`: organisations in creation order, with member counts,
//! `filter[search]` (name substring, any case) and cursor paging.

use super::orgs_path;
use super::schema::OrgListDocument;
use crate::server::rest::prelude::*;
use crate::server::rest::users::list::PagingParams;

/// Doc-only: the filters of the organisations list.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterParams {
    /// Substring of the name, in any case.
    #[param(rename = "filter[search]", max_length = 256, example = "main")]
    search: Option<String>,
}

#[utoipa::path(
    get,
    path = "/orgs",
    operation_id = "list_orgs",
    tag = "organisations",
    summary = "List organisations",
    description = "Oldest first, each with its number of members. Unknown parameters and bad values are a 400 naming the parameter.",
    params(FilterParams, PagingParams),
    responses(
        (status = 200, description = "One page of organisations", body = OrgListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let query = ListQuery::parse(&raw, &ops::orgs::FILTERS)?;
    let filter = query.filter(|get| ops::orgs::filter_from(get))?;
    let page = ops::orgs::list(&state, &caller, filter).await?;
    Ok(query.page_response(&page, &orgs_path(), &raw))
}
