use leptos::prelude::*;

use crate::t;
use leptos_meta::Title;
use leptos_router::{
    components::{Form, A},
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};

use super::bulk::{BulkBar, Selection};
use crate::server_fns::users::list_users;
use std::sync::Arc;

use crate::app::{
    components::{pager_links, previous_next, AdminOnly, ErrorNotice, StatusBadge},
    format::time_or,
    table::{Column, DataTable, RowSelection, SortDir, SortLink},
};
use crate::model::filters::{encode_query, filter_map};
use crate::model::{Page, User, UserSort, UserSortKey};

/// The optional columns of the table (the username is always shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserColumn {
    DisplayName,
    Email,
    Status,
    Role,
    Created,
    LastSeen,
}

impl UserColumn {
    pub const ALL: [UserColumn; 6] = [
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

    pub fn label(self) -> String {
        match self {
            Self::DisplayName => t!("common-display-name"),
            Self::Email => t!("common-email"),
            Self::Status => t!("common-status"),
            Self::Role => t!("common-role"),
            Self::Created => t!("common-created"),
            Self::LastSeen => t!("users-last-seen"),
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

/// The table's state, read from (and written to) the page URL, under the
/// admin API's names (`filter[search]`, `filter[inactive_days]`, `sort`, …).
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
    /// `true`: with a second factor; `false`: without.
    second_factor: Option<String>,
    /// `true`: verified address; `false`: none, or not verified.
    email_verified: Option<String>,
    /// Chosen columns (`col=email&col=status`); none chosen: all.
    cols: Vec<String>,
}

impl TableState {
    fn from_query(q: &leptos_router::params::ParamsMap) -> Self {
        Self {
            q: q.get("filter[search]"),
            status: q.get("filter[status]"),
            admin: q.get("filter[admin]"),
            size: q.get("size"),
            after: q.get("after"),
            before: q.get("before"),
            dormant: q.get("filter[inactive_days]"),
            sort: q.get("sort"),
            created_after: q.get("filter[created_after]"),
            created_before: q.get("filter[created_before]"),
            org: q.get("filter[org]"),
            second_factor: q.get("filter[has_second_factor]"),
            email_verified: q.get("filter[email_verified]"),
            cols: q.get_all("col").unwrap_or_default(),
        }
    }

    fn sort(&self) -> UserSort {
        self.sort
            .as_deref()
            .and_then(UserSort::parse)
            .unwrap_or_default()
    }

    pub fn shows(&self, column: UserColumn) -> bool {
        self.cols.is_empty() || self.cols.iter().any(|c| c == column.key())
    }

    /// Filters, sort and columns as query pairs (no cursor).
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        for (k, v) in [
            ("filter[search]", &self.q),
            ("filter[status]", &self.status),
            ("filter[admin]", &self.admin),
            ("filter[inactive_days]", &self.dormant),
            ("filter[created_after]", &self.created_after),
            ("filter[created_before]", &self.created_before),
            ("filter[org]", &self.org),
            ("filter[has_second_factor]", &self.second_factor),
            ("filter[email_verified]", &self.email_verified),
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
        if pairs.is_empty() {
            "/users".into()
        } else {
            format!("/users?{}", encode_query(pairs))
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
        // The page's names are the API's; paging and columns do not apply.
        let mut query = vec![("format", format.to_owned())];
        query.extend(
            self.pairs()
                .into_iter()
                .filter(|(k, _)| k.starts_with("filter[") || *k == "sort"),
        );
        format!("/api/admin/v1/users/export?{}", encode_query(&query))
    }
}

const PAGE_SIZES: [&str; 4] = ["10", "25", "50", "100"];
/// The options of the filters' selects: (value, label).
fn activities() -> [(&'static str, String); 4] {
    [
        ("", t!("users-activity-any")),
        ("30", t!("users-activity-30")),
        ("90", t!("users-activity-90")),
        ("365", t!("users-activity-365")),
    ]
}

fn statuses() -> [(&'static str, String); 4] {
    [
        ("", t!("users-status-any")),
        ("active", t!("users-status-active")),
        ("locked", t!("users-status-locked")),
        ("deactivated", t!("users-status-deactivated")),
    ]
}

fn second_factors() -> [(&'static str, String); 3] {
    [
        ("", t!("users-second-factor-any")),
        ("true", t!("users-second-factor-with")),
        ("false", t!("users-second-factor-without")),
    ]
}

fn email_states() -> [(&'static str, String); 3] {
    [
        ("", t!("users-second-factor-any")),
        ("true", t!("users-email-verified")),
        ("false", t!("users-email-unverified")),
    ]
}

/// One select of the filter form: its options, the current value from the
/// URL's state, submitted under the API's parameter name.
#[component]
fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: String,
    options: Vec<(&'static str, String)>,
    current: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name prop:value=move || current.get()>
                {options.into_iter().map(|(value, label)| view! {
                    <option value=value selected=move || current.get() == value>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

fn roles() -> [(&'static str, String); 3] {
    [
        ("", t!("users-role-anyone")),
        ("true", t!("users-role-admins")),
        ("false", t!("users-role-non-admins")),
    ]
}

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <Title text=t!("users-title")/>
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
            let filter = filter_map(s.pairs().into_iter().map(|(k, v)| (k, Some(v))));
            list_users(filter, s.sort, s.size, s.after, s.before)
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
            .filter(|c| UserColumn::ALL.iter().any(|k| k.key() == *c))
            .map(str::to_owned)
            .collect();
        if !cols.is_empty() && cols.len() < UserColumn::ALL.len() {
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
            <h1>{t!("users-title")}</h1>
            <div class="head-actions">
                <a class="button" href=move || state.get().export_href("csv") download
                    data-testid="export-csv">{t!("users-export-csv")}</a>
                <A href="/users/import" attr:class="button">{t!("users-import")}</A>
                <A href="/users/new" attr:class="button primary">{t!("users-new")}</A>
            </div>
        </div>
        <Form method="GET" action="/users" attr:class="filters" attr:role="search" attr:aria-label=t!("users-filter-label")>
            <div class="field">
                <label for="filter-q">{t!("common-search")}</label>
                <input id="filter-q" type="search" name="filter[search]" placeholder=t!("users-search-placeholder")
                    value=current(|s| s.q.clone()) prop:value=current(|s| s.q.clone())/>
            </div>
            <FilterSelect id="filter-status" name="filter[status]" label=t!("common-status")
                options=statuses().to_vec() current=Signal::derive(current(|s| s.status.clone()))/>
            <FilterSelect id="filter-admin" name="filter[admin]" label=t!("common-role")
                options=roles().to_vec() current=Signal::derive(current(|s| s.admin.clone()))/>
            <FilterSelect id="filter-second-factor" name="filter[has_second_factor]" label=t!("users-second-factor")
                options=second_factors().to_vec() current=Signal::derive(current(|s| s.second_factor.clone()))/>
            <FilterSelect id="filter-email-verified" name="filter[email_verified]" label=t!("users-email-filter")
                options=email_states().to_vec() current=Signal::derive(current(|s| s.email_verified.clone()))/>
            <FilterSelect id="filter-dormant" name="filter[inactive_days]" label=t!("users-activity")
                options=activities().to_vec() current=Signal::derive(current(|s| s.dormant.clone()))/>
            <div class="field">
                <label for="filter-created-after">{t!("users-created-after")}</label>
                <input id="filter-created-after" type="date" name="filter[created_after]"
                    value=current(|s| s.created_after.clone()) prop:value=current(|s| s.created_after.clone())/>
            </div>
            <div class="field">
                <label for="filter-created-before">{t!("users-created-before")}</label>
                <input id="filter-created-before" type="date" name="filter[created_before]"
                    value=current(|s| s.created_before.clone()) prop:value=current(|s| s.created_before.clone())/>
            </div>
            <OrgFilter selected=Signal::derive(move || state.get().org.unwrap_or_default())/>
            <div class="field">
                <label for="filter-size">{t!("users-per-page")}</label>
                <select id="filter-size" name="size" prop:value=move || state.get().size.unwrap_or_else(|| "50".into())>
                    {PAGE_SIZES.into_iter().map(|value| view! {
                        <option value=value selected=move || state.get().size.as_deref().unwrap_or("50") == value>{value}</option>
                    }).collect_view()}
                </select>
            </div>
            <input type="hidden" name="sort" value=current(|s| s.sort.clone()) prop:value=current(|s| s.sort.clone())/>
            <ColumnChooser state/>
            <button type="submit" class="button">{t!("common-apply")}</button>
        </Form>
        <BulkBar selection/>
        <Transition fallback=|| view! { <p class="loading">{t!("users-loading")}</p> }>
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
    let toggle = move |column: UserColumn, on: bool| {
        let current = state.get_untracked();
        let cols: Vec<String> = UserColumn::ALL
            .into_iter()
            .filter(|c| if *c == column { on } else { current.shows(*c) })
            .map(|c| c.key().to_owned())
            .collect();
        save_columns(&cols.join(","));
        // All columns is the default: say so with no `col` at all.
        let cols = if cols.len() == UserColumn::ALL.len() {
            Vec::new()
        } else {
            cols
        };
        navigate(&current.with_columns(cols), Default::default());
    };
    view! {
        <details class="columns">
            <summary class="button subtle">{t!("users-columns")}</summary>
            <fieldset>
                <legend>{t!("users-show-columns")}</legend>
                {UserColumn::ALL.into_iter().map(|column| {
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

/// The header link that sorts by `key` (again: the other way).
fn sort_link(state: &TableState, key: UserSortKey) -> SortLink {
    let sort = state.sort();
    SortLink {
        href: state.sort_href(key),
        key: key_name(key),
        active: (sort.key == key).then_some(if sort.descending {
            SortDir::Descending
        } else {
            SortDir::Ascending
        }),
    }
}

fn key_name(key: UserSortKey) -> &'static str {
    UserSort {
        key,
        descending: false,
    }
    .column()
}

/// The cell of an optional column.
fn user_cell(column: UserColumn, user: &User) -> AnyView {
    match column {
        UserColumn::DisplayName => user.display_name.clone().unwrap_or_default().into_any(),
        UserColumn::Email => user.email.clone().unwrap_or_default().into_any(),
        UserColumn::Status => view! { <StatusBadge status=user.status/> }.into_any(),
        UserColumn::Role => user
            .admin
            .then(|| view! { <span class="badge admin">{t!("layout-admin-badge")}</span> })
            .into_any(),
        UserColumn::Created => time_or(Some(user.created_at.clone()), t!("common-never")),
        UserColumn::LastSeen => time_or(user.last_seen_at.clone(), t!("common-never")),
    }
}

#[component]
fn UsersPageView(page: Page<User>, state: TableState, selection: Selection) -> impl IntoView {
    let count = page.count.unwrap_or(0);
    let link = |key: &'static str, cursor: &Option<String>| {
        cursor.as_deref().map(|c| state.href_with_cursor(key, c))
    };
    let pager = pager_links(
        link("before", &page.prev_cursor),
        link("after", &page.next_cursor),
        previous_next(),
    );
    let mut columns = vec![Column::new(t!("common-username"), |u: &User| {
        view! { <a href=format!("/users/{}", u.id)>{u.username.clone()}</a> }
    })
    .sort(sort_link(&state, UserSortKey::Username))];
    for c in UserColumn::ALL.into_iter().filter(|c| state.shows(*c)) {
        let mut column = Column::new(c.label(), move |u: &User| user_cell(c, u)).key(c.key());
        if let Some(key) = c.sort_key() {
            column = column.sort(sort_link(&state, key));
        }
        columns.push(column);
    }
    let select = RowSelection {
        all_label: t!("users-select-all"),
        label: Arc::new(|u: &User| t!("users-select", username = u.username.clone())),
        is_selected: Arc::new(move |u: &User| selection.contains(&u.id)),
        set: Arc::new(move |users: &[User], on| {
            let pairs: Vec<(String, String)> = users
                .iter()
                .map(|u| (u.id.clone(), u.username.clone()))
                .collect();
            if on {
                selection.add_all(pairs);
            } else {
                selection.remove_all(&pairs);
            }
        }),
    };
    view! {
        <DataTable rows=page.items columns caption=t!("users-title") selection=select
            summary=("users-count", t!("users-count", count = count))
            empty=t!("users-empty") pager=Some(pager)/>
    }
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
        let s = state(&[
            ("filter[search]", "ali"),
            ("after", "X"),
            ("sort", "username"),
        ]);
        assert_eq!(
            s.sort_href(UserSortKey::Username),
            "/users?filter%5Bsearch%5D=ali&sort=-username"
        );
        assert_eq!(
            s.sort_href(UserSortKey::LastSeenAt),
            "/users?filter%5Bsearch%5D=ali&sort=-last_seen_at"
        );
    }

    #[test]
    fn export_uses_the_api_filters() {
        let s = state(&[
            ("filter[status]", "locked"),
            ("filter[inactive_days]", "90"),
            ("sort", "-created_at"),
            ("size", "10"),
        ]);
        assert_eq!(
            s.export_href("csv"),
            "/api/admin/v1/users/export?format=csv&filter%5Bstatus%5D=locked&filter%5Binactive_days%5D=90&sort=-created_at"
        );
    }

    #[test]
    fn no_chosen_columns_means_all() {
        assert!(state(&[]).shows(UserColumn::Email));
        let s = state(&[("col", "email")]);
        assert!(s.shows(UserColumn::Email));
        assert!(!s.shows(UserColumn::Status));
    }
}

/// The "Organisation" filter, shown once any organisation exists.
#[component]
fn OrgFilter(selected: Signal<String>) -> impl IntoView {
    let orgs = Resource::new(|| (), |_| crate::server_fns::orgs::org_names());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let list = orgs.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="filter-org">{t!("users-org")}</label>
                        <select id="filter-org" name="filter[org]" prop:value=selected>
                            <option value="" selected=move || selected.get().is_empty()>{t!("users-org-any")}</option>
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
