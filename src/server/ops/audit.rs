//! Reading the audit log: the newest-first list with its filters, and the
//! same records exported as CSV or JSON lines, streamed in batches.

use axum::body::Bytes;
use futures_util::Stream;

use super::{check_id_cursor, export::push_csv_field, params::Params, Access, Caller};
use crate::{
    model::{AppError, AuditActor, AuditFilter, AuditRecord, CountMode, Page, PageRequest},
    server::{
        db::{self, audit::AuditRow},
        time::rfc3339,
        AppState,
    },
};

/// The list's filter parameters, as the API and the panel name them.
pub const FILTERS: [&str; 5] = [
    "filter[actor]",
    "filter[action]",
    "filter[target]",
    "filter[since]",
    "filter[until]",
];

/// Rows read per query of an export.
const BATCH: u32 = 1000;

pub fn to_model(row: AuditRow) -> AuditRecord {
    AuditRecord {
        id: row.id,
        at: rfc3339(row.at),
        actor: AuditActor {
            kind: row.actor_type,
            id: row.actor_id,
            name: row.actor_name,
        },
        ip: row.actor_ip,
        action: row.action,
        target_type: row.target_type,
        target_id: row.target_id,
        detail: serde_json::from_str(&row.detail).unwrap_or(serde_json::Value::Null),
    }
}

/// Builds a filter from [`FILTERS`] looked up by `get`; a bad value is a
/// 400 naming its parameter. Paging and counting are the caller's.
pub fn filter_from(get: impl Fn(&str) -> Option<String>) -> Result<AuditFilter, AppError> {
    let p = Params(get);
    let mut filter = AuditFilter {
        actor: p.text("filter[actor]")?,
        action: p.text("filter[action]")?,
        since: p.instant("filter[since]")?,
        until: p.instant("filter[until]")?,
        ..AuditFilter::default()
    };
    if let Some(target) = p.text("filter[target]")? {
        filter.set_target(&target);
    }
    Ok(filter)
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    filter: AuditFilter,
) -> Result<Page<AuditRecord>, AppError> {
    caller.require_admin(Access::Read)?;
    check_id_cursor(&filter.page)?;
    let page = db::audit::list(&state.db, &filter).await?;
    Ok(page.map(to_model))
}

/// How an export is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditFormat {
    Csv,
    JsonLines,
}

impl AuditFormat {
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

pub const CSV_COLUMNS: [&str; 10] = [
    "id",
    "at",
    "actor_type",
    "actor_id",
    "actor_name",
    "ip",
    "action",
    "target_type",
    "target_id",
    "detail",
];

/// Authorizes, then returns the matching records, newest first, as a stream
/// that reads one batch per query as the client consumes it.
pub async fn export(
    state: &AppState,
    caller: &Caller,
    mut filter: AuditFilter,
    format: AuditFormat,
) -> Result<impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static, AppError> {
    caller.require_admin(Access::Read)?;
    super::modules::require_enabled(state, super::modules::Module::AuditExport).await?;
    filter.count = CountMode::Skip;
    filter.page = PageRequest::First {
        size: BATCH,
        after: None,
    };
    let db = state.db.for_long_scan().await?;
    Ok(futures_util::stream::unfold(
        Some((db, filter, true)),
        move |next| async move {
            let (db, mut filter, first) = next?;
            let page = match db::audit::list(&db, &filter).await {
                Ok(page) => page,
                Err(e) => {
                    // Already under way: a broken transfer is the only signal left.
                    tracing::error!("audit export stopped: {e}");
                    return Some((Err(std::io::Error::other("export failed")), None));
                }
            };
            let mut out = String::with_capacity(page.items.len() * 300 + 100);
            if first && format == AuditFormat::Csv {
                out.push_str(&CSV_COLUMNS.join(","));
                out.push_str("\r\n");
            }
            for row in page.items {
                match format {
                    AuditFormat::Csv => csv_line(&mut out, &row),
                    AuditFormat::JsonLines => {
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

fn csv_line(out: &mut String, row: &AuditRow) {
    let fields = [
        row.id.as_str(),
        &rfc3339(row.at),
        &row.actor_type,
        row.actor_id.as_deref().unwrap_or_default(),
        &row.actor_name,
        row.actor_ip.as_deref().unwrap_or_default(),
        &row.action,
        &row.target_type,
        row.target_id.as_deref().unwrap_or_default(),
        &row.detail,
    ];
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_field(out, field);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filters::{api_name, AUDIT_FILTER_KEYS};
    use crate::server::ops::params::from_pairs;

    #[test]
    fn filters_by_api_name() {
        let f = filter_from(from_pairs(&[
            ("filter[actor]", " alice "),
            ("filter[action]", "user.*"),
            ("filter[since]", "2026-01-31"),
            ("filter[until]", ""),
        ]))
        .unwrap();
        assert_eq!(f.actor.as_deref(), Some("alice"));
        assert_eq!(f.action.as_deref(), Some("user.*"));
        assert_eq!(f.since, Some(1_769_817_600_000));
        assert_eq!(f.until, None);
        match filter_from(from_pairs(&[("filter[until]", "later")])).unwrap_err() {
            AppError::BadRequest { parameter, .. } => {
                assert_eq!(parameter.as_deref(), Some("filter[until]"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_panels_names_map_onto_the_same_filters() {
        let panel = [("actor", "bob"), ("target", "org")];
        let f = filter_from(|api: &str| {
            panel
                .iter()
                .find(|(p, _)| api_name(AUDIT_FILTER_KEYS, p) == Some(api))
                .map(|(_, v)| (*v).to_owned())
        })
        .unwrap();
        assert_eq!(f.actor.as_deref(), Some("bob"));
        assert_eq!(f.target_type.as_deref(), Some("org"));
    }
}
