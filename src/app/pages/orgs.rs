//! Organisations: the list (`/orgs`), one organisation with its members
//! (`/orgs/:id`), a user's Organisations tab and "My organisations" on the
//! account page. Every form is a plain form post first.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::filters::{encode_query, filter_map, link_base, present};

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
use crate::app::CurrentUser;
use crate::model::{AppError, Me, Membership, Op, Org, OrgMember, OrgRole};
use crate::server_fns::orgs::{
    get_org, list_orgs, my_orgs, org_members, org_names, CreateOrg, DeleteOrg, PutOrgMember,
    RemoveOrgMember, RenameOrg,
};
use crate::server_fns::users::get_user;

/// A role's name, as a person reads it.
fn role_label(role: OrgRole) -> String {
    match role {
        OrgRole::Viewer => t!("orgs-role-viewer"),
        OrgRole::Editor => t!("orgs-role-editor"),
        OrgRole::Admin => t!("orgs-role-admin"),
    }
}

fn role_options(selected: OrgRole) -> impl IntoView {
    OrgRole::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str() selected=r == selected>{role_label(r)}</option> })
        .collect_view()
}

fn role_badge(role: OrgRole) -> impl IntoView {
    view! { <span class=format!("badge role-{}", role.as_str())>{role_label(role)}</span> }
}

#[component]
pub fn OrgsPage() -> impl IntoView {
    view! {
        <Title text=t!("orgs-title")/>
        <AdminOnly>
            <OrgList/>
        </AdminOnly>
    }
}

#[component]
fn OrgList() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    let query = use_query_map();
    let create = ServerAction::<CreateOrg>::new();
    let errors = FormErrors::of(create);
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                present(&["filter[search]"], |k| q.get(k)),
                q.get("after"),
                q.get("before"),
                create.version().get(),
            )
        },
        |(filters, after, before, _)| {
            list_orgs(
                filter_map(filters.into_iter().map(|(k, v)| (k, Some(v)))),
                after,
                before,
            )
        },
    );
    let search = move || query.read().get("filter[search]").unwrap_or_default();
    let base = move || {
        link_base(
            "/orgs",
            &present(&["filter[search]"], |k| query.read().get(k)),
        )
    };
    let columns = || {
        vec![
            Column::new(t!("common-name"), |org: &Org| {
                view! { <a href=format!("/orgs/{}", org.id)>{org.name.clone()}</a> }
            }),
            Column::new(t!("orgs-members"), |org: &Org| {
                crate::app::format::number(org.member_count as i64)
            })
            .class("num"),
            Column::new(t!("common-created"), |org: &Org| {
                time_or(Some(org.created_at.clone()), "")
            }),
        ]
    };
    view! {
        <div class="page-head">
            <h1>{t!("orgs-title")}</h1>
        </div>
        <Form method="GET" action="/orgs" attr:class="filters" attr:role="search" attr:aria-label=t!("orgs-search-label")>
            <div class="field">
                <label for="filter-search">{t!("orgs-name-contains")}</label>
                <input id="filter-search" type="search" name="filter[search]" autocomplete="off"
                    value=search prop:value=search/>
            </div>
            <button type="submit" class="button">{t!("common-search")}</button>
        </Form>
        <Transition fallback=|| view! { <p class="loading">{t!("orgs-loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => {
                        let count = t!("orgs-count", count = page.count.unwrap_or(0));
                        let pager = pager(&base(), &page, previous_next());
                        let key = |o: &Org| format!("{}\n{}\n{}", o.id, o.name, o.member_count);
                        view! {
                            <DataTable rows=page.items columns=columns() caption=t!("orgs-title") testid="orgs"
                                row_testid="org-row" key=Arc::new(key) summary=("orgs-count", count)
                                empty=t!("orgs-empty") pager/>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let may_create = me.await.ok().flatten().is_some_and(|me| me.may(Op::ManageOrgs));
                may_create.then(|| view! {
                    <section class="card" aria-labelledby="new-org-heading">
                        <h2 id="new-org-heading">{t!("orgs-new")}</h2>
                        {move || error_banner(errors.general())}
                        <ActionForm action=create attr:class="stack">
                            <Field label=t!("common-name") name="name" required=true autocomplete="off"
                                hint=t!("orgs-name-hint") error=errors.field("name")/>
                            <button type="submit" class="button primary">{t!("orgs-create")}</button>
                        </ActionForm>
                    </section>
                })
            })}
        </Transition>
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
                present(&MEMBER_FILTERS, |k| q.get(k)),
                q.get("after"),
                q.get("before"),
                version(),
            )
        },
        |(id, filters, after, before, _)| async move {
            let filter = filter_map(filters.into_iter().map(|(k, v)| (k, Some(v))));
            // Both calls start at once: during server rendering a server
            // function finds its context only when first polled there.
            let (org, members) = futures_util::future::join(
                get_org(id.clone()),
                org_members(id, filter, after, before),
            )
            .await;
            Ok::<_, AppError>((org?, members?))
        },
    );
    let me = expect_context::<CurrentUser>().0;
    let history = history_resource("org", move || Some((id(), version())));
    view! {
        <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let me = me.await.ok().flatten().unwrap_or_default();
                match detail.await {
                    Ok((org, members)) => view! { <OrgView org actions members history me/> }.into_any(),
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
    me: Me,
) -> impl IntoView {
    let manage_members = me.may_in_org(Op::ManageOrgMembers, &org.id);
    let manage_org = me.may(Op::ManageOrgs);
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
            view! { <div class="notice success" role="status">{t!("orgs-member-added", username = m.username, role = m.role.as_str())}</div> }
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
        t!(
            "orgs-delete-explanation",
            name = org.name.clone(),
            count = org.member_count
        )
    } else {
        t!("orgs-delete-explanation-empty", name = org.name.clone())
    };
    view! {
        <Title text=title.clone()/>
        <div class="page-head">
            <h1>{title}</h1>
            <A href="/orgs" attr:class="button subtle">{t!("orgs-back")}</A>
        </div>
        <span hidden data-testid="org-view" data-live=move || live.get().to_string()></span>
        <p class="muted" data-testid="org-member-count">
            {t!("orgs-detail-summary", count = org.member_count)}" "{time_or(Some(org.created_at.clone()), "")}
            {me.may(Op::ReadUsers).then(|| view! {
                " · "<a href=format!("/users?{}", encode_query(&[("filter[org]", &org.id)]))>{t!("orgs-show-in-users")}</a>
            })}
        </p>
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">{t!("orgs-members")}</h2>
            <MemberFilters here=here.clone()/>
            {move || error_banner(remove_error())}
            <MemberTable page=members actions here=here.clone() manage=manage_members/>
        </section>
        {manage_members.then(|| view! {
        <section class="card" aria-labelledby="add-member-heading">
            <h2 id="add-member-heading">{t!("orgs-add-member-heading")}</h2>
            {added}
            {move || error_banner(put_errors.general())}
            <ActionForm action=actions.put attr:class="stack">
                <input type="hidden" name="org_id" value=id_put/>
                <input type="hidden" name="back" value=here.clone()/>
                <UsernameInput name="username" label=t!("common-username") error=put_errors.field("username")
                    hint=t!("orgs-add-member-hint")/>
                <div class="field">
                    <label for="field-role">{t!("common-role")}</label>
                    <select id="field-role" name="role">{role_options(OrgRole::Viewer)}</select>
                </div>
                <button type="submit" class="button primary">{t!("orgs-add-member")}</button>
            </ActionForm>
        </section>
        })}
        {manage_org.then(|| view! {
        <section class="card" aria-labelledby="rename-heading">
            <h2 id="rename-heading">{t!("orgs-rename")}</h2>
            {move || error_banner(rename_errors.general())}
            <ActionForm action=actions.rename attr:class="stack">
                <input type="hidden" name="id" value=id_rename/>
                <Field label=t!("common-name") name="name" required=true autocomplete="off" value=org.name.clone()
                    error=rename_errors.field("name")/>
                <button type="submit" class="button">{t!("orgs-save-name")}</button>
            </ActionForm>
        </section>
        })}
        {me.may(Op::ReadAudit).then(|| view! { <HistoryPanel list=history here=format!("/orgs/{}?", org.id)/> })}
        {manage_org.then(|| view! {
        <section class="card danger-zone" aria-labelledby="delete-org-heading">
            <h2 id="delete-org-heading">{t!("orgs-delete")}</h2>
            {move || error_banner(delete_errors.general())}
            <Confirmed summary=t!("orgs-delete-summary") explanation=delete_explanation>
                <ActionForm action=actions.delete>
                    <input type="hidden" name="id" value=id_delete/>
                    {(org.member_count > 0).then(|| view! {
                        <div class="field check">
                            <input id="field-force" type="checkbox" name="force" required/>
                            <label for="field-force">{t!("orgs-delete-force")}</label>
                        </div>
                    })}
                    <button type="submit" class="button danger">{t!("orgs-delete")}</button>
                </ActionForm>
            </Confirmed>
        </section>
        })}
    }
}

/// The members table's filters: the admin API's parameters.
const MEMBER_FILTERS: [&str; 2] = ["filter[role]", "filter[search]"];

/// The role filter's choices: (value, label).
fn role_filter() -> [(&'static str, String); 4] {
    [
        ("", t!("orgs-any-role")),
        ("viewer", role_label(OrgRole::Viewer)),
        ("editor", role_label(OrgRole::Editor)),
        ("admin", role_label(OrgRole::Admin)),
    ]
}

#[component]
fn MemberFilters(here: String) -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("filter[search]").unwrap_or_default();
    let role = move || query.read().get("filter[role]").unwrap_or_default();
    view! {
        <Form method="GET" action=here attr:class="filters" attr:role="search" attr:aria-label=t!("orgs-filter-members")>
            <div class="field">
                <label for="filter-member-search">{t!("orgs-name-contains")}</label>
                <input id="filter-member-search" type="search" name="filter[search]" autocomplete="off"
                    value=search prop:value=search/>
            </div>
            <div class="field">
                <label for="filter-role">{t!("orgs-show-role")}</label>
                <select id="filter-role" name="filter[role]" prop:value=role>
                    {role_filter().into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || role() == value>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t!("common-apply")}</button>
        </Form>
    }
}

#[component]
fn MemberTable(
    page: crate::model::Page<OrgMember>,
    actions: OrgActions,
    here: String,
    /// Whether the role and remove controls are offered.
    manage: bool,
) -> impl IntoView {
    let query = use_query_map();
    let base = {
        let here = here.clone();
        move || link_base(&here, &present(&MEMBER_FILTERS, |k| query.read().get(k)))
    };
    let here = StoredValue::new(here);
    let role = move |m: &OrgMember| {
        let role_id = format!("role-{}", m.user_id);
        let (org_id, username, current) = (m.org_id.clone(), m.username.clone(), m.role);
        let label = t!("orgs-role-of", username = m.username.clone());
        view! {
            <ActionForm action=actions.put attr:class="inline-form">
                <input type="hidden" name="org_id" value=org_id/>
                <input type="hidden" name="username" value=username/>
                <input type="hidden" name="back" value=here.get_value()/>
                <label class="sr-only" for=role_id.clone()>{label}</label>
                <select id=role_id name="role" data-testid="member-role">{role_options(current)}</select>
                <button type="submit" class="button">{t!("orgs-change-role")}</button>
            </ActionForm>
        }
    };
    let remove = move |m: &OrgMember| {
        let explanation = t!(
            "orgs-remove-member-explanation",
            username = m.username.clone()
        );
        let (org_id, user_id) = (m.org_id.clone(), m.user_id.clone());
        view! {
            <Confirmed summary=t!("orgs-remove-summary") explanation>
                <ActionForm action=actions.remove>
                    <input type="hidden" name="org_id" value=org_id/>
                    <input type="hidden" name="user_id" value=user_id/>
                    <input type="hidden" name="back" value=here.get_value()/>
                    <button type="submit" class="button danger">{t!("orgs-remove-member")}</button>
                </ActionForm>
            </Confirmed>
        }
    };
    let mut columns = vec![
        Column::new(t!("orgs-col-user"), |m: &OrgMember| {
            view! { <a href=format!("/users/{}?tab=orgs", m.user_id)>{m.username.clone()}</a> }
        }),
        Column::new(t!("common-display-name"), |m: &OrgMember| {
            m.display_name.clone().unwrap_or_else(|| "—".into())
        }),
        if manage {
            Column::new(t!("common-role"), role)
        } else {
            Column::new(t!("common-role"), |m: &OrgMember| role_badge(m.role))
        },
        Column::new(t!("orgs-col-joined"), |m: &OrgMember| {
            time_or(Some(m.joined_at.clone()), "")
        }),
    ];
    if manage {
        columns.push(Column::actions(remove));
    }
    let count = t!("orgs-members-count", count = page.count.unwrap_or(0));
    let pager = pager(&base(), &page, previous_next());
    view! {
        <DataTable rows=page.items columns caption=t!("orgs-members") testid="members" row_testid="member-row"
            summary=("members-count", count) empty=t!("orgs-members-empty") pager/>
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
        let label = t!("orgs-role-in", org = m.org_name.clone());
        view! {
            <ActionForm action=put attr:class="inline-form">
                <input type="hidden" name="org_id" value=org_id/>
                <input type="hidden" name="username" value=name_row.get_value()/>
                <input type="hidden" name="back" value=back_row.get_value()/>
                <label class="sr-only" for=role_id.clone()>{label}</label>
                <select id=role_id name="role">{role_options(current)}</select>
                <button type="submit" class="button">{t!("orgs-change-role")}</button>
            </ActionForm>
        }
    };
    let leave = move |m: &Membership| {
        let explanation = t!(
            "orgs-leave-explanation",
            username = name_row.get_value(),
            org = m.org_name.clone()
        );
        let org_id = m.org_id.clone();
        view! {
            <Confirmed summary=t!("orgs-remove-summary") explanation>
                <ActionForm action=remove>
                    <input type="hidden" name="org_id" value=org_id/>
                    <input type="hidden" name="user_id" value=id_row.get_value()/>
                    <input type="hidden" name="back" value=back_row.get_value()/>
                    <button type="submit" class="button danger">{t!("orgs-leave")}</button>
                </ActionForm>
            </Confirmed>
        }
    };
    let columns = move || {
        vec![
            Column::new(t!("orgs-col-org"), |m: &Membership| {
                view! { <a href=format!("/orgs/{}", m.org_id)>{m.org_name.clone()}</a> }
            }),
            Column::new(t!("common-role"), role),
            Column::actions(leave),
        ]
    };
    view! {
        <section class="card" aria-labelledby="orgs-heading">
            <h2 id="orgs-heading">{t!("orgs-title")}</h2>
            {move || error_banner(remove_error())}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(user) => view! {
                            <DataTable rows=user.memberships columns=columns() caption=t!("orgs-user-caption")
                                testid="memberships" row_testid="membership-row"
                                key=Arc::new(|m: &Membership| format!("{}:{}", m.org_id, m.role.as_str()))
                                empty=t!("orgs-user-empty") empty_testid="no-memberships"/>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="card" aria-labelledby="join-org-heading">
            <h2 id="join-org-heading">{t!("orgs-join-heading")}</h2>
            {move || error_banner(errors.general())}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || {
                    let (back, username) = (back.clone(), username.clone());
                    Suspend::new(async move {
                        match orgs.await {
                            Ok(list) if list.is_empty() => view! {
                                <p class="empty">{t!("orgs-none-yet")}" "<a href="/orgs">{t!("orgs-create-one")}</a>"."</p>
                            }
                            .into_any(),
                            Ok(list) => view! {
                                <ActionForm action=put attr:class="stack">
                                    <input type="hidden" name="username" value=username/>
                                    <input type="hidden" name="back" value=back/>
                                    <div class="field">
                                        <label for="field-org">{t!("orgs-col-org")}</label>
                                        <select id="field-org" name="org_id" required>
                                            {list.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="field-join-role">{t!("common-role")}</label>
                                        <select id="field-join-role" name="role">{role_options(OrgRole::Viewer)}</select>
                                    </div>
                                    <button type="submit" class="button primary">{t!("orgs-join")}</button>
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
            <h2 id="my-orgs-heading">{t!("orgs-mine")}</h2>
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty" data-testid="no-my-orgs">{t!("orgs-mine-empty")}</p>
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
