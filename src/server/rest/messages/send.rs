//! `POST /users/{id}/messages` `{"body"}`: 200 when delivered live to an open
//! page, 202 when stored for the user's next connection; 404 unknown user;
//! 422 bad body.

use serde::Deserialize;
use serde_json::json;

use crate::model::Delivery;
use crate::server::rest::openapi::MessageInvalidError;
use crate::server::rest::prelude::*;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendMessage {
    /// Plain text, up to 1000 characters; the configured prefix is added.
    #[schema(example = "Maintenance tonight at 22:00.")]
    body: String,
}

#[utoipa::path(
    post,
    path = "/users/{id}/messages",
    operation_id = "send_message",
    tag = "messages",
    summary = "Send a message to a user",
    description = "The message goes into the user's inbox and, when they have a panel page \
        open on any instance, appears there at once (200). Otherwise it waits for their next \
        connection (202).",
    params(("id" = String, Path, description = "The user's id")),
    request_body(content = SendMessage, example = json!({"body": "Maintenance tonight at 22:00."})),
    responses(
        (status = 200, description = "Delivered live", body = super::schema::MessageDocument),
        (status = 202, description = "Stored for later", body = super::schema::MessageDocument),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No such user", body = NotFoundError),
        (status = 422, description = "Bad body", body = MessageInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(user_id): Path<String>,
    ApiJson(input): ApiJson<SendMessage>,
) -> Result<Response, ApiError> {
    let sent = ops::messages::send(&state, &caller, &user_id, &input.body).await?;
    let (status, delivery) = match sent.delivery {
        Delivery::Delivered => (StatusCode::OK, "delivered"),
        Delivery::Queued => (StatusCode::ACCEPTED, "queued"),
    };
    let document = json!({"data": {
        "type": "message",
        "id": sent.message_id,
        "attributes": {"user_id": user_id, "delivery": delivery},
    }});
    Ok((status, Json(document)).into_response())
}
