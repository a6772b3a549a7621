//! `GET /email/outbox`: the latest 50 messages, newest first, optionally
//! `filter[status]=queued|sent|failed`. `POST /email/outbox/{id}/retry`:
//! a failed message goes back in the queue.

use super::schema::EmailMessageListDocument;
use crate::server::rest::openapi::EmailNotConfiguredError;
use crate::server::rest::prelude::*;

/// Doc-only: the filter of the list.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct OutboxParams {
    /// Only messages in this state.
    #[param(rename = "filter[status]", pattern = "^(queued|sent|failed)$")]
    status: Option<String>,
}

#[utoipa::path(
    get,
    path = "/email/outbox",
    operation_id = "list_outbox",
    tag = "email",
    summary = "List outgoing mail",
    description = "The latest 50 messages of the outbox, newest first (never their bodies): queued, sent, or failed with the SMTP server's answer.",
    params(OutboxParams),
    responses(
        (status = 200, description = "The messages", body = EmailMessageListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn list(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let params = query_params(&raw, |k| k == "filter[status]")?;
    let status = params.get("filter[status]").map(String::as_str);
    let outbox = ops::email::outbox(&state, &caller, status).await?;
    Ok(collection_response(
        &outbox.messages,
        &format!("{PREFIX}/email/outbox"),
    ))
}

#[utoipa::path(
    post,
    path = "/email/outbox/{id}/retry",
    operation_id = "retry_outbox_message",
    tag = "email",
    summary = "Retry a failed message",
    description = "Puts a message that failed its last attempt back in the queue, due now. Audited (`email.retry`).",
    params(("id" = String, Path, description = "The message's id")),
    responses(
        (status = 204, description = "Queued again"),
        (status = 404, description = "No failed message with this id", body = NotFoundError),
        (status = 409, description = "No mail configured", body = EmailNotConfiguredError),
    ),
)]
pub async fn retry(
    ApiCall { state, caller }: ApiCall,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    no_content(ops::email::retry(&state, &caller, &id).await)
}
