//! Organisations: the list (`/orgs`), one organisation with its members
//! (`/orgs/:id`), a user's Organisations tab and "My organisations" on the
//! account page. Every form is a plain form post first.

use std::sync::Arc;

use leptos::prelude::*;

use crate::t;
use leptos_meta::Title;
use leptos_router::{
    components::{Form, A},
    hooks::{use_params_map, use_query_map},
};

use super::audit::{history_resource, HistoryList, HistoryPanel};
use crate::app::components::{
    error_banner, pager, previous_next, time_or, AdminOnly, Confirmed, ErrorNotice, Field,
    FormErrors, UsernameInput,
};
use crate::app::table::{Column, DataTable};
use crate::model::{AppError, Membership, Org, OrgMember, OrgRole};
use crate::server_fns::orgs::{
    get_org, list_orgs, my_orgs, org_members, org_names, CreateOrg, DeleteOrg, PutOrgMember,
    RemoveOrgMember, RenameOrg,
};
use crate::server_fns::users::get_user;

fn role_options(selected: OrgRole) -> impl IntoView {
    OrgRole::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str() selected=r == selected>{r.label()}</option> })
        .collect_view()
}

fn role_badge(role: OrgRole) -> impl IntoView {
    view! { <span class=format!("badge role-{}", role.as_str())>{role.label()}</span> }
}

#[component]
pub fn OrgsPage() -> impl IntoView {
    view! {
        <Title text="Organisations"/>
        <AdminOnly>
            <OrgList/>
        </AdminOnly>
    }
}

#[component]
fn OrgList() -> impl IntoView {
    let query = use_query_map();
    let create = ServerAction::<CreateOrg>::new();
    let errors = FormErrors::of(create);
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                q.get("search"),
                q.get("after"),
                q.get("before"),
                create.version().get(),
            )
        },
        |(search, after, before, _)| list_orgs(search, after, before),
    );
    let search = move || query.read().get("search").unwrap_or_default();
    let base = move || match query.read().get("search").filter(|s| !s.is_empty()) {
        Some(s) => format!("/orgs?search={}&", urlencoding::encode(&s)),
        None => "/orgs?".to_owned(),
    };
    let columns = || {
        vec![
            Column::new("Name", |org: &Org| {
                view! { <a href=format!("/orgs/{}", org.id)>{org.name.clone()}</a> }
            }),
            Column::new("Members", |org: &Org| org.member_count).class("num"),
            Column::new("Created", |org: &Org| {
                time_or(Some(org.created_at.clone()), "")
            }),
        ]
    };
    view! {
        <div class="page-head">
            <h1>"Organisations"</h1>
        </div>
        <Form method="GET" action="/orgs" attr:class="filters" attr:role="search" attr:aria-label="Search organisations">
            <div class="field">
                <label for="filter-search">"Name contains"</label>
                <input id="filter-search" type="search" name="search" autocomplete="off"
                    value=search prop:value=search/>
            </div>
            <button type="submit" class="button">"Search"</button>
        </Form>
        <Transition fallback=|| view! { <p class="loading">"Loading organisations…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => {
                        let count = t!("orgs-count", count = page.count.unwrap_or(0));
                        let pager = pager(&base(), &page, previous_next());
                        let key = |o: &Org| format!("{}\n{}\n{}", o.id, o.name, o.member_count);
                        view! {
                            <DataTable rows=page.items columns=columns() caption="Organisations" testid="orgs"
                                row_testid="org-row" key=Arc::new(key) summary=("orgs-count", count)
                                empty="No organisations match." pager/>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
        <section class="card" aria-labelledby="new-org-heading">
            <h2 id="new-org-heading">"New organisation"</h2>
            {move || error_banner(errors.general())}
            <ActionForm action=create attr:class="stack">
                <Field label="Name" name="name" required=true autocomplete="off"
                    hint="Unique, whatever the case; up to 100 characters." error=errors.field("name")/>
                <button type="submit" class="button primary">"Create organisation"</button>
            </ActionForm>
        </section>
    }
}

/// What changes an organisation page, owned by the page so a redraw keeps
/// the results.
#[derive(Clone, Copy)]
struct OrgActions {
    rename: ServerAction<RenameOrg>,
    put: ServerAction<PutOrgMember>,
    remove: ServerAction<RemoveOrgMember>,
    delete: ServerAction<DeleteOrg>,
}

#[component]
pub fn OrgPage() -> impl IntoView {
    view! {
        <AdminOnly>
            <OrgDetail/>
        </AdminOnly>
    }
}

#[component]
fn OrgDetail() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let actions = OrgActions {
        rename: ServerAction::new(),
        put: ServerAction::new(),
        remove: ServerAction::new(),
        delete: ServerAction::new(),
    };
    let version = move || {
        (
            actions.rename.version().get(),
            actions.put.version().get(),
            actions.remove.version().get(),
        )
    };
    // The organisation and its page of members in one fetch: after a change
    // the member count, the delete form and the table are replaced together,
    // never one before the other.
    let detail = Resource::new(
        move || {
            let q = query.read();
            (
                id(),
                q.get("role"),
                q.get("search"),
                q.get("after"),
                q.get("before"),
                version(),
            )
        },
        |(id, role, search, after, before, _)| async move {
            // Both calls start at once: during server rendering a server
            // function finds its context only when first polled there.
            let (org, members) = futures_util::future::join(
                get_org(id.clone()),
                org_members(id, role, search, after, before),
            )
            .await;
            Ok::<_, AppError>((org?, members?))
        },
    );
    let history = history_resource("org", move || Some((id(), version())));
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok((org, members)) => view! { <OrgView org actions members history/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn OrgView(
    org: Org,
    actions: OrgActions,
    members: crate::model::Page<OrgMember>,
    history: HistoryList,
) -> impl IntoView {
    let rename_errors = FormErrors::of(actions.rename);
    let put_errors = FormErrors::of(actions.put);
    let delete_errors = FormErrors::of(actions.delete);
    let remove_error = move || {
        actions.remove.value().with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().err().map(|e| e.to_string()))
        })
    };
    let added = move || {
        actions.put.value().get().and_then(Result::ok).map(|m| {
            view! { <div class="notice success" role="status">{format!("{} is now {} of this organisation.", m.username, m.role.label().to_lowercase())}</div> }
        })
    };
    let (id_put, id_rename, id_delete) = (org.id.clone(), org.id.clone(), org.id.clone());
    let here = format!("/orgs/{}", org.id);
    let title = org.name.clone();
    // "true" once this view is live in the browser (hydrated, or rendered
    // there after a change): a form used before that posts to nothing.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let delete_explanation = if org.member_count > 0 {
        format!(
            "Delete {}? Its {} membership(s) go with it; the users themselves stay.",
            org.name, org.member_count
        )
    } else {
        format!("Delete {}? It has no members.", org.name)
    };
    view! {
        <Title text=title.clone()/>
        <div class="page-head">
            <h1>{title}</h1>
            <A href="/orgs" attr:class="button subtle">"Back to organisations"</A>
        </div>
        <span hidden data-testid="org-view" data-live=move || live.get().to_string()></span>
        <p class="muted" data-testid="org-member-count">
            {format!("{} member(s) · created ", org.member_count)}{time_or(Some(org.created_at.clone()), "")}
            " · "<a href=format!("/users?org={}", org.id)>"Show in the users list"</a>
        </p>
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">"Members"</h2>
            <MemberFilters here=here.clone()/>
            {move || error_banner(remove_error())}
            <MemberTable page=members actions here=here.clone()/>
        </section>
        <section class="card" aria-labelledby="add-member-heading">
            <h2 id="add-member-heading">"Add a member"</h2>
            {added}
            {move || error_banner(put_errors.general())}
            <ActionForm action=actions.put attr:class="stack">
                <input type="hidden" name="org_id" value=id_put/>
                <input type="hidden" name="back" value=here.clone()/>
                <UsernameInput name="username" label="Username" error=put_errors.field("username")
                    hint="Matching usernames are suggested as you type. Adding an existing member changes their role."/>
                <div class="field">
                    <label for="field-role">"Role"</label>
                    <select id="field-role" name="role">{role_options(OrgRole::Viewer)}</select>
                </div>
                <button type="submit" class="button primary">"Add member"</button>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="rename-heading">
            <h2 id="rename-heading">"Rename"</h2>
            {move || error_banner(rename_errors.general())}
            <ActionForm action=actions.rename attr:class="stack">
                <input type="hidden" name="id" value=id_rename/>
                <Field label="Name" name="name" required=true autocomplete="off" value=org.name.clone()
                    error=rename_errors.field("name")/>
                <button type="submit" class="button">"Save name"</button>
            </ActionForm>
        </section>
        <HistoryPanel list=history here=format!("/orgs/{}?", org.id)/>
        <section class="card danger-zone" aria-labelledby="delete-org-heading">
            <h2 id="delete-org-heading">"Delete organisation"</h2>
            {move || error_banner(delete_errors.general())}
            <Confirmed summary="Delete organisation…".into() explanation=delete_explanation>
                <ActionForm action=actions.delete>
                    <input type="hidden" name="id" value=id_delete/>
                    {(org.member_count > 0).then(|| view! {
                        <div class="field check">
                            <input id="field-force" type="checkbox" name="force" required/>
                            <label for="field-force">"Also remove its memberships"</label>
                        </div>
                    })}
                    <button type="submit" class="button danger">"Delete organisation"</button>
                </ActionForm>
            </Confirmed>
        </section>
    }
}

const ROLE_FILTER: [(&str, &str); 4] = [
    ("", "Any role"),
    ("viewer", "Viewer"),
    ("editor", "Editor"),
    ("admin", "Admin"),
];

#[component]
fn MemberFilters(here: String) -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("search").unwrap_or_default();
    let role = move || query.read().get("role").unwrap_or_default();
    view! {
        <Form method="GET" action=here attr:class="filters" attr:role="search" attr:aria-label="Filter members">
            <div class="field">
                <label for="filter-member-search">"Name contains"</label>
                <input id="filter-member-search" type="search" name="search" autocomplete="off"
                    value=search prop:value=search/>
            </div>
            <div class="field">
                <label for="filter-role">"Show role"</label>
                <select id="filter-role" name="role" prop:value=role>
                    {ROLE_FILTER.into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || role() == value>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">"Apply"</button>
        </Form>
    }
}

#[component]
fn MemberTable(
    page: crate::model::Page<OrgMember>,
    actions: OrgActions,
    here: String,
) -> impl IntoView {
    let query = use_query_map();
    let base = {
        let here = here.clone();
        move || {
            let q = query.read();
            let mut base = format!("{here}?");
            for key in ["role", "search"] {
                if let Some(v) = q.get(key).filter(|v| !v.is_empty()) {
                    base.push_str(&format!("{key}={}&", urlencoding::encode(&v)));
                }
            }
            base
        }
    };
    let here = StoredValue::new(here);
    let role = move |m: &OrgMember| {
        let role_id = format!("role-{}", m.user_id);
        let (org_id, username, current) = (m.org_id.clone(), m.username.clone(), m.role);
        let label = format!("Role of {}", m.username);
        view! {
            <ActionForm action=actions.put attr:class="inline-form">
                <input type="hidden" name="org_id" value=org_id/>
                <input type="hidden" name="username" value=username/>
                <input type="hidden" name="back" value=here.get_value()/>
                <label class="sr-only" for=role_id.clone()>{label}</label>
                <select id=role_id name="role" data-testid="member-role">{role_options(current)}</select>
                <button type="submit" class="button">"Change role"</button>
            </ActionForm>
        }
    };
    let remove = move |m: &OrgMember| {
        let explanation = format!(
            "Remove {} from this organisation? The account itself stays.",
            m.username
        );
        let (org_id, user_id) = (m.org_id.clone(), m.user_id.clone());
        view! {
            <Confirmed summary="Remove…".into() explanation>
                <ActionForm action=actions.remove>
                    <input type="hidden" name="org_id" value=org_id/>
                    <input type="hidden" name="user_id" value=user_id/>
                    <input type="hidden" name="back" value=here.get_value()/>
                    <button type="submit" class="button danger">"Remove member"</button>
                </ActionForm>
            </Confirmed>
        }
    };
    let columns = vec![
        Column::new("User", |m: &OrgMember| {
            view! { <a href=format!("/users/{}?tab=orgs", m.user_id)>{m.username.clone()}</a> }
        }),
        Column::new("Display name", |m: &OrgMember| {
            m.display_name.clone().unwrap_or_else(|| "—".into())
        }),
        Column::new("Role", role),
        Column::new("Joined", |m: &OrgMember| {
            time_or(Some(m.joined_at.clone()), "")
        }),
        Column::actions(remove),
    ];
    let count = t!("orgs-members-count", count = page.count.unwrap_or(0));
    let pager = pager(&base(), &page, previous_next());
    view! {
        <DataTable rows=page.items columns caption="Members" testid="members" row_testid="member-row"
            summary=("members-count", count) empty="No members match." pager/>
    }
}

/// Changing a user's memberships, with what the Organisations tab of the
/// user page shows.
#[derive(Clone, Copy)]
pub struct MembershipTab {
    put: ServerAction<PutOrgMember>,
    remove: ServerAction<RemoveOrgMember>,
    /// The user, refetched after each change (their memberships).
    user: Resource<Result<crate::model::User, AppError>>,
    /// The organisations one can join.
    orgs: Resource<Result<Vec<(String, String)>, AppError>>,
}

impl MembershipTab {
    /// For the user page to create next to its own resource, outside the
    /// suspense that draws the tab (see `history_resource`). Loads only while
    /// `shown` is true.
    pub fn new(
        user_id: impl Fn() -> String + Send + Sync + 'static,
        shown: impl Fn() -> bool + Send + Sync + Copy + 'static,
    ) -> Self {
        let put = ServerAction::<PutOrgMember>::new();
        let remove = ServerAction::<RemoveOrgMember>::new();
        let user = Resource::new(
            move || {
                (
                    shown().then(&user_id),
                    put.version().get(),
                    remove.version().get(),
                )
            },
            |(id, ..)| async move {
                match id {
                    Some(id) => get_user(id).await,
                    // Never drawn: the tab is not on screen.
                    None => Err(AppError::NotFound("user".into())),
                }
            },
        );
        let orgs = Resource::new(shown, |shown| async move {
            if shown {
                org_names().await
            } else {
                Ok(Vec::new())
            }
        });
        Self {
            put,
            remove,
            user,
            orgs,
        }
    }
}

/// The Organisations tab of a user page: memberships with role change and
/// removal, and joining another organisation.
#[component]
pub fn UserOrgsPanel(user_id: String, username: String, tab: MembershipTab) -> impl IntoView {
    let MembershipTab {
        put,
        remove,
        user,
        orgs,
    } = tab;
    let errors = FormErrors::of(put);
    let back = format!("/users/{user_id}?tab=orgs");
    let remove_error = move || {
        remove.value().with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().err().map(|e| e.to_string()))
        })
    };
    let (back_row, name_row, id_row) = (
        StoredValue::new(back.clone()),
        StoredValue::new(username.clone()),
        StoredValue::new(user_id.clone()),
    );
    let role = move |m: &Membership| {
        let role_id = format!("membership-role-{}", m.org_id);
        let (org_id, current) = (m.org_id.clone(), m.role);
        let label = format!("Role in {}", m.org_name);
        view! {
            <ActionForm action=put attr:class="inline-form">
                <input type="hidden" name="org_id" value=org_id/>
                <input type="hidden" name="username" value=name_row.get_value()/>
                <input type="hidden" name="back" value=back_row.get_value()/>
                <label class="sr-only" for=role_id.clone()>{label}</label>
                <select id=role_id name="role">{role_options(current)}</select>
                <button type="submit" class="button">"Change role"</button>
            </ActionForm>
        }
    };
    let leave = move |m: &Membership| {
        let explanation = format!("Remove {} from {}?", name_row.get_value(), m.org_name);
        let org_id = m.org_id.clone();
        view! {
            <Confirmed summary="Remove…".into() explanation>
                <ActionForm action=remove>
                    <input type="hidden" name="org_id" value=org_id/>
                    <input type="hidden" name="user_id" value=id_row.get_value()/>
                    <input type="hidden" name="back" value=back_row.get_value()/>
                    <button type="submit" class="button danger">"Remove from organisation"</button>
                </ActionForm>
            </Confirmed>
        }
    };
    let columns = move || {
        vec![
            Column::new("Organisation", |m: &Membership| {
                view! { <a href=format!("/orgs/{}", m.org_id)>{m.org_name.clone()}</a> }
            }),
            Column::new("Role", role),
            Column::actions(leave),
        ]
    };
    view! {
        <section class="card" aria-labelledby="orgs-heading">
            <h2 id="orgs-heading">"Organisations"</h2>
            {move || error_banner(remove_error())}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(user) => view! {
                            <DataTable rows=user.memberships columns=columns() caption="Organisations of this user"
                                testid="memberships" row_testid="membership-row"
                                key=Arc::new(|m: &Membership| format!("{}:{}", m.org_id, m.role.as_str()))
                                empty="Not a member of any organisation." empty_testid="no-memberships"/>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="card" aria-labelledby="join-org-heading">
            <h2 id="join-org-heading">"Add to an organisation"</h2>
            {move || error_banner(errors.general())}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || {
                    let (back, username) = (back.clone(), username.clone());
                    Suspend::new(async move {
                        match orgs.await {
                            Ok(list) if list.is_empty() => view! {
                                <p class="empty">"There are no organisations yet. "<a href="/orgs">"Create one"</a>"."</p>
                            }
                            .into_any(),
                            Ok(list) => view! {
                                <ActionForm action=put attr:class="stack">
                                    <input type="hidden" name="username" value=username/>
                                    <input type="hidden" name="back" value=back/>
                                    <div class="field">
                                        <label for="field-org">"Organisation"</label>
                                        <select id="field-org" name="org_id" required>
                                            {list.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="field-join-role">"Role"</label>
                                        <select id="field-join-role" name="role">{role_options(OrgRole::Viewer)}</select>
                                    </div>
                                    <button type="submit" class="button primary">"Add to organisation"</button>
                                </ActionForm>
                            }
                            .into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

/// "My organisations" on the account page.
#[component]
pub fn MyOrgs() -> impl IntoView {
    let list = Resource::new(|| (), |_| my_orgs());
    view! {
        <section class="card" aria-labelledby="my-orgs-heading">
            <h2 id="my-orgs-heading">"My organisations"</h2>
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty" data-testid="no-my-orgs">"You are not a member of any organisation."</p>
                        }
                        .into_any(),
                        Ok(list) => view! {
                            <ul class="plain" data-testid="my-orgs">
                                {list.into_iter().map(|m| view! {
                                    <li data-testid="my-org">{m.org_name}" "{role_badge(m.role)}</li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
