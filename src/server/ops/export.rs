//! Exports, streamed: a list is read in keyset batches as the client
//! consumes the response, so memory stays flat whatever its length. One
//! stream serves every export ([`ExportSource`] says what to read and how to
//! write a row); the users export is here, the audit log's in `ops::audit`.

use std::future::Future;

use axum::body::Bytes;
use futures_util::Stream;
use serde_json::json;

use super::{users::to_model, Caller};
use crate::{
    model::{AppError, CountMode, Page, PageRequest, UserFilter},
    server::{
        db::{self, users::UserRow, Db},
        time::rfc3339,
        AppState,
    },
};

/// How an export is written: `format=csv|jsonl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    JsonLines,
}

impl ExportFormat {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "csv" => Some(Self::Csv),
            "jsonl" => Some(Self::JsonLines),
            _ => None,
        }
    }

    /// The `format` parameter: CSV when absent, 400 when unknown.
    pub fn from_param(raw: Option<&str>) -> Result<Self, AppError> {
        match raw {
            None => Ok(Self::Csv),
            Some(f) => Self::parse(f)
                .ok_or_else(|| AppError::bad_parameter("format", "format must be csv or jsonl")),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            // The name most tools know JSON lines by (our import takes it too).
            Self::JsonLines => "application/x-ndjson",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::JsonLines => "jsonl",
        }
    }
}

/// What an export reads and how it writes one row.
pub trait ExportSource: Send + Sync + 'static {
    type Row: Send;
    /// The CSV header line's columns, in [`Self::csv_line`]'s order.
    const CSV_COLUMNS: &'static [&'static str];
    /// Rows read per query: few queries, batches of a few hundred kilobytes.
    const BATCH: u32;
    /// For the log, when an export breaks off.
    const NAME: &'static str;

    /// One batch, in the export's order, from `page`.
    fn fetch(
        &self,
        db: &Db,
        page: PageRequest,
    ) -> impl Future<Output = sqlx::Result<Page<Self::Row>>> + Send;

    /// One CSV line's fields (quoted by the stream).
    fn csv_fields(row: &Self::Row) -> Vec<String>;

    /// One JSON line (without its newline).
    fn json_line(row: Self::Row) -> serde_json::Result<String>;
}

/// Every row of `source`, written in `format`: one query per batch, run as
/// the client reads. Authorization is the caller's, before this.
pub fn stream<S: ExportSource>(
    db: Db,
    source: S,
    format: ExportFormat,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    let first = PageRequest::First {
        size: S::BATCH,
        after: None,
    };
    futures_util::stream::unfold(Some((db, source, first, true)), move |next| async move {
        let (db, source, page, first) = next?;
        let page = match source.fetch(&db, page).await {
            Ok(page) => page,
            Err(e) => {
                // The response is already under way: cutting it short is
                // the only signal left (the client sees a broken transfer).
                tracing::error!("{} export stopped: {e}", S::NAME);
                return Some((Err(std::io::Error::other("export failed")), None));
            }
        };
        let mut out = String::with_capacity(page.items.len() * 200 + 200);
        if first && format == ExportFormat::Csv {
            out.push_str(&S::CSV_COLUMNS.join(","));
            out.push_str("\r\n");
        }
        for row in page.items {
            match format {
                ExportFormat::Csv => push_csv_line(&mut out, &S::csv_fields(&row)),
                ExportFormat::JsonLines => {
                    if let Ok(line) = S::json_line(row) {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
            }
        }
        let rest = page.next_cursor.map(|after| {
            let page = PageRequest::First {
                size: S::BATCH,
                after: Some(after),
            };
            (db, source, page, false)
        });
        Some((Ok(Bytes::from(out)), rest))
    })
}

/// The users matching a filter, in its sort.
struct Users(UserFilter);

impl ExportSource for Users {
    type Row = UserRow;
    /// An export can be imported again as it is (import ignores the columns
    /// it does not know).
    const CSV_COLUMNS: &'static [&'static str] = &[
        "id",
        "username",
        "display_name",
        "email",
        "admin",
        "roles",
        "can_request_admin",
        "status",
        "created_at",
        "last_seen_at",
        "locked_at",
        "deactivated_at",
    ];
    const BATCH: u32 = 2000;
    const NAME: &'static str = "users";

    async fn fetch(&self, db: &Db, page: PageRequest) -> sqlx::Result<Page<UserRow>> {
        let filter = UserFilter {
            page,
            count: CountMode::Skip,
            ..self.0.clone()
        };
        db::users::list(db, &filter).await
    }

    fn csv_fields(row: &UserRow) -> Vec<String> {
        let time = |t: Option<i64>| t.map(rfc3339).unwrap_or_default();
        vec![
            row.id.clone(),
            row.username.clone(),
            row.display_name.clone().unwrap_or_default(),
            row.email.clone().unwrap_or_default(),
            row.admin().to_string(),
            // Space-separated, as the import reads them.
            row.roles.stored(),
            row.can_request_admin.to_string(),
            row.status.clone(),
            rfc3339(row.created_at),
            time(row.last_seen_at),
            time(row.locked_at),
            time(row.deactivated_at),
        ]
    }

    fn json_line(row: UserRow) -> serde_json::Result<String> {
        serde_json::to_string(&to_model(row))
    }
}

/// Authorizes and records the export, then returns its body as a stream.
pub async fn users(
    state: &AppState,
    caller: &Caller,
    filter: UserFilter,
    format: ExportFormat,
) -> Result<impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static, AppError> {
    caller.require(crate::model::Op::ReadUsers)?;
    // Personal data leaving the server is worth a line in the audit log.
    let audit = caller.audit(
        "user.export",
        "user",
        None,
        json!({"format": format.extension(), "filter": describe(&filter)}),
    );
    db::audit::record(&state.db, &audit).await?;
    let db = state.db.for_long_scan().await?;
    Ok(stream(db, Users(filter), format))
}

fn describe(filter: &UserFilter) -> serde_json::Value {
    json!({
        "status": filter.status.map(|s| s.as_str()),
        "admin": filter.admin,
        "search": filter.search,
        "ids": filter.ids.len(),
        "sort": filter.sort.param(),
    })
}

/// One CSV line of `fields`, ended by CRLF.
pub fn push_csv_line(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_field(out, field);
    }
    out.push_str("\r\n");
}

/// RFC 4180 quoting, plus a leading `'` on text a spreadsheet would run as
/// a formula (CSV injection).
pub fn push_csv_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || field.contains([',', '"', '\n', '\r']);
    if !quote {
        out.push_str(field);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&field.replace('"', "\"\""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut out = String::new();
        push_csv_field(&mut out, s);
        out
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(field("alice"), "alice");
        assert_eq!(field("Smith, Alice"), "\"Smith, Alice\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn lines_join_quoted_fields_and_end_in_crlf() {
        let mut out = String::new();
        push_csv_line(&mut out, &["a".into(), "b,c".into(), String::new()]);
        assert_eq!(out, "a,\"b,c\",\r\n");
    }

    #[test]
    fn formats_are_named_and_typed() {
        assert_eq!(ExportFormat::from_param(None).unwrap(), ExportFormat::Csv);
        let jsonl = ExportFormat::from_param(Some("jsonl")).unwrap();
        assert_eq!(jsonl.content_type(), "application/x-ndjson");
        assert_eq!(jsonl.extension(), "jsonl");
        assert!(ExportFormat::from_param(Some("xml")).is_err());
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(field("@cmd"), "\"'@cmd\"");
    }
}
