//! `GET /allowlist`: every entry, sorted, with `meta.your_ip` (the address
//! the server sees this request from). An empty list restricts nothing.

use serde_json::json;

use super::collection_path;
use crate::server::rest::envelope::collection_document;
use crate::server::rest::prelude::*;

#[utoipa::path(
    get,
    path = "/allowlist",
    operation_id = "list_allowlist",
    tag = "allowlist",
    summary = "The admin IP allow-list",
    description = "Sorted entries. Empty: no restriction. Not empty: admin requests from any \
        other address get 403 `ip_not_allowed`. `meta.your_ip` is the caller's address as the \
        server sees it.",
    responses((status = 200, description = "The entries", body = super::schema::EntryListDocument)),
)]
pub async fn handler(ApiCall { state, caller }: ApiCall) -> Result<Response, ApiError> {
    let list = ops::allowlist::list(&state, &caller).await?;
    let mut document = serde_json::to_value(collection_document(&list.entries, &collection_path()))
        .map_err(|_| ApiError(crate::model::AppError::Internal))?;
    document["meta"]["your_ip"] = json!(list.your_ip);
    Ok(Json(document).into_response())
}
