//! `GET /users/{id}/contacts/{contact}`: one contact, by username. 404 for
//! an unknown user or a username not in the user's contacts.

use super::collection_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/{id}/contacts/{contact}",
    operation_id = "get_contact",
    tag = "contacts",
    summary = "Get one contact of a user",
    params(
        ("id" = String, Path, description = "The user's id"),
        ("contact" = String, Path, description = "The contact's username"),
    ),
    responses(
        (status = 200, description = "The contact", body = super::schema::ContactDocument),
        (status = 404, description = "No such user, or not one of their contacts", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((user_id, contact)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let contact = ops::contacts::get(&state, &caller, &user_id, &contact).await?;
    Ok(resource_response(&contact, &collection_path(&user_id)))
}
