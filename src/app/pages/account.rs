use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::inbox::InboxPanel;
use super::orgs::MyOrgs;
use super::sessions::MySessions;
use super::tokens::TokensPanel;
use crate::app::{
    components::{error_banner, ErrorNotice, Field, FormErrors},
    CurrentUser,
};
use crate::model::{AppError, Me};
use crate::server_fns::account::{my_account, UpdateMyProfile};

/// Every logged-in user's own page: profile, password, sessions and (when
/// allowed) personal tokens.
#[component]
pub fn AccountPage() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    view! {
        <Title text="My account"/>
        <h1>"My account"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => view! { <Account me/> }.into_any(),
                    _ => view! { <ErrorNotice error=AppError::Unauthenticated/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Account(me: Me) -> impl IntoView {
    // Personal tokens: administrators (not from an address the allow-list
    // refuses), and members when the configuration allows it.
    let tokens = match (me.admin, me.admin_refusal.clone(), me.tokens_allowed) {
        (true, Some(reason), _) => Some(
            view! { <p class="notice warning" data-testid="admin-refused">{reason}</p> }.into_any(),
        ),
        (_, _, true) => Some(view! { <TokensPanel user_id=me.id.clone()/> }.into_any()),
        _ => None,
    };
    let query = use_query_map();
    let password_changed = move || {
        (query.read().get("password").as_deref() == Some("changed")).then(|| {
            view! { <div class="notice success" role="status">"Password changed. Your other sessions were signed out."</div> }
        })
    };
    let self_service = me.self_service;
    view! {
        {password_changed}
        <section class="card">
            <dl class="attributes">
                <dt>"Username"</dt><dd data-testid="account-username">{me.username.clone()}</dd>
                <dt>"Role"</dt><dd>{if me.admin { "Server administrator" } else { "Member" }}</dd>
                <dt>"Account id"</dt><dd><code>{me.id.clone()}</code></dd>
            </dl>
            {self_service.then(|| view! { <a class="button" href="/account/password">"Change password"</a> })}
        </section>
        {(!self_service).then(|| view! {
            <p class="notice warning" role="status" data-testid="self-service-off">
                "Self-service is turned off on this server: ask an administrator to change your profile, password, sessions or organisations."
            </p>
        })}
        <InboxPanel/>
        {self_service.then(|| view! {
            <MyOrgs/>
            <ProfileForm/>
            <MySessions/>
            <section class="card" aria-labelledby="my-apps-heading">
                <h2 id="my-apps-heading">"Apps you signed in to"</h2>
                <p class="hint">"Applications that use your Gatehouse account. Revoking signs you out there and withdraws what you shared."</p>
                <super::applications::GrantsList user_id=String::new()/>
            </section>
            {tokens}
        })}
    }
}

/// Display name and email, validated as in the admin's edit.
#[component]
fn ProfileForm() -> impl IntoView {
    let update = ServerAction::<UpdateMyProfile>::new();
    let errors = FormErrors::of(update);
    let account = Resource::new(move || update.version().get(), |_| my_account());
    let saved = move || {
        update
            .value()
            .with(|v| matches!(v, Some(Ok(_))))
            .then(|| view! { <div class="notice success" role="status">"Profile saved."</div> })
    };
    view! {
        <section class="card" aria-labelledby="my-profile-heading">
            <h2 id="my-profile-heading">"Profile"</h2>
            {saved}
            {move || error_banner(errors.general())}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match account.await {
                        Ok(user) => view! {
                            <ActionForm action=update attr:class="stack">
                                <Field label="Display name" name="display_name"
                                    value=user.display_name.clone().unwrap_or_default()
                                    hint="Leave empty to clear." autocomplete="name"
                                    error=errors.field("display_name")/>
                                <Field label="Email" name="email" kind="email"
                                    value=user.email.clone().unwrap_or_default()
                                    autocomplete="email" error=errors.field("email")/>
                                <button type="submit" class="button primary">"Save profile"</button>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
