//! Reading the audit log: the newest-first list with its filters, and the
//! same records exported as CSV or JSON lines, streamed in batches.

use axum::body::Bytes;
use futures_util::Stream;

use super::{
    check_id_cursor,
    export::{self, ExportFormat, ExportSource},
    params::Params,
    Caller,
};
use crate::{
    model::{AppError, AuditActor, AuditFilter, AuditRecord, CountMode, Page, PageRequest},
    server::{
        db::{self, audit::AuditRow, Db},
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

pub fn to_model(row: AuditRow) -> AuditRecord {
    AuditRecord {
        id: row.id,
        at: rfc3339(row.at),
        actor: AuditActor {
            kind: row.actor_type,
            id: row.actor_id,
            name: row.actor_name,
            role: row.actor_role,
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
        filter.set_target(&target)?;
    }
    Ok(filter)
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    filter: AuditFilter,
) -> Result<Page<AuditRecord>, AppError> {
    caller.require(crate::model::Op::ReadAudit)?;
    check_id_cursor(&filter.page)?;
    let page = db::audit::list(&state.db, &filter).await?;
    Ok(page.map(to_model))
}

/// The records matching a filter, newest first.
struct Records(AuditFilter);

impl ExportSource for Records {
    type Row = AuditRow;
    /// `detail` as JSON text.
    const CSV_COLUMNS: &'static [&'static str] = &[
        "id",
        "at",
        "actor_type",
        "actor_id",
        "actor_name",
        "ip",
        "actor_role",
        "action",
        "target_type",
        "target_id",
        "detail",
    ];
    const BATCH: u32 = 1000;
    const NAME: &'static str = "audit";

    async fn fetch(&self, db: &Db, page: PageRequest) -> sqlx::Result<Page<AuditRow>> {
        let filter = AuditFilter {
            page,
            count: CountMode::Skip,
            ..self.0.clone()
        };
        db::audit::list(db, &filter).await
    }

    fn csv_fields(row: &AuditRow) -> Vec<String> {
        vec![
            row.id.clone(),
            rfc3339(row.at),
            row.actor_type.clone(),
            row.actor_id.clone().unwrap_or_default(),
            row.actor_name.clone(),
            row.actor_ip.clone().unwrap_or_default(),
            row.actor_role.clone().unwrap_or_default(),
            row.action.clone(),
            row.target_type.clone(),
            row.target_id.clone().unwrap_or_default(),
            row.detail.clone(),
        ]
    }

    fn json_line(row: AuditRow) -> serde_json::Result<String> {
        serde_json::to_string(&to_model(row))
    }
}

/// Authorizes, then returns the matching records, newest first, as a stream
/// that reads one batch per query as the client consumes it.
pub async fn export(
    state: &AppState,
    caller: &Caller,
    filter: AuditFilter,
    format: ExportFormat,
) -> Result<impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static, AppError> {
    caller.require(crate::model::Op::ReadAudit)?;
    super::modules::require_enabled(state, super::modules::Module::AuditExport).await?;
    let db = state.db.for_long_scan().await?;
    Ok(export::stream(db, Records(filter), format))
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

    /// Every literal target type in `caller.audit(...)` calls and
    /// `AuditEntry { target_type: ... }` is one `filter[target]` accepts.
    #[test]
    fn recorded_target_types_are_all_known() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/server");
        let mut found = std::collections::BTreeSet::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    // This file records nothing; its tests name the patterns.
                    && !path.ends_with("ops/audit.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    found.extend(literal_target_types(&text));
                }
            }
        }
        assert!(found.contains("user") && found.len() > 5, "{found:?}");
        for kind in &found {
            assert!(
                crate::model::audit::TARGET_TYPES.contains(&kind.as_str()),
                "{kind} is recorded but not in TARGET_TYPES"
            );
        }
    }

    /// The second argument of `.audit(` when it is a string literal, and
    /// the literal after `target_type:`.
    fn literal_target_types(text: &str) -> Vec<String> {
        let literal = |s: &str| {
            let s = s.trim_start();
            let rest = s.strip_prefix('"')?;
            rest.split_once('"').map(|(lit, _)| lit.to_owned())
        };
        let mut out = Vec::new();
        for (i, _) in text.match_indices(".audit(") {
            let args = &text[i + ".audit(".len()..];
            // Skip the action: a literal or an expression up to its comma.
            if let Some((_, rest)) = args.split_once(',') {
                out.extend(literal(rest));
            }
        }
        for (i, _) in text.match_indices("target_type: \"") {
            out.extend(literal(&text[i + "target_type: ".len()..]));
        }
        out
    }

    #[test]
    fn old_panel_names_map_onto_the_same_filters() {
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
