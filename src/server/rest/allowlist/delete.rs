//! `DELETE /allowlist/{entry}`: 204. 404 not on the list; 422 not an
//! address or range; 409 `would_lock_out` unless `?confirm_lockout=true`.

use super::LockoutQuery;
use crate::server::rest::openapi::{AllowEntryInvalidError, AllowListConflictError};
use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/allowlist/{entry}",
    operation_id = "delete_allowlist_entry",
    tag = "allowlist",
    summary = "Remove an address or range from the allow-list",
    params(("entry" = String, Path, description = "An address or CIDR range", example = "10.0.0.0/8"), LockoutQuery),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed query", body = BadRequestError),
        (status = 404, description = "Not on the list", body = NotFoundError),
        (status = 409, description = "Would lock out your own address", body = AllowListConflictError),
        (status = 422, description = "Not an address or range", body = AllowEntryInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(entry): Path<String>,
    ApiQuery(query): ApiQuery<LockoutQuery>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::allowlist::delete(&state, &caller, &entry, query.confirm_lockout).await)
}

/// `DELETE /allowlist/10.0.0.0/8`: the slash of a range sent unencoded.
pub async fn with_prefix(
    ApiCall { state, caller }: ApiCall,
    Path((address, prefix_len)): Path<(String, String)>,
    ApiQuery(query): ApiQuery<LockoutQuery>,
) -> Result<StatusCode, ApiError> {
    let entry = format!("{address}/{prefix_len}");
    no_content(ops::allowlist::delete(&state, &caller, &entry, query.confirm_lockout).await)
}
