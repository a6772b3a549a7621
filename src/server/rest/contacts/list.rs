//! `GET /users/{id}/contacts`: the user's contacts by username, with
//! `meta.count`. 404 unknown user.

use super::collection_path;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/users/{id}/contacts",
    operation_id = "list_contacts",
    tag = "contacts",
    summary = "List a user's contacts",
    description = "The user's roster, ordered by the contacts' usernames. Each resource's `id` \
        is the contact's username.",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The contacts", body = super::schema::ContactListDocument),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let contacts = ops::contacts::list(&state, &caller, &user_id).await?;
    Ok(collection_response(&contacts, &collection_path(&user_id)))
}
