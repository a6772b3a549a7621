//! The public registration page. A plain form post, so it works before
//! (or without) WebAssembly; `/register?token=...` fills in the token.

use crate::{app::language::LanguageMenu, t};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::components::{error_banner, Field, FormErrors};
use crate::model::RegistrationMode;
use crate::server_fns::registration::{get_registration_mode, Register};

#[component]
pub fn RegisterPage() -> impl IntoView {
    let mode = Resource::new_blocking(|| (), |_| get_registration_mode());
    // Picks up the error of a failed attempt from the URL (`__err`).
    let action = ServerAction::<Register>::new();
    let errors = FormErrors::of(action);
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    // An invitation's link names the invited address.
    let email = move || query.read().get("email").unwrap_or_default();
    view! {
        <Title text=t!("register-title")/>
        <main id="main" class="centered">
            <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    let mode = mode.await.unwrap_or(RegistrationMode::Closed);
                    if mode == RegistrationMode::Closed {
                        return view! {
                            <section class="card narrow auth" data-testid="registration-closed">
                                <h1>{t!("register-closed")}</h1>
                                <p>{t!("register-closed-body")}</p>
                                <a class="button" href="/login">{t!("layout-log-in")}</a>
                            </section>
                        }
                        .into_any();
                    }
                    let token_field = if mode == RegistrationMode::Token {
                        Some(view! {
                            <Field label=t!("register-token") name="token" required=true autocomplete="off"
                                value=token() hint=t!("register-token-hint")
                                error=errors.field("token")/>
                        }
                        .into_any())
                    } else {
                        // Open registration: an invitation's token rides along.
                        (!token().is_empty()).then(|| view! { <input type="hidden" name="token" value=token()/> }.into_any())
                    };
                    view! {
                        <form method="post" action=Register::url() class="card narrow auth" data-testid="register-form">
                            <h1>{t!("register-title")}</h1>
                            {move || error_banner(errors.general())}
                            <Field label=t!("common-username") name="username" required=true autocomplete="username"
                                hint=t!("auth-username-hint") error=errors.field("username")/>
                            <Field label=t!("common-password") name="password" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password")/>
                            <Field label=t!("auth-repeat-password") name="password_confirm" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password_confirm")/>
                            <Field label=t!("common-email") name="email" kind="email" autocomplete="email"
                                value=email() hint=t!("register-email-hint") error=errors.field("email")/>
                            {token_field}
                            <button type="submit" class="button primary">{t!("register-submit")}</button>
                            <p>{t!("register-have-account")}" "<a href="/login">{t!("layout-log-in")}</a></p>
                        </form>
                    }
                    .into_any()
                })}
            </Suspense>
            <LanguageMenu/>
        </main>
    }
}
