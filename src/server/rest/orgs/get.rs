//! `GET /orgs/{id}`: the organisation with its member count; 404 unknown.

use super::orgs_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/orgs/{id}",
    operation_id = "get_org",
    tag = "organisations",
    summary = "Get an organisation",
    params(("id" = String, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation", body = super::schema::OrgDocument),
        (status = 404, description = "No such organisation", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let org = ops::orgs::get(&state, &caller, &id).await?;
    Ok(resource_response(&org, &orgs_path()))
}
