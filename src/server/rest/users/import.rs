//! `POST /users/import?dry_run=true|false&on_conflict=skip|fail|update`:
//! the body is the file itself, CSV (`text/csv`) or JSON lines
//! (`application/jsonl`); `format=csv|jsonl` overrides the content type.
//! 200 with the report when checked (dry run) or applied; 422 with one
//! error per rejected row, and the report in `meta`, when nothing was written.

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderMap;
use serde_json::json;

use super::export::FileFormat;
use crate::model::{ImportReport, OnConflict, RowOutcome};
use crate::server::ops::import::parse::ImportFormat;
use crate::server::ops::import::ImportOptions;
use crate::server::rest::openapi::{ImportConflictError, ImportInvalidError};
use crate::server::rest::prelude::*;

/// Largest file one request may carry.
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

fn options(raw: &str) -> Result<(ImportOptions, Option<ImportFormat>), AppError> {
    let mut options = ImportOptions::default();
    let mut format = None;
    for (key, value) in super::list::form_pairs(raw) {
        match key.as_str() {
            "dry_run" => {
                options.dry_run = match value.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => {
                        return Err(AppError::bad_parameter(
                            "dry_run",
                            "dry_run must be true or false",
                        ))
                    }
                }
            }
            "on_conflict" => {
                options.on_conflict = OnConflict::parse(&value).ok_or_else(|| {
                    AppError::bad_parameter(
                        "on_conflict",
                        "on_conflict must be skip, fail or update",
                    )
                })?
            }
            "format" => {
                format = Some(ImportFormat::parse(&value).ok_or_else(|| {
                    AppError::bad_parameter("format", "format must be csv or jsonl")
                })?)
            }
            other => {
                return Err(AppError::bad_parameter(
                    other,
                    format!("unknown parameter {other}"),
                ))
            }
        }
    }
    Ok((options, format))
}

/// Doc-only: `{"data": {"type": "user-import", "attributes": report}}`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ImportDocument {
    data: ImportData,
}

#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ImportData {
    #[schema(rename = "type", value_type = String, pattern = "^user-import$", example = "user-import")]
    kind: (),
    attributes: ImportReport,
}

#[utoipa::path(
    post,
    path = "/users/import",
    operation_id = "import_users",
    tag = "users",
    summary = "Import users",
    description = "The body is the file itself: CSV (a header line naming the columns: username, display_name, email, admin, password or password_hash; others are ignored) or JSON lines. All or nothing: when any row is rejected nothing is written (422, with the report in `meta.report`). At most 64 MiB.",
    params(
        ("dry_run" = Option<bool>, Query, description = "Only check and report (default `false`)"),
        ("on_conflict" = inline(Option<OnConflict>), Query, description = "What to do with a row whose username exists (default `skip`)"),
        ("format" = inline(Option<FileFormat>), Query, description = "Overrides the content type"),
    ),
    request_body(description = "The file", content(
        (String = "text/csv", example = "username,display_name,email,admin\nalice,Alice Example,alice@example.org,false\n"),
        (String = "application/jsonl", example = "{\"username\": \"alice\", \"email\": \"alice@example.org\"}\n"),
    )),
    responses(
        (status = 200, description = "Checked (dry run) or applied: the report", body = ImportDocument,
            example = json!({"data": {"type": "user-import", "attributes": {
                "dry_run": false, "applied": true, "total": 1, "created": 1, "updated": 0,
                "skipped": 0, "rejected": 0, "rows": []}}})),
        (status = 400, description = "A bad parameter, an unknown content type, or a file that is not UTF-8", body = BadRequestError),
        (status = 409, description = "Nothing imported: a user was created meanwhile, or no active administrator would be left", body = ImportConflictError),
        (status = 413, description = "The file is larger than 64 MiB", body = String, content_type = "text/plain"),
        (status = 422, description = "Nothing imported: rejected rows, or a file that cannot be read", body = ImportInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (options, format) = options(raw.as_deref().unwrap_or(""))?;
    let format = format
        .or_else(|| {
            headers
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .and_then(ImportFormat::from_content_type)
        })
        .ok_or_else(|| {
            AppError::bad_parameter(
                "format",
                "send the file as text/csv or application/jsonl, or name it with format=csv|jsonl",
            )
        })?;
    let body = std::str::from_utf8(&body)
        .map_err(|_| AppError::bad_request("the file must be UTF-8 text"))?;
    let report = ops::import::users(&state, &caller, body, format, options).await?;
    Ok(report_response(report))
}

fn report_response(report: ImportReport) -> Response {
    if report.dry_run || report.applied {
        let body = json!({"data": {"type": "user-import", "attributes": report}});
        return (StatusCode::OK, Json(body)).into_response();
    }
    let errors: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.outcome == RowOutcome::Rejected)
        .flat_map(|r| {
            r.problems.iter().map(move |p| {
                json!({
                    "title": p.message, "code": p.code,
                    "source": {"pointer": format!("/rows/{}/{}", r.line, p.field)},
                    "meta": {"line": r.line, "username": r.username},
                })
            })
        })
        .take(1000)
        .collect();
    let body = json!({"errors": errors, "meta": {"report": report}});
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}
