//! `POST /users/{id}/tokens` `{"name", "scopes"?, "expires_at"? | "expires_in"?}`:
//! 201 with the token and its secret in `meta.secret` (shown this once);
//! 404 unknown user; 422 bad name, scope or expiry; 400 malformed body.

use serde::Deserialize;
use serde_json::json;

use super::collection_path;
use crate::model::FieldError;
use crate::server::ops::tokens::NewToken;
use crate::server::rest::openapi::TokenInvalidError;
use crate::server::rest::prelude::*;
use crate::server::time::{now_ms, parse_rfc3339};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateToken {
    #[schema(example = "deploy bot")]
    name: String,
    #[serde(default)]
    scopes: Vec<String>,
    /// RFC 3339 time (or date).
    expires_at: Option<String>,
    /// Seconds from now; the alternative to `expires_at`.
    expires_in: Option<i64>,
}

fn expiry(input: &CreateToken) -> Result<Option<i64>, AppError> {
    let invalid = |message: &str| {
        AppError::Invalid(vec![FieldError::new(
            "expires_at",
            "expiry_invalid",
            message,
        )])
    };
    match (&input.expires_at, input.expires_in) {
        (Some(_), Some(_)) => Err(invalid("Give expires_at or expires_in, not both.")),
        (Some(raw), None) => parse_rfc3339(raw).map(Some).ok_or_else(|| {
            invalid("expires_at must be an RFC 3339 time such as 2027-01-31T00:00:00Z.")
        }),
        (None, Some(secs)) if secs > 0 => Ok(secs
            .checked_mul(1000)
            .and_then(|ms| ms.checked_add(now_ms()))),
        (None, Some(_)) => Err(invalid("expires_in must be a positive number of seconds.")),
        (None, None) => Ok(None),
    }
}

#[utoipa::path(
    post,
    path = "/users/{id}/tokens",
    operation_id = "create_token",
    tag = "tokens",
    summary = "Create a personal admin token",
    description = "The secret is in `meta.secret`, shown this once; only its SHA-256 is stored. \
        Scopes default to `urn:gatehouse:admin`. The token acts with the user's rights.",
    params(("id" = String, Path, description = "The user's id")),
    request_body(content = CreateToken, example = json!({"name": "deploy bot", "scopes": ["urn:gatehouse:admin:read"], "expires_in": 86400})),
    responses(
        (status = 201, description = "Created", body = super::schema::TokenCreatedDocument,
            headers(("Location" = String, description = "URL of the new token"))),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 422, description = "Broken rules, one per field", body = TokenInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
    ApiJson(input): ApiJson<CreateToken>,
) -> Result<Response, ApiError> {
    let expires_at = expiry(&input)?;
    let created = ops::tokens::create(
        &state,
        &caller,
        NewToken {
            user_id: user_id.clone(),
            name: input.name,
            scopes: input.scopes,
            expires_at,
        },
    )
    .await?;
    let meta = json!({"secret": created.secret});
    Ok(created_with_meta(
        &created.token,
        &collection_path(&user_id),
        meta,
    ))
}
