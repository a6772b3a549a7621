use leptos::prelude::*;
use leptos_meta::Title;

use super::inbox::InboxPanel;
use super::tokens::TokensPanel;
use crate::app::{components::ErrorNotice, CurrentUser};
use crate::model::AppError;

/// Every logged-in user's own page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    view! {
        <Title text="My account"/>
        <h1>"My account"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => {
                        // Personal tokens only work for administrators, and not
                        // from an address the allow-list refuses.
                        let tokens = match (me.admin, me.admin_refusal.clone()) {
                            (true, None) => Some(view! { <TokensPanel user_id=me.id.clone()/> }.into_any()),
                            (true, Some(reason)) => Some(view! {
                                <p class="notice warning" data-testid="admin-refused">{reason}</p>
                            }.into_any()),
                            _ => None,
                        };
                        view! {
                            <section class="card">
                                <dl class="attributes">
                                    <dt>"Username"</dt><dd data-testid="account-username">{me.username}</dd>
                                    <dt>"Role"</dt><dd>{if me.admin { "Server administrator" } else { "Member" }}</dd>
                                    <dt>"Account id"</dt><dd><code>{me.id}</code></dd>
                                </dl>
                                <a class="button" href="/account/password">"Change password"</a>
                            </section>
                            <InboxPanel/>
                            {tokens}
                        }
                        .into_any()
                    }
                    _ => view! { <ErrorNotice error=AppError::Unauthenticated/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
