//! A user's personal admin API tokens: the list, revoking, and creating one
//! (its secret is shown once). Used on the user page and on "My account".

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::{
    alert, error_banner, reset_on_success, time_or, Confirmed, CopyField, ErrorNotice, Field,
    FormErrors,
};
use crate::app::table::{Column, DataTable};
use crate::model::{ApiToken, ApiTokenCreated, AppError, SCOPE_ADMIN, SCOPE_ADMIN_READ};
use crate::server_fns::access::{list_tokens, CreateToken, RevokeToken};

/// Creating and revoking tokens, owned by whoever keeps them longest.
#[derive(Clone, Copy)]
pub struct TokenActions {
    pub create: ServerAction<CreateToken>,
    pub revoke: ServerAction<RevokeToken>,
}

impl Default for TokenActions {
    fn default() -> Self {
        Self {
            create: ServerAction::new(),
            revoke: ServerAction::new(),
        }
    }
}

/// How the panel names a scope.
pub fn scope_label(scope: &str) -> &str {
    match scope {
        SCOPE_ADMIN => "full admin",
        SCOPE_ADMIN_READ => "read only",
        other => other,
    }
}

pub fn scopes_label(scopes: &[String]) -> String {
    scopes
        .iter()
        .map(|s| scope_label(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The scope choice shared by the token and API client forms.
#[component]
pub fn ScopeSelect(id: &'static str) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>"Scope"</label>
            <select id=id name="scope" aria-describedby=hint_id.clone()>
                <option value="admin" selected>"Full admin"</option>
                <option value="read">"Read only"</option>
            </select>
            <p class="hint" id=hint_id>"Read only allows GET requests only."</p>
        </div>
    }
    .into_any()
}

pub type TokenList = Resource<Result<Vec<ApiToken>, AppError>>;

/// The actions and the list may come from the page: the user page creates
/// them next to its own resource, outside the suspense that draws this
/// panel, so hydration finds the list and a redraw keeps the secret.
#[component]
pub fn TokensPanel(
    user_id: String,
    #[prop(optional)] actions: Option<TokenActions>,
    #[prop(optional)] list: Option<TokenList>,
) -> impl IntoView {
    let TokenActions { create, revoke } = actions.unwrap_or_default();
    let tokens = list.unwrap_or_else(|| {
        Resource::new(
            {
                let user_id = user_id.clone();
                move || {
                    (
                        user_id.clone(),
                        create.version().get(),
                        revoke.version().get(),
                    )
                }
            },
            |(id, ..)| list_tokens(id),
        )
    });
    let revoke_error = move || {
        revoke
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
            .map(alert)
    };
    view! {
        <section class="card" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">"API tokens"</h2>
            <p class="muted">"A personal token acts as this user on the admin API ("<code>"Authorization: Bearer …"</code>"), and only while the user is an administrator."</p>
            {revoke_error}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(list) => view! { <TokenTable list revoke/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <NewTokenForm user_id create/>
    }
    .into_any()
}

#[component]
fn TokenTable(list: Vec<ApiToken>, revoke: ServerAction<RevokeToken>) -> impl IntoView {
    let actions = move |t: &ApiToken| {
        (t.state == "active").then(|| {
            let explanation = format!(
                "Revoke “{}”? Every script using it is refused at once. This cannot be undone.",
                t.name
            );
            // Owned copies: the confirmation's children are a closure.
            let (user_id, id) = (t.user_id.clone(), t.id.clone());
            let label = format!("Revoke {}", t.name);
            view! {
                <Confirmed summary="Revoke…".into() explanation>
                    <ActionForm action=revoke>
                        <input type="hidden" name="user_id" value=user_id/>
                        <input type="hidden" name="token_id" value=id/>
                        <button type="submit" class="button danger">{label}</button>
                    </ActionForm>
                </Confirmed>
            }
        })
    };
    let columns = vec![
        Column::new("Name", |t: &ApiToken| t.name.clone()),
        Column::new("Scopes", |t: &ApiToken| scopes_label(&t.scopes)),
        Column::new("State", |t: &ApiToken| {
            view! { <span class=format!("badge token-{}", t.state)>{t.state.clone()}</span> }
        }),
        Column::new("Created", |t: &ApiToken| {
            time_or(Some(t.created_at.clone()), "")
        }),
        Column::new("Last used", |t: &ApiToken| {
            time_or(t.last_used_at.clone(), "never")
        }),
        Column::new("Expires", |t: &ApiToken| {
            time_or(t.expires_at.clone(), "never")
        }),
        Column::actions(actions),
    ];
    // Keyed: when the list changes, an open confirmation must not pass
    // to the row that takes this one's place.
    view! {
        <DataTable rows=list columns caption="API tokens" testid="tokens" row_testid="token-row"
            key=Arc::new(|t: &ApiToken| format!("{}:{}", t.id, t.state))
            empty="No tokens yet." empty_testid="no-tokens"/>
    }
    .into_any()
}

#[component]
fn NewTokenForm(user_id: String, create: ServerAction<CreateToken>) -> impl IntoView {
    let errors = FormErrors::of(create);
    let form = NodeRef::<leptos::html::Form>::new();
    reset_on_success(create, form);
    let created = move || create.value().get().and_then(Result::ok);
    view! {
        <section class="card" aria-labelledby="new-token-heading">
            <h2 id="new-token-heading">"New token"</h2>
            {move || created().map(|c| view! { <NewSecret created=c on_done=Callback::new(move |_| create.value().set(None))/> })}
            {move || error_banner(errors.general())}
            <noscript>
                <p class="notice warning">"Creating a token needs JavaScript: its secret is shown once, on this page."</p>
            </noscript>
            <ActionForm action=create node_ref=form attr:class="stack">
                <input type="hidden" name="user_id" value=user_id/>
                <Field label="Name" name="name" required=true autocomplete="off"
                    hint="What the token is for, e.g. “backup script”." error=errors.field("name")/>
                <ScopeSelect id="field-token-scope"/>
                <Field label="Expires on (optional)" name="expires_on" kind="date"
                    hint="The token stops working at the end of that day (UTC). Empty: it never expires."
                    error=errors.field("expires_on")/>
                <button type="submit" class="button primary">"Create token"</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The one and only showing of a new token's secret.
#[component]
fn NewSecret(created: ApiTokenCreated, on_done: Callback<()>) -> impl IntoView {
    view! {
        <div class="secret-box" role="region" aria-labelledby="new-secret-heading" data-testid="new-token-secret">
            <h3 id="new-secret-heading">{format!("Token “{}” created", created.token.name)}</h3>
            <p><strong>"Copy it now: it will not be shown again."</strong></p>
            <CopyField label="Secret" id="new-token-secret" value=created.secret focus=true/>
            <button type="button" class="button subtle" on:click=move |_| on_done.run(())>"I have copied it"</button>
        </div>
    }
    .into_any()
}
