//! `POST /users/{id}/set-password` `{"password", "temporary"?, "revoke_tokens"?}`:
//! 200 with the user; 422 when the password breaks the policy (the rule is
//! named). The user's sessions always end; `revoke_tokens` (default true)
//! also revokes their tokens; `temporary` makes the user choose a new
//! password at the next login.

use serde::Deserialize;

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::{examples, PasswordInvalidError};
use crate::server::rest::prelude::*;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    #[schema(format = Password)]
    password: String,
    /// The user must choose a new password at the next login.
    #[serde(default)]
    temporary: bool,
    /// Also revoke the user's API tokens (their sessions always end).
    #[serde(default = "revoke_by_default")]
    #[schema(default = true)]
    revoke_tokens: bool,
}

fn revoke_by_default() -> bool {
    true
}

#[utoipa::path(
    post,
    path = "/users/{id}/set-password",
    operation_id = "set_user_password",
    tag = "users",
    summary = "Set a user's password",
    description = "Ends every session of the user and, unless `revoke_tokens` is false, revokes their API tokens: a reset is how a compromised account is taken back.",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    request_body(content = SetPassword, example = json!({"password": "correct horse battery", "temporary": true})),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 422, description = "The password breaks the policy (the code names the rule)", body = PasswordInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SetPassword>,
) -> Result<Response, ApiError> {
    let reset = ops::lifecycle::PasswordReset {
        temporary: body.temporary,
        revoke_tokens: body.revoke_tokens,
    };
    let user = ops::lifecycle::set_password(&state, &caller, &id, body.password, reset).await?;
    Ok(user_document(&user).into_response())
}
