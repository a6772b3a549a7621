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
use crate::app::format::{pieces, Piece};
use crate::app::table::{Column, DataTable};
use crate::model::{OAuthClient, OAuthClientCreated};
use crate::server_fns::access::{list_oauth_clients, CreateOauthClient, RevokeOauthClient};
use crate::t;

/// Where and how a client gets its tokens (API names: not translated).
const ENDPOINT: &str = "POST /oauth2/token";
const GRANT: &str = "client_credentials";
const BEARER: &str = "Authorization: Bearer …";

/// A translated sentence with the API names in it set as `<code>`.
fn with_code(text: String, codes: &[&str]) -> impl IntoView {
    pieces(&text, codes)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Value(i) => view! { <code>{codes[i].to_owned()}</code> }.into_any(),
        })
        .collect_view()
}

#[component]
pub fn OAuthClientsPage() -> impl IntoView {
    view! {
        <Title text=t!("oauth-clients-title")/>
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
            <h1>{t!("oauth-clients-title")}</h1>
        </div>
        <p class="lead">{with_code(t!("oauth-clients-lead", endpoint = ENDPOINT, grant = GRANT), &[ENDPOINT, GRANT])}</p>
        <NewClientForm create/>
        <section class="card" aria-labelledby="clients-heading">
            <h2 id="clients-heading">{t!("oauth-clients-heading")}</h2>
            {revoke_error}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
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
        Some(_) => view! { <span class="badge token-revoked">{t!("oauth-clients-revoked")}</span>" "{time_or(c.revoked_at.clone(), "")} }.into_any(),
        None => view! { <span class="badge token-active">{t!("oauth-clients-active")}</span> }.into_any(),
    }
    };
    let actions = move |c: &OAuthClient| {
        c.revoked_at.is_none().then(|| {
            let explanation = t!("oauth-clients-revoke-explanation", name = c.name.clone());
            // Owned copies: the confirmation's children are a closure.
            let id = c.id.clone();
            let label = t!("oauth-clients-revoke-label", name = c.name.clone());
            view! {
                <Confirmed summary=t!("oauth-clients-revoke-summary") explanation>
                    <ActionForm action=revoke>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button danger">{label}</button>
                    </ActionForm>
                </Confirmed>
            }
        })
    };
    let columns = vec![
        Column::new(t!("common-name"), |c: &OAuthClient| c.name.clone()),
        Column::new(
            t!("oauth-clients-client-id"),
            |c: &OAuthClient| view! { <code>{c.id.clone()}</code> },
        ),
        Column::new(t!("oauth-clients-scopes"), |c: &OAuthClient| {
            scopes_label(&c.scopes)
        }),
        Column::new(t!("common-created"), |c: &OAuthClient| {
            view! { {c.created_by.clone()}", "{time_or(Some(c.created_at.clone()), "")} }
        }),
        Column::new(t!("oauth-clients-last-used"), |c: &OAuthClient| {
            time_or(c.last_used_at.clone(), t!("common-never"))
        }),
        Column::new(t!("oauth-clients-state"), state),
        Column::actions(actions),
    ];
    // Keyed: when the list changes, an open confirmation must not pass
    // to the row that takes this one's place.
    view! {
        <DataTable rows=list columns caption=t!("oauth-clients-title") testid="clients" row_testid="client-row"
            key=Arc::new(|c: &OAuthClient| format!("{}:{:?}", c.id, c.revoked_at))
            empty=t!("oauth-clients-empty") empty_testid="no-clients"/>
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
            <h2 id="new-client-heading">{t!("oauth-clients-new-heading")}</h2>
            {move || created().map(|c| view! { <NewClientSecret created=c on_done=Callback::new(move |_| create.value().set(None))/> })}
            {move || error_banner(errors.general())}
            <noscript>
                <p class="notice warning">{t!("oauth-clients-noscript")}</p>
            </noscript>
            <ActionForm action=create node_ref=form attr:class="stack">
                <Field label=t!("common-name") name="name" required=true autocomplete="off"
                    hint=t!("oauth-clients-name-hint") error=errors.field("name")/>
                <ScopeSelect id="field-client-scope"/>
                <button type="submit" class="button primary">{t!("oauth-clients-create")}</button>
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
            <h3 id="new-client-heading-done">{t!("oauth-clients-created", name = created.client.name.clone())}</h3>
            <p><strong>{t!("oauth-clients-copy-now")}</strong></p>
            <CopyField label=t!("oauth-clients-client-id") id="new-client-id" value=created.client.id.clone() focus=true/>
            <CopyField label=t!("oauth-clients-client-secret") id="new-client-secret" value=created.client_secret.clone()/>
            <h4 id="curl-example-heading">{t!("oauth-clients-try-it")}</h4>
            <p>{with_code(t!("oauth-clients-try-it-text", header = BEARER), &[BEARER])}</p>
            <pre class="example" role="region" tabindex="0" aria-labelledby="curl-example-heading"><code data-testid="curl-example">{curl}</code></pre>
            <button type="button" class="button subtle" on:click=move |_| on_done.run(())>{t!("oauth-clients-copied-them")}</button>
        </div>
    }
    .into_any()
}
