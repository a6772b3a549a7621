//! `DELETE /users/{id}/contacts/{contact}`: 204; 404 unknown user or not a
//! contact.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/users/{id}/contacts/{contact}",
    operation_id = "remove_contact",
    tag = "contacts",
    summary = "Remove a contact from a user",
    description = "Only this user's entry goes; the other user's contacts are untouched.",
    params(
        ("id" = String, Path, description = "The user's id"),
        ("contact" = String, Path, description = "The contact's username"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such user, or not one of their contacts", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((user_id, contact)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::contacts::remove(&state, &caller, &user_id, &contact).await)
}
