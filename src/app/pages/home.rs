//! The start page: a live dashboard for administrators; everyone else is
//! sent to their account.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::app::CurrentUser;
use crate::app::{
    components::ErrorNotice,
    format::{number, short_time},
    table::{Column, DataTable},
};
use crate::i18n::Language;
use crate::model::{DailyFigures, ServerStats};
use crate::server_fns::server::get_server_stats;
use crate::t;

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
                    Ok(Some(me)) if me.may(crate::model::Op::ReadServer) => view! { <Dashboard/> }.into_any(),
                    Ok(Some(me)) => view! { <Redirect path=me.landing_page()/> }.into_any(),
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
    let loading = t!("common-loading");
    view! {
        <Title text=t!("home-title")/>
        <div class="page-head">
            <h1>{t!("home-title")}</h1>
        </div>
        <Transition fallback=move || view! { <p class="loading">{loading.clone()}</p> }>
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

/// One figure as a card: its label, the number (grouped the language's
/// way) and an optional line of detail; `href` links to where it can be
/// explored.
#[component]
fn Stat(
    label: String,
    id: &'static str,
    value: Signal<i64>,
    #[prop(optional)] href: Option<&'static str>,
    #[prop(optional)] detail: Option<Signal<String>>,
) -> impl IntoView {
    let label_id = format!("stat-label-{id}");
    let labelled_by = label_id.clone();
    // The card is a link only through its figure, so the nav's links keep
    // unique names ("Sessions", "Organisations", ...).
    let figure = move || number(value.get());
    let value_view = match href {
        Some(href) => {
            view! { <a href=href aria-describedby=label_id.clone()>{figure}</a> }.into_any()
        }
        None => figure.into_any(),
    };
    view! {
        <section class="stat" class:stat-linked=href.is_some() aria-labelledby=labelled_by>
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
    let lang = crate::i18n::current();
    let pick = move |f: fn(&ServerStats) -> i64| Signal::derive(move || stats.with(f));
    let users_detail = Signal::derive(move || {
        stats.with(|s| {
            t!(lang; "home-stat-users-detail",
                active = s.users.active,
                locked = s.users.locked,
                deactivated = s.users.deactivated,
                admins = s.users.admins,
            )
        })
    });
    let seen_detail = Signal::derive(move || {
        stats.with(|s| t!(lang; "home-stat-seen-detail", week = s.active_7d, month = s.active_30d))
    });
    let daily = Signal::derive(move || stats.with(|s| s.daily.clone()));
    view! {
        <div class="stat-grid">
            <Stat label=t!("home-stat-users") id="users-total" href="/users" value=pick(|s| s.users.total) detail=users_detail/>
            <Stat label=t!("home-stat-seen-today") id="active-1d" value=pick(|s| s.active_1d) detail=seen_detail/>
            <Stat label=t!("home-stat-connected") id="connected" href="/connections" value=pick(|s| s.connected_now)/>
            <Stat label=t!("home-stat-sessions") id="sessions" href="/sessions" value=pick(|s| s.sessions_active)/>
            <Stat label=t!("home-stat-orgs") id="orgs" href="/orgs" value=pick(|s| s.orgs)/>
            <Stat label=t!("home-stat-registration-tokens") id="registration-tokens" href="/registration-tokens" value=pick(|s| s.registration_tokens_valid)/>
            <Stat label=t!("home-stat-tokens") id="tokens" value=pick(|s| s.tokens_active)/>
            <Stat label=t!("home-stat-admins-without-second-factor") id="admins-without-second-factor" href="/users?filter%5Badmin%5D=true&filter%5Bhas_second_factor%5D=false" value=pick(|s| s.admins_without_second_factor)/>
            <Stat label=t!("home-stat-oauth2-clients") id="oauth2-clients" href="/oauth2-clients" value=pick(|s| s.oauth2_clients)/>
            <Stat label=t!("home-stat-messages-queued") id="messages-queued" value=pick(|s| s.messages_queued)/>
            <Stat label=t!("home-stat-jobs-running") id="jobs-running" value=pick(|s| s.jobs_running) href="/jobs"/>
        </div>
        <div class="chart-grid">
            <DailyChart title=t!("home-chart-signups") id="signups" daily pick=|d| d.signups/>
            <DailyChart title=t!("home-chart-logins") id="logins" daily pick=|d| d.logins/>
        </div>
        <p class="muted small">
            {move || stats.with(|s| t!(lang; "home-refresh-note", time = short_time(&s.computed_at)))}
        </p>
    }
    .into_any()
}

/// The chart's drawing area, in SVG user units: the SVG scales to its
/// box's width (`viewBox`), the text with it.
const CHART_W: f64 = 480.0;
const CHART_H: f64 = 220.0;
/// Room for the y axis's labels (left), the values shown above the bars
/// (top) and the dates (bottom).
const PAD_LEFT: f64 = 52.0;
const PAD_RIGHT: f64 = 8.0;
const PAD_TOP: f64 = 24.0;
const PAD_BOTTOM: f64 = 30.0;
/// Dates on the x axis: today and every this many days before it.
const X_LABEL_EVERY: usize = 7;

/// The y axis's scale for figures up to `max`: a round step (1, 2 or 5
/// times a power of ten) and the top of the axis, a multiple of it, so
/// that there are 3 to 5 labelled ticks (0 included).
fn y_scale(max: i64) -> (i64, i64) {
    let max = max.max(0);
    let mut magnitude = 1i64;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * magnitude;
            let ticks = (max + step - 1) / step;
            if ticks <= 4 {
                return (step, step * ticks.max(2));
            }
        }
        magnitude *= 10;
    }
}

/// A day (`YYYY-MM-DD`) as the language writes a date.
fn long_date(language: Language, day: &str) -> String {
    language.date(&format!("{day}T00:00:00Z"))
}

/// The same date without its year, for the axis: `11/22`, `22/11`,
/// `22.11.` (the language's own layout, its year taken off the end).
fn short_date(language: Language, day: &str) -> String {
    let long = long_date(language, day);
    let year = day.split('-').next().unwrap_or_default();
    let year_short = year.get(2..).unwrap_or_default();
    for y in [year, year_short] {
        if y.is_empty() {
            continue;
        }
        if let Some(rest) = long.strip_suffix(y) {
            let rest = rest.trim_end_matches(['/', '-', ' ', ',']);
            if !rest.is_empty() {
                return rest.to_owned();
            }
        }
    }
    long
}

/// A bar chart of 30 days drawn as SVG: a y axis with round ticks and
/// grid lines, dates under it, each bar's value shown on hover (and in its
/// tooltip). The bars take no keyboard focus (sixty tab stops would bury
/// the page): the same figures follow in a table, for keyboards, screen
/// readers and copying.
#[component]
fn DailyChart(
    title: String,
    id: &'static str,
    daily: Signal<Vec<DailyFigures>>,
    pick: fn(&DailyFigures) -> i64,
) -> impl IntoView {
    let lang = crate::i18n::current();
    let caption_id = format!("chart-caption-{id}");
    let desc_id = format!("chart-desc-{id}");
    let described_by = desc_id.clone();
    let total = move || {
        daily.with(|d| {
            t!(lang; "home-chart-total",
                count = d.iter().map(pick).sum::<i64>(),
                days = d.len(),
            )
        })
    };
    let summary = {
        let title = title.clone();
        move || {
            daily.with(|d| {
                t!(lang; "home-chart-summary",
                    title = title.clone(),
                    count = d.iter().map(pick).sum::<i64>(),
                    days = d.len(),
                    today = d.last().map(pick).unwrap_or(0),
                )
            })
        }
    };
    let plot_w = CHART_W - PAD_LEFT - PAD_RIGHT;
    let plot_h = CHART_H - PAD_TOP - PAD_BOTTOM;
    let base_y = PAD_TOP + plot_h;
    // Grid lines and their labels, bottom (0) to top.
    let y_axis = move || {
        daily.with(|d| {
            let (step, top) = y_scale(d.iter().map(pick).max().unwrap_or(0));
            (0..=top / step)
                .map(|i| {
                    let value = i * step;
                    let y = base_y - value as f64 / top as f64 * plot_h;
                    view! {
                        <line class=if value == 0 { "axis-line" } else { "grid-line" }
                            x1=PAD_LEFT x2=CHART_W - PAD_RIGHT y1=y y2=y/>
                        <text class="axis" x=PAD_LEFT - 8.0 y=y dy="0.35em" text-anchor="end">
                            {number(value)}
                        </text>
                    }
                })
                .collect_view()
        })
    };
    let bars = move || {
        daily.with(|d| {
            let (_, top) = y_scale(d.iter().map(pick).max().unwrap_or(0));
            let len = d.len();
            let slot = plot_w / len.max(1) as f64;
            d.iter()
                .enumerate()
                .map(|(i, day)| {
                    let n = pick(day);
                    let h = n as f64 / top as f64 * plot_h;
                    let h = if n > 0 { h.max(1.5) } else { 0.0 };
                    let x = PAD_LEFT + i as f64 * slot;
                    let centre = x + slot / 2.0;
                    // The value above its bar; kept inside the chart at
                    // both ends.
                    let anchor = if i < 2 {
                        "start"
                    } else if i + 2 >= len {
                        "end"
                    } else {
                        "middle"
                    };
                    let value_x = match anchor {
                        "start" => x,
                        "end" => x + slot,
                        _ => centre,
                    };
                    let date_label = ((len - 1 - i) % X_LABEL_EVERY == 0).then(|| {
                        view! {
                            <text class="axis" x=centre y=CHART_H - 8.0 text-anchor=anchor_x(i, len)>
                                {short_date(lang, &day.date)}
                            </text>
                        }
                    });
                    let tooltip = t!(lang; "home-chart-point",
                        date = long_date(lang, &day.date),
                        count = n,
                    );
                    view! {
                        <g class="point">
                            <title>{tooltip}</title>
                            <rect class="hit" x=x y=PAD_TOP width=slot height=plot_h/>
                            <rect class="bar" x=x + slot * 0.15 y=base_y - h width=slot * 0.7 height=h/>
                            <text class="point-value" x=value_x y=(base_y - h - 6.0).max(PAD_TOP - 6.0)
                                text-anchor=anchor>
                                {number(n)}
                            </text>
                        </g>
                        {date_label}
                    }
                })
                .collect_view()
        })
    };
    let table = {
        let title = title.clone();
        move || {
            let rows: Vec<DailyFigures> = daily.with(|d| d.iter().rev().cloned().collect());
            let columns = vec![
                Column::new(t!(lang; "home-chart-day"), move |day: &DailyFigures| {
                    view! { <time datetime=day.date.clone()>{long_date(lang, &day.date)}</time> }
                })
                .row_header(),
                Column::new(t!(lang; "home-chart-count"), move |day: &DailyFigures| {
                    number(pick(day))
                })
                .class("num"),
            ];
            view! { <DataTable rows columns caption=title.clone() class="compact"/> }
        }
    };
    view! {
        <figure class="chart">
            <figcaption id=caption_id.clone()>
                <span class="chart-title">{title}</span>" "
                <span class="muted" data-testid=format!("chart-{id}-total")>{total}</span>
            </figcaption>
            <svg viewBox=format!("0 0 {CHART_W} {CHART_H}") role="img"
                aria-labelledby=caption_id aria-describedby=described_by
                data-testid=format!("chart-{id}")>
                <desc id=desc_id>{summary}</desc>
                {y_axis}
                {bars}
            </svg>
            <details class="chart-table">
                <summary>{t!("home-chart-show-table")}</summary>
                {table}
            </details>
        </figure>
    }
    .into_any()
}

/// Where a date under the bar `i` of `len` is anchored: the first and
/// last stay inside the chart.
fn anchor_x(i: usize, len: usize) -> &'static str {
    if i == 0 {
        "start"
    } else if i + 1 == len {
        "end"
    } else {
        "middle"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_y_axis_has_three_to_five_round_ticks() {
        assert_eq!(y_scale(0), (1, 2));
        assert_eq!(y_scale(1), (1, 2));
        assert_eq!(y_scale(4), (1, 4));
        assert_eq!(y_scale(7), (2, 8));
        assert_eq!(y_scale(9), (5, 10));
        assert_eq!(y_scale(41), (20, 60));
        assert_eq!(y_scale(1234), (500, 1500));
        for max in 0..5000 {
            let (step, top) = y_scale(max);
            let ticks = top / step + 1;
            assert!((3..=5).contains(&ticks), "{max}: {ticks} ticks");
            assert!(top >= max);
        }
    }

    #[test]
    fn axis_dates_drop_the_year() {
        assert_eq!(short_date(Language::En, "2026-11-22"), "11/22");
        assert_eq!(short_date(Language::Fr, "2026-11-22"), "22/11");
        assert_eq!(short_date(Language::De, "2026-11-22"), "22.11.");
        assert_eq!(short_date(Language::Es, "2026-11-22"), "22/11");
    }
}
