use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::users::CreateUser;
use crate::app::components::{AdminOnly, Field, FormErrors};

/// Works hydrated (the action) and without JavaScript (a plain post whose
/// errors come back in the URL and are shown the same way).
#[component]
pub fn NewUserPage() -> impl IntoView {
    view! {
        <Title text="New user"/>
        <AdminOnly>
            <NewUserForm/>
        </AdminOnly>
    }
}

#[component]
fn NewUserForm() -> impl IntoView {
    let action = ServerAction::<CreateUser>::new();
    let errors = FormErrors::of(action);
    view! {
        <div class="page-head">
            <h1>"New user"</h1>
            <A href="/users" attr:class="button subtle">"Back to users"</A>
        </div>
        <ActionForm action=action>
            <div class="card form">
                {move || errors.general().map(|e| view! { <div class="notice error" role="alert">{e}</div> })}
                <Field label="Username" name="username" required=true autocomplete="off"
                    hint="1–64 characters: lowercase letters, digits, '.', '_' and '-'." error=errors.field("username")/>
                <Field label="Display name" name="display_name" autocomplete="off" error=errors.field("display_name")/>
                <Field label="Email" name="email" kind="email" autocomplete="off" error=errors.field("email")/>
                <Field label="Password" name="password" kind="password" autocomplete="new-password"
                    hint="At least 8 characters, not the username. Leave empty to create the account without a password." error=errors.field("password")/>
                <div class="field check">
                    <input id="field-admin" type="checkbox" name="admin"/>
                    <label for="field-admin">"Server administrator"</label>
                </div>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { "Creating…" } else { "Create user" }}
                </button>
            </div>
        </ActionForm>
    }
}
