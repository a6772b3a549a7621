use crate::{app::language::LanguageMenu, t};
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
        <Title text=t!("setup-title")/>
        <main id="main" class="centered">
            <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    if needed.await != Ok(true) {
                        return view! { <super::errors::NotFound/> }.into_any();
                    }
                    view! {
                        <form method="post" action=SetupAdmin::url() class="card narrow auth">
                            <h1>{t!("setup-heading")}</h1>
                            <p>{t!("setup-body")}</p>
                            {move || error_banner(errors.general())}
                            <Field label=t!("common-username") name="username" required=true autocomplete="username"
                                hint=t!("auth-username-hint") error=errors.field("username")/>
                            <Field label=t!("common-password") name="password" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password")/>
                            <Field label=t!("auth-repeat-password") name="password_confirm" kind="password" required=true
                                autocomplete="new-password" error=errors.field("password_confirm")/>
                            <button type="submit" class="button primary">{t!("setup-submit")}</button>
                        </form>
                    }
                    .into_any()
                })}
            </Suspense>
            <LanguageMenu/>
        </main>
    }
}
