//! `DELETE /modules/{name}`: switches the module off, on every instance
//! from their next request; idempotent. 200 with the module (it still
//! exists, disabled); 404 unknown name.

use super::module_document;
use super::schema::ModuleDocument;
use crate::server::rest::prelude::*;

#[utoipa::path(
    delete,
    path = "/modules/{name}",
    operation_id = "disable_module",
    tag = "modules",
    summary = "Disable a module",
    description = "Its endpoints answer 404 (`not_found`) on every instance from their next \
        request, and stay so across restarts. Disabling a disabled module changes nothing.",
    params(("name" = String, Path, description = "The module's name",
        pattern = "^(registration|self_service|messaging|basic_auth|metrics|audit_export)$")),
    responses(
        (status = 200, description = "The module, disabled", body = ModuleDocument),
        (status = 404, description = "No such module", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let module = ops::modules::set_enabled(&state, &caller, &name, false).await?;
    Ok(module_document(&module).into_response())
}
