//! Exporting users as CSV or JSON lines, streamed: the list is read in
//! keyset batches as the client consumes it, so memory stays flat whatever
//! the number of users.

use axum::body::Bytes;
use futures_util::Stream;
use serde_json::json;

use super::{users::to_model, Access, Caller};
use crate::{
    model::{AppError, CountMode, PageRequest, UserFilter},
    server::{
        db::{self, users::UserRow},
        time::rfc3339,
        AppState,
    },
};

/// Rows read per query: large enough that queries are few, small enough that
/// a batch is a few hundred kilobytes.
const BATCH: u32 = 2000;

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

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::JsonLines => "application/jsonl; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::JsonLines => "jsonl",
        }
    }
}

/// The columns of a CSV export; an export can be imported again as it is
/// (import ignores the columns it does not know).
pub const CSV_COLUMNS: [&str; 11] = [
    "id",
    "username",
    "display_name",
    "email",
    "admin",
    "can_request_admin",
    "status",
    "created_at",
    "last_seen_at",
    "locked_at",
    "deactivated_at",
];

/// Authorizes and records the export, then returns its body as a stream.
pub async fn users(
    state: &AppState,
    caller: &Caller,
    mut filter: UserFilter,
    format: ExportFormat,
) -> Result<impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static, AppError> {
    caller.require_admin(Access::Read)?;
    filter.count = CountMode::Skip;
    filter.page = PageRequest::First {
        size: BATCH,
        after: None,
    };
    // Personal data leaving the server is worth a line in the audit log.
    let audit = caller.audit(
        "user.export",
        "user",
        None,
        json!({"format": format.extension(), "filter": describe(&filter)}),
    );
    db::audit::record(&state.db, &audit).await?;
    let db = state.db.for_long_scan().await?;
    Ok(futures_util::stream::unfold(
        Some((db, filter, true)),
        move |next| async move {
            let (db, mut filter, first) = next?;
            let page = match db::users::list(&db, &filter).await {
                Ok(page) => page,
                Err(e) => {
                    // The response is already under way: cutting it short is
                    // the only signal left (the client sees a broken transfer).
                    tracing::error!("export stopped: {e}");
                    return Some((Err(std::io::Error::other("export failed")), None));
                }
            };
            let mut out = String::with_capacity(page.items.len() * 160 + 200);
            if first && format == ExportFormat::Csv {
                out.push_str(&CSV_COLUMNS.join(","));
                out.push_str("\r\n");
            }
            for row in page.items {
                match format {
                    ExportFormat::Csv => csv_line(&mut out, &row),
                    ExportFormat::JsonLines => {
                        if let Ok(line) = serde_json::to_string(&to_model(row)) {
                            out.push_str(&line);
                            out.push('\n');
                        }
                    }
                }
            }
            let rest = page.next_cursor.map(|after| {
                filter.page = PageRequest::First {
                    size: BATCH,
                    after: Some(after),
                };
                (db, filter, false)
            });
            Some((Ok(Bytes::from(out)), rest))
        },
    ))
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

fn csv_line(out: &mut String, row: &UserRow) {
    let time = |t: Option<i64>| t.map(rfc3339).unwrap_or_default();
    let fields = [
        row.id.clone(),
        row.username.clone(),
        row.display_name.clone().unwrap_or_default(),
        row.email.clone().unwrap_or_default(),
        row.admin.to_string(),
        row.can_request_admin.to_string(),
        row.status.clone(),
        rfc3339(row.created_at),
        time(row.last_seen_at),
        time(row.locked_at),
        time(row.deactivated_at),
    ];
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
    fn formulas_are_defused() {
        assert_eq!(field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(field("@cmd"), "\"'@cmd\"");
    }
}
