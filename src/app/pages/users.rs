use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::{Form, A},
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};

use super::bulk::{BulkBar, Selection};
use crate::api::users::list_users;
use crate::app::components::{AdminOnly, ErrorNotice, StatusBadge};
use crate::model::{Page, User, UserSort, UserSortKey};

/// The optional columns of the table (the username is always shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    DisplayName,
    Email,
    Status,
    Role,
    Created,
    LastSeen,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Self::DisplayName,
        Self::Email,
        Self::Status,
        Self::Role,
        Self::Created,
        Self::LastSeen,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::DisplayName => "display_name",
            Self::Email => "email",
            Self::Status => "status",
            Self::Role => "role",
            Self::Created => "created",
            Self::LastSeen => "last_seen",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::DisplayName => "Display name",
            Self::Email => "Email",
            Self::Status => "Status",
            Self::Role => "Role",
            Self::Created => "Created",
            Self::LastSeen => "Last seen",
        }
    }

    fn sort_key(self) -> Option<UserSortKey> {
        match self {
            Self::Created => Some(UserSortKey::CreatedAt),
            Self::LastSeen => Some(UserSortKey::LastSeenAt),
            _ => None,
        }
    }
}

/// Where the chosen columns are remembered between visits.
const COLUMNS_STORAGE_KEY: &str = "gatehouse.users.columns";

fn saved_columns() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(COLUMNS_STORAGE_KEY)
        .ok()
        .flatten()
}

fn save_columns(value: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(COLUMNS_STORAGE_KEY, value);
    }
}

/// The table's state, read from (and written to) the page URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableState {
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
    /// Members of this organisation (its id).
    org: Option<String>,
    /// Chosen columns (`col=email&col=status`); none chosen: all.
    cols: Vec<String>,
}

impl TableState {
    fn from_query(q: &leptos_router::params::ParamsMap) -> Self {
        Self {
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
            org: q.get("org"),
            cols: q.get_all("col").unwrap_or_default(),
        }
    }

    fn sort(&self) -> UserSort {
        self.sort
            .as_deref()
            .and_then(UserSort::parse)
            .unwrap_or_default()
    }

    pub fn shows(&self, column: Column) -> bool {
        self.cols.is_empty() || self.cols.iter().any(|c| c == column.key())
    }

    /// Filters, sort and columns as query pairs (no cursor).
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("status", &self.status),
            ("admin", &self.admin),
            ("dormant", &self.dormant),
            ("created_after", &self.created_after),
            ("created_before", &self.created_before),
            ("org", &self.org),
            ("sort", &self.sort),
            ("size", &self.size),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                pairs.push((k, v.to_owned()));
            }
        }
        pairs.extend(self.cols.iter().map(|c| ("col", c.clone())));
        pairs
    }

    fn href(pairs: &[(&str, String)]) -> String {
        let query: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
            .collect();
        if query.is_empty() {
            "/users".into()
        } else {
            format!("/users?{}", query.join("&"))
        }
    }

    /// The URL of this state with the cursor replaced.
    fn href_with_cursor(&self, key: &'static str, cursor: &str) -> String {
        let mut pairs = self.pairs();
        pairs.push((key, cursor.to_owned()));
        Self::href(&pairs)
    }

    /// The URL that sorts by `key` (reversing the order if already sorted by it).
    fn sort_href(&self, key: UserSortKey) -> String {
        let sort = self.sort().toggled(key);
        let next = Self {
            sort: (!sort.is_default()).then(|| sort.param()),
            ..self.clone()
        };
        Self::href(&next.pairs())
    }

    fn with_columns(&self, cols: Vec<String>) -> String {
        let next = Self {
            cols,
            after: None,
            before: None,
            ..self.clone()
        };
        Self::href(&next.pairs())
    }

    /// The admin API's export of exactly this filtered, sorted set.
    pub fn export_href(&self, format: &str) -> String {
        let mut query = vec![format!("format={format}")];
        for (param, value) in [
            ("filter[search]", &self.q),
            ("filter[status]", &self.status),
            ("filter[admin]", &self.admin),
            ("filter[inactive_days]", &self.dormant),
            ("filter[created_after]", &self.created_after),
            ("filter[created_before]", &self.created_before),
            ("filter[org]", &self.org),
            ("sort", &self.sort),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                query.push(format!("{param}={}", urlencoding::encode(v)));
            }
        }
        format!("/api/admin/v1/users/export?{}", query.join("&"))
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
    let state = Memo::new(move |_| TableState::from_query(&query.read()));
    let selection = Selection::new();
    let users = Resource::new(
        move || (state.get(), selection.version()),
        |(s, _)| {
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
                s.org,
            )
        },
    );
    // A new page or filter starts with nothing selected.
    Effect::new(move |_| {
        state.track();
        selection.clear();
    });
    // Columns chosen on an earlier visit come back whenever the URL names
    // none (first load, or a plain link to /users).
    let navigate = use_navigate();
    Effect::new(move |_| {
        let current = state.get();
        if !current.cols.is_empty() {
            return;
        }
        let Some(saved) = saved_columns() else { return };
        let cols: Vec<String> = saved
            .split(',')
            .filter(|c| Column::ALL.iter().any(|k| k.key() == *c))
            .map(str::to_owned)
            .collect();
        if !cols.is_empty() && cols.len() < Column::ALL.len() {
            navigate(
                &current.with_columns(cols),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let current =
        move |f: fn(&TableState) -> Option<String>| move || f(&state.get()).unwrap_or_default();

    view! {
        <div class="page-head">
            <h1>"Users"</h1>
            <div class="head-actions">
                <a class="button" href=move || state.get().export_href("csv") download
                    data-testid="export-csv">"Export CSV"</a>
                <A href="/users/import" attr:class="button">"Import"</A>
                <A href="/users/new" attr:class="button primary">"New user"</A>
            </div>
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
                <label for="filter-created-after">"Created on or after"</label>
                <input id="filter-created-after" type="date" name="created_after"
                    value=current(|s| s.created_after.clone()) prop:value=current(|s| s.created_after.clone())/>
            </div>
            <div class="field">
                <label for="filter-created-before">"Created before"</label>
                <input id="filter-created-before" type="date" name="created_before"
                    value=current(|s| s.created_before.clone()) prop:value=current(|s| s.created_before.clone())/>
            </div>
            <OrgFilter selected=Signal::derive(move || state.get().org.unwrap_or_default())/>
            <div class="field">
                <label for="filter-size">"Per page"</label>
                <select id="filter-size" name="size" prop:value=move || state.get().size.unwrap_or_else(|| "50".into())>
                    {PAGE_SIZES.into_iter().map(|value| view! {
                        <option value=value selected=move || state.get().size.as_deref().unwrap_or("50") == value>{value}</option>
                    }).collect_view()}
                </select>
            </div>
            <input type="hidden" name="sort" value=current(|s| s.sort.clone()) prop:value=current(|s| s.sort.clone())/>
            <ColumnChooser state/>
            <button type="submit" class="button">"Apply"</button>
        </Form>
        <BulkBar selection/>
        <Transition fallback=|| view! { <p class="loading">"Loading users…"</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(page) => view! { <UsersPageView page state=state.get_untracked() selection/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Which columns to show: part of the filter form (so it works without
/// JavaScript), applied and remembered at once with it.
#[component]
fn ColumnChooser(state: Memo<TableState>) -> impl IntoView {
    let navigate = use_navigate();
    let toggle = move |column: Column, on: bool| {
        let current = state.get_untracked();
        let cols: Vec<String> = Column::ALL
            .into_iter()
            .filter(|c| if *c == column { on } else { current.shows(*c) })
            .map(|c| c.key().to_owned())
            .collect();
        save_columns(&cols.join(","));
        // All columns is the default: say so with no `col` at all.
        let cols = if cols.len() == Column::ALL.len() {
            Vec::new()
        } else {
            cols
        };
        navigate(&current.with_columns(cols), Default::default());
    };
    view! {
        <details class="columns">
            <summary class="button subtle">"Columns"</summary>
            <fieldset>
                <legend>"Show columns"</legend>
                {Column::ALL.into_iter().map(|column| {
                    let toggle = toggle.clone();
                    let id = format!("col-{}", column.key());
                    view! {
                        <div class="field check">
                            <input type="checkbox" id=id.clone() name="col" value=column.key()
                                checked=move || state.get().shows(column)
                                prop:checked=move || state.get().shows(column)
                                on:change=move |ev| toggle(column, event_target_checked(&ev))/>
                            <label for=id>{column.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

/// A header that sorts by its column when clicked (again: the other way).
fn sort_header(state: &TableState, label: &'static str, key: UserSortKey) -> AnyView {
    let sort = state.sort();
    let active = sort.key == key;
    let aria = active.then_some(if sort.descending {
        "descending"
    } else {
        "ascending"
    });
    let arrow = match (active, sort.descending) {
        (false, _) => "↕",
        (true, false) => "▲",
        (true, true) => "▼",
    };
    view! {
        <th scope="col" aria-sort=aria class="sortable">
            <a href=state.sort_href(key) data-sort=key_name(key)>
                {label}<span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </a>
        </th>
    }
    .into_any()
}

fn key_name(key: UserSortKey) -> &'static str {
    UserSort {
        key,
        descending: false,
    }
    .column()
}

#[component]
fn UsersPageView(page: Page<User>, state: TableState, selection: Selection) -> impl IntoView {
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
    let on_page: Vec<(String, String)> = page
        .items
        .iter()
        .map(|u| (u.id.clone(), u.username.clone()))
        .collect();
    let headers = Column::ALL
        .into_iter()
        .filter(|c| state.shows(*c))
        .map(|c| match c.sort_key() {
            Some(key) => sort_header(&state, c.label(), key),
            None => view! { <th scope="col">{c.label()}</th> }.into_any(),
        })
        .collect_view();
    let all_on_page = {
        let on_page = on_page.clone();
        move || !on_page.is_empty() && on_page.iter().all(|(id, _)| selection.contains(id))
    };
    let rows = page
        .items
        .into_iter()
        .map(|u| view! { <UserRow user=u state=state.clone() selection/> })
        .collect_view();
    view! {
        <p class="summary" aria-live="polite" data-testid="users-count">
            {format!("{count} {}", if count == 1 { "user" } else { "users" })}
        </p>
        <div class="table-wrap">
            <table class="data">
                <caption class="sr-only">"Users"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="select">
                            <input type="checkbox" aria-label="Select all users on this page"
                                prop:checked=all_on_page
                                on:change=move |ev| {
                                    if event_target_checked(&ev) {
                                        selection.add_all(on_page.clone());
                                    } else {
                                        selection.remove_all(&on_page);
                                    }
                                }/>
                        </th>
                        {sort_header(&state, "Username", UserSortKey::Username)}
                        {headers}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
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

#[component]
fn UserRow(user: User, state: TableState, selection: Selection) -> impl IntoView {
    let (id, name) = (user.id.clone(), user.username.clone());
    let checked = {
        let id = id.clone();
        move || selection.contains(&id)
    };
    let row_selected = checked.clone();
    let cells = Column::ALL
        .into_iter()
        .filter(|c| state.shows(*c))
        .map(|c| {
            let content = match c {
                Column::DisplayName => user.display_name.clone().unwrap_or_default().into_any(),
                Column::Email => user.email.clone().unwrap_or_default().into_any(),
                Column::Status => view! { <StatusBadge status=user.status/> }.into_any(),
                Column::Role => user
                    .admin
                    .then(|| view! { <span class="badge admin">"admin"</span> })
                    .into_any(),
                Column::Created => {
                    let t = user.created_at.clone();
                    view! { <time datetime=t.clone()>{short_time(&t)}</time> }.into_any()
                }
                Column::LastSeen => match user.last_seen_at.clone() {
                    Some(t) => {
                        view! { <time datetime=t.clone()>{short_time(&t)}</time> }.into_any()
                    }
                    None => view! { <span class="muted">"never"</span> }.into_any(),
                },
            };
            view! { <td data-label=c.label() data-col=c.key()>{content}</td> }
        })
        .collect_view();
    view! {
        <tr class:selected=row_selected>
            <td class="select">
                <input type="checkbox" aria-label=format!("Select {name}")
                    prop:checked=checked
                    on:change=move |ev| selection.set(&id, &name, event_target_checked(&ev))/>
            </td>
            <td data-label="Username"><a href=format!("/users/{}", user.id)>{user.username.clone()}</a></td>
            {cells}
        </tr>
    }
}

/// `2026-11-22T15:04:05Z` → `2026-11-22 15:04` (UTC, stated in the attribute).
pub fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_else(|| rfc3339.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(pairs: &[(&str, &str)]) -> TableState {
        let mut map = leptos_router::params::ParamsMap::new();
        for (k, v) in pairs {
            map.insert(k.to_string(), v.to_string());
        }
        TableState::from_query(&map)
    }

    #[test]
    fn sorting_keeps_filters_and_drops_the_cursor() {
        let s = state(&[("q", "ali"), ("after", "X"), ("sort", "username")]);
        assert_eq!(
            s.sort_href(UserSortKey::Username),
            "/users?q=ali&sort=-username"
        );
        assert_eq!(
            s.sort_href(UserSortKey::LastSeenAt),
            "/users?q=ali&sort=-last_seen_at"
        );
    }

    #[test]
    fn export_uses_the_api_filters() {
        let s = state(&[
            ("status", "locked"),
            ("dormant", "90"),
            ("sort", "-created_at"),
        ]);
        assert_eq!(
            s.export_href("csv"),
            "/api/admin/v1/users/export?format=csv&filter[status]=locked&filter[inactive_days]=90&sort=-created_at"
        );
    }

    #[test]
    fn no_chosen_columns_means_all() {
        assert!(state(&[]).shows(Column::Email));
        let s = state(&[("col", "email")]);
        assert!(s.shows(Column::Email));
        assert!(!s.shows(Column::Status));
    }
}

/// The "Organisation" filter, shown once any organisation exists.
#[component]
fn OrgFilter(selected: Signal<String>) -> impl IntoView {
    let orgs = Resource::new(|| (), |_| crate::api::orgs::org_names());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let list = orgs.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="filter-org">"Organisation"</label>
                        <select id="filter-org" name="org" prop:value=selected>
                            <option value="" selected=move || selected.get().is_empty()>"Any organisation"</option>
                            {list.into_iter().map(|(id, name)| {
                                let value = id.clone();
                                view! { <option value=id selected=move || selected.get() == value>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })
            })}
        </Transition>
    }
}
