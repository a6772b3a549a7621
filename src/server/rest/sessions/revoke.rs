//! `DELETE /users/{id}/sessions/{session_id}`: 204; that browser is logged
//! out at its next request (revoking twice is fine). 404 when the user has
//! no such session.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/users/{id}/sessions/{session_id}",
    operation_id = "revoke_session",
    tag = "sessions",
    summary = "Revoke a login session",
    description = "That browser is logged out at its next request; revoking twice is fine.",
    params(
        ("id" = String, Path, description = "The user's id"),
        ("session_id" = String, Path, description = "The session's id"),
    ),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "The user has no such session", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path((user_id, session_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::sessions::revoke(&state, &caller, &user_id, &session_id).await)
}
