//! A user's personal admin API tokens: the list, revoking, and creating one
//! (its secret is shown once). Used on the user page and on "My account".

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::{
    alert, error_banner, reset_on_success, time_or, Confirmed, CopyField, ErrorNotice, Field,
    FormErrors,
};
use crate::app::format::{around_slot, SLOT};
use crate::app::table::{Column, DataTable};
use crate::model::{ApiToken, ApiTokenCreated, AppError, SCOPE_ADMIN, SCOPE_ADMIN_READ};
use crate::server_fns::access::{list_tokens, CreateToken, RevokeToken};
use crate::t;

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
pub fn scope_label(scope: &str) -> String {
    match scope {
        SCOPE_ADMIN => t!("tokens-scope-admin"),
        SCOPE_ADMIN_READ => t!("tokens-scope-read"),
        crate::model::roles::ORG_ADMIN_SCOPE => t!("tokens-scope-org-admin"),
        other => match other
            .strip_prefix(crate::model::roles::ROLE_SCOPE_PREFIX)
            .and_then(crate::model::ServerRole::parse)
        {
            Some(role) => t!(
                "tokens-scope-role",
                role = super::user_detail::role_label(role)
            ),
            None => other.to_owned(),
        },
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
            <label for=id>{t!("tokens-scope")}</label>
            <select id=id name="scope" aria-describedby=hint_id.clone()>
                <option value="admin" selected>{t!("tokens-scope-admin-option")}</option>
                <option value="read">{t!("tokens-scope-read-option")}</option>
            </select>
            <p class="hint" id=hint_id>{t!("tokens-scope-hint")}</p>
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
    let (lead_before, lead_after) = around_slot(t!("tokens-lead", header = SLOT));
    view! {
        <section class="card" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">{t!("tokens-title")}</h2>
            <p class="muted">{lead_before}<code>"Authorization: Bearer …"</code>{lead_after}</p>
            {revoke_error}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
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

/// A token's state (`active`, `expired` or `revoked`), as a person reads it.
fn state_label(state: &str) -> String {
    match state {
        "active" => t!("tokens-state-active"),
        "expired" => t!("tokens-state-expired"),
        "revoked" => t!("tokens-state-revoked"),
        other => other.to_owned(),
    }
}

#[component]
fn TokenTable(list: Vec<ApiToken>, revoke: ServerAction<RevokeToken>) -> impl IntoView {
    let actions = move |t: &ApiToken| {
        (t.state == "active").then(|| {
            let explanation = t!("tokens-revoke-explanation", name = t.name.clone());
            // Owned copies: the confirmation's children are a closure.
            let (user_id, id) = (t.user_id.clone(), t.id.clone());
            let label = t!("tokens-revoke", name = t.name.clone());
            view! {
                <Confirmed summary=t!("tokens-revoke-summary") explanation>
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
        Column::new(t!("common-name"), |t: &ApiToken| t.name.clone()),
        Column::new(t!("tokens-col-scopes"), |t: &ApiToken| {
            scopes_label(&t.scopes)
        }),
        Column::new(t!("tokens-col-state"), |t: &ApiToken| {
            view! { <span class=format!("badge token-{}", t.state)>{state_label(&t.state)}</span> }
        }),
        Column::new(t!("common-created"), |t: &ApiToken| {
            time_or(Some(t.created_at.clone()), "")
        }),
        Column::new(t!("tokens-col-last-used"), |t: &ApiToken| {
            time_or(t.last_used_at.clone(), t!("common-never"))
        }),
        Column::new(t!("common-expires"), |t: &ApiToken| {
            time_or(t.expires_at.clone(), t!("common-never"))
        }),
        Column::actions(actions),
    ];
    // Keyed: when the list changes, an open confirmation must not pass
    // to the row that takes this one's place.
    view! {
        <DataTable rows=list columns caption=t!("tokens-title") testid="tokens" row_testid="token-row"
            key=Arc::new(|t: &ApiToken| format!("{}:{}", t.id, t.state))
            empty=t!("tokens-empty") empty_testid="no-tokens"/>
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
            <h2 id="new-token-heading">{t!("tokens-new")}</h2>
            {move || created().map(|c| view! { <NewSecret created=c on_done=Callback::new(move |_| create.value().set(None))/> })}
            {move || error_banner(errors.general())}
            <noscript>
                <p class="notice warning">{t!("tokens-needs-js")}</p>
            </noscript>
            <ActionForm action=create node_ref=form attr:class="stack">
                <input type="hidden" name="user_id" value=user_id/>
                <Field label=t!("common-name") name="name" required=true autocomplete="off"
                    hint=t!("tokens-name-hint") error=errors.field("name")/>
                <ScopeSelect id="field-token-scope"/>
                <Field label=t!("tokens-expires-on") name="expires_on" kind="date"
                    hint=t!("tokens-expires-hint")
                    error=errors.field("expires_on")/>
                <button type="submit" class="button primary">{t!("tokens-create")}</button>
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
            <h3 id="new-secret-heading">{t!("tokens-created", name = created.token.name.clone())}</h3>
            <p><strong>{t!("tokens-copy-now")}</strong></p>
            <CopyField label=t!("tokens-secret") id="new-token-secret" value=created.secret focus=true/>
            <button type="button" class="button subtle" on:click=move |_| on_done.run(())>{t!("tokens-copied-it")}</button>
        </div>
    }
    .into_any()
}
