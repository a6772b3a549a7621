//! `DELETE /orgs/{id}[?force=true]`: 204; 404 unknown; 409 when it still
//! has members and `force` is not given, or it is the default organisation.

use crate::server::rest::openapi::OrgDeleteConflictError;
use crate::server::rest::prelude::*;

/// Doc-only: the delete's parameter.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct DeleteParams {
    /// Delete even with members, removing their memberships (default false).
    force: Option<bool>,
}

#[utoipa::path(
    delete,
    path = "/orgs/{id}",
    operation_id = "delete_org",
    tag = "organisations",
    summary = "Delete an organisation",
    description = "An organisation with members is only deleted with `force=true`, which removes the memberships too (the users stay).",
    params(("id" = String, Path, description = "The organisation's id"), DeleteParams),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
        (status = 404, description = "No such organisation", body = NotFoundError),
        (status = 409, description = "It still has members (`org_has_members`), or it is the configured default organisation (`org_is_default`)", body = OrgDeleteConflictError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<StatusCode, ApiError> {
    let params = query_params(raw.as_deref().unwrap_or_default(), |k| k == "force")?;
    let force = match params.get("force").map(String::as_str) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(AppError::bad_parameter("force", "force must be true or false").into())
        }
    };
    no_content(ops::orgs::delete(&state, &caller, &id, force).await)
}
