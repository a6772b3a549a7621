use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::app::components::{error_banner, AdminOnly, Field, FormErrors};
use crate::model::OrgRole;
use crate::server_fns::{orgs::org_names, users::CreateUser};
use crate::t;

/// A role's name in the organisation role menu.
fn role_label(role: OrgRole) -> String {
    match role {
        OrgRole::Viewer => t!("user-new-role-viewer"),
        OrgRole::Editor => t!("user-new-role-editor"),
        OrgRole::Admin => t!("user-new-role-admin"),
    }
}

/// Works hydrated (the action) and without JavaScript (a plain post whose
/// errors come back in the URL and are shown the same way).
#[component]
pub fn NewUserPage() -> impl IntoView {
    view! {
        <Title text=t!("user-new-title")/>
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
            <h1>{t!("user-new-title")}</h1>
            <A href="/users" attr:class="button subtle">{t!("users-back")}</A>
        </div>
        <ActionForm action=action>
            <div class="card form">
                {move || error_banner(errors.general())}
                <Field label=t!("common-username") name="username" required=true autocomplete="off"
                    hint=t!("user-new-username-hint") error=errors.field("username")/>
                <Field label=t!("common-display-name") name="display_name" autocomplete="off" error=errors.field("display_name")/>
                <Field label=t!("common-email") name="email" kind="email" autocomplete="off" error=errors.field("email")/>
                <Field label=t!("common-password") name="password" kind="password" autocomplete="new-password"
                    hint=t!("user-new-password-hint") error=errors.field("password")/>
                <OrgRoleFields errors/>
                <div class="field check">
                    <input id="field-admin" type="checkbox" name="admin"/>
                    <label for="field-admin">{t!("user-new-admin")}</label>
                </div>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t!("user-new-creating") } else { t!("user-new-submit") }}
                </button>
            </div>
        </ActionForm>
    }
}

/// The organisation a new account joins (`org_id`) and its role there
/// (`role`), with their field errors; nothing while there is no
/// organisation. Shared by the new-user and invitation forms.
#[component]
pub fn OrgRoleFields(errors: FormErrors) -> impl IntoView {
    let orgs = Resource::new(|| (), |_| org_names());
    let org_error = errors.field("org_id");
    let org_field = move || {
        Suspend::new(async move {
            let list = orgs.await.unwrap_or_default();
            (!list.is_empty()).then(|| {
                view! {
                    <div class="field" class:has-error=move || org_error.get().is_some()>
                        <label for="field-org_id">{t!("users-org")}</label>
                        <select id="field-org_id" name="org_id"
                            aria-invalid=move || org_error.get().map(|_| "true")>
                            <option value="">{t!("user-new-org-default")}</option>
                            {list.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                        {move || org_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <div class="field" class:has-error=move || errors.field("role").get().is_some()>
                        <label for="field-role">{t!("user-new-role")}</label>
                        <select id="field-role" name="role">
                            <option value="">{t!("user-new-role-default")}</option>
                            {OrgRole::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{role_label(r)}</option> }).collect_view()}
                        </select>
                        {move || errors.field("role").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                }
            })
        })
    };
    view! { <Transition fallback=|| ()>{org_field}</Transition> }
}
