//! `GET /modules`: every built-in module with its state, in a fixed order.

use super::collection_path;
use super::schema::ModuleListDocument;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/modules",
    operation_id = "list_modules",
    tag = "modules",
    summary = "List the built-in modules",
    description = "Every module with its state. A module nobody switched has its default \
        state (`changed_at` null). A disabled module's endpoints answer 404.",
    responses(
        (status = 200, description = "The modules", body = ModuleListDocument),
    ),
)]
pub async fn handler(ApiCall { state, caller }: ApiCall) -> Result<Response, ApiError> {
    let modules = ops::modules::list(&state, &caller).await?;
    Ok(collection_response(&modules, &collection_path()))
}
