//! `DELETE /orgs/{id}/members/{user_id}`: 204; 404 unknown organisation or
//! not a member.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/orgs/{id}/members/{user_id}",
    operation_id = "remove_org_member",
    tag = "organisations",
    summary = "Remove a member from an organisation",
    description = "The user stays; only the membership goes.",
    params(
        ("id" = String, Path, description = "The organisation's id"),
        ("user_id" = String, Path, description = "The user's id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such organisation, or the user is not a member", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((org_id, user_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::orgs::remove_member(&state, &caller, &org_id, &user_id).await)
}
