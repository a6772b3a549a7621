//! The background jobs: state, live progress bars, run now, pause or resume
//! all. The figures refresh every second while the page is open; the rows
//! (and their buttons) stay in place, so keyboard focus is not lost.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::jobs::{list_jobs, PauseAllJobs, RunJob};
use crate::app::components::{time_or, AdminOnly, ErrorNotice};
use crate::model::Job;

/// How often an open Jobs page asks for fresh progress.
#[cfg(feature = "hydrate")]
const REFRESH: std::time::Duration = std::time::Duration::from_secs(1);

#[component]
pub fn JobsPage() -> impl IntoView {
    view! {
        <Title text="Jobs"/>
        <AdminOnly>
            <JobsView/>
        </AdminOnly>
    }
    .into_any()
}

#[component]
fn JobsView() -> impl IntoView {
    let run = ServerAction::<RunJob>::new();
    let pause = ServerAction::<PauseAllJobs>::new();
    let first = Resource::new(|| (), |_| list_jobs());
    let latest = RwSignal::new(None::<Vec<Job>>);
    #[cfg(feature = "hydrate")]
    {
        let refresh = move || {
            leptos::task::spawn_local(async move {
                if let Ok(jobs) = list_jobs().await {
                    latest.set(Some(jobs));
                }
            })
        };
        Effect::new(move |_| {
            if let Ok(handle) = set_interval_with_handle(refresh, REFRESH) {
                on_cleanup(move || handle.clear());
            }
        });
        // After a click, show its effect at once rather than at the next tick.
        Effect::new(move |_| {
            run.version().get();
            pause.version().get();
            refresh();
        });
    }
    let notice = move || {
        let ran = run.value().get().map(|r| match r {
            Ok(job) => view! {
                <div class="notice success" role="status">{format!("The {} job is queued to run now.", job.name)}</div>
            }
            .into_any(),
            Err(e) => view! { <div class="notice error" role="alert">{e.to_string()}</div> }.into_any(),
        });
        let paused = pause.value().get().map(|r| match r {
            Ok(outcome) => {
                let text = if outcome.state == "paused" {
                    format!("Jobs are paused ({} changed).", outcome.affected)
                } else {
                    format!("Jobs are running again ({} changed).", outcome.affected)
                };
                view! { <div class="notice success" role="status">{text}</div> }.into_any()
            }
            Err(e) => {
                view! { <div class="notice error" role="alert">{e.to_string()}</div> }.into_any()
            }
        });
        view! { {ran}{paused} }
    };
    view! {
        <div class="page-head">
            <h1>"Jobs"</h1>
        </div>
        <section class="card" aria-labelledby="jobs-heading">
            <h2 id="jobs-heading" class="sr-only">"Background jobs"</h2>
            <p>"Jobs run on their schedule on whichever instance is free, in batches. Pausing stops every job after its current batch; resuming continues where each stopped."</p>
            {notice}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(first) => {
                            let names: Vec<String> = first.iter().map(|j| j.name.clone()).collect();
                            let jobs = Signal::derive(move || latest.get().unwrap_or_else(|| first.clone()));
                            view! { <JobTable names jobs run pause/> }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn JobTable(
    names: Vec<String>,
    jobs: Signal<Vec<Job>>,
    run: ServerAction<RunJob>,
    pause: ServerAction<PauseAllJobs>,
) -> impl IntoView {
    let all_paused = Memo::new(move |_| {
        let jobs = jobs.get();
        !jobs.is_empty() && jobs.iter().all(|j| j.paused)
    });
    let rows = names
        .into_iter()
        .map(|name| view! { <JobRowView name jobs run/> })
        .collect_view();
    view! {
        <div class="jobs-toolbar">
            <p class="jobs-state" data-testid="jobs-state" role="status">
                {move || if all_paused.get() { "All jobs are paused." } else { "Jobs are running on schedule." }}
            </p>
            <ActionForm action=pause>
                <input type="hidden" name="paused" value=move || (!all_paused.get()).to_string()/>
                <button type="submit" class="button" data-testid="pause-all">
                    {move || if all_paused.get() { "Resume all jobs" } else { "Pause all jobs" }}
                </button>
            </ActionForm>
        </div>
        <div class="table-wrap">
            <table class="data jobs" data-testid="jobs">
                <caption class="sr-only">"Background jobs"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Job"</th>
                        <th scope="col">"Schedule"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Progress"</th>
                        <th scope="col">"Last run"</th>
                        <th scope="col">"Next run"</th>
                        <th scope="col"><span class="sr-only">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn schedule(seconds: Option<i64>) -> String {
    match seconds {
        None => "on demand".into(),
        Some(s) if s % 86_400 == 0 => plural(s / 86_400, "day"),
        Some(s) if s % 3_600 == 0 => plural(s / 3_600, "hour"),
        Some(s) => plural(s / 60, "minute"),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("every {unit}")
    } else {
        format!("every {n} {unit}s")
    }
}

#[component]
fn JobRowView(name: String, jobs: Signal<Vec<Job>>, run: ServerAction<RunJob>) -> impl IntoView {
    let key = name.clone();
    let job = Memo::new(move |_| jobs.get().into_iter().find(|j| j.name == key));
    let get = move |f: fn(&Job) -> String| move || job.get().map(|j| f(&j)).unwrap_or_default();
    let state = get(|j| j.state.clone());
    let badge_class = move || format!("badge job-{}", state());
    let progress_label = format!("Progress of {name}");
    let (row_name, code_name, form_name, run_name) =
        (name.clone(), name.clone(), name.clone(), name);
    let busy = move || {
        job.get()
            .is_some_and(|j| j.state == "running" || j.state == "queued" || j.paused)
    };
    view! {
        <tr data-testid="job-row" data-job=row_name>
            <td data-label="Job">
                <code>{code_name}</code>
                <div class="muted small">{get(|j| j.description.clone())}</div>
            </td>
            <td data-label="Schedule">{get(|j| schedule(j.interval_seconds))}</td>
            <td data-label="State"><span class=badge_class data-testid="job-state">{state}</span></td>
            <td data-label="Progress" class="job-progress">
                <progress
                    max=move || job.get().map_or(1, |j| j.total.max(1))
                    value=move || job.get().map_or(0, |j| if j.total == 0 && j.percent() == 100 { 1 } else { j.done })
                    aria-label=progress_label
                    data-testid="job-progress"
                ></progress>
                <span class="small" data-testid="job-progress-text">
                    {get(|j| format!("{} / {} ({}%)", j.done, j.total, j.percent()))}
                </span>
            </td>
            <td data-label="Last run">
                {move || job.get().map(|j| time_or(j.finished_at.clone(), "never"))}
                {move || job.get().and_then(|j| j.last_error.clone()).map(|e| view! {
                    <div class="notice error small" role="alert">{e}</div>
                })}
                {move || job.get().and_then(|j| if j.last_error.is_none() { j.last_result.clone() } else { None }).map(|r| view! {
                    <div class="muted small" data-testid="job-result">{r}</div>
                })}
            </td>
            <td data-label="Next run">
                {move || job.get().map(|j| time_or(j.next_run_at.clone(), "on demand"))}
            </td>
            <td data-label="Actions">
                <ActionForm action=run>
                    <input type="hidden" name="name" value=form_name/>
                    // The visible text starts the accessible name ("Run now recount_stats").
                    <button type="submit" class="button" disabled=busy>
                        "Run now"<span class="sr-only">" "{run_name}</span>
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
    .into_any()
}
