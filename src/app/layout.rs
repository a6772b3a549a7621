use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::{Outlet, A};

use super::CurrentUser;
use crate::api::auth::Logout;

/// The app shell: header with navigation, who is logged in and logout.
#[component]
pub fn Layout() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <a class="brand" href="/">"Gatehouse"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => view! {
                            <nav class="mainnav" aria-label="Main">
                                {me.admin.then(|| view! {
                                    <A href="/users">"Users"</A>
                                    <A href="/sessions">"Sessions"</A>
                                    <A href="/oauth2-clients">"API clients"</A>
                                    <A href="/allowlist">"IP allow-list"</A>
                                })}
                                <A href="/account">"My account"</A>
                            </nav>
                            <div class="who">
                                <span>"Signed in as "<strong data-testid="whoami">{me.username}</strong></span>
                                {me.admin.then(|| view! { <span class="badge admin">"admin"</span> })}
                                <form method="post" action=Logout::url()>
                                    <button type="submit" class="button subtle">"Log out"</button>
                                </form>
                            </div>
                        }
                        .into_any(),
                        _ => view! { <a href="/login">"Log in"</a> }.into_any(),
                    }
                })}
            </Suspense>
        </header>
        <main id="main" tabindex="-1">
            <Outlet/>
        </main>
    }
}
