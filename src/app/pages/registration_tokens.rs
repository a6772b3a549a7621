//! Registration tokens: the links that let visitors create an account.
//! Filters and paging live in the URL; every form works without JS.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::filters::{encode_query, filter_map, filter_param, link_base, present};

use crate::app::format::{around_slot, SLOT};
use crate::t;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::{
    components::{
        alert, copy_to_clipboard, error_banner, pager, previous_next, time_or, AdminOnly,
        Confirmed, ErrorNotice, Field, FormErrors,
    },
    table::{Column, DataTable},
};
use crate::model::RegistrationToken;
use crate::server_fns::registration::{
    list_registration_tokens, CreateRegistrationToken, DeleteRegistrationToken,
    SetRegistrationTokenRevoked,
};

#[component]
pub fn RegistrationTokensPage() -> impl IntoView {
    view! {
        <Title text=t!("registration-tokens-title")/>
        <AdminOnly>
            <RegistrationTokens/>
        </AdminOnly>
    }
}

/// The state filter's choices: (state, label); a state `x` is the admin
/// API's `filter[x]=true`, none is all tokens.
fn filters() -> [(&'static str, String); 5] {
    [
        ("", t!("registration-tokens-filter-all")),
        ("valid", t!("registration-tokens-filter-valid")),
        ("used", t!("registration-tokens-filter-used")),
        ("revoked", t!("registration-tokens-filter-revoked")),
        ("expired", t!("registration-tokens-filter-expired")),
    ]
}

/// The list's filters: the admin API's parameters.
const FILTERS: [&str; 4] = [
    "filter[valid]",
    "filter[used]",
    "filter[revoked]",
    "filter[expired]",
];

/// The list of tokens in `state` (`""`: all).
fn state_href(state: &str) -> String {
    if state.is_empty() {
        "/registration-tokens".to_owned()
    } else {
        format!(
            "/registration-tokens?{}",
            encode_query(&[(filter_param(state), "true")])
        )
    }
}

#[component]
fn RegistrationTokens() -> impl IntoView {
    let query = use_query_map();
    let create = ServerAction::<CreateRegistrationToken>::new();
    let revoke = ServerAction::<SetRegistrationTokenRevoked>::new();
    let delete = ServerAction::<DeleteRegistrationToken>::new();
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                present(&FILTERS, |k| q.get(k)),
                q.get("after"),
                q.get("before"),
                q.get("token"),
                create.version().get(),
                revoke.version().get(),
                delete.version().get(),
            )
        },
        |(filters, after, before, token, ..)| {
            let filter = filter_map(filters.into_iter().map(|(k, v)| (k, Some(v))));
            list_registration_tokens(filter, after, before, token)
        },
    );
    // The chosen state: the first `filter[x]` that is `true`.
    let filter = move || {
        let q = query.read();
        filters()
            .into_iter()
            .map(|(state, _)| state)
            .find(|s| !s.is_empty() && q.get(&filter_param(s)).as_deref() == Some("true"))
            .unwrap_or("")
    };
    let action_error = move || {
        let revoke_error = revoke
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()));
        let delete_error = delete
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()));
        revoke_error.or(delete_error).map(alert)
    };
    let (lead_before, lead_after) = around_slot(t!("registration-tokens-lead", path = SLOT));
    view! {
        <div class="page-head">
            <h1>{t!("registration-tokens-title")}</h1>
        </div>
        <p class="lead">
            {lead_before}<code>"/register"</code>{lead_after}
        </p>
        <NewTokenForm create/>
        <section class="card" aria-labelledby="reg-tokens-heading">
            <h2 id="reg-tokens-heading">{t!("registration-tokens-list")}</h2>
            // One link per state (the API's `filter[used]=true`, …): a form
            // control could not name the parameter by its value.
            <nav class="filters" role="search" aria-label=t!("registration-tokens-filter-label")>
                <div class="field">
                    <span class="label" id="filter-state-label">{t!("registration-tokens-show")}</span>
                    <div id="filter-state" role="group" aria-labelledby="filter-state-label">
                        {filters().into_iter().map(|(state, label)| {
                            let href = state_href(state);
                            let current = move || (filter() == state).then_some("page");
                            view! {
                                <a href=href class="button subtle" aria-current=current>{label}</a>
                            }
                        }).collect_view()}
                    </div>
                </div>
            </nav>
            {action_error}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(tokens) => {
                            let count = tokens.page.count.unwrap_or(0);
                            let base = link_base(
                                "/registration-tokens",
                                &present(&FILTERS, |k| query.read().get(k)),
                            );
                            let pager = pager(&base, &tokens.page, previous_next());
                            view! {
                                <DataTable rows=tokens.page.items columns=token_columns(tokens.register_url, revoke, delete)
                                    caption=t!("registration-tokens-title") testid="reg-tokens" row_testid="reg-token-row"
                                    row_data=Arc::new(|t: &RegistrationToken| vec![("data-token", t.token.clone())])
                                    key=Arc::new(token_key) summary=("reg-tokens-count", t!("registration-tokens-count", count = count))
                                    empty=t!("registration-tokens-empty") pager/>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <super::email::InvitationsPanel/>
    }    .into_any()
}

/// Completed registrations against the uses allowed, as a meter with text.
fn usage(t: &RegistrationToken) -> AnyView {
    let text = match t.uses_allowed {
        Some(n) => t!(
            "registration-tokens-usage",
            completed = t.completed,
            allowed = n
        ),
        None => t!(
            "registration-tokens-usage-unlimited",
            completed = t.completed
        ),
    };
    let meter = t.uses_allowed.filter(|n| *n > 0).map(|n| {
        view! {
            <meter min="0" max=n.to_string() value=t.completed.min(n).to_string()
                aria-label=t!("registration-tokens-usage-label", completed = t.completed, allowed = n)></meter>
        }
    });
    view! {
        <span class="usage">
            {meter}
            " "<span data-testid="reg-token-usage">{text}</span>
        </span>
    }
    .into_any()
}

/// Keyed by every shown value that changes: a changed row is drawn anew.
fn token_key(t: &RegistrationToken) -> String {
    format!(
        "{}:{:?}:{}:{:?}:{:?}",
        t.token, t.revoked_at, t.completed, t.uses_allowed, t.expires_at
    )
}

fn token_columns(
    register_url: String,
    revoke: ServerAction<SetRegistrationTokenRevoked>,
    delete: ServerAction<DeleteRegistrationToken>,
) -> Vec<Column<RegistrationToken>> {
    let state = |t: &RegistrationToken| {
        let state = t.state();
        let label = match state {
            "revoked" => t!("registration-tokens-state-revoked"),
            "valid" => t!("registration-tokens-state-valid"),
            "used up" => t!("registration-tokens-state-used-up"),
            "expired" => t!("registration-tokens-state-expired"),
            other => other.to_owned(),
        };
        view! {
            <span class=format!("badge reg-token-{}", state.replace(' ', "-")) data-testid="reg-token-state">{label}</span>
        }
    };
    let link = move |t: &RegistrationToken| {
        let link = format!("{register_url}{}", urlencoding::encode(&t.token));
        view! { <CopyLink token=t.token.clone() link/> }
    };
    let actions = move |t: &RegistrationToken| {
        let revoked = t.revoked_at.is_some();
        let (token_a, token_b) = (t.token.clone(), t.token.clone());
        let explanation = t!(
            "registration-tokens-delete-explanation",
            token = t.token.clone()
        );
        view! {
            <ActionForm action=revoke>
                <input type="hidden" name="token" value=token_a/>
                <input type="hidden" name="revoke" value=if revoked { "false" } else { "true" }/>
                <button type="submit" class="button">{if revoked { t!("registration-tokens-unrevoke") } else { t!("common-revoke") }}</button>
            </ActionForm>
            <Confirmed summary=t!("registration-tokens-delete-summary") explanation>
                <ActionForm action=delete>
                    <input type="hidden" name="token" value=token_b.clone()/>
                    <button type="submit" class="button danger">{t!("registration-tokens-delete", token = token_b)}</button>
                </ActionForm>
            </Confirmed>
        }
    };
    vec![
        Column::new(
            t!("registration-tokens-col-token"),
            |t: &RegistrationToken| view! { <code>{t.token.clone()}</code> },
        ),
        Column::new(t!("registration-tokens-col-state"), state),
        Column::new(t!("registration-tokens-col-uses"), usage),
        Column::new(t!("common-expires"), |t: &RegistrationToken| {
            time_or(t.expires_at.clone(), t!("common-never"))
        }),
        Column::new(
            t!("registration-tokens-col-last-used"),
            |t: &RegistrationToken| time_or(t.last_used_at.clone(), t!("common-never")),
        ),
        Column::new(t!("registration-tokens-col-link"), link),
        Column::actions(actions).class("row-actions"),
    ]
}

/// The token's registration link in a read-only field (the fallback that
/// always works: select and copy) with a button that copies it.
#[component]
fn CopyLink(token: String, link: String) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let copied = RwSignal::new(None::<bool>);
    let text = StoredValue::new(link.clone());
    let copy = move |_| {
        let text = text.get_value();
        leptos::task::spawn_local(async move {
            let ok = copy_to_clipboard(&text).await;
            if !ok {
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    let id = format!("reg-link-{token}");
    let status_id = format!("{id}-status");
    // Read now: the status changes later, in the browser.
    let (done, refused) = (
        t!("registration-tokens-copied"),
        t!("registration-tokens-copy-refused"),
    );
    view! {
        <div class="copy-link">
            <label class="sr-only" for=id.clone()>{t!("registration-tokens-link-label", token = token.clone())}</label>
            <input id=id type="text" readonly value=link class="link-field" data-testid="reg-token-link"
                spellcheck="false" autocomplete="off" aria-describedby=status_id.clone()/>
            <button type="button" class="button" on:click=copy
                aria-label=t!("registration-tokens-copy-link-label", token = token.clone())>{t!("registration-tokens-copy-link")}</button>
            <span class="hint" id=status_id role="status">
                {move || match copied.get() {
                    Some(true) => done.clone(),
                    Some(false) => refused.clone(),
                    None => String::new(),
                }}
            </span>
        </div>
    }    .into_any()
}

#[component]
fn NewTokenForm(create: ServerAction<CreateRegistrationToken>) -> impl IntoView {
    let errors = FormErrors::of(create);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if create.value().with(|v| matches!(v, Some(Ok(_)))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let created = move || {
        create.value().get().and_then(Result::ok).map(|t| {
            let (before, after) = around_slot(t!("registration-tokens-created", token = SLOT));
            view! {
                <div class="notice success" role="status" data-testid="reg-token-created">
                    {before}<code>{t.token.clone()}</code>{after}
                </div>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="new-reg-token-heading">
            <h2 id="new-reg-token-heading">{t!("registration-tokens-new")}</h2>
            {created}
            {move || error_banner(errors.general())}
            <ActionForm action=create node_ref=form attr:class="stack">
                <Field label=t!("registration-tokens-col-token") name="token" autocomplete="off"
                    hint=t!("registration-tokens-token-hint")
                    error=errors.field("token")/>
                <Field label=t!("registration-tokens-length") name="length" kind="number" value="16".to_owned()
                    hint=t!("registration-tokens-length-hint") error=errors.field("length")/>
                <Field label=t!("registration-tokens-uses-allowed") name="uses_allowed" kind="number"
                    hint=t!("registration-tokens-uses-allowed-hint")
                    error=errors.field("uses_allowed")/>
                <Field label=t!("registration-tokens-expires-utc") name="expires_at" kind="datetime-local"
                    hint=t!("registration-tokens-expires-hint") error=errors.field("expires_at")/>
                <button type="submit" class="button primary">{t!("registration-tokens-create")}</button>
            </ActionForm>
        </section>
    }    .into_any()
}
