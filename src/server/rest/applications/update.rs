//! `PATCH /applications/{id}`: changes the given fields. A narrower access
//! rule takes effect at each grant's next use (refresh, UserInfo,
//! introspection). 404 unknown; 409 name taken; 422 broken rules; 400
//! malformed body or unknown organisation.

use super::collection_path;
use crate::model::ApplicationPatch;
use crate::server::rest::openapi::{
    ApplicationBadRequestError, ApplicationInvalidError, ApplicationNameTakenError,
};
use crate::server::rest::prelude::*;

#[utoipa::path(
    patch,
    path = "/applications/{id}",
    operation_id = "update_application",
    tag = "applications",
    summary = "Change an application",
    params(("id" = String, Path, description = "The application's id (its client_id)")),
    request_body(content = ApplicationPatch, example = json!({"skip_consent": true, "access": {"orgs": []}})),
    responses(
        (status = 200, description = "Changed", body = super::schema::ApplicationDocument),
        (status = 400, description = "Malformed JSON, or an unknown organisation", body = ApplicationBadRequestError),
        (status = 404, description = "No such application", body = NotFoundError),
        (status = 409, description = "The name is taken (in any case)", body = ApplicationNameTakenError),
        (status = 422, description = "Broken rules, one per field", body = ApplicationInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<ApplicationPatch>,
) -> Result<Response, ApiError> {
    let app = ops::applications::update(&state, &caller, &id, patch).await?;
    Ok(resource_response(&app, &collection_path()))
}
