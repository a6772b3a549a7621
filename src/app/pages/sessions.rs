//! Login sessions ("devices"): the Sessions tab of a user page, the global
//! Sessions page (`/sessions`) and "My sessions" on the account page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::filters::{filter_map, link_base, present};

use crate::t;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::app::components::{
    alert, error_of, leave_when_logged_out, newer_older, pager, time_or, AdminOnly, Confirmed,
    ErrorNotice,
};
use crate::app::table::{Column, DataTable, RowFn};
use crate::model::{AppError, Page, Session};
use crate::server_fns::sessions::{
    list_sessions, my_sessions, LogoutUser, RevokeSession, SignOutOtherSessions, SignOutSession,
};

/// Revoking sessions, owned by the page so redraws keep their results.
#[derive(Clone, Copy)]
pub struct SessionActions {
    pub revoke: ServerAction<RevokeSession>,
    pub logout: ServerAction<LogoutUser>,
}

impl Default for SessionActions {
    fn default() -> Self {
        Self {
            revoke: ServerAction::new(),
            logout: ServerAction::new(),
        }
    }
}

pub type SessionPage = Resource<Result<Page<Session>, AppError>>;

fn state_badge(s: &Session) -> AnyView {
    let (class, label) = match (s.revoked_at.is_some(), s.active) {
        (true, _) => ("token-revoked", t!("sessions-state-revoked")),
        (false, true) => ("token-active", t!("sessions-state-active")),
        (false, false) => ("token-expired", t!("sessions-state-idle")),
    };
    view! { <span class=format!("badge {class}")>{label}</span> }.into_any()
}

/// "Firefox 133 on Windows 10", or what is known of it (as
/// `Session::describe`, in the page's language).
fn describe(s: &Session) -> String {
    let join = |name: &Option<String>, version: &Option<String>| match (name, version) {
        (Some(n), Some(v)) => Some(format!("{n} {v}")),
        (Some(n), None) => Some(n.clone()),
        _ => None,
    };
    match (
        join(&s.browser, &s.browser_version),
        join(&s.os, &s.os_version),
    ) {
        (Some(browser), Some(os)) => t!("sessions-browser-on-os", browser = browser, os = os),
        (Some(b), None) => b,
        (None, Some(o)) => o,
        (None, None) => t!("sessions-unknown-browser"),
    }
}

/// The kind of device (one of `model::session::DEVICES`), as a person reads
/// it.
fn device_label(device: &str) -> String {
    match device {
        "desktop" => t!("sessions-device-desktop"),
        "mobile" => t!("sessions-device-mobile"),
        "tablet" => t!("sessions-device-tablet"),
        "bot" => t!("sessions-device-bot"),
        "other" => t!("sessions-device-other"),
        other => other.to_owned(),
    }
}

fn device_cell(s: &Session) -> AnyView {
    let agent = s.user_agent.clone().unwrap_or_default();
    view! {
        <span title=agent>{describe(s)}</span>
        " "<span class="muted">{format!("({})", device_label(&s.device))}</span>
        {s.current.then(|| view! { " "<span class="badge admin" data-testid="this-session">{t!("sessions-this-session")}</span> })}
    }
    .into_any()
}

/// A revoke button behind its confirmation.
fn revoke_form(s: &Session, revoke: ServerAction<RevokeSession>) -> Option<AnyView> {
    if s.revoked_at.is_some() {
        return None;
    }
    let explanation = t!(
        "sessions-revoke-explanation",
        username = s.username.clone(),
        device = describe(s)
    );
    let (user_id, id) = (s.user_id.clone(), s.id.clone());
    Some(
        view! {
            <Confirmed summary=t!("sessions-revoke-summary") explanation>
                <ActionForm action=revoke>
                    <input type="hidden" name="user_id" value=user_id/>
                    <input type="hidden" name="session_id" value=id/>
                    <button type="submit" class="button danger">{t!("sessions-revoke")}</button>
                </ActionForm>
            </Confirmed>
        }
        .into_any(),
    )
}

/// The columns of the admin views' sessions table; `with_user` adds the
/// username.
fn session_columns(revoke: ServerAction<RevokeSession>, with_user: bool) -> Vec<Column<Session>> {
    let user = Column::new(t!("sessions-col-user"), |s: &Session| {
        view! { <a href=format!("/users/{}?tab=sessions", s.user_id)>{s.username.clone()}</a> }
    });
    let mut columns: Vec<Column<Session>> = with_user.then_some(user).into_iter().collect();
    columns.extend(device_columns(t!("common-created")));
    columns.extend([
        Column::new(t!("sessions-col-state"), state_badge),
        Column::actions(move |s: &Session| revoke_form(s, revoke)),
    ]);
    columns
}

/// Which browser, from where, since and until when.
fn device_columns(created: String) -> [Column<Session>; 4] {
    [
        Column::new(t!("sessions-col-device"), device_cell),
        Column::new(t!("sessions-ip-address"), ip_address),
        Column::new(created, |s: &Session| {
            time_or(Some(s.created_at.clone()), "")
        }),
        Column::new(t!("sessions-col-last-seen"), |s: &Session| {
            time_or(Some(s.last_seen_at.clone()), "")
        }),
    ]
}

fn ip_address(s: &Session) -> String {
    s.client_ip.clone().unwrap_or_else(|| "—".into())
}

/// Keyed: a revoked row is drawn anew (its confirmation closes).
fn session_key() -> RowFn<Session, String> {
    Arc::new(|s: &Session| format!("{}:{:?}", s.id, s.revoked_at))
}

/// The Sessions tab of a user page.
#[component]
pub fn UserSessionsPanel(
    user_id: String,
    username: String,
    actions: SessionActions,
    list: SessionPage,
) -> impl IntoView {
    let SessionActions { revoke, logout } = actions;
    leave_when_logged_out(revoke);
    leave_when_logged_out(logout);
    let error = move || {
        revoke
            .value()
            .with(error_of)
            .or_else(|| logout.value().with(error_of))
            .map(alert)
    };
    let done = move || {
        logout.value().with(|v| match v {
            Some(Ok(n)) => Some(view! {
                <div class="notice success" role="status">{t!("sessions-ended", count = *n)}</div>
            }),
            _ => None,
        })
    };
    let base = format!("/users/{user_id}?tab=sessions&");
    let explanation = t!("sessions-logout-explanation", username = username.clone());
    view! {
        <section class="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t!("sessions-title")}</h2>
            <p class="muted">{t!("sessions-user-lead")}</p>
            {error}
            {done}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || {
                    let base = base.clone();
                    Suspend::new(async move {
                        match list.await {
                            Ok(page) => {
                                let pager = pager(&base, &page, newer_older());
                                view! {
                                    <DataTable rows=page.items columns=session_columns(revoke, false)
                                        caption=t!("sessions-caption") testid="sessions" row_testid="session-row"
                                        key=session_key() empty=t!("sessions-empty-user") empty_testid="no-sessions" pager/>
                                }
                                .into_any()
                            }
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Transition>
            <div class="action-row">
                <Confirmed summary=t!("sessions-logout-summary") explanation>
                    <ActionForm action=logout>
                        <input type="hidden" name="user_id" value=user_id.clone()/>
                        <button type="submit" class="button danger">{t!("sessions-logout", username = username.clone())}</button>
                    </ActionForm>
                </Confirmed>
            </div>
        </section>
    }
}

/// The global Sessions page: every user's sessions, filtered in the URL.
#[component]
pub fn SessionsPage() -> impl IntoView {
    view! {
        <Title text=t!("sessions-title")/>
        <AdminOnly>
            <AllSessions/>
        </AdminOnly>
    }
}

/// The state filter's choices: (value, label).
fn activity() -> [(&'static str, String); 3] {
    [
        ("", t!("sessions-filter-any")),
        ("true", t!("sessions-filter-active")),
        ("false", t!("sessions-filter-ended")),
    ]
}

/// The global list's filters: the admin API's parameters.
const FILTERS: [&str; 3] = ["filter[username]", "filter[active]", "filter[ip]"];

#[component]
fn AllSessions() -> impl IntoView {
    let query = use_query_map();
    let param = move |k: &'static str| move || query.read().get(k).unwrap_or_default();
    let revoke = ServerAction::<RevokeSession>::new();
    leave_when_logged_out(revoke);
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                present(&FILTERS, |k| q.get(k)),
                q.get("after"),
                q.get("before"),
                revoke.version().get(),
            )
        },
        |(filters, after, before, _)| {
            list_sessions(
                filter_map(filters.into_iter().map(|(k, v)| (k, Some(v)))),
                after,
                before,
            )
        },
    );
    // The filters of the current URL, for the paging links.
    let base = move || link_base("/sessions", &present(&FILTERS, |k| query.read().get(k)));
    let revoke_error = move || revoke.value().with(error_of).map(alert);
    view! {
        <div class="page-head">
            <h1>{t!("sessions-title")}</h1>
        </div>
        <Form method="GET" action="/sessions" attr:class="filters" attr:role="search" attr:aria-label=t!("sessions-filter-label")>
            <div class="field">
                <label for="filter-user">{t!("common-username")}</label>
                <input id="filter-user" type="search" name="filter[username]" autocomplete="off"
                    value=param("filter[username]") prop:value=param("filter[username]")/>
            </div>
            <div class="field">
                <label for="filter-active">{t!("sessions-col-state")}</label>
                <select id="filter-active" name="filter[active]" prop:value=param("filter[active]")>
                    {activity().into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || query.read().get("filter[active]").unwrap_or_default() == value>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-ip">{t!("sessions-ip-address")}</label>
                <input id="filter-ip" type="search" name="filter[ip]" autocomplete="off" inputmode="decimal"
                    value=param("filter[ip]") prop:value=param("filter[ip]")/>
            </div>
            <button type="submit" class="button">{t!("common-apply")}</button>
        </Form>
        {revoke_error}
        <Transition fallback=|| view! { <p class="loading">{t!("sessions-loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => {
                        let count = t!("sessions-count", count = page.count.unwrap_or(0));
                        let pager = pager(&base(), &page, newer_older());
                        view! {
                            <DataTable rows=page.items columns=session_columns(revoke, true)
                                caption=t!("sessions-caption") testid="sessions" row_testid="session-row"
                                key=session_key() summary=("sessions-count", count)
                                empty=t!("sessions-empty") pager/>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// "My sessions" on the account page: the caller's live sessions.
#[component]
pub fn MySessions() -> impl IntoView {
    let sign_out = ServerAction::<SignOutSession>::new();
    let sign_out_others = ServerAction::<SignOutOtherSessions>::new();
    leave_when_logged_out(sign_out);
    leave_when_logged_out(sign_out_others);
    let list = Resource::new(
        move || (sign_out.version().get(), sign_out_others.version().get()),
        |_| my_sessions(),
    );
    let error = move || {
        sign_out
            .value()
            .with(error_of)
            .or_else(|| sign_out_others.value().with(error_of))
            .map(alert)
    };
    let action = move |s: &Session| {
        (!s.current).then(|| {
            let explanation = t!("sessions-sign-out-explanation", device = describe(s));
            let id = s.id.clone();
            view! {
                <Confirmed summary=t!("sessions-sign-out-summary") explanation>
                    <ActionForm action=sign_out>
                        <input type="hidden" name="session_id" value=id/>
                        <button type="submit" class="button danger">{t!("sessions-sign-out")}</button>
                    </ActionForm>
                </Confirmed>
            }
        })
    };
    let columns = move || {
        let mut columns = device_columns(t!("sessions-col-signed-in")).to_vec();
        columns.push(Column::actions(action));
        columns
    };
    let current = |s: &Session| {
        if s.current {
            "current".into()
        } else {
            String::new()
        }
    };
    view! {
        <section class="card" aria-labelledby="my-sessions-heading">
            <h2 id="my-sessions-heading">{t!("sessions-mine")}</h2>
            <p class="muted">{t!("sessions-mine-lead")}</p>
            {error}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => {
                            let others = list.iter().filter(|s| !s.current).count();
                            view! {
                                <DataTable rows=list columns=columns() caption=t!("sessions-mine") testid="my-sessions"
                                    row_testid="my-session-row" row_class=Arc::new(current)
                                    key=Arc::new(|s: &Session| s.id.clone())/>
                                {(others > 0).then(|| view! {
                                    <div class="action-row">
                                        <Confirmed summary=t!("sessions-sign-out-others-summary")
                                            explanation=t!("sessions-sign-out-others-explanation", count = others)>
                                            <ActionForm action=sign_out_others>
                                                <button type="submit" class="button danger">{t!("sessions-sign-out-others")}</button>
                                            </ActionForm>
                                        </Confirmed>
                                    </div>
                                })}
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
