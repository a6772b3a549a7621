use crate::{app::language::LanguageMenu, t};
use leptos::prelude::*;

use crate::app::components::error_banner;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::second_factor::PasskeyButton;
use crate::model::RegistrationMode;
use crate::server_fns::auth::Login;
use crate::server_fns::email::email_available;
use crate::server_fns::registration::get_registration_mode;
use crate::server_fns::second_factor::passkeys_available;

/// A plain form post: login works before (or without) WebAssembly, and the
/// full page load afterwards starts from a clean state.
#[component]
pub fn LoginPage() -> impl IntoView {
    // Picks up the error of a failed attempt from the URL (`__err`).
    let action = ServerAction::<Login>::new();
    let mode = Resource::new_blocking(|| (), |_| get_registration_mode());
    let register_link = move || {
        Suspend::new(async move {
            (mode.await.unwrap_or(RegistrationMode::Closed) != RegistrationMode::Closed).then(|| {
                view! { <p class="register-link">{t!("login-no-account")}" "<a href="/register">{t!("login-create-one")}</a></p> }
            })
        })
    };
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let passkeys = Resource::new_blocking(|| (), |_| passkeys_available());
    let passkey = move || {
        Suspend::new(async move {
            passkeys.await.unwrap_or(false).then(|| view! {
                <PasskeyButton ceremony="sign-in" label=t!("login-passkey") next=Signal::derive(next)/>
            })
        })
    };
    let mail = Resource::new_blocking(|| (), |_| email_available());
    let forgot_link = move || {
        Suspend::new(async move {
            mail.await.unwrap_or(false).then(|| view! {
                <p class="forgot-link"><a href="/forgot-password" data-testid="forgot-password">{t!("email-forgot-link")}</a></p>
            })
        })
    };
    // An application's `login_hint`.
    let username = move || query.read().get("username").unwrap_or_default();
    let error = move || {
        action.value().with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().err().map(|e| e.to_string()))
        })
    };
    view! {
        <Title text=t!("login-title")/>
        <main id="main" class="centered">
            <form method="post" action=Login::url() class="card narrow auth">
                <h1>{t!("login-heading")}</h1>
                {move || error_banner(error())}
                <div class="field">
                    <label for="username">{t!("common-username")}</label>
                    <input id="username" name="username" autocomplete="username" required autofocus prop:value=username/>
                </div>
                <div class="field">
                    <label for="password">{t!("common-password")}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                </div>
                <input type="hidden" name="next" value=next/>
                <button type="submit" class="button primary">{t!("login-submit")}</button>
                <Suspense fallback=|| ()>{forgot_link}</Suspense>
                <Suspense fallback=|| ()>{passkey}</Suspense>
                <Suspense fallback=|| ()>{register_link}</Suspense>
            </form>
            <LanguageMenu/>
        </main>
    }
}
