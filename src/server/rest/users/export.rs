//! `GET /users/export?format=csv|jsonl`: every user matching the list's
//! filters and sort, streamed (no paging parameters).

use super::list::FilterParams;
use crate::server::ops::export::ExportFormat;
use crate::server::rest::attachment::attachment;
use crate::server::rest::prelude::*;

/// Doc-only: the formats of an export.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum FileFormat {
    Csv,
    Jsonl,
}

#[utoipa::path(
    get,
    path = "/users/export",
    operation_id = "export_users",
    tag = "users",
    summary = "Export users",
    description = "Every user matching the list's filters and sort, streamed as CSV (a header line, then one line per user; the file can be imported again) or JSON lines (one user object with its `id` per line). No paging parameters.",
    params(
        FilterParams,
        ("format" = inline(Option<FileFormat>), Query, description = "File format (default `csv`)"),
    ),
    responses(
        (status = 200, description = "The file, as an attachment",
            headers(("Content-Disposition" = String, description = "attachment; filename=\"users-….csv\"")),
            content(
                (String = "text/csv", example = "id,username,display_name,email,admin,roles,can_request_admin,status,created_at,last_seen_at,locked_at,deactivated_at\r\n"),
                (String = "application/x-ndjson"),
            )),
        (status = 400, description = "An unknown parameter, a bad value, or a paging parameter", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let (filter, _, extras) = super::list::parse_query_with(&raw, &["format"])?;
    if raw.contains("page%5B") || raw.contains("page[") {
        return Err(AppError::bad_parameter("page", "an export has no pages").into());
    }
    let format = ExportFormat::from_param(extras.get("format").map(String::as_str))?;
    let body = ops::export::users(&state, &caller, filter, format).await?;
    Ok(attachment("users", format, body))
}
