//! `DELETE /applications/{id}`: 204; every grant and token of the
//! application stops working. 404 when unknown.

use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/applications/{id}",
    operation_id = "delete_application",
    tag = "applications",
    summary = "Delete an application",
    params(("id" = String, Path, description = "The application's id (its client_id)")),
    responses(
        (status = 204, description = "Deleted, with its grants and tokens"),
        (status = 404, description = "No such application", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::applications::delete(&state, &caller, &id).await)
}
