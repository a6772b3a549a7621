//! `POST /messages/multicast` `[{"to", "body"}, ...]`: each entry sent on its
//! own; `{"sent", "queued", "rejected"}`; 404 when no recipient was valid.

use crate::model::MulticastReport;
use crate::server::ops::messages::Outgoing;
use crate::server::rest::openapi::MulticastInvalidError;
use crate::server::rest::prelude::*;

/// One recipient: a username or a user id.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MulticastEntry {
    #[schema(example = "alice")]
    to: String,
    #[schema(example = "Your quota is almost used up.")]
    body: String,
}

#[utoipa::path(
    post,
    path = "/messages/multicast",
    operation_id = "multicast_messages",
    tag = "messages",
    summary = "Send messages to several users",
    description = "Up to 1000 entries, each `{\"to\": username or id, \"body\"}`. Entries with \
        an unknown recipient or a bad body are listed in `rejected`; the others are sent \
        (live: `sent`) or stored (`queued`). 404 when not one recipient was valid.",
    request_body(content = Vec<MulticastEntry>, example = json!([{"to": "alice", "body": "Hello"}, {"to": "bob", "body": "Hello"}])),
    responses(
        (status = 200, description = "What happened to each entry", body = super::schema::MulticastDocument),
        (status = 400, description = "Malformed JSON", body = BadRequestError),
        (status = 404, description = "No valid recipient", body = NotFoundError),
        (status = 422, description = "No entries, or too many", body = MulticastInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(entries): ApiJson<Vec<MulticastEntry>>,
) -> Result<Json<MulticastReport>, ApiError> {
    let entries: Vec<Outgoing> = entries
        .into_iter()
        .map(|e| Outgoing {
            to: e.to,
            body: e.body,
        })
        .collect();
    Ok(Json(
        ops::messages::multicast(&state, &caller, &entries).await?,
    ))
}
