//! `PUT /allowlist/{entry}` with an optional body `{"note"?, "confirm_lockout"?}`:
//! 201 when added, 200 when it existed (the note is updated). 422 not an
//! address or CIDR range (or host bits set); 409 `would_lock_out` when the
//! caller's own address would lose admin access, unless confirmed
//! (`confirm_lockout` in the body or the query); 409 `allowlist_full`.

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;

use super::{collection_path, LockoutQuery};
use crate::server::{
    ops,
    rest::{
        extract::{ApiQuery, OptionalJson},
        resource_document, ApiCaller, ApiError,
    },
    AppState,
};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PutEntry {
    note: Option<String>,
    #[serde(default)]
    confirm_lockout: bool,
}

pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(entry): Path<String>,
    ApiQuery(query): ApiQuery<LockoutQuery>,
    OptionalJson(body): OptionalJson<PutEntry>,
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
