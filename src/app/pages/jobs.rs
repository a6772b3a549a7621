//! The background jobs: state, live progress bars, run now, pause or resume
//! all. The figures refresh every second while the page is open; the rows
//! (and their buttons) stay in place, so keyboard focus is not lost.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::{
    components::{alert, time_or, AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::Job;
use crate::server_fns::jobs::{list_jobs, PauseAllJobs, RunJob};
use crate::t;

/// How often an open Jobs page asks for fresh progress.
#[cfg(feature = "hydrate")]
const REFRESH: std::time::Duration = std::time::Duration::from_secs(1);

#[component]
pub fn JobsPage() -> impl IntoView {
    view! {
        <Title text=t!("jobs-title")/>
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
                <div class="notice success" role="status">{t!("jobs-queued-notice", job = job.name)}</div>
            }
            .into_any(),
            Err(e) => alert(e),
        });
        let paused = pause.value().get().map(|r| match r {
            Ok(outcome) => {
                let text = if outcome.state == "paused" {
                    t!("jobs-paused-notice", count = outcome.affected)
                } else {
                    t!("jobs-resumed-notice", count = outcome.affected)
                };
                view! { <div class="notice success" role="status">{text}</div> }.into_any()
            }
            Err(e) => alert(e),
        });
        view! { {ran}{paused} }
    };
    view! {
        <div class="page-head">
            <h1>{t!("jobs-title")}</h1>
        </div>
        <section class="card" aria-labelledby="jobs-heading">
            <h2 id="jobs-heading" class="sr-only">{t!("jobs-background")}</h2>
            <p>{t!("jobs-lead")}</p>
            {notice}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
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
        <super::email::OutboxPanel/>
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
    // Fixed rows whose cells follow the job: focus stays put while the
    // figures refresh.
    let rows: Vec<JobRow> = names
        .into_iter()
        .map(|name| {
            let key = name.clone();
            let job = Memo::new(move |_| jobs.get().into_iter().find(|j| j.name == key));
            JobRow { name, job }
        })
        .collect();
    view! {
        <div class="jobs-toolbar">
            <p class="jobs-state" data-testid="jobs-state" role="status">
                {move || if all_paused.get() { t!("jobs-all-paused") } else { t!("jobs-running") }}
            </p>
            <ActionForm action=pause>
                <input type="hidden" name="paused" value=move || (!all_paused.get()).to_string()/>
                <button type="submit" class="button" data-testid="pause-all">
                    {move || if all_paused.get() { t!("jobs-resume-all") } else { t!("jobs-pause-all") }}
                </button>
            </ActionForm>
        </div>
        <DataTable rows columns=job_columns(run) caption=t!("jobs-background") class="jobs" testid="jobs"
            row_testid="job-row" row_data=Arc::new(|r: &JobRow| vec![("data-job", r.name.clone())])/>
    }
    .into_any()
}

fn schedule(seconds: Option<i64>) -> String {
    match seconds {
        None => t!("jobs-on-demand"),
        Some(s) if s % 86_400 == 0 => t!("jobs-every-days", count = s / 86_400),
        Some(s) if s % 3_600 == 0 => t!("jobs-every-hours", count = s / 3_600),
        Some(s) => t!("jobs-every-minutes", count = s / 60),
    }
}

/// A job's state (`idle`, `queued`, `running`, `paused`) in words.
fn state_label(state: &str) -> String {
    match state {
        "idle" => t!("jobs-state-idle"),
        "queued" => t!("jobs-state-queued"),
        "running" => t!("jobs-state-running"),
        "paused" => t!("jobs-state-paused"),
        other => other.to_owned(),
    }
}

/// A row of the jobs table: the job's name and its latest state.
#[derive(Clone)]
struct JobRow {
    name: String,
    job: Memo<Option<Job>>,
}

impl JobRow {
    /// A figure of the job that follows its refreshes.
    fn show(&self, f: fn(&Job) -> String) -> impl Fn() -> String + Send + Sync + 'static {
        let job = self.job;
        move || job.get().map(|j| f(&j)).unwrap_or_default()
    }
}

fn job_columns(run: ServerAction<RunJob>) -> Vec<Column<JobRow>> {
    let job_cell = |r: &JobRow| {
        view! {
            <code>{r.name.clone()}</code>
            <div class="muted small">{r.show(|j| j.description.clone())}</div>
        }
    };
    let state = |r: &JobRow| {
        let state = r.show(|j| state_label(&j.state));
        let badge = r.show(|j| format!("badge job-{}", j.state));
        view! { <span class=badge data-testid="job-state">{state}</span> }
    };
    let progress = |r: &JobRow| {
        let job = r.job;
        view! {
            <progress
                max=move || job.get().map_or(1, |j| j.total.max(1))
                value=move || job.get().map_or(0, |j| if j.total == 0 && j.percent() == 100 { 1 } else { j.done })
                aria-label=t!("jobs-progress-label", job = r.name.clone())
                data-testid="job-progress"
            ></progress>
            <span class="small" data-testid="job-progress-text">
                {r.show(|j| t!("jobs-progress", done = j.done, total = j.total, percent = j.percent()))}
            </span>
        }
    };
    let last_run = |r: &JobRow| {
        let job = r.job;
        view! {
            {move || job.get().map(|j| time_or(j.finished_at.clone(), t!("common-never")))}
            {move || job.get().and_then(|j| j.last_error.clone()).map(|e| view! {
                <div class="notice error small" role="alert">{e}</div>
            })}
            {move || job.get().and_then(|j| if j.last_error.is_none() { j.last_result.clone() } else { None }).map(|r| view! {
                <div class="muted small" data-testid="job-result">{r}</div>
            })}
        }
    };
    let next_run = |r: &JobRow| {
        let job = r.job;
        move || {
            job.get()
                .map(|j| time_or(j.next_run_at.clone(), t!("jobs-on-demand")))
        }
    };
    let actions = move |r: &JobRow| {
        let job = r.job;
        let busy = move || {
            job.get()
                .is_some_and(|j| j.state == "running" || j.state == "queued" || j.paused)
        };
        let (form_name, run_name) = (r.name.clone(), r.name.clone());
        view! {
            <ActionForm action=run>
                <input type="hidden" name="name" value=form_name/>
                // The visible text starts the accessible name ("Run now recount_stats").
                <button type="submit" class="button" disabled=busy>
                    {t!("jobs-run-now")}<span class="sr-only">" "{run_name}</span>
                </button>
            </ActionForm>
        }
    };
    vec![
        Column::new(t!("jobs-job"), job_cell),
        Column::new(t!("jobs-schedule"), |r: &JobRow| {
            r.show(|j| schedule(j.interval_seconds))
        }),
        Column::new(t!("jobs-state"), state),
        Column::new(t!("jobs-progress-col"), progress).class("job-progress"),
        Column::new(t!("jobs-last-run"), last_run),
        Column::new(t!("jobs-next-run"), next_run),
        Column::actions(actions),
    ]
}
