//! `GET /modules/{name}`: 200 with the module; 404 unknown name.

use super::module_document;
use super::schema::ModuleDocument;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/modules/{name}",
    operation_id = "get_module",
    tag = "modules",
    summary = "Get a module",
    params(("name" = String, Path, description = "The module's name",
        pattern = "^(registration|self_service|messaging|basic_auth|metrics|audit_export)$")),
    responses(
        (status = 200, description = "The module", body = ModuleDocument),
        (status = 404, description = "No such module", body = NotFoundError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let module = ops::modules::get(&state, &caller, &name).await?;
    Ok(module_document(&module).into_response())
}
