//! `PUT /modules/{name}`: switches the module on, on every instance from
//! their next request; idempotent. 200 with the module; 404 unknown name.

use super::module_document;
use super::schema::ModuleDocument;
use crate::server::rest::prelude::*;

#[utoipa::path(
    put,
    path = "/modules/{name}",
    operation_id = "enable_module",
    tag = "modules",
    summary = "Enable a module",
    description = "Takes effect on every instance at its next request and survives restarts. \
        Enabling an enabled module changes nothing. No request body.",
    params(("name" = String, Path, description = "The module's name",
        pattern = "^(registration|self_service|messaging|basic_auth|metrics|audit_export)$")),
    responses(
        (status = 200, description = "The module, enabled", body = ModuleDocument),
        (status = 404, description = "No such module", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let module = ops::modules::set_enabled(&state, &caller, &name, true).await?;
    Ok(module_document(&module).into_response())
}
