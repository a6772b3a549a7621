//! A user's address and password by mail:
//! `POST /users/{id}/email/verification` mails a verification link,
//! `PUT /users/{id}/email/verified` `{"verified"}` marks the address
//! verified (or not) without one, and `POST /users/{id}/password-reset`
//! mails a password reset link (instead of a temporary password).

use serde::Deserialize;

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::{
    examples, EmailMissingError, EmailNotConfiguredError, VerificationConflictError,
};
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/users/{id}/email/verification",
    operation_id = "send_email_verification",
    tag = "users",
    summary = "Mail a verification link",
    description = "Queues a link, valid 24 hours, to the user's address. Audited (`user.email_verification_sent`).",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 204, description = "Queued in the outbox"),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "No mail configured, or the address is verified already", body = VerificationConflictError),
        (status = 422, description = "The user has no address", body = EmailMissingError),
    ),
)]
pub async fn send_verification(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::email::verification::resend_for(&state, &caller, &id).await)
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetVerified {
    /// Whether the user's current address is proven.
    verified: bool,
}

#[utoipa::path(
    put,
    path = "/users/{id}/email/verified",
    operation_id = "set_email_verified",
    tag = "users",
    summary = "Mark an address verified",
    description = "For an address proven some other way. Audited (`user.email_verified`).",
    params(("id" = String, Path, description = "The user's id")),
    request_body(content = SetVerified, example = json!({"verified": true})),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 400, description = "Malformed JSON or an unknown field", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 422, description = "The user has no address", body = EmailMissingError),
    ),
)]
pub async fn set_verified(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<SetVerified>,
) -> Result<Response, ApiError> {
    let user = ops::email::verification::set_verified(&state, &caller, &id, input.verified).await?;
    Ok(user_document(&user).into_response())
}

#[utoipa::path(
    post,
    path = "/users/{id}/password-reset",
    operation_id = "send_password_reset",
    tag = "users",
    summary = "Mail a password reset link",
    description = "Queues a single-use link, valid one hour, to the user's address; setting the new password ends every session of the user. Audited (`user.password_reset_link`).",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 204, description = "Queued in the outbox"),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "No mail configured", body = EmailNotConfiguredError),
        (status = 422, description = "The user has no address", body = EmailMissingError),
    ),
)]
pub async fn send_reset(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::email::reset::send_for(&state, &caller, &id).await)
}
