//! `POST /users/{id}/contacts` `{"contact", "subscription"?, "groups"?}`:
//! 201 with the contact; 404 unknown user (`not_found`) or unknown contact
//! (`contact_not_found`); 409 already a contact; 422 the user themself, a
//! bad subscription or bad group names; 400 malformed body.

use serde::Deserialize;

use super::collection_path;
use crate::server::ops::contacts::NewContact;
use crate::server::rest::openapi::{ContactExistsError, ContactInvalidError, ContactNotFoundError};
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContact {
    /// The username of the user to add.
    #[schema(example = "bob")]
    contact: String,
    /// `none` (the default), `to`, `from` or `both`.
    #[schema(example = "both")]
    subscription: Option<String>,
    /// Group names: trimmed, 1 to 64 characters without commas, at most 20,
    /// no duplicates.
    #[schema(example = json!(["Friends"]))]
    groups: Option<Vec<String>>,
}

#[utoipa::path(
    post,
    path = "/users/{id}/contacts",
    operation_id = "add_contact",
    tag = "contacts",
    summary = "Add a contact to a user",
    description = "The contact is another user, named by username. The subscription defaults \
        to `none`, the groups to none.",
    params(("id" = String, Path, description = "The user's id")),
    request_body(content = CreateContact, example = json!({"contact": "bob", "subscription": "both", "groups": ["Friends"]})),
    responses(
        (status = 201, description = "Added", body = super::schema::ContactDocument,
            headers(("Location" = String, description = "URL of the new contact"))),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such user (`not_found`) or no user with the contact's \
            username (`contact_not_found`, `source.pointer` `/contact`)", body = ContactNotFoundError),
        (status = 409, description = "Already a contact of this user", body = ContactExistsError),
        (status = 422, description = "Broken rules, one per field", body = ContactInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
    ApiJson(input): ApiJson<CreateContact>,
) -> Result<Response, ApiError> {
    let contact = ops::contacts::add(
        &state,
        &caller,
        NewContact {
            user_id: user_id.clone(),
            contact: input.contact,
            subscription: input.subscription,
            groups: input.groups.unwrap_or_default(),
        },
    )
    .await?;
    Ok(created_response(&contact, &collection_path(&user_id)))
}
