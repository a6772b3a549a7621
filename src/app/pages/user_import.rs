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
    table::{Column, DataTable},
};
use crate::model::{ImportReport, RowOutcome, RowReport};

#[component]
pub fn ImportUsersPage() -> impl IntoView {
    view! {
        <Title text="Import users"/>
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
    let doc: serde_json::Value =
        serde_json::from_str(body).map_err(|_| format!("The server answered {status}."))?;
    let report = if status == 200 {
        doc.pointer("/data/attributes")
    } else {
        doc.pointer("/meta/report")
    };
    match report {
        Some(r) => serde_json::from_value(r.clone()).map_err(|e| e.to_string()),
        None => Err(doc
            .pointer("/errors/0/title")
            .and_then(|t| t.as_str())
            .unwrap_or("The import failed.")
            .to_owned()),
    }
}

/// Sends `file` to the import endpoint, reporting progress into `stage`.
fn send(file: web_sys::File, on_conflict: String, apply: bool, stage: RwSignal<Stage>) {
    let url = format!(
        "/api/admin/v1/users/import?dry_run={}&on_conflict={on_conflict}&format={}",
        !apply,
        format_of(&file.name())
    );
    let fail = move |message: &str| stage.set(Stage::Failed(message.to_owned()));
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return fail("This browser cannot send files.");
    };
    if xhr.open_with_async("POST", &url, true).is_err() {
        return fail("The upload could not start.");
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
        stage.set(Stage::Failed(
            "The connection failed; nothing was imported.".into(),
        ))
    });
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the request; one small leak per upload.
    on_progress.forget();
    on_load.forget();
    on_error.forget();
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        fail("The file could not be sent.");
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
            None => stage.set(Stage::Failed("Choose a file first.".into())),
        }
    };
    let running = move || matches!(stage.get(), Stage::Running { .. });
    view! {
        <div class="page-head">
            <h1>"Import users"</h1>
            <A href="/users" attr:class="button subtle">"Back to users"</A>
        </div>
        <section class="card form">
            <p>
                "A CSV file with a header row, or JSON lines (one object per line). Columns: "
                <code>"username"</code>" (required), "<code>"display_name"</code>", "<code>"email"</code>", "
                <code>"admin"</code>" (true/false), and either "<code>"password"</code>" or "
                <code>"password_hash"</code>" (argon2id or bcrypt). Users with neither get a generated temporary password, shown once. "
                "Other columns, such as those of an export, are ignored."
            </p>
            <noscript><p class="notice warning">"Importing from the panel needs JavaScript. Scripts can POST the file to /api/admin/v1/users/import."</p></noscript>
            <div class="field">
                <label for="import-file">"File"</label>
                <input id="import-file" type="file" node_ref=file_input
                    accept=".csv,.jsonl,.ndjson,text/csv,application/jsonl"
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        file_name.set((!name.is_empty()).then_some(name));
                        stage.set(Stage::Idle);
                    }/>
            </div>
            <div class="field">
                <label for="import-on-conflict">"When a username exists"</label>
                <select id="import-on-conflict" prop:value=move || on_conflict.get()
                    on:change=move |ev| { on_conflict.set(event_target_value(&ev)); stage.set(Stage::Idle); }>
                    <option value="skip">"Skip the row"</option>
                    <option value="fail">"Reject the row"</option>
                    <option value="update">"Update the existing user"</option>
                </select>
            </div>
            <button type="button" class="button primary" data-testid="import-check"
                disabled=move || running() || file_name.get().is_none()
                on:click=move |_| start(false)>"Check file"</button>
        </section>
        {move || match stage.get() {
            Stage::Idle => ().into_any(),
            Stage::Running { apply, sent } => view! {
                <section class="card" aria-live="polite">
                    <label for="import-progress">{match (apply, sent) {
                        (_, Some(_)) => "Uploading…",
                        (true, None) => "Importing…",
                        (false, None) => "Checking…",
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
        format!(
            "Imported: {} created, {} updated, {} skipped.",
            report.created, report.updated, report.skipped
        )
    } else if report.dry_run && report.rejected == 0 {
        format!(
            "The file is fine: {} to create, {} to update, {} to skip. Nothing has been written yet.",
            report.created, report.updated, report.skipped
        )
    } else {
        format!(
            "{} of {} rows have problems; nothing was imported. Fix them and check the file again.",
            report.rejected, report.total
        )
    };
    let class = if report.rejected > 0 {
        "notice error"
    } else {
        "notice success"
    };
    let can_apply = report.dry_run && report.rejected == 0 && report.created + report.updated > 0;
    let generated = report.rows.iter().any(|r| r.temporary_password.is_some());
    let outcome = |row: &RowReport| match row.outcome {
        RowOutcome::Created => "created",
        RowOutcome::Updated => "updated",
        RowOutcome::Skipped => "skipped",
        RowOutcome::Rejected => "rejected",
    };
    let detail = |row: &RowReport| {
        match &row.temporary_password {
        Some(p) => view! { "Temporary password: "<code data-testid="temporary-password">{p.clone()}</code> }.into_any(),
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
        Column::new("Line", |row: &RowReport| row.line),
        Column::new("Username", |row: &RowReport| row.username.clone()),
        Column::new("Outcome", move |row: &RowReport| {
            let outcome = outcome(row);
            view! { <span class=format!("badge outcome-{outcome}")>{outcome}</span> }
        }),
        Column::new("Details", detail),
    ];
    let row_class = Arc::new(move |row: &RowReport| format!("outcome-{}", outcome(row)));
    view! {
        <section class="card" aria-labelledby="report-heading" data-testid="import-report">
            <h2 id="report-heading">{if report.dry_run { "Check report" } else { "Import report" }}</h2>
            <div class=class role="status" data-testid="import-summary">{headline}</div>
            <dl class="figures">
                <dt>"Rows"</dt><dd data-testid="report-total">{report.total}</dd>
                <dt>"Created"</dt><dd data-testid="report-created">{report.created}</dd>
                <dt>"Updated"</dt><dd data-testid="report-updated">{report.updated}</dd>
                <dt>"Skipped"</dt><dd data-testid="report-skipped">{report.skipped}</dd>
                <dt>"Rejected"</dt><dd data-testid="report-rejected">{report.rejected}</dd>
            </dl>
            {generated.then(|| view! {
                <p class="notice warning">"Copy the temporary passwords now: they are not shown again. Each user must change theirs at the first login."</p>
            })}
            <DataTable rows=report.rows columns caption="Rows worth a look" row_class/>
            {can_apply.then(|| view! {
                <button type="button" class="button primary" data-testid="import-apply"
                    on:click=move |_| on_apply.run(())>"Import now"</button>
            })}
            {report.applied.then(|| view! { <A href="/users" attr:class="button">"Go to users"</A> })}
        </section>
    }
}
