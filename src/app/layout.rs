use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::{Outlet, A};

use super::live::{LiveState, Toasts};
use super::CurrentUser;
use crate::{
    i18n,
    model::{Me, Op},
    server_fns::auth::Logout,
    t,
};

/// The app shell: header with navigation, who is logged in, live figures
/// and logout.
#[component]
pub fn Layout() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    let live = LiveState::new();
    provide_context(live);
    view! {
        <a class="skip-link" href="#main">{t!("layout-skip")}</a>
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
                                <MainNav me=me.clone()/>
                                <div class="who">
                                    <super::theme::ThemeSwitch/>
                                    {me.may(Op::ReadUsers).then(|| view! { <OnlineFigure live/> })}
                                    <InboxLink live/>
                                    <span>{t!("layout-signed-in-as")}" "<strong data-testid="whoami">{me.username}</strong></span>
                                    {me.admin.then(|| view! { <span class="badge admin" title=me.roles.join(", ")>{t!("layout-admin-badge")}</span> })}
                                    <form method="post" action=Logout::url()>
                                        <button type="submit" class="button subtle">{t!("layout-log-out")}</button>
                                    </form>
                                </div>
                            }
                            .into_any()
                        }
                        _ => view! { <a href="/login">{t!("layout-log-in")}</a> }.into_any(),
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

/// The administrators' pages, grouped: (group, [(path, label)]), labels
/// as message keys.
const NAV_GROUPS: [(&str, &[(&str, &str)]); 4] = [
    (
        "nav-people",
        &[
            ("/users", "nav-users"),
            ("/orgs", "nav-orgs"),
            ("/sessions", "nav-sessions"),
            ("/connections", "nav-connections"),
        ],
    ),
    (
        "nav-access",
        &[
            ("/applications", "nav-applications"),
            ("/oauth2-clients", "nav-oauth2-clients"),
            ("/registration-tokens", "nav-registration-tokens"),
            ("/allowlist", "nav-allowlist"),
        ],
    ),
    ("nav-messages", &[("/broadcast", "nav-broadcast")]),
    (
        "nav-server",
        &[
            ("/settings", "nav-settings"),
            ("/modules", "nav-modules"),
            ("/jobs", "nav-jobs"),
            ("/audit", "nav-audit"),
        ],
    ),
];

/// Narrower than this, the navigation folds behind a Menu button (as in
/// style/main.css).
#[cfg(feature = "hydrate")]
const NARROW_QUERY: &str = "(max-width: 40rem)";

/// The main navigation: a Menu disclosure that is open as served (so it
/// works without JavaScript) and folds on narrow screens once the page
/// runs; wide screens never see the Menu button. Each group opens a list
/// and closes again when the page changes.
#[component]
fn MainNav(me: Me) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    // Served open: the server cannot know the width.
    #[cfg(feature = "hydrate")]
    let narrow = move || {
        window()
            .match_media(NARROW_QUERY)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    #[cfg(not(feature = "hydrate"))]
    let narrow = || false;
    let menu_open = move || {
        location.pathname.track();
        location.search.track();
        !narrow()
    };
    let groups = NAV_GROUPS
        .into_iter()
        .filter_map(|(label, links)| {
            let links: Vec<_> = links
                .iter()
                .filter(|(href, _)| me.may_open(href))
                .copied()
                .collect();
            (!links.is_empty()).then(|| view! { <NavGroup label links/> })
        })
        .collect_view();
    let dashboard = me.may(Op::ReadServer);
    view! {
        <details class="navmenu" open prop:open=menu_open>
            <summary class="button subtle">{t!("nav-menu")}</summary>
            <nav class="mainnav" aria-label=t!("nav-main")>
                {dashboard.then(|| view! { <A href="/" exact=true>{t!("nav-dashboard")}</A> })}
                {groups}
                <A href="/account">{t!("nav-account")}</A>
            </nav>
        </details>
    }
}

#[component]
fn NavGroup(label: &'static str, links: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let hrefs: Vec<&'static str> = links.iter().map(|(href, _)| *href).collect();
    let here = move || {
        let path = location.pathname.get();
        hrefs.iter().any(|href| {
            path == *href
                || path
                    .strip_prefix(href)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    let closed_after_navigation = move || {
        location.pathname.track();
        location.search.track();
        false
    };
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(details) = ev
                .current_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(t).ok())
            {
                details.set_open(false);
            }
        }
    };
    view! {
        <details class="navgroup" class:current=here prop:open=closed_after_navigation
            on:keydown=close_on_escape>
            <summary>{i18n::current().text(label)}</summary>
            <div class="navgroup-links">
                {links.into_iter().map(|(href, key)| view! { <A href=href>{i18n::current().text(key)}</A> }).collect_view()}
            </div>
        </details>
    }
}

/// How many users are connected, kept current by the live connection.
#[component]
fn OnlineFigure(live: LiveState) -> impl IntoView {
    view! {
        <a class="online" href="/connections" data-testid="online-count" title=t!("layout-online-title")>
            <span class="dot" aria-hidden="true"></span>
            {move || match live.online.get() {
                Some(n) => t!("layout-online", count = n),
                None => t!("layout-online-unknown"),
            }}
        </a>
    }
}

/// The inbox, with its unread count once known.
#[component]
fn InboxLink(live: LiveState) -> impl IntoView {
    view! {
        <a class="inbox-link" href="/account#inbox">
            {t!("layout-inbox")}
            {move || live.unread.get().filter(|n| *n > 0).map(|n| view! {
                " "<span class="badge unread" data-testid="unread-count" aria-label=t!("layout-unread", count = n)>{n}</span>
            })}
        </a>
    }
}

/// The version line, for administrators (others are not told what runs).
#[component]
fn Footer() -> impl IntoView {
    let version = Resource::new(|| (), |_| crate::server_fns::server::get_footer_version());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                version.await.ok().flatten().map(|v| view! {
                    <footer class="site-footer" data-testid="version">
                        {t!("layout-version", version = v.version)}" "<code>{v.git_commit}</code>
                        " · "{t!("layout-built", time = v.build_time)}" · "{v.database}" "{v.database_version}
                    </footer>
                })
            })}
        </Suspense>
    }
}
