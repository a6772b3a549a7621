//! `POST /users/bulk` `{"action": "lock"|"unlock"|"deactivate"|"delete",
//! "ids": [...]}`: 200 with what succeeded and what was refused (each user
//! is its own transaction; a refusal does not stop the others).

use serde::Deserialize;
use serde_json::{json, Value};

use crate::model::{BulkAction, BulkResult};
use crate::server::rest::prelude::*;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    action: BulkAction,
    /// From 1 to 1000 user ids.
    #[schema(min_items = 1, max_items = 1000)]
    ids: Vec<String>,
}

/// Doc-only: `{"data": {"type": "user-bulk-result", "attributes": result}}`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct BulkDocument {
    data: BulkData,
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct BulkData {
    #[schema(rename = "type", value_type = String, pattern = "^user-bulk-result$", example = "user-bulk-result")]
    kind: (),
    attributes: BulkResult,
}

#[utoipa::path(
    post,
    path = "/users/bulk",
    operation_id = "bulk_users",
    tag = "users",
    summary = "Apply one action to many users",
    description = "Each user is changed in its own transaction; a refusal (own account, last administrator, unknown id) does not stop the others and is listed with its code.",
    request_body(content = BulkRequest, example = json!({"action": "lock", "ids": ["01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"]})),
    responses(
        (status = 200, description = "What succeeded and what was refused", body = BulkDocument,
            example = json!({"data": {"type": "user-bulk-result", "attributes": {
                "action": "lock", "succeeded": ["alice"], "refused": [{
                    "id": "01JD3Z6Q9V8W7X6Y5Z4A3B2C1E", "username": "admin",
                    "code": "cannot_modify_self", "reason": "You cannot lock your own account."}]}}})),
        (status = 400, description = "Malformed JSON, an unknown action, or bad ids", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(request): ApiJson<BulkRequest>,
) -> Result<Json<Value>, ApiError> {
    let result = ops::bulk::apply(&state, &caller, request.ids, request.action).await?;
    Ok(Json(
        json!({"data": {"type": "user-bulk-result", "attributes": result}}),
    ))
}
