use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::{Form, A},
    hooks::use_query_map,
};

use crate::api::users::list_users;
use crate::app::components::{AdminOnly, ErrorNotice, StatusBadge};
use crate::model::{Page, User};

/// The table's state, read from (and written to) the page URL.
#[derive(Clone, Debug, Default, PartialEq)]
struct TableState {
    q: Option<String>,
    status: Option<String>,
    admin: Option<String>,
    size: Option<String>,
    after: Option<String>,
    before: Option<String>,
    dormant: Option<String>,
    sort: Option<String>,
    created_after: Option<String>,
    created_before: Option<String>,
}

impl TableState {
    /// The URL of this state with the cursor replaced.
    fn href_with_cursor(&self, key: &str, cursor: &str) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("status", &self.status),
            ("admin", &self.admin),
            ("dormant", &self.dormant),
            ("size", &self.size),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={}", urlencoding::encode(v)));
            }
        }
        parts.push(format!("{key}={}", urlencoding::encode(cursor)));
        format!("/users?{}", parts.join("&"))
    }
}

const PAGE_SIZES: [&str; 4] = ["10", "25", "50", "100"];
const ACTIVITY: [(&str, &str); 4] = [
    ("", "Any activity"),
    ("30", "Not seen for 30 days"),
    ("90", "Not seen for 90 days"),
    ("365", "Not seen for a year"),
];
const STATUSES: [(&str, &str); 4] = [
    ("", "Any status"),
    ("active", "Active"),
    ("locked", "Locked"),
    ("deactivated", "Deactivated"),
];
const ROLES: [(&str, &str); 3] = [
    ("", "Anyone"),
    ("true", "Administrators"),
    ("false", "Non-administrators"),
];

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <Title text="Users"/>
        <AdminOnly>
            <UsersTable/>
        </AdminOnly>
    }
}

#[component]
fn UsersTable() -> impl IntoView {
    let query = use_query_map();
    let state = Memo::new(move |_| {
        let q = query.read();
        TableState {
            q: q.get("q"),
            status: q.get("status"),
            admin: q.get("admin"),
            size: q.get("size"),
            after: q.get("after"),
            before: q.get("before"),
            dormant: q.get("dormant"),
            sort: q.get("sort"),
            created_after: q.get("created_after"),
            created_before: q.get("created_before"),
        }
    });
    let users = Resource::new(
        move || state.get(),
        |s| {
            list_users(
                s.q,
                s.status,
                s.admin,
                s.size,
                s.after,
                s.before,
                s.dormant,
                s.sort,
                s.created_after,
                s.created_before,
            )
        },
    );
    let current =
        move |f: fn(&TableState) -> Option<String>| move || f(&state.get()).unwrap_or_default();

    view! {
        <div class="page-head">
            <h1>"Users"</h1>
            <A href="/users/new" attr:class="button primary">"New user"</A>
        </div>
        <Form method="GET" action="/users" attr:class="filters" attr:role="search" attr:aria-label="Filter users">
            <div class="field">
                <label for="filter-q">"Search"</label>
                <input id="filter-q" type="search" name="q" placeholder="Username, name or email"
                    value=current(|s| s.q.clone()) prop:value=current(|s| s.q.clone())/>
            </div>
            <div class="field">
                <label for="filter-status">"Status"</label>
                <select id="filter-status" name="status" prop:value=current(|s| s.status.clone())>
                    {STATUSES.into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || state.get().status.as_deref().unwrap_or("") == value>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-admin">"Role"</label>
                <select id="filter-admin" name="admin" prop:value=current(|s| s.admin.clone())>
                    {ROLES.into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || state.get().admin.as_deref().unwrap_or("") == value>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-dormant">"Activity"</label>
                <select id="filter-dormant" name="dormant" prop:value=current(|s| s.dormant.clone())>
                    {ACTIVITY.into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || state.get().dormant.as_deref().unwrap_or("") == value>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-size">"Per page"</label>
                <select id="filter-size" name="size" prop:value=move || state.get().size.unwrap_or_else(|| "50".into())>
                    {PAGE_SIZES.into_iter().map(|value| view! {
                        <option value=value selected=move || state.get().size.as_deref().unwrap_or("50") == value>{value}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">"Apply"</button>
        </Form>
        <Transition fallback=|| view! { <p class="loading">"Loading users…"</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(page) => view! { <UsersPageView page state=state.get_untracked()/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UsersPageView(page: Page<User>, state: TableState) -> impl IntoView {
    let count = page.count.unwrap_or(0);
    let prev = page
        .prev_cursor
        .as_deref()
        .map(|c| state.href_with_cursor("before", c));
    let next = page
        .next_cursor
        .as_deref()
        .map(|c| state.href_with_cursor("after", c));
    let empty = page.items.is_empty();
    view! {
        <p class="summary" aria-live="polite" data-testid="users-count">
            {format!("{count} {}", if count == 1 { "user" } else { "users" })}
        </p>
        <div class="table-wrap">
            <table class="data">
                <caption class="sr-only">"Users"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Username"</th>
                        <th scope="col">"Display name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col">"Last seen"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.items.into_iter().map(|u| view! {
                        <tr>
                            <td data-label="Username"><a href=format!("/users/{}", u.id)>{u.username}</a></td>
                            <td data-label="Display name">{u.display_name.unwrap_or_default()}</td>
                            <td data-label="Email">{u.email.unwrap_or_default()}</td>
                            <td data-label="Status"><StatusBadge status=u.status/></td>
                            <td data-label="Role">{u.admin.then(|| view! { <span class="badge admin">"admin"</span> })}</td>
                            <td data-label="Created"><time datetime=u.created_at.clone()>{short_time(&u.created_at)}</time></td>
                            <td data-label="Last seen">{match u.last_seen_at {
                                Some(t) => view! { <time datetime=t.clone()>{short_time(&t)}</time> }.into_any(),
                                None => view! { <span class="muted">"never"</span> }.into_any(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {empty.then(|| view! { <p class="empty">"No users match these filters."</p> })}
        <nav class="pager" aria-label="Pages">
            {match prev {
                Some(href) => view! { <a class="button" rel="prev" href=href>"← Previous"</a> }.into_any(),
                None => view! { <span class="button disabled" aria-disabled="true">"← Previous"</span> }.into_any(),
            }}
            {match next {
                Some(href) => view! { <a class="button" rel="next" href=href>"Next →"</a> }.into_any(),
                None => view! { <span class="button disabled" aria-disabled="true">"Next →"</span> }.into_any(),
            }}
        </nav>
    }
}

/// `2026-11-22T15:04:05Z` → `2026-11-22 15:04` (UTC, stated in the attribute).
pub fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_else(|| rfc3339.to_owned())
}
