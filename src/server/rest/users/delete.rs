//! `DELETE /users/{id}`: 204; 404 unknown; 409 own account or last admin.

use crate::server::rest::openapi::GuardRailError;
use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/users/{id}",
    operation_id = "delete_user",
    tag = "users",
    summary = "Delete a user",
    description = "Deletes the account for good; refused for one's own account and the last active administrator.",
    params(("id" = String, Path, description = "The user's id (a ULID)", pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 409, description = "Own account or last active administrator", body = GuardRailError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::lifecycle::delete(&state, &caller, &id).await)
}
