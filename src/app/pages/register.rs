//! The public registration page. A plain form post, so it works before
//! (or without) WebAssembly; `/register?token=...` fills in the token.

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
    view! {
        <Title text="Create an account"/>
        <main id="main" class="centered">
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let mode = mode.await.unwrap_or(RegistrationMode::Closed);
                    if mode == RegistrationMode::Closed {
                        return view! {
                            <section class="card narrow auth" data-testid="registration-closed">
                                <h1>"Registration is closed"</h1>
                                <p>"Accounts on this server are created by its administrators."</p>
                                <a class="button" href="/login">"Log in"</a>
                            </section>
                        }
                        .into_any();
                    }
                    let token_field = (mode == RegistrationMode::Token).then(|| view! {
                        <Field label="Registration token" name="token" required=true autocomplete="off"
                            value=token() hint="From the link or message you were sent."
                            error=errors.field("token")/>
                    });
                    view! {
                        <form method="post" action=Register::url() class="card narrow auth" data-testid="register-form">
                            <h1>"Create an account"</h1>
                            {move || error_banner(errors.general())}
                            <Field label="Username" name="username" required=true autocomplete="username"
                                hint="Lowercase letters, digits, '.', '_' and '-'." error=errors.field("username")/>
                            <Field label="Password" name="password" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password")/>
                            <Field label="Repeat password" name="password_confirm" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password_confirm")/>
                            {token_field}
                            <button type="submit" class="button primary">"Create account"</button>
                            <p>"Already have an account? "<a href="/login">"Log in"</a></p>
                        </form>
                    }
                    .into_any()
                })}
            </Suspense>
        </main>
    }
}
