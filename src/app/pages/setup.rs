use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::app::components::{error_banner, Field, FormErrors};
use crate::server_fns::auth::{setup_needed, SetupAdmin};

/// One-time page that exists only while there is no administrator.
#[component]
pub fn SetupPage() -> impl IntoView {
    let needed = Resource::new_blocking(|| (), |_| setup_needed());
    let action = ServerAction::<SetupAdmin>::new();
    let errors = FormErrors::of(action);
    view! {
        <Title text="Set up"/>
        <main id="main" class="centered">
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    if needed.await != Ok(true) {
                        return view! { <super::errors::NotFound/> }.into_any();
                    }
                    view! {
                        <form method="post" action=SetupAdmin::url() class="card narrow auth">
                            <h1>"Welcome to Gatehouse"</h1>
                            <p>"Create the first server administrator. This page disappears once it exists."</p>
                            {move || error_banner(errors.general())}
                            <Field label="Username" name="username" required=true autocomplete="username"
                                hint="Lowercase letters, digits, '.', '_' and '-'." error=errors.field("username")/>
                            <Field label="Password" name="password" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password")/>
                            <Field label="Repeat password" name="password_confirm" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password_confirm")/>
                            <button type="submit" class="button primary">"Create administrator"</button>
                        </form>
                    }
                    .into_any()
                })}
            </Suspense>
        </main>
    }
}
