//! The audit log: every change, newest first, filtered by the URL's
//! `actor`, `action`, `target`, `since` and `until`; and the History panel
//! of one user or organisation.

use std::sync::Arc;

use leptos::prelude::*;

use crate::t;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::app::{
    components::{newer_older, pager_with_keys, time_or, AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::{AppError, AuditRecord, Page};
use crate::server_fns::audit::{audit_history, list_audit};

const FILTERS: [(&str, &str, &str); 5] = [
    ("actor", "Actor", "A user id or name"),
    (
        "action",
        "Action",
        "user.lock, or user.* for all user actions",
    ),
    ("target", "Target", "user, user:ID, or an ID"),
    ("since", "Since", "2026-11-01 or an RFC 3339 time"),
    ("until", "Until", "Before this date or time"),
];

#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <Title text="Audit log"/>
        <AdminOnly>
            <AuditLog/>
        </AdminOnly>
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let query = use_query_map();
    let value = move |key: &str| query.read().get(key).unwrap_or_default();
    let list = Resource::new(
        move || {
            let q = query.read();
            let get = |k: &str| q.get(k);
            (
                get("actor"),
                get("action"),
                get("target"),
                get("since"),
                get("until"),
                get("after"),
                get("before"),
            )
        },
        |(actor, action, target, since, until, after, before)| {
            list_audit(actor, action, target, since, until, after, before)
        },
    );
    // The filters as the panel URL and as the API's export parameters.
    let encoded = move |api: bool| {
        let q = query.read();
        FILTERS
            .iter()
            .filter_map(|(key, ..)| {
                let v = q.get(key).filter(|v| !v.trim().is_empty())?;
                let name = if api {
                    format!("filter%5B{key}%5D")
                } else {
                    (*key).to_owned()
                };
                Some(format!("{name}={}&", urlencoding::encode(&v)))
            })
            .collect::<String>()
    };
    let export = move |format: &str| {
        format!(
            "/api/admin/v1/audit-log/export?{}format={format}",
            encoded(true)
        )
    };
    view! {
        <div class="page-head">
            <h1>"Audit log"</h1>
            <div class="page-actions">
                <a class="button" href=move || export("csv") download>"Export CSV"</a>
                <a class="button" href=move || export("jsonl") download>"Export JSONL"</a>
            </div>
        </div>
        <Form method="GET" action="/audit" attr:class="filters audit-filters" attr:role="search"
            attr:aria-label="Filter the audit log">
            {FILTERS.into_iter().map(|(key, label, hint)| {
                let id = format!("filter-{key}");
                let hint_id = format!("{id}-hint");
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        <input id=id type="text" name=key autocomplete="off" spellcheck="false"
                            aria-describedby=hint_id.clone()
                            value=move || value(key) prop:value=move || value(key)/>
                        <p class="hint" id=hint_id>{hint}</p>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button">"Apply"</button>
            <a class="button subtle" href="/audit">"Clear"</a>
        </Form>
        <Transition fallback=|| view! { <p class="loading">"Loading the audit log…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => {
                        let base = format!("/audit?{}", encoded(false));
                        records_view(page, &base, ("after", "before"), true).into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Where a target's page is, for the kinds that have one.
fn target_link(kind: &str, id: &str) -> Option<String> {
    match kind {
        "user" => Some(format!("/users/{id}")),
        "org" => Some(format!("/orgs/{id}")),
        _ => None,
    }
}

/// A one-line summary of what changed, from the detail's before/after.
pub fn summary(record: &AuditRecord) -> String {
    let d = &record.detail;
    let name = d["username"]
        .as_str()
        .or_else(|| d["name"].as_str())
        .or_else(|| d["contact"].as_str());
    let changes = d["after"].as_object().map(|after| {
        after
            .iter()
            .map(|(k, v)| {
                let old = &d["before"][k];
                format!("{k}: {} → {}", short(old), short(v))
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    match (name, changes) {
        (Some(n), Some(c)) if !c.is_empty() => format!("{n}: {c}"),
        (_, Some(c)) if !c.is_empty() => c,
        (Some(n), _) => n.to_owned(),
        _ => String::new(),
    }
}

fn short(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "—".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn records_view(
    page: Page<AuditRecord>,
    base: &str,
    keys: (&str, &str),
    with_target: bool,
) -> impl IntoView {
    let count = page.count.unwrap_or(page.items.len() as u64);
    let pager = pager_with_keys(base, &page, newer_older(), keys);
    let mut columns = vec![
        Column::new("Time", |r: &AuditRecord| time_or(Some(r.at.clone()), "")),
        Column::new("Actor", actor_cell),
        Column::new("IP", |r: &AuditRecord| {
            r.ip.clone().unwrap_or_else(|| "—".into())
        }),
        Column::new("Action", |r: &AuditRecord| {
            view! { <code data-testid="audit-action">{r.action.clone()}</code> }
        }),
    ];
    if with_target {
        columns.push(Column::new("Target", target_cell).class("audit-target"));
    }
    columns.push(Column::new("Summary", summary_cell));
    view! {
        <DataTable rows=page.items columns caption="Audit records, newest first" class="audit"
            testid="audit-records" row_testid="audit-row"
            row_data=Arc::new(|r: &AuditRecord| vec![("data-action", r.action.clone())])
            summary=("audit-count", t!("audit-count", count = count))
            empty="No audit records match." pager/>
    }
}

fn actor_cell(r: &AuditRecord) -> impl IntoView {
    let actor = match (&r.actor.id, r.actor.kind.as_str()) {
        (Some(id), "user" | "token") => {
            view! { <a href=format!("/users/{id}")>{r.actor.name.clone()}</a> }.into_any()
        }
        _ => view! { <span>{r.actor.name.clone()}</span> }.into_any(),
    };
    view! {
        {actor}" "<span class=format!("badge actor-{}", r.actor.kind)>{r.actor.kind.replace('_', " ")}</span>
    }
}

fn target_cell(r: &AuditRecord) -> AnyView {
    let id = r.target_id.clone().unwrap_or_default();
    let label = if id.is_empty() {
        r.target_type.clone()
    } else {
        format!("{}:{id}", r.target_type)
    };
    match target_link(&r.target_type, &id).filter(|_| !id.is_empty()) {
        Some(href) => view! { <a href=href data-testid="audit-target">{label}</a> }.into_any(),
        None => view! { <span>{label}</span> }.into_any(),
    }
}

fn summary_cell(r: &AuditRecord) -> impl IntoView {
    let summary = summary(r);
    let detail = serde_json::to_string_pretty(&r.detail).unwrap_or_default();
    view! {
        <details>
            <summary>{if summary.is_empty() { "Details".to_owned() } else { summary }}</summary>
            <pre class="audit-detail">{detail}</pre>
        </details>
    }
}

/// One target's history, paged by `history_after`/`history_before`.
pub type HistoryList = Resource<Result<Page<AuditRecord>, AppError>>;

/// The history of one user or organisation. `shown` gives the target's id
/// and a version that changes with it (refetch after each change), or None
/// while the history is not on screen.
/// The page creates it beside its own resource, outside the suspense that
/// draws the panel: a resource created inside a suspense that resolves late
/// gets another serialization id on the server than in the browser, and
/// hydration then breaks.
pub fn history_resource<V>(
    target_type: &'static str,
    shown: impl Fn() -> Option<(String, V)> + Send + Sync + 'static,
) -> HistoryList
where
    V: PartialEq + Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    Resource::new(
        move || {
            let q = query.read();
            (shown(), q.get(HISTORY_KEYS.0), q.get(HISTORY_KEYS.1))
        },
        move |(shown, after, before)| async move {
            match shown {
                Some((id, _)) => audit_history(target_type.to_owned(), id, after, before).await,
                None => Ok(Page::default()),
            }
        },
    )
}

const HISTORY_KEYS: (&str, &str) = ("history_after", "history_before");

/// The records of a [`history_resource`], newest first; `here` is the page's
/// URL with a query, for the pager.
#[component]
pub fn HistoryPanel(list: HistoryList, here: String) -> impl IntoView {
    let keys = HISTORY_KEYS;
    view! {
        <section class="card" aria-labelledby="history-heading" data-testid="history">
            <h2 id="history-heading">"History"</h2>
            <Transition fallback=|| view! { <p class="loading">"Loading the history…"</p> }>
                {move || {
                    let base = if here.ends_with('?') {
                        here.clone()
                    } else {
                        format!("{here}&")
                    };
                    Suspend::new(async move {
                        match list.await {
                            Ok(page) => records_view(page, &base, keys, false).into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}
