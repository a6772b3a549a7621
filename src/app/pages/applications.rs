//! Applications that sign people in through Gatehouse: OpenID Connect
//! clients and sites behind the forward-auth gate. The list with usage,
//! registration (a client's secret shown once), and a page per application
//! to edit it, rotate its secret or delete it. Also the list of a person's
//! grants, on their account page and on a user's page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::app::components::{
    error_banner, reset_on_success, time_or, AdminOnly, Confirmed, CopyField, ErrorNotice, Field,
    FormErrors,
};
use crate::app::format::number;
use crate::app::table::{Column, DataTable};
use crate::model::{
    AppAccess, Application, ApplicationCreated, ApplicationKind, ClientType, OrgRole, UserGrant,
};
use crate::server_fns::applications::{
    get_application, list_applications, list_grants, CreateApplication, CreateProtectedSite,
    DeleteApplication, RevokeGrant, RotateApplicationSecret, UpdateApplication,
};
use crate::server_fns::orgs::org_names;
use crate::t;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    view! {
        <Title text=t!("applications-title")/>
        <AdminOnly>
            <Applications/>
        </AdminOnly>
    }
    .into_any()
}

fn access_label(access: &AppAccess, orgs: &[(String, String)]) -> String {
    if access.is_everyone() {
        return t!("applications-everyone");
    }
    let names: Vec<String> = access
        .orgs
        .iter()
        .map(|rule| {
            let name = orgs
                .iter()
                .find(|(id, _)| *id == rule.org_id)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| rule.org_id.clone());
            match rule.min_role {
                OrgRole::Viewer => t!("applications-access-viewer", org = name),
                OrgRole::Editor => t!("applications-access-editor", org = name),
                OrgRole::Admin => t!("applications-access-admin", org = name),
            }
        })
        .collect();
    names.join(", ")
}

fn role_label(role: OrgRole) -> String {
    match role {
        OrgRole::Viewer => t!("applications-role-viewer"),
        OrgRole::Editor => t!("applications-role-editor"),
        OrgRole::Admin => t!("applications-role-admin"),
    }
}

#[component]
fn Applications() -> impl IntoView {
    let create = ServerAction::<CreateApplication>::new();
    let create_site = ServerAction::<CreateProtectedSite>::new();
    let apps = Resource::new(
        move || (create.version().get(), create_site.version().get()),
        |_| list_applications(),
    );
    let orgs = Resource::new(|| (), |_| org_names());
    view! {
        <div class="page-head">
            <h1>{t!("applications-title")}</h1>
        </div>
        <p class="lead">{t!("applications-lead")}</p>
        <section class="card" aria-labelledby="apps-heading">
            <h2 id="apps-heading">{t!("applications-registered")}</h2>
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    let names = orgs.await.unwrap_or_default();
                    match apps.await {
                        Ok(list) => view! { <ApplicationTable list orgs=names/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <NewApplicationForm create orgs/>
        <NewSiteForm create=create_site orgs/>
    }
    .into_any()
}

#[component]
fn ApplicationTable(list: Vec<Application>, orgs: Vec<(String, String)>) -> impl IntoView {
    let identity = |app: &Application| match (app.kind, app.client_type) {
        (ApplicationKind::ForwardAuth, _) => {
            (t!("applications-kind-forward-auth"), app.hosts.join(", "))
        }
        (_, ClientType::Confidential) => {
            (t!("applications-kind-confidential"), app.client_id.clone())
        }
        (_, ClientType::Public) => (t!("applications-kind-public"), app.client_id.clone()),
    };
    let columns = vec![
        Column::new(t!("common-name"), |app: &Application| {
            view! { <a href=format!("/applications/{}", app.id)>{app.name.clone()}</a> }
        }),
        Column::new(t!("applications-col-identity"), move |app: &Application| {
            view! { <code>{identity(app).1}</code> }
        }),
        Column::new(t!("applications-type"), move |app: &Application| {
            identity(app).0
        }),
        Column::new(t!("applications-who"), move |app: &Application| {
            access_label(&app.access, &orgs)
        }),
        Column::new(t!("applications-active-grants"), |app: &Application| {
            number(app.active_grants as i64)
        }),
        Column::new(t!("applications-last-sign-in"), |app: &Application| {
            time_or(app.last_sign_in_at.clone(), t!("common-never"))
        }),
    ];
    view! {
        <DataTable rows=list columns caption=t!("applications-title") testid="applications"
            row_testid="application-row" empty=t!("applications-empty") empty_testid="no-applications"/>
    }
}

/// A labelled textarea of URIs, one per line.
#[component]
fn UriList(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(into)] hint: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] value: Vec<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(view! { <span aria-hidden="true">" *"</span> })}</label>
            <textarea id=id name=name rows="3" required=required spellcheck="false"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described>{value.join("\n")}</textarea>
            <p class="hint" id=hint_id>{hint}</p>
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

/// Who may sign in: organisations to check, and the least role in them.
/// `ids` prefixes the element ids (two new-application forms share a page).
#[component]
fn AccessFields(
    orgs: Vec<(String, String)>,
    current: AppAccess,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = "access")] ids: &'static str,
) -> impl IntoView {
    let min_role = current
        .orgs
        .first()
        .map(|r| r.min_role)
        .unwrap_or(OrgRole::Viewer);
    let boxes = orgs
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let checked = current.orgs.iter().any(|r| r.org_id == id);
            let box_id = format!("{ids}-org-{i}");
            let label_for = box_id.clone();
            view! {
                <label class="check" for=label_for>
                    <input type="checkbox" id=box_id name=format!("access_orgs[{i}]") value=id checked=checked/>
                    " "{name}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" aria-describedby=format!("{ids}-hint")>
            <legend>{t!("applications-who")}</legend>
            <p class="hint" id=format!("{ids}-hint")>{t!("applications-access-hint")}</p>
            <div class="checks">{boxes}</div>
            <label for=format!("{ids}-min-role")>{t!("applications-least-role")}</label>
            <select id=format!("{ids}-min-role") name="min_role">
                {OrgRole::ALL.into_iter().map(|r| view! { <option value=r.as_str() selected=r == min_role>{role_label(r)}</option> }).collect_view()}
            </select>
            {move || error.get().map(|e| view! { <p class="field-error">{e}</p> })}
        </fieldset>
    }
}

/// [`AccessFields`] of a new application, once the organisations load.
#[component]
fn NewAccessFields(
    orgs: Resource<Result<Vec<(String, String)>, crate::model::AppError>>,
    #[prop(into)] error: Signal<Option<String>>,
    ids: &'static str,
) -> impl IntoView {
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let names = orgs.await.unwrap_or_default();
                view! { <AccessFields orgs=names current=AppAccess::default() error ids/> }
            })}
        </Transition>
    }
}

#[component]
fn NewApplicationForm(
    create: ServerAction<CreateApplication>,
    orgs: Resource<Result<Vec<(String, String)>, crate::model::AppError>>,
) -> impl IntoView {
    let errors = FormErrors::of(create);
    let form = NodeRef::<leptos::html::Form>::new();
    reset_on_success(create, form);
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <section class="card" aria-labelledby="new-app-heading">
            <h2 id="new-app-heading">{t!("applications-register-heading")}</h2>
            {move || created().map(|c| view! { <Credentials created=c on_done=Callback::new(move |_| create.value().set(None))/> })}
            {move || error_banner(errors.general())}
            <noscript>
                <p class="notice warning">{t!("applications-register-noscript")}</p>
            </noscript>
            <ActionForm action=create node_ref=form attr:class="stack">
                <Field label=t!("common-name") name="name" required=true autocomplete="off"
                    hint=t!("applications-name-hint") error=errors.field("name")/>
                <div class="field">
                    <label for="field-client-type">{t!("applications-client-type")}</label>
                    <select id="field-client-type" name="client_type" aria-describedby="field-client-type-hint">
                        <option value="confidential" selected=true>{t!("applications-client-type-confidential")}</option>
                        <option value="public">{t!("applications-client-type-public")}</option>
                    </select>
                    <p class="hint" id="field-client-type-hint">{t!("applications-client-type-hint")}</p>
                </div>
                <UriList label=t!("applications-redirect-uris") name="redirect_uris" required=true
                    hint=t!("applications-redirect-uris-hint") error=errors.field("redirect_uris")/>
                <UriList label=t!("applications-logout-uris") name="post_logout_redirect_uris"
                    hint=t!("applications-logout-uris-hint") error=errors.field("post_logout_redirect_uris")/>
                <label class="check" for="field-skip-consent">
                    <input type="checkbox" id="field-skip-consent" name="skip_consent"/>
                    " "{t!("applications-skip-consent")}
                </label>
                <NewAccessFields orgs error=errors.field("access") ids="new-app-access"/>
                <button type="submit" class="button primary">{t!("applications-register-submit")}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The fields of a site behind the forward-auth gate (new or existing).
#[component]
fn SiteFields(app: Option<Application>, errors: FormErrors) -> impl IntoView {
    let (hosts, prefixes, tokens) = app
        .map(|a| (a.hosts, a.path_prefixes, a.allow_bearer_tokens))
        .unwrap_or_default();
    view! {
        <UriList label=t!("applications-hosts") name="hosts" required=true value=hosts
            hint=t!("applications-hosts-hint") error=errors.field("hosts")/>
        <UriList label=t!("applications-path-prefixes") name="path_prefixes" value=prefixes
            hint=t!("applications-path-prefixes-hint") error=errors.field("path_prefixes")/>
        <label class="check" for="field-allow-bearer-tokens">
            <input type="checkbox" id="field-allow-bearer-tokens" name="allow_bearer_tokens" checked=tokens/>
            " "{t!("applications-bearer-tokens")}
        </label>
    }
}

#[component]
fn NewSiteForm(
    create: ServerAction<CreateProtectedSite>,
    orgs: Resource<Result<Vec<(String, String)>, crate::model::AppError>>,
) -> impl IntoView {
    let errors = FormErrors::of(create);
    let form = NodeRef::<leptos::html::Form>::new();
    reset_on_success(create, form);
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <section class="card" aria-labelledby="new-site-heading">
            <h2 id="new-site-heading">{t!("applications-site-heading")}</h2>
            <p class="hint">{t!("applications-site-hint")}</p>
            {move || created().map(|c| view! {
                <div class="notice success" role="status" data-testid="new-site">{t!("applications-site-protected", name = c.application.name)}</div>
            })}
            {move || error_banner(errors.general())}
            <ActionForm action=create node_ref=form attr:class="stack">
                <Field label=t!("common-name") name="name" id="field-site-name" required=true autocomplete="off"
                    hint=t!("applications-site-name-hint") error=errors.field("name")/>
                <SiteFields app=None errors/>
                <NewAccessFields orgs error=errors.field("access") ids="new-site-access"/>
                <button type="submit" class="button primary">{t!("applications-site-submit")}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The one showing of a client's credentials, with the discovery address.
#[component]
fn Credentials(created: ApplicationCreated, on_done: Callback<()>) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let app = created.application;
    view! {
        <div class="secret-box" role="region" aria-labelledby="app-credentials-heading" data-testid="new-app-secret">
            <h3 id="app-credentials-heading">{t!("applications-registered-notice", name = app.name.clone())}</h3>
            {created.client_secret.is_some().then(|| view! { <p><strong>{t!("applications-copy-secret-now")}</strong></p> })}
            <CopyField label=t!("applications-client-id") id="new-app-client-id" value=app.client_id.clone() focus=true/>
            {created.client_secret.map(|secret| view! { <CopyField label=t!("applications-client-secret") id="new-app-client-secret" value=secret/> })}
            <CopyField label=t!("applications-issuer") id="new-app-issuer" value=format!("{origin}/.well-known/openid-configuration")/>
            <button type="button" class="button subtle" on:click=move |_| on_done.run(())>{t!("applications-done")}</button>
        </div>
    }
    .into_any()
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    view! {
        <AdminOnly>
            <ApplicationDetail/>
        </AdminOnly>
    }
    .into_any()
}

#[component]
fn ApplicationDetail() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let update = ServerAction::<UpdateApplication>::new();
    let rotate = ServerAction::<RotateApplicationSecret>::new();
    let app = Resource::new(
        move || (id(), update.version().get()),
        |(id, _)| get_application(id),
    );
    let orgs = Resource::new(|| (), |_| org_names());
    view! {
        <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let names = orgs.await.unwrap_or_default();
                match app.await {
                    Ok(app) => view! { <ApplicationView app orgs=names update rotate/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn ApplicationView(
    app: Application,
    orgs: Vec<(String, String)>,
    update: ServerAction<UpdateApplication>,
    rotate: ServerAction<RotateApplicationSecret>,
) -> impl IntoView {
    let errors = FormErrors::of(update);
    let saved = move || update.value().with(|v| matches!(v, Some(Ok(_))));
    let rotated = move || rotate.value().get().and_then(Result::ok);
    let rotate_error = move || {
        rotate.value().with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().err().map(|e| e.to_string()))
        })
    };
    let delete = ServerAction::<DeleteApplication>::new();
    let confidential = app.client_type == ClientType::Confidential;
    let (title, heading, name_value) = (app.name.clone(), app.name.clone(), app.name.clone());
    let (update_id, delete_id, delete_label) = (
        app.id.clone(),
        app.id.clone(),
        t!("applications-delete-label", name = app.name.clone()),
    );
    let rotate_id = app.id.clone();
    let site = app.kind == ApplicationKind::ForwardAuth;
    let delete_explanation = t!(
        "applications-delete-explanation",
        name = app.name.clone(),
        count = app.active_grants
    );
    view! {
        <Title text=title/>
        <div class="page-head">
            <h1>{heading}</h1>
            <a href="/applications">{t!("applications-all")}</a>
        </div>
        {(!site).then(|| view! {
        <section class="card" aria-labelledby="app-facts-heading">
            <h2 id="app-facts-heading">{t!("applications-client")}</h2>
            <dl class="facts">
                <dt>{t!("applications-client-id")}</dt><dd><code data-testid="client-id">{app.client_id.clone()}</code></dd>
                <dt>{t!("applications-type")}</dt><dd>{if confidential { t!("applications-type-confidential") } else { t!("applications-type-public") }}</dd>
                <dt>{t!("applications-id-token-alg")}</dt><dd>{app.id_token_signed_response_alg.clone()}</dd>
                <dt>{t!("applications-active-grants")}</dt><dd>{number(app.active_grants as i64)}</dd>
                <dt>{t!("applications-last-sign-in")}</dt><dd>{time_or(app.last_sign_in_at.clone(), t!("common-never"))}</dd>
            </dl>
            {move || rotated().map(|c| view! { <Credentials created=c on_done=Callback::new(move |_| rotate.value().set(None))/> })}
            {move || error_banner(rotate_error())}
            {confidential.then(move || {
                let id = rotate_id;
                view! {
                    <Confirmed summary=t!("applications-rotate-summary") explanation=t!("applications-rotate-explanation")>
                        <ActionForm action=rotate>
                            <input type="hidden" name="id" value=id/>
                            <button type="submit" class="button">{t!("applications-rotate-submit")}</button>
                        </ActionForm>
                    </Confirmed>
                }
            })}
        </section>
        })}
        <section class="card" aria-labelledby="app-edit-heading">
            <h2 id="app-edit-heading">{t!("applications-settings")}</h2>
            {move || saved().then(|| view! { <div class="notice success" role="status">{t!("applications-saved")}</div> })}
            {move || error_banner(errors.general())}
            <ActionForm action=update attr:class="stack">
                <input type="hidden" name="id" value=update_id/>
                <Field label=t!("common-name") name="name" required=true value=name_value error=errors.field("name")/>
                {if site {
                    view! { <SiteFields app=Some(app.clone()) errors/> }.into_any()
                } else {
                    view! {
                        <UriList label=t!("applications-redirect-uris") name="redirect_uris" required=true value=app.redirect_uris.clone()
                            hint=t!("applications-redirect-uris-hint") error=errors.field("redirect_uris")/>
                        <UriList label=t!("applications-logout-uris") name="post_logout_redirect_uris" value=app.post_logout_redirect_uris.clone()
                            hint=t!("applications-logout-uris-hint") error=errors.field("post_logout_redirect_uris")/>
                        <label class="check" for="field-skip-consent">
                            <input type="checkbox" id="field-skip-consent" name="skip_consent" checked=app.skip_consent/>
                            " "{t!("applications-skip-consent")}
                        </label>
                    }
                    .into_any()
                }}
                <AccessFields orgs current=app.access.clone() error=errors.field("access")/>
                <button type="submit" class="button primary">{t!("common-save")}</button>
            </ActionForm>
        </section>
        <section class="card danger-zone" aria-labelledby="app-delete-heading">
            <h2 id="app-delete-heading">{t!("common-delete")}</h2>
            <Confirmed summary=t!("applications-delete-summary") explanation=delete_explanation>
                <ActionForm action=delete>
                    <input type="hidden" name="id" value=delete_id/>
                    <button type="submit" class="button danger">{delete_label}</button>
                </ActionForm>
            </Confirmed>
        </section>
    }
    .into_any()
}

/// The applications a person signed in to, each with a revoke button.
/// `user_id` empty: the signed-in person's own.
#[component]
pub fn GrantsList(user_id: String) -> impl IntoView {
    let revoke = ServerAction::<RevokeGrant>::new();
    let owner = user_id.clone();
    let grants = Resource::new(
        move || revoke.version().get(),
        move |_| list_grants(owner.clone()),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || {
                let user_id = user_id.clone();
                Suspend::new(async move {
                    match grants.await {
                        Ok(list) => view! { <GrantTable list user_id revoke/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}

#[component]
fn GrantTable(
    list: Vec<UserGrant>,
    user_id: String,
    revoke: ServerAction<RevokeGrant>,
) -> impl IntoView {
    let actions = move |g: &UserGrant| {
        let explanation = t!(
            "applications-grant-revoke-explanation",
            name = g.application_name.clone()
        );
        let label = t!(
            "applications-grant-revoke-label",
            name = g.application_name.clone()
        );
        let (user_id, grant_id) = (user_id.clone(), g.id.clone());
        view! {
            <Confirmed summary=t!("applications-grant-revoke-summary") explanation>
                <ActionForm action=revoke>
                    <input type="hidden" name="user_id" value=user_id/>
                    <input type="hidden" name="grant_id" value=grant_id/>
                    <button type="submit" class="button danger">{label}</button>
                </ActionForm>
            </Confirmed>
        }
    };
    let columns = vec![
        Column::new(t!("applications-col-application"), |g: &UserGrant| {
            g.application_name.clone()
        }),
        Column::new(t!("applications-col-shares"), |g: &UserGrant| {
            g.scopes.join(" ")
        }),
        Column::new(t!("applications-col-since"), |g: &UserGrant| {
            time_or(Some(g.created_at.clone()), "")
        }),
        Column::new(t!("applications-col-last-used"), |g: &UserGrant| {
            time_or(Some(g.last_used_at.clone()), "")
        }),
        Column::actions(actions),
    ];
    view! {
        <DataTable rows=list columns caption=t!("applications-grants-caption") testid="grants"
            row_testid="grant-row" empty=t!("applications-grants-empty") empty_testid="no-grants"/>
    }
}
