//! `POST /invitations` `{"email", "org_id"?, "role"?, "valid_days"?}`: 201
//! with the invitation, whose mail is queued in the same transaction; 400
//! unknown organisation; 409 no mail or registration closed; 422 bad input.

use super::collection_path;
use super::schema::InvitationDocument;
use crate::model::email::NewInvitation;
use crate::server::rest::openapi::{
    InvitationConflictError, InvitationInvalidError, NewUserBadRequestError,
};
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/invitations",
    operation_id = "create_invitation",
    tag = "invitations",
    summary = "Invite someone by mail",
    description = "Creates a registration token for one use (valid `valid_days`, default 7) and mails a link to `/register` with it. \
        Registering with it joins `org_id` with `role` (default viewer) and verifies the invited address. Audited (`invitation.create`).",
    request_body(content = NewInvitation, example = json!({"email": "carol@example.org", "valid_days": 7})),
    responses(
        (status = 201, description = "Sent (queued in the outbox)", body = InvitationDocument,
            headers(("Location" = String, description = "URL of the invitation"))),
        (status = 400, description = "Malformed JSON, an unknown field, or no such organisation", body = NewUserBadRequestError),
        (status = 409, description = "No mail configured, or registration closed", body = InvitationConflictError),
        (status = 422, description = "Broken rules, one per field", body = InvitationInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<NewInvitation>,
) -> Result<Response, ApiError> {
    let invitation = ops::email::invitations::create(&state, &caller, input).await?;
    Ok(created_response(&invitation, &collection_path()))
}
