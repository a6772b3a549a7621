//! `POST /registration-tokens` `{"token"? | "length"?, "uses_allowed"?,
//! "expires_at"?}`: 201 with the token; 409 `token_exists`; 422 a bad
//! token, length, use count or expiry; 400 token and length together,
//! malformed JSON or an unknown field.

use serde::Deserialize;

use super::collection_path;
use super::schema::RegistrationTokenDocument;
use crate::model::{FieldError, NewRegistrationToken};
use crate::server::rest::openapi::{RegistrationTokenInvalidError, TokenExistsError};
use crate::server::rest::prelude::*;
use crate::server::time::parse_rfc3339;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRegistrationToken {
    /// The token to create: 1 to 64 of `A-Za-z0-9._~-`. Leave out for a
    /// random one.
    #[schema(pattern = "^[A-Za-z0-9._~-]{1,64}$", example = "welcome-2027")]
    token: Option<String>,
    /// Length of a random token (default 16, 1 to 64); not with `token`.
    #[schema(minimum = 1, maximum = 64)]
    length: Option<i64>,
    /// How many accounts may register with it; absent or `null`: unlimited.
    #[schema(minimum = 0)]
    uses_allowed: Option<i64>,
    /// RFC 3339 time (or date), in the future; absent or `null`: never.
    #[schema(format = DateTime)]
    expires_at: Option<String>,
}

/// An RFC 3339 expiry, or 422 `expiry_invalid`.
pub fn parse_expiry(raw: &str) -> Result<i64, AppError> {
    parse_rfc3339(raw).ok_or_else(|| {
        AppError::Invalid(vec![FieldError::new(
            "expires_at",
            "expiry_invalid",
            "expires_at must be an RFC 3339 time such as 2027-01-31T00:00:00Z.",
        )])
    })
}

#[utoipa::path(
    post,
    path = "/registration-tokens",
    operation_id = "create_registration_token",
    tag = "registration tokens",
    summary = "Create a registration token",
    description = "Give `token`, or `length` for a random token of letters and digits (default 16 characters). \
        Giving both is a 400.",
    request_body(content = CreateRegistrationToken, example = json!({"uses_allowed": 5, "expires_at": "2027-01-31T00:00:00Z"})),
    responses(
        (status = 201, description = "Created", body = RegistrationTokenDocument,
            headers(("Location" = String, description = "URL of the new token"))),
        (status = 400, description = "token and length together, malformed JSON or an unknown field", body = BadRequestError),
        (status = 409, description = "The token exists", body = TokenExistsError),
        (status = 422, description = "Broken rules, one per field", body = RegistrationTokenInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<CreateRegistrationToken>,
) -> Result<Response, ApiError> {
    let expires_at = input.expires_at.as_deref().map(parse_expiry).transpose()?;
    let token = ops::registration::create(
        &state,
        &caller,
        NewRegistrationToken {
            token: input.token,
            length: input.length,
            uses_allowed: input.uses_allowed,
            expires_at,
        },
    )
    .await?;
    Ok(created_response(&token, &collection_path()))
}
