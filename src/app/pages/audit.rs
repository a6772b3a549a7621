//! The audit log: every change, newest first, filtered by the URL's
//! `filter[actor]`, `filter[action]`, `filter[target]`, `filter[since]` and
//! `filter[until]` (the admin API's names); and the History panel
//! of one user or organisation.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::filters::{filter_map, filter_param, link_base, present};

use crate::t;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::app::{
    components::{newer_older, pager_with_keys, time_or, AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::{AppError, AuditRecord, Page};
use crate::server_fns::audit::{audit_history, list_audit};

/// The filters, by their short names (element ids): `filter[actor]`, ….
const FILTERS: [&str; 5] = ["actor", "action", "target", "since", "until"];
/// The same as API parameters.
const PARAMS: [&str; 5] = [
    "filter[actor]",
    "filter[action]",
    "filter[target]",
    "filter[since]",
    "filter[until]",
];

/// A filter's label and hint.
fn filter_text(key: &str) -> (String, String) {
    match key {
        "actor" => (t!("audit-actor"), t!("audit-filter-actor-hint")),
        "action" => (t!("audit-action"), t!("audit-filter-action-hint")),
        "target" => (t!("audit-target"), t!("audit-filter-target-hint")),
        "since" => (t!("audit-filter-since"), t!("audit-filter-since-hint")),
        _ => (t!("audit-filter-until"), t!("audit-filter-until-hint")),
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <Title text=t!("audit-title")/>
        <AdminOnly>
            <AuditLog/>
        </AdminOnly>
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let query = use_query_map();
    let value = move |key: &str| query.read().get(&filter_param(key)).unwrap_or_default();
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                present(&PARAMS, |k| q.get(k)),
                q.get("after"),
                q.get("before"),
            )
        },
        |(filters, after, before)| {
            list_audit(
                filter_map(filters.into_iter().map(|(k, v)| (k, Some(v)))),
                after,
                before,
            )
        },
    );
    // The filters, the same in the panel URL and the API's export.
    let filters = move || present(&PARAMS, |k| query.read().get(k));
    let export = move |format: &str| {
        format!(
            "{}format={format}",
            link_base("/api/admin/v1/audit-log/export", &filters())
        )
    };
    view! {
        <div class="page-head">
            <h1>{t!("audit-title")}</h1>
            <div class="page-actions">
                <a class="button" href=move || export("csv") download>{t!("audit-export-csv")}</a>
                <a class="button" href=move || export("jsonl") download>{t!("audit-export-jsonl")}</a>
            </div>
        </div>
        <Form method="GET" action="/audit" attr:class="filters audit-filters" attr:role="search"
            attr:aria-label=t!("audit-filter-label")>
            {FILTERS.into_iter().map(|key| {
                let (label, hint) = filter_text(key);
                let id = format!("filter-{key}");
                let hint_id = format!("{id}-hint");
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        <input id=id type="text" name=filter_param(key) autocomplete="off" spellcheck="false"
                            aria-describedby=hint_id.clone()
                            value=move || value(key) prop:value=move || value(key)/>
                        <p class="hint" id=hint_id>{hint}</p>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button">{t!("common-apply")}</button>
            <a class="button subtle" href="/audit">{t!("common-clear")}</a>
        </Form>
        <Transition fallback=|| view! { <p class="loading">{t!("audit-loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => {
                        let base = link_base("/audit", &filters());
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
        Column::new(t!("audit-time"), |r: &AuditRecord| {
            time_or(Some(r.at.clone()), "")
        }),
        Column::new(t!("audit-actor"), actor_cell),
        Column::new(t!("audit-ip"), |r: &AuditRecord| {
            r.ip.clone().unwrap_or_else(|| "—".into())
        }),
        Column::new(t!("audit-action"), |r: &AuditRecord| {
            view! { <code data-testid="audit-action">{r.action.clone()}</code> }
        }),
    ];
    if with_target {
        columns.push(Column::new(t!("audit-target"), target_cell).class("audit-target"));
    }
    columns.push(Column::new(t!("audit-summary"), summary_cell));
    view! {
        <DataTable rows=page.items columns caption=t!("audit-caption") class="audit"
            testid="audit-records" row_testid="audit-row"
            row_data=Arc::new(|r: &AuditRecord| vec![("data-action", r.action.clone())])
            summary=("audit-count", t!("audit-count", count = count))
            empty=t!("audit-empty") pager/>
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
        {actor}" "<span class=format!("badge actor-{}", r.actor.kind)>{actor_kind(&r.actor.kind)}</span>
    }
}

/// Who acted, in words: `user`, `token`, `oauth2 client`, `system`.
fn actor_kind(kind: &str) -> String {
    match kind {
        "user" => t!("audit-actor-user"),
        "token" => t!("audit-actor-token"),
        "oauth2_client" => t!("audit-actor-oauth2-client"),
        "system" => t!("audit-actor-system"),
        other => other.replace('_', " "),
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
            <summary>{if summary.is_empty() { t!("audit-details") } else { summary }}</summary>
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
            // Only for those who may read the audit log: a refusal while
            // the server renders would answer the whole page 403.
            let may_read = crate::server_fns::auth::current_user()
                .await
                .ok()
                .flatten()
                .is_some_and(|me| me.may(crate::model::Op::ReadAudit));
            match shown {
                Some((id, _)) if may_read => {
                    audit_history(target_type.to_owned(), id, after, before).await
                }
                _ => Ok(Page::default()),
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
            <h2 id="history-heading">{t!("audit-history")}</h2>
            <Transition fallback=|| view! { <p class="loading">{t!("audit-history-loading")}</p> }>
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
