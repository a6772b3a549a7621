//! The Contacts tab of the user page: the user's roster (other users with a
//! presence subscription and groups), adding one with username
//! suggestions, changing one, removing one after a confirmation. Every form
//! is a plain form post first; suggestions need JavaScript.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::{
    alert, error_banner, last_error, Confirmed, ErrorNotice, Field, FormErrors, UsernameInput,
};
use crate::app::table::{Column, DataTable};
use crate::model::{contact::SUBSCRIPTIONS, AppError, Contact};
use crate::server_fns::contacts::{list_contacts, AddContact, RemoveContact, UpdateContact};
use crate::t;

/// Adding, changing and removing contacts.
#[derive(Clone, Copy)]
pub struct ContactActions {
    pub add: ServerAction<AddContact>,
    pub update: ServerAction<UpdateContact>,
    pub remove: ServerAction<RemoveContact>,
}

pub type ContactList = Resource<Result<Vec<Contact>, AppError>>;

impl ContactActions {
    /// The actions and the user's list, for the user page to create next to
    /// its own resource (outside the suspense that draws the tab, as with
    /// tokens). The list loads only while `shown` is true.
    pub fn with_list(
        user_id: impl Fn() -> String + Send + Sync + 'static,
        shown: impl Fn() -> bool + Send + Sync + 'static,
    ) -> (Self, ContactList) {
        let actions = Self {
            add: ServerAction::new(),
            update: ServerAction::new(),
            remove: ServerAction::new(),
        };
        let list = Resource::new(
            move || {
                (
                    user_id(),
                    shown(),
                    actions.add.version().get(),
                    actions.update.version().get(),
                    actions.remove.version().get(),
                )
            },
            |(id, shown, ..)| async move {
                if shown {
                    list_contacts(id).await
                } else {
                    Ok(Vec::new())
                }
            },
        );
        (actions, list)
    }
}

/// How the panel explains a subscription (XMPP's terms, from the user's side).
fn subscription_label(s: &str) -> String {
    match s {
        "to" => t!("contacts-subscription-to"),
        "from" => t!("contacts-subscription-from"),
        "both" => t!("contacts-subscription-both"),
        _ => t!("contacts-subscription-none"),
    }
}

/// The subscription choice, `selected` preselected.
fn subscription_options(selected: &str) -> impl IntoView {
    SUBSCRIPTIONS
        .into_iter()
        .map(|s| view! { <option value=s selected=s == selected>{subscription_label(s)}</option> })
        .collect_view()
}

#[component]
pub fn ContactsPanel(
    user_id: String,
    username: String,
    actions: ContactActions,
    list: ContactList,
) -> impl IntoView {
    // The server fn's input is gone once it answers: remember which row
    // was being changed, to show its errors there.
    let editing = RwSignal::new(None::<String>);
    let removed = move || {
        actions
            .remove
            .value()
            .with(|v| matches!(v, Some(Ok(()))))
            .then(|| view! { <div class="notice success" role="status">{t!("contacts-removed")}</div> })
    };
    let updated = move || {
        actions.update.value().get().and_then(Result::ok).map(|c| {
            view! { <div class="notice success" role="status">{t!("contacts-saved", contact = c.contact_username)}</div> }
        })
    };
    // Errors no row form shows: removals, and changes posted without
    // JavaScript (no row is known then).
    let general = move || {
        let update =
            last_error(actions.update).filter(|e| !e.is_field_error() || editing.get().is_none());
        last_error(actions.remove).or(update).map(alert)
    };
    let owner = username.clone();
    view! {
        <section class="card" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{t!("contacts-title")}</h2>
            <p class="muted">{t!("contacts-intro", username = username.clone())}</p>
            {removed}
            {updated}
            {general}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || {
                    let owner = owner.clone();
                    Suspend::new(async move {
                        match list.await {
                            Ok(list) => view! { <ContactTable list owner actions editing/> }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
        <AddContactForm user_id add=actions.add/>
    }
    .into_any()
}

#[component]
fn ContactTable(
    list: Vec<Contact>,
    owner: String,
    actions: ContactActions,
    editing: RwSignal<Option<String>>,
) -> impl IntoView {
    let owner = StoredValue::new(owner);
    let groups = |c: &Contact| {
        if c.groups.is_empty() {
            return view! { <span class="muted">"—"</span> }.into_any();
        }
        c.groups
            .iter()
            .map(|g| view! { <span class="badge group">{g.clone()}</span>" " })
            .collect_view()
            .into_any()
    };
    let row_actions = move |c: &Contact| {
        let name = c.contact_username.clone();
        let explanation = t!(
            "contacts-remove-confirm",
            contact = name.clone(),
            owner = owner.get_value()
        );
        let (contact, user_id) = (c.clone(), c.user_id.clone());
        view! {
            <div class="action-row">
                <EditContact contact update=actions.update editing/>
                <Confirmed summary=t!("contacts-remove-summary") explanation>
                    <ActionForm action=actions.remove>
                        <input type="hidden" name="user_id" value=user_id/>
                        <input type="hidden" name="contact" value=name.clone()/>
                        <button type="submit" class="button danger">{t!("contacts-remove", contact = name.clone())}</button>
                    </ActionForm>
                </Confirmed>
            </div>
        }
    };
    let columns = vec![
        Column::new(t!("common-username"), |c: &Contact| {
            view! { <a href=format!("/users/{}", c.contact_id)>{c.contact_username.clone()}</a> }
        }),
        Column::new(t!("common-display-name"), |c: &Contact| {
            c.contact_display_name.clone().unwrap_or_else(|| "—".into())
        }),
        Column::new(t!("contacts-subscription"), |c: &Contact| {
            view! { <span class="badge subscription">{c.subscription.clone()}</span> }
        }),
        Column::new(t!("contacts-groups"), groups),
        Column::actions(row_actions),
    ];
    // Keyed by every shown value: a changed row is drawn anew, so an open
    // form or confirmation never passes to another contact.
    let key = |c: &Contact| {
        format!(
            "{}\n{}\n{}",
            c.contact_id,
            c.subscription,
            c.groups.join("\n")
        )
    };
    view! {
        <DataTable rows=list columns caption=t!("contacts-title") testid="contacts" row_testid="contact-row"
            key=Arc::new(key) empty=t!("contacts-empty") empty_testid="no-contacts"/>
    }
    .into_any()
}

/// A row's change form behind an "Edit…" disclosure; it stays open while
/// the server refuses what was posted from it.
#[component]
fn EditContact(
    contact: Contact,
    update: ServerAction<UpdateContact>,
    editing: RwSignal<Option<String>>,
) -> impl IntoView {
    let name = contact.contact_username.clone();
    let errors = FormErrors::of(update);
    let mine = {
        let name = name.clone();
        move || editing.get().as_deref() == Some(name.as_str())
    };
    let error = move |field: &'static str| {
        let mine = mine.clone();
        Signal::derive(move || mine().then(|| errors.field(field).get()).flatten())
    };
    let (sub_error, groups_error) = (error("subscription"), error("groups"));
    let id = |what: &str| format!("contact-{name}-{what}");
    let (sub_id, groups_id) = (id("subscription"), id("groups"));
    let (sub_err_id, groups_err_id) = (id("subscription-error"), id("groups-error"));
    let on_submit = {
        let name = name.clone();
        move |_| editing.set(Some(name.clone()))
    };
    view! {
        <details class="confirm edit-contact" open=move || sub_error.get().is_some() || groups_error.get().is_some()>
            <summary class="button">{t!("contacts-edit")}</summary>
            <div class="confirm-body">
                <ActionForm action=update attr:class="stack">
                    <input type="hidden" name="user_id" value=contact.user_id.clone()/>
                    <input type="hidden" name="contact" value=name.clone()/>
                    <div class="field" class:has-error=move || sub_error.get().is_some()>
                        <label for=sub_id.clone()>{t!("contacts-subscription")}</label>
                        <select id=sub_id name="subscription"
                            aria-invalid=move || sub_error.get().map(|_| "true")
                            aria-describedby={let e = sub_err_id.clone(); move || sub_error.get().map(|_| e.clone())}>
                            {subscription_options(&contact.subscription)}
                        </select>
                        {move || sub_error.get().map(|e| view! { <p class="field-error" id=sub_err_id.clone()>{e}</p> })}
                    </div>
                    <div class="field" class:has-error=move || groups_error.get().is_some()>
                        <label for=groups_id.clone()>{t!("contacts-groups")}</label>
                        <input id=groups_id name="groups" value=contact.groups.join(", ") autocomplete="off"
                            aria-invalid=move || groups_error.get().map(|_| "true")
                            aria-describedby={let e = groups_err_id.clone(); move || groups_error.get().map(|_| e.clone())}/>
                        {move || groups_error.get().map(|e| view! { <p class="field-error" id=groups_err_id.clone()>{e}</p> })}
                    </div>
                    <button type="submit" class="button primary" on:click=on_submit>{t!("contacts-save", contact = name.clone())}</button>
                </ActionForm>
            </div>
        </details>
    }
    .into_any()
}

#[component]
fn AddContactForm(user_id: String, add: ServerAction<AddContact>) -> impl IntoView {
    let errors = FormErrors::of(add);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if add.value().with(|v| matches!(v, Some(Ok(_)))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let added = move || {
        add.value().get().and_then(Result::ok).map(|c| {
            view! { <div class="notice success" role="status">{t!("contacts-added", contact = c.contact_username)}</div> }
        })
    };
    let contact_error = errors.field("contact");
    view! {
        <section class="card" aria-labelledby="add-contact-heading">
            <h2 id="add-contact-heading">{t!("contacts-add-heading")}</h2>
            {added}
            {move || error_banner(errors.general())}
            <ActionForm action=add node_ref=form attr:class="stack">
                <input type="hidden" name="user_id" value=user_id/>
                <UsernameInput name="contact" label=t!("common-username") error=contact_error
                    hint=t!("contacts-username-hint")/>
                <div class="field" class:has-error=move || errors.field("subscription").get().is_some()>
                    <label for="field-subscription">{t!("contacts-subscription")}</label>
                    <select id="field-subscription" name="subscription"
                        aria-invalid=move || errors.field("subscription").get().map(|_| "true")
                        aria-describedby=move || errors.field("subscription").get().map(|_| "field-subscription-error")>
                        {subscription_options("none")}
                    </select>
                    {move || errors.field("subscription").get().map(|e| view! { <p class="field-error" id="field-subscription-error">{e}</p> })}
                </div>
                <Field label=t!("contacts-groups-optional") name="groups" autocomplete="off"
                    hint=t!("contacts-groups-hint") error=errors.field("groups")/>
                <button type="submit" class="button primary">{t!("contacts-add")}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
