//! OAuth2 clients for scripts (client credentials grant): list, create
//! (id and secret shown once), revoke.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;

use super::tokens::{scopes_label, ScopeSelect};
use crate::app::components::{
    alert, error_banner, reset_on_success, time_or, AdminOnly, Confirmed, CopyField, ErrorNotice,
    Field, FormErrors,
};
use crate::app::table::{Column, DataTable};
use crate::model::{OAuthClient, OAuthClientCreated};
use crate::server_fns::access::{list_oauth_clients, CreateOauthClient, RevokeOauthClient};

#[component]
pub fn OAuthClientsPage() -> impl IntoView {
    view! {
        <Title text="API clients"/>
        <AdminOnly>
            <OAuthClients/>
        </AdminOnly>
    }
    .into_any()
}

#[component]
fn OAuthClients() -> impl IntoView {
    let create = ServerAction::<CreateOauthClient>::new();
    let revoke = ServerAction::<RevokeOauthClient>::new();
    let clients = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_oauth_clients(),
    );
    let revoke_error = move || {
        revoke
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
            .map(alert)
    };
    view! {
        <div class="page-head">
            <h1>"API clients"</h1>
        </div>
        <p class="lead">
            "Scripts and services use an API client to reach the admin API without a person's password: they exchange "
            "its client id and secret at "<code>"POST /oauth2/token"</code>" (grant type "<code>"client_credentials"</code>
            ") for a short-lived access token."
        </p>
        <NewClientForm create/>
        <section class="card" aria-labelledby="clients-heading">
            <h2 id="clients-heading">"Clients"</h2>
            {revoke_error}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match clients.await {
                        Ok(list) => view! { <ClientTable list revoke/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn ClientTable(list: Vec<OAuthClient>, revoke: ServerAction<RevokeOauthClient>) -> impl IntoView {
    let state = |c: &OAuthClient| {
        match &c.revoked_at {
        Some(_) => view! { <span class="badge token-revoked">"revoked"</span>" "{time_or(c.revoked_at.clone(), "")} }.into_any(),
        None => view! { <span class="badge token-active">"active"</span> }.into_any(),
    }
    };
    let actions = move |c: &OAuthClient| {
        c.revoked_at.is_none().then(|| {
            let explanation = format!(
                "Revoke “{}”? Its access tokens stop working at once and it cannot get new ones. This cannot be undone.",
                c.name
            );
            // Owned copies: the confirmation's children are a closure.
            let id = c.id.clone();
            let label = format!("Revoke {}", c.name);
            view! {
                <Confirmed summary="Revoke…".into() explanation>
                    <ActionForm action=revoke>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button danger">{label}</button>
                    </ActionForm>
                </Confirmed>
            }
        })
    };
    let columns = vec![
        Column::new("Name", |c: &OAuthClient| c.name.clone()),
        Column::new(
            "Client id",
            |c: &OAuthClient| view! { <code>{c.id.clone()}</code> },
        ),
        Column::new("Scopes", |c: &OAuthClient| scopes_label(&c.scopes)),
        Column::new("Created", |c: &OAuthClient| {
            view! { {c.created_by.clone()}", "{time_or(Some(c.created_at.clone()), "")} }
        }),
        Column::new("Last used", |c: &OAuthClient| {
            time_or(c.last_used_at.clone(), "never")
        }),
        Column::new("State", state),
        Column::actions(actions),
    ];
    // Keyed: when the list changes, an open confirmation must not pass
    // to the row that takes this one's place.
    view! {
        <DataTable rows=list columns caption="API clients" testid="clients" row_testid="client-row"
            key=Arc::new(|c: &OAuthClient| format!("{}:{:?}", c.id, c.revoked_at))
            empty="No API clients yet." empty_testid="no-clients"/>
    }
    .into_any()
}

#[component]
fn NewClientForm(create: ServerAction<CreateOauthClient>) -> impl IntoView {
    let errors = FormErrors::of(create);
    let form = NodeRef::<leptos::html::Form>::new();
    reset_on_success(create, form);
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <section class="card" aria-labelledby="new-client-heading">
            <h2 id="new-client-heading">"New API client"</h2>
            {move || created().map(|c| view! { <NewClientSecret created=c on_done=Callback::new(move |_| create.value().set(None))/> })}
            {move || error_banner(errors.general())}
            <noscript>
                <p class="notice warning">"Creating a client needs JavaScript: its secret is shown once, on this page."</p>
            </noscript>
            <ActionForm action=create node_ref=form attr:class="stack">
                <Field label="Name" name="name" required=true autocomplete="off"
                    hint="Which script or service uses it, e.g. “nightly sync”." error=errors.field("name")/>
                <ScopeSelect id="field-client-scope"/>
                <button type="submit" class="button primary">"Create API client"</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The one showing of a new client's credentials, with a request to try.
#[component]
fn NewClientSecret(created: OAuthClientCreated, on_done: Callback<()>) -> impl IntoView {
    // Only ever rendered in the browser, after the action: the origin is known.
    let origin = window().location().origin().unwrap_or_default();
    let curl = format!(
        "curl -X POST '{origin}/oauth2/token' \\\n  -u '{}:{}' \\\n  -d grant_type=client_credentials",
        created.client.id, created.client_secret
    );
    view! {
        <div class="secret-box" role="region" aria-labelledby="new-client-heading-done" data-testid="new-client-secret">
            <h3 id="new-client-heading-done">{format!("API client “{}” created", created.client.name)}</h3>
            <p><strong>"Copy it now: it will not be shown again."</strong></p>
            <CopyField label="Client id" id="new-client-id" value=created.client.id.clone() focus=true/>
            <CopyField label="Client secret" id="new-client-secret" value=created.client_secret.clone()/>
            <h4 id="curl-example-heading">"Try it"</h4>
            <p>"Get an access token, then send it as "<code>"Authorization: Bearer …"</code>" to the admin API:"</p>
            <pre class="example" role="region" tabindex="0" aria-labelledby="curl-example-heading"><code data-testid="curl-example">{curl}</code></pre>
            <button type="button" class="button subtle" on:click=move |_| on_done.run(())>"I have copied them"</button>
        </div>
    }
    .into_any()
}
