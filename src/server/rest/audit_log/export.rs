//! `GET /audit-log/export?format=csv|jsonl`: every matching record, newest
//! first, streamed (no paging parameters).

use super::FilterParams;
use crate::server::ops::audit::FILTERS;
use crate::server::ops::export::ExportFormat;
use crate::server::rest::attachment::attachment;
use crate::server::rest::prelude::*;

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
                (String = "text/csv", example = "id,at,actor_type,actor_id,actor_name,ip,actor_role,action,target_type,target_id,detail\r\n"),
                (String = "application/x-ndjson"),
            )),
        (status = 400, description = "An unknown parameter, a bad value, or a paging parameter", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let params = query_params(&raw, |k| FILTERS.contains(&k) || k == "format")?;
    let filter = ops::audit::filter_from(|k| params.get(k).cloned())?;
    let format = ExportFormat::from_param(params.get("format").map(String::as_str))?;
    let body = ops::audit::export(&state, &caller, filter, format).await?;
    Ok(attachment("audit-log", format, body))
}
