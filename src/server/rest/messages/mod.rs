//! Messages to users: one (`/users/{id}/messages`), several
//! (`/messages/multicast`) or everyone connected (`/messages/broadcast`).

pub mod broadcast;
pub mod multicast;
pub mod send;

/// Doc-only schemas of the messages' documents.
pub mod schema {

    /// `delivered` (reached an open page) or `queued` (waits for the next
    /// connection); in both cases the message is in the user's inbox.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct MessageAttributes {
        user_id: String,
        #[schema(pattern = "^(delivered|queued)$", example = "delivered")]
        delivery: String,
    }

    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct MessageResource {
        #[schema(rename = "type", pattern = "^message$", example = "message")]
        kind: String,
        #[schema(
            pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$",
            example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"
        )]
        id: String,
        attributes: MessageAttributes,
    }

    /// `{"data": {"type": "message", "id", "attributes": {"user_id", "delivery"}}}`.
    #[derive(utoipa::ToSchema)]
    #[schema(example = json!({"data": {"type": "message", "id": "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D",
        "attributes": {"user_id": "01JD3Z6Q9V8W7X6Y5Z4A3B2C1E", "delivery": "queued"}}}))]
    #[allow(dead_code)]
    pub struct MessageDocument {
        data: MessageResource,
    }

    /// A multicast entry that was not sent.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct RejectedEntry {
        /// Position of the entry in the request.
        index: usize,
        to: String,
        #[schema(pattern = "^(user_not_found|body_empty|body_too_long|body_invalid)$")]
        code: String,
        reason: String,
    }

    #[derive(utoipa::ToSchema)]
    #[schema(example = json!({"sent": 2, "queued": 1, "rejected": [{"index": 3, "to": "nobody", "code": "user_not_found", "reason": "no user 'nobody'"}]}))]
    #[allow(dead_code)]
    pub struct MulticastDocument {
        /// Delivered live to an open page.
        sent: usize,
        /// Stored for the recipient's next connection.
        queued: usize,
        rejected: Vec<RejectedEntry>,
    }

    #[derive(utoipa::ToSchema)]
    #[schema(example = json!({"count": 42}))]
    #[allow(dead_code)]
    pub struct BroadcastDocument {
        /// Users connected right now, who all got the message.
        count: usize,
    }
}
