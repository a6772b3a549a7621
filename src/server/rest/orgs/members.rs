//! `GET /orgs/{id}/members`: members in the order their accounts were
//! created, with `filter[role]`, `filter[search]` (username or display name)
//! and cursor paging; 404 unknown organisation.

use super::members_path;
use super::schema::MemberListDocument;
use crate::model::OrgRole;
use crate::server::rest::prelude::*;
use crate::server::rest::users::list::PagingParams;

/// Doc-only: the filters of the members list.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterParams {
    /// Only members with this role.
    #[param(rename = "filter[role]")]
    role: Option<OrgRole>,
    /// Substring of the username or display name, in any case.
    #[param(rename = "filter[search]", max_length = 256, example = "ali")]
    search: Option<String>,
}

#[utoipa::path(
    get,
    path = "/orgs/{id}/members",
    operation_id = "list_org_members",
    tag = "organisations",
    summary = "List an organisation's members",
    params(("id" = String, Path, description = "The organisation's id"), FilterParams, PagingParams),
    responses(
        (status = 200, description = "One page of members", body = MemberListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
        (status = 404, description = "No such organisation", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let query = ListQuery::parse(&raw, &ops::orgs::MEMBER_FILTERS)?;
    let filter = query.filter(|get| ops::orgs::member_filter_from(get))?;
    let page = ops::orgs::members(&state, &caller, &id, filter).await?;
    Ok(query.page_response(&page, &members_path(&id), &raw))
}
