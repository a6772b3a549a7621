//! The start page: a live dashboard for administrators; everyone else is
//! sent to their account.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::app::CurrentUser;
use crate::app::{
    components::ErrorNotice,
    table::{Column, DataTable},
};
use crate::model::{DailyFigures, ServerStats};
use crate::server_fns::server::get_server_stats;

/// How often an open dashboard asks for fresh figures.
#[cfg(feature = "hydrate")]
const REFRESH: std::time::Duration = std::time::Duration::from_secs(3);

#[component]
pub fn HomePage() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if me.admin => view! { <Dashboard/> }.into_any(),
                    Ok(Some(_)) => view! { <Redirect path="/account"/> }.into_any(),
                    _ => view! { <Redirect path="/login"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let first = Resource::new(|| (), |_| get_server_stats());
    let latest = RwSignal::new(None::<ServerStats>);
    // Browser only: poll while the page is open; the server counts at most
    // once every 2 s however many dashboards ask.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let poll = move || {
            leptos::task::spawn_local(async move {
                if let Ok(stats) = get_server_stats().await {
                    latest.set(Some(stats));
                }
            })
        };
        if let Ok(handle) = set_interval_with_handle(poll, REFRESH) {
            on_cleanup(move || handle.clear());
        }
    });
    view! {
        <Title text="Dashboard"/>
        <div class="page-head">
            <h1>"Dashboard"</h1>
        </div>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match first.await {
                    Ok(first) => {
                        let stats = Signal::derive(move || latest.get().unwrap_or_else(|| first.clone()));
                        view! { <Figures stats/> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One figure with its label; `href` links to where it can be explored.
#[component]
fn Stat(
    label: &'static str,
    id: &'static str,
    value: Signal<i64>,
    #[prop(optional)] href: Option<&'static str>,
    #[prop(optional)] detail: Option<Signal<String>>,
) -> impl IntoView {
    let label_id = format!("stat-label-{id}");
    let labelled_by = label_id.clone();
    // The card is a link only through its figure, so the nav's links keep
    // unique names ("Sessions", "Organisations", ...).
    let figure = move || value.get();
    let value_view = match href {
        Some(href) => {
            view! { <a href=href aria-describedby=label_id.clone()>{figure}</a> }.into_any()
        }
        None => figure.into_any(),
    };
    view! {
        <section class="stat" aria-labelledby=labelled_by>
            <h2 id=label_id.clone()>{label}</h2>
            <p class="stat-value" data-testid=format!("stat-{id}")>{value_view}</p>
            {detail.map(|d| view! { <p class="stat-detail muted">{move || d.get()}</p> })}
        </section>
    }
    // Type-erased: ten of these in one view overflow the compiler's type depth.
    .into_any()
}

#[component]
fn Figures(stats: Signal<ServerStats>) -> impl IntoView {
    let pick = move |f: fn(&ServerStats) -> i64| Signal::derive(move || stats.with(f));
    let users_detail = Signal::derive(move || {
        stats.with(|s| {
            format!(
                "{} active · {} locked · {} deactivated · {} admins",
                s.users.active, s.users.locked, s.users.deactivated, s.users.admins
            )
        })
    });
    let seen_detail = Signal::derive(move || {
        stats.with(|s| format!("{} in 7 days · {} in 30 days", s.active_7d, s.active_30d))
    });
    let daily = Signal::derive(move || stats.with(|s| s.daily.clone()));
    view! {
        <div class="stat-grid">
            <Stat label="Users" id="users-total" href="/users" value=pick(|s| s.users.total) detail=users_detail/>
            <Stat label="Seen today" id="active-1d" value=pick(|s| s.active_1d) detail=seen_detail/>
            <Stat label="Connected now" id="connected" href="/connections" value=pick(|s| s.connected_now)/>
            <Stat label="Active sessions" id="sessions" href="/sessions" value=pick(|s| s.sessions_active)/>
            <Stat label="Organisations" id="orgs" href="/orgs" value=pick(|s| s.orgs)/>
            <Stat label="Valid registration tokens" id="registration-tokens" href="/registration-tokens" value=pick(|s| s.registration_tokens_valid)/>
            <Stat label="Active personal tokens" id="tokens" value=pick(|s| s.tokens_active)/>
            <Stat label="API clients" id="oauth2-clients" href="/oauth2-clients" value=pick(|s| s.oauth2_clients)/>
            <Stat label="Messages queued" id="messages-queued" value=pick(|s| s.messages_queued)/>
            <Stat label="Jobs running" id="jobs-running" value=pick(|s| s.jobs_running) href="/jobs"/>
        </div>
        <div class="chart-grid">
            <DailyChart title="Sign-ups per day" id="signups" daily pick=|d| d.signups/>
            <DailyChart title="Logins per day" id="logins" daily pick=|d| d.logins/>
        </div>
        <p class="muted small">
            "Figures refresh every few seconds. Counted at "
            {move || stats.with(|s| s.computed_at.replace('T', " ").trim_end_matches('Z').to_owned())}
            " UTC."
        </p>
    }
    .into_any()
}

const CHART_W: f64 = 600.0;
const CHART_H: f64 = 160.0;
const AXIS_H: f64 = 18.0;

/// A bar chart of 30 days drawn as SVG, with the same figures in a table
/// for screen readers and for copying.
#[component]
fn DailyChart(
    title: &'static str,
    id: &'static str,
    daily: Signal<Vec<DailyFigures>>,
    pick: fn(&DailyFigures) -> i64,
) -> impl IntoView {
    let caption_id = format!("chart-caption-{id}");
    let labelled_by = caption_id.clone();
    let total = move || daily.with(|d| d.iter().map(pick).sum::<i64>());
    let summary = move || {
        daily.with(|d| {
            let today = d.last().map(pick).unwrap_or(0);
            format!(
                "{title}: {} in the last {} days, {today} today.",
                d.iter().map(pick).sum::<i64>(),
                d.len()
            )
        })
    };
    let bars = move || {
        daily.with(|d| {
            let max = d.iter().map(pick).max().unwrap_or(0).max(1) as f64;
            let slot = CHART_W / d.len().max(1) as f64;
            d.iter()
                .enumerate()
                .map(|(i, day)| {
                    let n = pick(day);
                    let h = (n as f64 / max) * (CHART_H - AXIS_H - 4.0);
                    let x = i as f64 * slot + slot * 0.15;
                    let y = CHART_H - AXIS_H - h;
                    view! {
                        <rect class="bar" x=x y=y width=slot * 0.7 height=h.max(if n > 0 { 1.0 } else { 0.0 })>
                            <title>{format!("{}: {n}", day.date)}</title>
                        </rect>
                    }
                })
                .collect_view()
        })
    };
    let axis = move || {
        daily.with(|d| {
            let first = d.first().map(|f| f.date.clone()).unwrap_or_default();
            let last = d.last().map(|f| f.date.clone()).unwrap_or_default();
            view! {
                <text class="axis" x="0" y=CHART_H - 4.0>{first}</text>
                <text class="axis" x=CHART_W y=CHART_H - 4.0 text-anchor="end">{last}</text>
            }
        })
    };
    let table = move || {
        let rows: Vec<DailyFigures> = daily.with(|d| d.iter().rev().cloned().collect());
        let columns = vec![
            Column::new("Day", |day: &DailyFigures| day.date.clone()).row_header(),
            Column::new("Count", move |day: &DailyFigures| pick(day)).class("num"),
        ];
        view! { <DataTable rows columns caption=title class="compact"/> }
    };
    view! {
        <figure class="chart" aria-labelledby=labelled_by>
            <figcaption id=caption_id>
                {title}" "<span class="muted" data-testid=format!("chart-{id}-total")>{move || format!("({} in 30 days)", total())}</span>
            </figcaption>
            <svg viewBox=format!("0 0 {CHART_W} {CHART_H}") role="img" preserveAspectRatio="none"
                aria-label=summary data-testid=format!("chart-{id}")>
                <line class="baseline" x1="0" x2=CHART_W y1=CHART_H - AXIS_H y2=CHART_H - AXIS_H/>
                {bars}
                {axis}
            </svg>
            <details>
                <summary>"Show as a table"</summary>
                {table}
            </details>
        </figure>
    }
    .into_any()
}
