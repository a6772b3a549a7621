//! `POST /users/bulk` `{"action": "lock"|"unlock"|"deactivate"|"delete",
//! "ids": [...]}`: 200 with what succeeded and what was refused (each user
//! is its own transaction; a refusal does not stop the others).

use axum::{extract::State, Json};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{
    model::BulkAction,
    server::{
        ops,
        rest::{ApiCaller, ApiError, ApiJson},
        AppState,
    },
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    action: BulkAction,
    ids: Vec<String>,
}

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(request): ApiJson<BulkRequest>,
) -> Result<Json<Value>, ApiError> {
    let result = ops::bulk::apply(&state, &caller, request.ids, request.action).await?;
    Ok(Json(
        json!({"data": {"type": "user-bulk-result", "attributes": result}}),
    ))
}
