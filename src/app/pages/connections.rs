//! Who is connected right now (Prosody's "connected users"), on every
//! instance, paged by `?after=` so a page can be linked and reloaded.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::live::list_connections;
use crate::app::components::{time_or, AdminOnly, ErrorNotice};
use crate::app::live::LiveState;
use crate::model::{Connection, Page};

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    view! {
        <Title text="Connected"/>
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
            <h1>"Connected"</h1>
            <button type="button" class="button" on:click=move |_| refresh.update(|n| *n += 1)>"Refresh"</button>
        </div>
        <p class="muted">
            "Everyone with a Gatehouse page open right now, on every server instance. One row per open page."
            {move || online.and_then(|o| o.get()).map(|n| format!(" Users online: {n}."))}
        </p>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
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
    if page.items.is_empty() {
        return view! { <p class="empty" data-testid="no-connections">"Nobody is connected."</p> }
            .into_any();
    }
    let rows = page
        .items
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row"><a href=format!("/users/{}", c.user_id)>{c.username}</a></th>
                    <td>{c.client_ip.unwrap_or_else(|| "—".into())}</td>
                    <td class="user-agent">{c.user_agent.unwrap_or_else(|| "—".into())}</td>
                    <td>{time_or(Some(c.since), "")}</td>
                    <td><code class="muted">{c.id}</code></td>
                </tr>
            }
        })
        .collect_view();
    let next = page.next_cursor.map(|after| {
        view! { <a class="button" href=format!("/connections?after={after}")>"Next page"</a> }
    });
    view! {
        <p data-testid="connection-count">{format!("{count} open connection{}", if count == 1 { "" } else { "s" })}</p>
        <div class="table-wrap">
            <table class="data">
                <caption class="sr-only">"Open connections"</caption>
                <thead>
                    <tr>
                        <th scope="col">"User"</th>
                        <th scope="col">"Address"</th>
                        <th scope="col">"Browser"</th>
                        <th scope="col">"Since"</th>
                        <th scope="col">"Connection"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label="Pages">{next}</nav>
    }
    .into_any()
}
