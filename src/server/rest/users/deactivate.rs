//! `POST /users/{id}/deactivate` `{"erase": bool}` (body optional) and
//! `/reactivate`: 200 with the user; 404 unknown; 409 own account or last
//! admin. Deactivation ends all sessions and revokes all tokens; `erase`
//! also scrubs display name, email and password. The username stays taken.

use axum::body::Bytes;
use serde::Deserialize;

use super::schema::UserDocument;
use super::user_document;
use crate::server::rest::openapi::{examples, GuardRailError};
use crate::server::rest::prelude::*;

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct Deactivate {
    /// Also scrub display name, email and password.
    #[serde(default)]
    erase: bool,
}

#[utoipa::path(
    post,
    path = "/users/{id}/deactivate",
    operation_id = "deactivate_user",
    tag = "users",
    summary = "Deactivate a user",
    description = "Ends all sessions and revokes all tokens; `erase` also scrubs display name, email and password. The username stays taken. The body is optional.",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    request_body(content = Option<Deactivate>, example = json!({"erase": false})),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 400, description = "The body is not valid JSON of this shape", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "Own account or last active administrator", body = GuardRailError),
    ),
)]
pub async fn deactivate(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: Deactivate = if body.iter().all(u8::is_ascii_whitespace) {
        Deactivate::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| AppError::bad_request(format!("invalid JSON body: {e}")))?
    };
    Ok(
        user_document(&ops::lifecycle::deactivate(&state, &caller, &id, input.erase).await?)
            .into_response(),
    )
}

#[utoipa::path(
    post,
    path = "/users/{id}/reactivate",
    operation_id = "reactivate_user",
    tag = "users",
    summary = "Reactivate a user",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    responses(
        (status = 200, description = "The user", body = UserDocument, example = json!(examples::user_document())),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn reactivate(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(user_document(&ops::lifecycle::reactivate(&state, &caller, &id).await?).into_response())
}
