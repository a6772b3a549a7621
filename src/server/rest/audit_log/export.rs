//! `GET /audit-log/export?format=csv|jsonl`: every matching record, newest
//! first, streamed (no paging parameters).

use axum::{
    body::Body,
    extract::{RawQuery, State},
    http::header,
    response::{IntoResponse, Response},
};

use super::FilterParams;
use crate::{
    model::AppError,
    server::{
        ops::{
            self,
            audit::{AuditFormat, FILTERS},
        },
        rest::{extract::query_params, openapi::BadRequestError, ApiCaller, ApiError},
        time::{now_ms, rfc3339},
        AppState,
    },
};

/// Doc-only: the formats of an export.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum AuditFileFormat {
    Csv,
    Jsonl,
}

#[utoipa::path(
    get,
    path = "/audit-log/export",
    operation_id = "export_audit_log",
    tag = "audit log",
    summary = "Export audit records",
    description = "Every record matching the list's filters, newest first, streamed as CSV (a header line, then one line per record with `detail` as JSON text) or JSON lines (one record object per line). No paging parameters.",
    params(
        FilterParams,
        ("format" = inline(Option<AuditFileFormat>), Query, description = "File format (default `csv`)"),
    ),
    responses(
        (status = 200, description = "The file, as an attachment",
            headers(("Content-Disposition" = String, description = "attachment; filename=\"audit-log-….csv\"")),
            content(
                (String = "text/csv", example = "id,at,actor_type,actor_id,actor_name,ip,action,target_type,target_id,detail\r\n"),
                (String = "application/x-ndjson"),
            )),
        (status = 400, description = "An unknown parameter, a bad value, or a paging parameter", body = BadRequestError),
    ),
)]
pub async fn handler(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let raw = raw.unwrap_or_default();
    let params = query_params(&raw, |k| FILTERS.contains(&k) || k == "format")?;
    let filter = ops::audit::filter_from(|k| params.get(k).cloned())?;
    let format = match params.get("format").map(String::as_str) {
        None => AuditFormat::Csv,
        Some(f) => AuditFormat::parse(f)
            .ok_or_else(|| AppError::bad_parameter("format", "format must be csv or jsonl"))?,
    };
    let body = ops::audit::export(&state, &caller, filter, format).await?;
    let stamp: String = rfc3339(now_ms())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let disposition = format!(
        "attachment; filename=\"audit-log-{stamp}.{}\"",
        format.extension()
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response())
}
