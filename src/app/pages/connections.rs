//! Who is connected right now (Prosody's "connected users"), on every
//! instance, paged by `?after=` so a page can be linked and reloaded.

use leptos::prelude::*;

use crate::t;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::live::LiveState;
use crate::app::{
    components::{pager, previous_next, time_or, AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::{Connection, Page};
use crate::server_fns::live::list_connections;

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    view! {
        <Title text=t!("connections-title")/>
        <AdminOnly>
            <ConnectionsView/>
        </AdminOnly>
    }
}

#[component]
fn ConnectionsView() -> impl IntoView {
    let query = use_query_map();
    let after = Memo::new(move |_| query.read().get("after"));
    let refresh = RwSignal::new(0u32);
    let online = use_context::<LiveState>().map(|l| l.online);
    let page = Resource::new(
        move || (after.get(), refresh.get()),
        |(after, _)| list_connections(None, after),
    );
    view! {
        <div class="page-head">
            <h1>{t!("connections-title")}</h1>
            <button type="button" class="button" on:click=move |_| refresh.update(|n| *n += 1)>{t!("connections-refresh")}</button>
        </div>
        <p class="muted">
            {t!("connections-lead")}
            {move || online.and_then(|o| o.get()).map(|n| format!(" {}", t!("connections-online", count = n)))}
        </p>
        <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <ConnectionTable page/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ConnectionTable(page: Page<Connection>) -> impl IntoView {
    let count = page.count.unwrap_or(page.items.len() as u64);
    let pager = pager("/connections?", &page, previous_next());
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let columns = vec![
        Column::new(t!("connections-col-user"), |c: &Connection| {
            view! { <a href=format!("/users/{}", c.user_id)>{c.username.clone()}</a> }
        })
        .row_header(),
        Column::new(t!("connections-col-address"), move |c: &Connection| {
            or_dash(&c.client_ip)
        }),
        Column::new(t!("connections-col-browser"), move |c: &Connection| {
            or_dash(&c.user_agent)
        })
        .class("user-agent"),
        Column::new(t!("connections-col-since"), |c: &Connection| {
            time_or(Some(c.since.clone()), "")
        }),
        Column::new(t!("connections-col-connection"), |c: &Connection| {
            view! { <code class="muted">{c.id.clone()}</code> }
        }),
    ];
    view! {
        <DataTable rows=page.items columns caption=t!("connections-caption") testid="connections"
            summary=("connection-count", t!("connections-count", count = count))
            empty=t!("connections-empty") empty_testid="no-connections" pager/>
    }
}
