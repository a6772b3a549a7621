//! `POST /orgs` `{"name"}`: 201 with the organisation; 409 when the name is
//! taken in any case; 422 a blank or too long name; 400 malformed body.

use super::{orgs_path, OrgName};
use crate::server::rest::openapi::{OrgNameInvalidError, OrgNameTakenError};
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/orgs",
    operation_id = "create_org",
    tag = "organisations",
    summary = "Create an organisation",
    request_body(content = OrgName, example = json!({"name": "Research"})),
    responses(
        (status = 201, description = "Created", body = super::schema::OrgDocument,
            headers(("Location" = String, description = "URL of the new organisation"))),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 409, description = "The name is taken (in any case)", body = OrgNameTakenError),
        (status = 422, description = "A blank or too long name", body = OrgNameInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<OrgName>,
) -> Result<Response, ApiError> {
    let org = ops::orgs::create(&state, &caller, &input.name).await?;
    Ok(created_response(&org, &orgs_path()))
}
