use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::users::short_time;
use crate::api::users::get_user;
use crate::app::components::{AdminOnly, ErrorNotice, StatusBadge};
use crate::model::User;

#[component]
pub fn UserDetailPage() -> impl IntoView {
    view! {
        <AdminOnly>
            <UserDetail/>
        </AdminOnly>
    }
}

#[component]
fn UserDetail() -> impl IntoView {
    let params = use_params_map();
    let user = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_user,
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserView user/> }.into_any(),
                    Err(error) => view! { <Title text="User"/><ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn time_or(value: Option<String>, none: &'static str) -> AnyView {
    match value {
        Some(t) => view! { <time datetime=t.clone()>{short_time(&t)}" UTC"</time> }.into_any(),
        None => view! { <span class="muted">{none}</span> }.into_any(),
    }
}

#[component]
fn UserView(user: User) -> impl IntoView {
    let title = user.username.clone();
    view! {
        <Title text=title.clone()/>
        <div class="page-head">
            <h1>{title}</h1>
            <A href="/users" attr:class="button subtle">"Back to users"</A>
        </div>
        <section class="card">
            <dl class="attributes" data-testid="user-attributes">
                <dt>"Id"</dt><dd><code>{user.id}</code></dd>
                <dt>"Username"</dt><dd>{user.username}</dd>
                <dt>"Display name"</dt><dd>{user.display_name.unwrap_or_else(|| "—".into())}</dd>
                <dt>"Email"</dt><dd>{user.email.unwrap_or_else(|| "—".into())}</dd>
                <dt>"Status"</dt><dd><StatusBadge status=user.status/></dd>
                <dt>"Server administrator"</dt><dd>{if user.admin { "yes" } else { "no" }}</dd>
                <dt>"May request admin"</dt><dd>{if user.can_request_admin { "yes" } else { "no" }}</dd>
                <dt>"Created"</dt><dd>{time_or(Some(user.created_at), "")}</dd>
                <dt>"Last seen"</dt><dd>{time_or(user.last_seen_at, "never")}</dd>
                <dt>"Locked"</dt><dd>{time_or(user.locked_at, "no")}</dd>
                <dt>"Deactivated"</dt><dd>{time_or(user.deactivated_at, "no")}</dd>
            </dl>
        </section>
    }
}
