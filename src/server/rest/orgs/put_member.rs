//! `PUT /orgs/{id}/members/{user_id}` `{"role"}`: adds the user (201) or
//! changes the role (200); 404 unknown organisation or user; 400 a bad role
//! or malformed body.

use serde::Deserialize;

use super::members_path;
use crate::model::OrgRole;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutMember {
    role: OrgRole,
}

#[utoipa::path(
    put,
    path = "/orgs/{id}/members/{user_id}",
    operation_id = "put_org_member",
    tag = "organisations",
    summary = "Add a member or change a member's role",
    params(
        ("id" = String, Path, description = "The organisation's id"),
        ("user_id" = String, Path, description = "The user's id"),
    ),
    request_body(content = PutMember, example = json!({"role": "editor"})),
    responses(
        (status = 200, description = "The role changed", body = super::schema::MemberDocument),
        (status = 201, description = "Added", body = super::schema::MemberDocument),
        (status = 400, description = "Malformed JSON or an unknown role", body = BadRequestError),
        (status = 404, description = "No such organisation or user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((org_id, user_id)): Path<(String, String)>,
    ApiJson(input): ApiJson<PutMember>,
) -> Result<Response, ApiError> {
    let (member, created) =
        ops::orgs::put_member(&state, &caller, &org_id, &user_id, input.role).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(resource_document(&member, &members_path(&org_id))),
    )
        .into_response())
}
