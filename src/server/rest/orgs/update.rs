//! `PATCH /orgs/{id}` `{"name"}`: renames; 404 unknown; 409 name taken;
//! 422 bad name; 400 malformed body.

use super::{orgs_path, OrgName};
use crate::server::rest::openapi::{OrgNameInvalidError, OrgNameTakenError};
use crate::server::rest::prelude::*;

#[utoipa::path(
    patch,
    path = "/orgs/{id}",
    operation_id = "update_org",
    tag = "organisations",
    summary = "Rename an organisation",
    params(("id" = String, Path, description = "The organisation's id")),
    request_body(content = OrgName, example = json!({"name": "Research & Development"})),
    responses(
        (status = 200, description = "Renamed", body = super::schema::OrgDocument),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such organisation", body = NotFoundError),
        (status = 409, description = "The name is taken (in any case)", body = OrgNameTakenError),
        (status = 422, description = "A blank or too long name", body = OrgNameInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<OrgName>,
) -> Result<Response, ApiError> {
    let org = ops::orgs::rename(&state, &caller, &id, &input.name).await?;
    Ok(resource_response(&org, &orgs_path()))
}
