//! Importing users from a file: check it (dry run), read the report, then
//! apply it. The file goes straight to the admin API's import endpoint,
//! which reports upload progress; the session cookie authenticates it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::app::{
    components::AdminOnly,
    format::number,
    table::{Column, DataTable},
};
use crate::model::{ImportReport, RowOutcome, RowReport};
use crate::t;

#[component]
pub fn ImportUsersPage() -> impl IntoView {
    view! {
        <Title text=t!("user-import-title")/>
        <AdminOnly>
            <ImportUsers/>
        </AdminOnly>
    }
}

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    /// Uploading (fraction sent, when known), then the server works.
    Running {
        apply: bool,
        sent: Option<f64>,
    },
    Reported(ImportReport),
    Failed(String),
}

/// `csv` or `jsonl`, from the file's name.
fn format_of(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
        "jsonl"
    } else {
        "csv"
    }
}

/// The report inside the API's answer (a 200 document or a 422's meta),
/// or the error message of any other answer.
fn read_answer(status: u16, body: &str) -> Result<ImportReport, String> {
    let doc: serde_json::Value = serde_json::from_str(body)
        .map_err(|_| t!("user-import-server-answered", status = status.to_string()))?;
    let report = if status == 200 {
        doc.pointer("/data/attributes")
    } else {
        doc.pointer("/meta/report")
    };
    match report {
        Some(r) => serde_json::from_value(r.clone()).map_err(|e| e.to_string()),
        None => Err(doc
            .pointer("/errors/0/title")
            .and_then(|title| title.as_str())
            .map(str::to_owned)
            .unwrap_or_else(|| t!("user-import-failed"))),
    }
}

/// Sends `file` to the import endpoint, reporting progress into `stage`.
fn send(file: web_sys::File, on_conflict: String, apply: bool, stage: RwSignal<Stage>) {
    let url = format!(
        "/api/admin/v1/users/import?dry_run={}&on_conflict={on_conflict}&format={}",
        !apply,
        format_of(&file.name())
    );
    let fail = move |message: String| stage.set(Stage::Failed(message));
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return fail(t!("user-import-no-upload"));
    };
    if xhr.open_with_async("POST", &url, true).is_err() {
        return fail(t!("user-import-cannot-start"));
    }
    let _ = xhr.set_request_header("Accept", "application/json");
    stage.set(Stage::Running {
        apply,
        sent: Some(0.0),
    });
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                let sent = ev.loaded() / ev.total();
                // Fully sent: the server is working now (no figure to show).
                let sent = (sent < 1.0).then_some(sent);
                stage.set(Stage::Running { apply, sent });
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    let answered = xhr.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let status = answered.status().unwrap_or(0);
        let body = answered.response_text().ok().flatten().unwrap_or_default();
        stage.set(match read_answer(status, &body) {
            Ok(report) => Stage::Reported(report),
            Err(message) => Stage::Failed(message),
        });
    });
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut()>::new(move || {
        stage.set(Stage::Failed(t!("user-import-connection-failed")))
    });
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the request; one small leak per upload.
    on_progress.forget();
    on_load.forget();
    on_error.forget();
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        fail(t!("user-import-cannot-send"));
    }
}

#[component]
fn ImportUsers() -> impl IntoView {
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_conflict = RwSignal::new("skip".to_owned());
    let stage = RwSignal::new(Stage::Idle);
    let file_name = RwSignal::new(None::<String>);
    let start = move |apply: bool| {
        let file = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        match file {
            Some(file) => send(file, on_conflict.get_untracked(), apply, stage),
            None => stage.set(Stage::Failed(t!("user-import-choose-file"))),
        }
    };
    let running = move || matches!(stage.get(), Stage::Running { .. });
    view! {
        <div class="page-head">
            <h1>{t!("user-import-title")}</h1>
            <A href="/users" attr:class="button subtle">{t!("users-back")}</A>
        </div>
        <section class="card form">
            <p>{with_code(t!("user-import-intro"))}</p>
            <noscript><p class="notice warning">{t!("user-import-noscript")}</p></noscript>
            <div class="field">
                <label for="import-file">{t!("user-import-file")}</label>
                <input id="import-file" type="file" node_ref=file_input
                    accept=".csv,.jsonl,.ndjson,text/csv,application/jsonl"
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        file_name.set((!name.is_empty()).then_some(name));
                        stage.set(Stage::Idle);
                    }/>
            </div>
            <div class="field">
                <label for="import-on-conflict">{t!("user-import-on-conflict")}</label>
                <select id="import-on-conflict" prop:value=move || on_conflict.get()
                    on:change=move |ev| { on_conflict.set(event_target_value(&ev)); stage.set(Stage::Idle); }>
                    <option value="skip">{t!("user-import-on-conflict-skip")}</option>
                    <option value="fail">{t!("user-import-on-conflict-fail")}</option>
                    <option value="update">{t!("user-import-on-conflict-update")}</option>
                </select>
            </div>
            <button type="button" class="button primary" data-testid="import-check"
                disabled=move || running() || file_name.get().is_none()
                on:click=move |_| start(false)>{t!("user-import-check")}</button>
        </section>
        {move || match stage.get() {
            Stage::Idle => ().into_any(),
            Stage::Running { apply, sent } => view! {
                <section class="card" aria-live="polite">
                    <label for="import-progress">{match (apply, sent) {
                        (_, Some(_)) => t!("user-import-uploading"),
                        (true, None) => t!("user-import-importing"),
                        (false, None) => t!("user-import-checking"),
                    }}</label>
                    {match sent {
                        Some(f) => view! { <progress id="import-progress" max="100" value=(f * 100.0).round()></progress> }.into_any(),
                        None => view! { <progress id="import-progress"></progress> }.into_any(),
                    }}
                </section>
            }.into_any(),
            Stage::Failed(message) => view! {
                <div class="notice error" role="alert" data-testid="import-error">{message}</div>
            }.into_any(),
            Stage::Reported(report) => view! {
                <ImportReportView report on_apply=Callback::new(move |_| start(true))/>
            }.into_any(),
        }}
    }
}

#[component]
fn ImportReportView(report: ImportReport, on_apply: Callback<()>) -> impl IntoView {
    let headline = if report.applied {
        t!(
            "user-import-imported",
            created = report.created,
            updated = report.updated,
            skipped = report.skipped
        )
    } else if report.dry_run && report.rejected == 0 {
        t!(
            "user-import-checked",
            created = report.created,
            updated = report.updated,
            skipped = report.skipped
        )
    } else {
        t!(
            "user-import-problems",
            rejected = report.rejected,
            total = report.total
        )
    };
    let class = if report.rejected > 0 {
        "notice error"
    } else {
        "notice success"
    };
    let can_apply = report.dry_run && report.rejected == 0 && report.created + report.updated > 0;
    let generated = report.rows.iter().any(|r| r.temporary_password.is_some());
    // The class name (English, for the styles) and the word shown.
    let outcome = |row: &RowReport| match row.outcome {
        RowOutcome::Created => "created",
        RowOutcome::Updated => "updated",
        RowOutcome::Skipped => "skipped",
        RowOutcome::Rejected => "rejected",
    };
    let outcome_label = |row: &RowReport| match row.outcome {
        RowOutcome::Created => t!("user-import-outcome-created"),
        RowOutcome::Updated => t!("user-import-outcome-updated"),
        RowOutcome::Skipped => t!("user-import-outcome-skipped"),
        RowOutcome::Rejected => t!("user-import-outcome-rejected"),
    };
    let detail = |row: &RowReport| {
        match &row.temporary_password {
        Some(p) => view! { {t!("user-import-temporary-password")}" "<code data-testid="temporary-password">{p.clone()}</code> }.into_any(),
        None => row
            .problems
            .iter()
            .map(|p| {
                let field = if p.field == "row" { String::new() } else { format!("{}: ", p.field) };
                view! { <div>{field}{p.message.clone()}</div> }
            })
            .collect_view()
            .into_any(),
    }
    };
    let columns = vec![
        Column::new(t!("user-import-line"), |row: &RowReport| row.line),
        Column::new(t!("common-username"), |row: &RowReport| {
            row.username.clone()
        }),
        Column::new(t!("user-import-outcome"), move |row: &RowReport| {
            let (outcome, label) = (outcome(row), outcome_label(row));
            view! { <span class=format!("badge outcome-{outcome}")>{label}</span> }
        }),
        Column::new(t!("user-import-details"), detail),
    ];
    let row_class = Arc::new(move |row: &RowReport| format!("outcome-{}", outcome(row)));
    view! {
        <section class="card" aria-labelledby="report-heading" data-testid="import-report">
            <h2 id="report-heading">{if report.dry_run { t!("user-import-check-report") } else { t!("user-import-import-report") }}</h2>
            <div class=class role="status" data-testid="import-summary">{headline}</div>
            <dl class="figures">
                <dt>{t!("user-import-rows")}</dt><dd data-testid="report-total">{figure(report.total)}</dd>
                <dt>{t!("user-import-created")}</dt><dd data-testid="report-created">{figure(report.created)}</dd>
                <dt>{t!("user-import-updated")}</dt><dd data-testid="report-updated">{figure(report.updated)}</dd>
                <dt>{t!("user-import-skipped")}</dt><dd data-testid="report-skipped">{figure(report.skipped)}</dd>
                <dt>{t!("user-import-rejected")}</dt><dd data-testid="report-rejected">{figure(report.rejected)}</dd>
            </dl>
            {generated.then(|| view! {
                <p class="notice warning">{t!("user-import-copy-passwords")}</p>
            })}
            <DataTable rows=report.rows columns caption=t!("user-import-caption") row_class/>
            {can_apply.then(|| view! {
                <button type="button" class="button primary" data-testid="import-apply"
                    on:click=move |_| on_apply.run(())>{t!("user-import-apply")}</button>
            })}
            {report.applied.then(|| view! { <A href="/users" attr:class="button">{t!("user-import-go-to-users")}</A> })}
        </section>
    }
}

/// A count of the report, grouped as the language writes numbers.
fn figure(n: u64) -> String {
    number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A message whose `code` names are marked with backticks: the names in
/// `<code>`, the rest as text.
fn with_code(text: String) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_owned();
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
