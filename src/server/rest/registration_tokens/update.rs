//! `PATCH /registration-tokens/{token}` `{"uses_allowed"?, "expires_at"?}`
//! (`null` clears: unlimited, never): 200 with the token; 404 unknown;
//! 422 a negative use count or a past expiry; 400 malformed JSON.

use serde::Deserialize;

use super::create::parse_expiry;
use super::schema::RegistrationTokenDocument;
use super::token_document;
use crate::model::RegistrationTokenPatch;
use crate::server::rest::openapi::RegistrationTokenInvalidError;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRegistrationToken {
    /// `null`: unlimited.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>, minimum = 0)]
    uses_allowed: Option<Option<i64>>,
    /// RFC 3339 time in the future; `null`: never.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = DateTime)]
    expires_at: Option<Option<String>>,
}

/// Tells "given as null" (`Some(None)`) from "absent" (`None`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[utoipa::path(
    patch,
    path = "/registration-tokens/{token}",
    operation_id = "update_registration_token",
    tag = "registration tokens",
    summary = "Change a registration token's uses or expiry",
    description = "An absent field stays as it is; `null` makes uses unlimited or the token never expire.",
    params(("token" = String, Path, description = "The token", pattern = "^[A-Za-z0-9._~-]{1,64}$")),
    request_body(content = UpdateRegistrationToken, example = json!({"uses_allowed": 10, "expires_at": null})),
    responses(
        (status = 200, description = "The token", body = RegistrationTokenDocument),
        (status = 400, description = "Malformed JSON or an unknown field", body = BadRequestError),
        (status = 404, description = "No such token", body = NotFoundError),
        (status = 422, description = "Broken rules, one per field", body = RegistrationTokenInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(token): Path<String>,
    ApiJson(input): ApiJson<UpdateRegistrationToken>,
) -> Result<Response, ApiError> {
    let expires_at = match input.expires_at {
        Some(Some(raw)) => Some(Some(parse_expiry(&raw)?)),
        Some(None) => Some(None),
        None => None,
    };
    let patch = RegistrationTokenPatch {
        uses_allowed: input.uses_allowed,
        expires_at,
    };
    let token = ops::registration::update(&state, &caller, &token, patch).await?;
    Ok(token_document(&token).into_response())
}
