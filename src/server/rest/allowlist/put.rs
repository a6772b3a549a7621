//! `PUT /allowlist/{entry}` with an optional body `{"note"?, "confirm_lockout"?}`:
//! 201 when added, 200 when it existed (the note is updated). 422 not an
//! address or CIDR range (or host bits set); 409 `would_lock_out` when the
//! caller's own address would lose admin access, unless confirmed
//! (`confirm_lockout` in the body or the query); 409 `allowlist_full`.

use serde::Deserialize;

use super::{collection_path, LockoutQuery};
use crate::server::rest::extract::OptionalJson;
use crate::server::rest::openapi::{AllowEntryInvalidError, AllowListConflictError};
use crate::server::rest::prelude::*;
use crate::server::AppState;

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutEntry {
    #[schema(example = "office VPN")]
    note: Option<String>,
    #[serde(default)]
    confirm_lockout: bool,
}

#[utoipa::path(
    put,
    path = "/allowlist/{entry}",
    operation_id = "put_allowlist_entry",
    tag = "allowlist",
    summary = "Add an address or range to the allow-list",
    description = "IPv4 or IPv6, one address or a CIDR range (the slash as `%2F`, or as is). \
        The body is optional.",
    params(("entry" = String, Path, description = "An address or CIDR range", example = "10.0.0.0/8"), LockoutQuery),
    request_body(content = Option<PutEntry>, example = json!({"note": "office VPN"})),
    responses(
        (status = 200, description = "It was listed already (the note is updated)", body = super::schema::EntryDocument),
        (status = 201, description = "Added", body = super::schema::EntryDocument),
        (status = 400, description = "Malformed body or query", body = BadRequestError),
        (status = 409, description = "Would lock out your own address, or the list is full", body = AllowListConflictError),
        (status = 422, description = "Not an address or range", body = AllowEntryInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    Path(entry): Path<String>,
    ApiQuery(query): ApiQuery<LockoutQuery>,
    OptionalJson(body): OptionalJson<PutEntry>,
) -> Result<Response, ApiError> {
    put(state, caller, entry, query, body).await
}

/// `PUT /allowlist/10.0.0.0/8`: the slash of a range sent unencoded.
pub async fn with_prefix(
    ApiCall { state, caller }: ApiCall,
    Path((address, prefix_len)): Path<(String, String)>,
    ApiQuery(query): ApiQuery<LockoutQuery>,
    OptionalJson(body): OptionalJson<PutEntry>,
) -> Result<Response, ApiError> {
    put(
        state,
        caller,
        format!("{address}/{prefix_len}"),
        query,
        body,
    )
    .await
}

async fn put(
    state: AppState,
    caller: crate::server::ops::Caller,
    entry: String,
    query: LockoutQuery,
    body: PutEntry,
) -> Result<Response, ApiError> {
    let confirm = query.confirm_lockout || body.confirm_lockout;
    let (entry, created) = ops::allowlist::put(&state, &caller, &entry, body.note, confirm).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(resource_document(&entry, &collection_path()))).into_response())
}
