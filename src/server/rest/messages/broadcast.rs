//! `POST /messages/broadcast` `{"body"}`: `{"count": n}`, the users connected
//! right now, who all got it.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::server::rest::openapi::MessageInvalidError;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Broadcast {
    #[schema(example = "The server restarts in 5 minutes.")]
    body: String,
}

#[utoipa::path(
    post,
    path = "/messages/broadcast",
    operation_id = "broadcast_message",
    tag = "messages",
    summary = "Send a message to everyone connected",
    description = "Pushed at once to every open panel page on every instance and kept in \
        those users' inboxes. Users not connected get nothing.",
    request_body(content = Broadcast, example = json!({"body": "The server restarts in 5 minutes."})),
    responses(
        (status = 200, description = "How many users got it", body = super::schema::BroadcastDocument),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 422, description = "Bad body", body = MessageInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<Broadcast>,
) -> Result<Json<Value>, ApiError> {
    let count = ops::messages::broadcast(&state, &caller, &input.body).await?;
    Ok(Json(json!({ "count": count })))
}
