//! `PATCH /users/{id}/contacts/{contact}` `{"subscription"?, "groups"?}`:
//! 200 with the contact (what is left out stays); 404 unknown user or not a
//! contact; 422 bad subscription or groups; 400 malformed body.

use serde::Deserialize;

use super::collection_path;
use crate::server::ops::contacts::ContactPatch;
use crate::server::rest::openapi::ContactPatchInvalidError;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateContact {
    /// `none`, `to`, `from` or `both`.
    #[schema(example = "to")]
    subscription: Option<String>,
    /// Replaces the groups (same rules as when adding); `[]` clears them.
    #[schema(example = json!(["Friends", "Work"]))]
    groups: Option<Vec<String>>,
}

#[utoipa::path(
    patch,
    path = "/users/{id}/contacts/{contact}",
    operation_id = "update_contact",
    tag = "contacts",
    summary = "Change a contact's subscription or groups",
    description = "Fields left out keep their value.",
    params(
        ("id" = String, Path, description = "The user's id"),
        ("contact" = String, Path, description = "The contact's username"),
    ),
    request_body(content = UpdateContact, example = json!({"subscription": "both"})),
    responses(
        (status = 200, description = "Changed", body = super::schema::ContactDocument),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such user, or not one of their contacts", body = NotFoundError),
        (status = 422, description = "Broken rules, one per field", body = ContactPatchInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((user_id, contact)): Path<(String, String)>,
    ApiJson(input): ApiJson<UpdateContact>,
) -> Result<Response, ApiError> {
    let patch = ContactPatch {
        subscription: input.subscription,
        groups: input.groups,
    };
    let contact = ops::contacts::update(&state, &caller, &user_id, &contact, patch).await?;
    Ok(resource_response(&contact, &collection_path(&user_id)))
}
