use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::{Outlet, A};

use super::live::{LiveState, Toasts};
use super::CurrentUser;
use crate::api::auth::Logout;

/// The app shell: header with navigation, who is logged in, live figures
/// and logout.
#[component]
pub fn Layout() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    let live = LiveState::new();
    provide_context(live);
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <a class="brand" href="/">"Gatehouse"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => {
                            if !me.password_change_required {
                                live.connect();
                            }
                            view! {
                                <nav class="mainnav" aria-label="Main">
                                    {me.admin.then(|| view! {
                                        <A href="/" exact=true>"Dashboard"</A>
                                        <A href="/users">"Users"</A>
                                        <A href="/orgs">"Organisations"</A>
                                        <A href="/sessions">"Sessions"</A>
                                        <A href="/connections">"Connected"</A>
                                        <A href="/broadcast">"Broadcast"</A>
                                        <A href="/applications">"Applications"</A>
                                        <A href="/oauth2-clients">"API clients"</A>
                                        <A href="/allowlist">"IP allow-list"</A>
                                        <A href="/registration-tokens">"Registration tokens"</A>
                                        <A href="/settings">"Settings"</A>
                                        <A href="/audit">"Audit log"</A>
                                        <A href="/modules">"Modules"</A>
                                        <A href="/jobs">"Jobs"</A>
                                    })}
                                    <A href="/account">"My account"</A>
                                </nav>
                                <div class="who">
                                    {me.admin.then(|| view! { <OnlineFigure live/> })}
                                    <InboxLink live/>
                                    <span>"Signed in as "<strong data-testid="whoami">{me.username}</strong></span>
                                    {me.admin.then(|| view! { <span class="badge admin">"admin"</span> })}
                                    <form method="post" action=Logout::url()>
                                        <button type="submit" class="button subtle">"Log out"</button>
                                    </form>
                                </div>
                            }
                            .into_any()
                        }
                        _ => view! { <a href="/login">"Log in"</a> }.into_any(),
                    }
                })}
            </Suspense>
        </header>
        <main id="main" tabindex="-1">
            <Outlet/>
        </main>
        <Footer/>
        <Toasts/>
    }
}

/// How many users are connected, kept current by the live connection.
#[component]
fn OnlineFigure(live: LiveState) -> impl IntoView {
    view! {
        <a class="online" href="/connections" data-testid="online-count" title="Users connected right now">
            <span class="dot" aria-hidden="true"></span>
            {move || match live.online.get() {
                Some(n) => format!("{n} online"),
                None => "… online".to_owned(),
            }}
        </a>
    }
}

/// The inbox, with its unread count once known.
#[component]
fn InboxLink(live: LiveState) -> impl IntoView {
    view! {
        <a class="inbox-link" href="/account#inbox">
            "Inbox"
            {move || live.unread.get().filter(|n| *n > 0).map(|n| view! {
                " "<span class="badge unread" data-testid="unread-count" aria-label=format!("{n} unread")>{n}</span>
            })}
        </a>
    }
}

/// The version line, for administrators (others are not told what runs).
#[component]
fn Footer() -> impl IntoView {
    let version = Resource::new(|| (), |_| crate::api::server::get_footer_version());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                version.await.ok().flatten().map(|v| view! {
                    <footer class="site-footer" data-testid="version">
                        "Gatehouse "{v.version}" · commit "<code>{v.git_commit}</code>
                        " · built "{v.build_time}" · "{v.database}" "{v.database_version}
                    </footer>
                })
            })}
        </Suspense>
    }
}
