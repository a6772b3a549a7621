//! `POST /users/{id}/logout`: revokes every login session of the user;
//! 200 `{"revoked": n}` (how many were live). 404 unknown user. Tokens are
//! not affected.

use serde_json::json;

use super::schema::LogoutResult;
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/users/{id}/logout",
    operation_id = "logout_user",
    tag = "sessions",
    summary = "Log a user out everywhere",
    description = "Revokes every panel login session of the user; `revoked` says how many were live. Personal tokens are not affected.",
    params(("id" = String, Path, description = "The user's id")),
    responses(
        (status = 200, description = "Done", body = LogoutResult, example = json!({"revoked": 2})),
        (status = 404, description = "No such user", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let revoked = ops::sessions::logout_all(&state, &caller, &user_id).await?;
    Ok(Json(json!({ "revoked": revoked })).into_response())
}
