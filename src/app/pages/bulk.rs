//! Selecting users in the table and acting on all of them at once.

use leptos::prelude::*;

use crate::app::components::alert;
use crate::t;
use wasm_bindgen::JsCast;

use crate::model::{BulkAction, BulkResult};
use crate::server_fns::users::BulkUsers;

/// The selected users (id, username) of the table, and the bulk action.
#[derive(Clone, Copy)]
pub struct Selection {
    items: RwSignal<Vec<(String, String)>>,
    action: ServerAction<BulkUsers>,
}

impl Selection {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            action: ServerAction::new(),
        }
    }

    /// Changes after every bulk action, so the table reloads.
    pub fn version(&self) -> usize {
        self.action.version().get()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.items.with(|items| items.iter().any(|(i, _)| i == id))
    }

    pub fn add_all(&self, users: Vec<(String, String)>) {
        self.items.update(|items| {
            for user in users {
                if !items.iter().any(|(i, _)| *i == user.0) {
                    items.push(user);
                }
            }
        });
    }

    pub fn remove_all(&self, users: &[(String, String)]) {
        self.items
            .update(|items| items.retain(|(i, _)| !users.iter().any(|(u, _)| u == i)));
    }

    pub fn clear(&self) {
        self.items.update(|items| items.clear());
    }
}

/// Most names a dialog lists before "and N more".
const NAMES_SHOWN: usize = 50;

/// The bar above the table while users are selected, its confirmation
/// dialog, and the result of the last bulk action.
#[component]
pub fn BulkBar(selection: Selection) -> impl IntoView {
    let pending = RwSignal::new(None::<BulkAction>);
    let run = move |action: BulkAction| {
        let ids: Vec<String> = selection
            .items
            .with_untracked(|items| items.iter().map(|(id, _)| id.clone()).collect());
        selection.action.dispatch(BulkUsers {
            ids: ids.join(","),
            action: action.as_str().into(),
        });
        pending.set(None);
        selection.clear();
    };
    let count = move || selection.items.with(Vec::len);
    let export_selected = move || {
        let ids: Vec<String> = selection
            .items
            .with(|items| items.iter().map(|(id, _)| id.clone()).collect());
        format!(
            "/api/admin/v1/users/export?format=csv&filter[id]={}",
            ids.join(",")
        )
    };
    view! {
        {move || selection.action.value().get().map(|result| match result {
            Ok(result) => view! { <BulkOutcome result/> }.into_any(),
            Err(e) => alert(e),
        })}
        {move || selection.action.pending().get().then(|| view! {
            <p class="notice" role="status"><progress aria-label=t!("bulk-working-label")></progress>" "{t!("bulk-working")}</p>
        })}
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" role="region" aria-label=t!("bulk-actions-label")>
                <span class="bulk-count" data-testid="selected-count">{move || t!("bulk-selected", count = count())}</span>
                {BulkAction::ALL.into_iter().map(|action| view! {
                    <button type="button"
                        class=if action.is_destructive() { "button danger" } else { "button" }
                        on:click=move |_| if action.is_destructive() { pending.set(Some(action)) } else { run(action) }>
                        {action_label(action)}
                    </button>
                }).collect_view()}
                <a class="button" href=export_selected download data-testid="export-selected">{t!("bulk-export-selected")}</a>
                <button type="button" class="button subtle" on:click=move |_| selection.clear()>{t!("bulk-clear-selection")}</button>
            </div>
        </Show>
        {move || pending.get().map(|action| {
            let names: Vec<String> = selection
                .items
                .with_untracked(|items| items.iter().map(|(_, n)| n.clone()).collect());
            view! {
                <ConfirmDialog action names
                    on_confirm=Callback::new(move |_| run(action))
                    on_cancel=Callback::new(move |_| pending.set(None))/>
            }
        })}
    }
}

fn action_label(action: BulkAction) -> String {
    match action {
        BulkAction::Lock => t!("bulk-lock"),
        BulkAction::Unlock => t!("bulk-unlock"),
        BulkAction::Deactivate => t!("bulk-deactivate"),
        BulkAction::Delete => t!("common-delete"),
    }
}

/// What a bulk action did, naming the users it was applied to.
fn done_text(action: BulkAction, succeeded: &[String]) -> String {
    let count = succeeded.len();
    let names = succeeded.join(", ");
    match (action, count) {
        (BulkAction::Lock, 0) => t!("bulk-locked-none"),
        (BulkAction::Unlock, 0) => t!("bulk-unlocked-none"),
        (BulkAction::Deactivate, 0) => t!("bulk-deactivated-none"),
        (BulkAction::Delete, 0) => t!("bulk-deleted-none"),
        (BulkAction::Lock, _) => t!("bulk-locked", count = count, names = names),
        (BulkAction::Unlock, _) => t!("bulk-unlocked", count = count, names = names),
        (BulkAction::Deactivate, _) => t!("bulk-deactivated", count = count, names = names),
        (BulkAction::Delete, _) => t!("bulk-deleted", count = count, names = names),
    }
}

#[component]
fn BulkOutcome(result: BulkResult) -> impl IntoView {
    let done = done_text(result.action, &result.succeeded);
    let refused = result.refused;
    let class = if refused.is_empty() {
        "notice success"
    } else {
        "notice warning"
    };
    view! {
        <div class=class role="status" data-testid="bulk-result">
            <p>{done}</p>
            {(!refused.is_empty()).then(|| view! {
                <p>{t!("bulk-refused", count = refused.len())}</p>
                <ul>
                    {refused.into_iter().map(|r| {
                        let who = if r.username.is_empty() { r.id } else { r.username };
                        view! { <li><strong>{who}</strong>" — "{r.reason}</li> }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}

/// A modal confirmation naming every affected account. Escape or Cancel
/// closes it; focus starts on Cancel, the safe choice.
#[component]
fn ConfirmDialog(
    action: BulkAction,
    names: Vec<String>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    // Focus returns to whatever opened the dialog once it closes.
    let opener = StoredValue::new_local(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    on_cleanup(move || {
        if let Some(Some(el)) = opener.try_get_value() {
            let _ = el.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(button) = cancel_ref.get() {
            let _ = button.focus();
        }
    });
    // Tab and Shift+Tab cycle inside the dialog: the page behind is out of reach.
    let trap = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            on_cancel.run(());
            return;
        }
        if ev.key() != "Tab" {
            return;
        }
        let stops: Vec<web_sys::HtmlElement> = [
            list_ref
                .get()
                .map(|e| e.unchecked_into::<web_sys::HtmlElement>()),
            cancel_ref
                .get()
                .map(|e| e.unchecked_into::<web_sys::HtmlElement>()),
            confirm_ref
                .get()
                .map(|e| e.unchecked_into::<web_sys::HtmlElement>()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let active = document().active_element();
        let at = stops
            .iter()
            .position(|s| active.as_ref().is_some_and(|a| a.is_same_node(Some(s))));
        let next = match (at, ev.shift_key()) {
            (Some(0) | None, true) => stops.len() - 1,
            (Some(i), true) => i - 1,
            (Some(i), false) if i + 1 < stops.len() => i + 1,
            _ => 0,
        };
        ev.prevent_default();
        if let Some(el) = stops.get(next) {
            let _ = el.focus();
        }
    };
    let n = names.len();
    let (title, confirm, consequence) = match action {
        BulkAction::Lock => (
            t!("bulk-lock-title", count = n),
            t!("bulk-lock-confirm", count = n),
            t!("bulk-lock-consequence"),
        ),
        BulkAction::Deactivate => (
            t!("bulk-deactivate-title", count = n),
            t!("bulk-deactivate-confirm", count = n),
            t!("bulk-deactivate-consequence"),
        ),
        BulkAction::Delete => (
            t!("bulk-delete-title", count = n),
            t!("bulk-delete-confirm", count = n),
            t!("bulk-delete-consequence"),
        ),
        BulkAction::Unlock => (
            t!("bulk-unlock-title", count = n),
            t!("bulk-unlock-confirm", count = n),
            t!("bulk-unlock-consequence"),
        ),
    };
    let more = n.saturating_sub(NAMES_SHOWN);
    let listed = names
        .into_iter()
        .take(NAMES_SHOWN)
        .map(|name| view! { <li>{name}</li> })
        .collect_view();
    view! {
        <div class="modal-backdrop">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="bulk-dialog-title"
                aria-describedby="bulk-dialog-body"
                on:keydown=trap>
                <h2 id="bulk-dialog-title">{title}</h2>
                <div id="bulk-dialog-body">
                    <p>{consequence}</p>
                    <ul class="affected" data-testid="affected-users" tabindex="0"
                        aria-label=t!("bulk-affected") node_ref=list_ref>{listed}</ul>
                    {(more > 0).then(|| view! { <p>{t!("bulk-more", count = more)}</p> })}
                </div>
                <div class="modal-actions">
                    <button type="button" class="button" node_ref=cancel_ref
                        on:click=move |_| on_cancel.run(())>{t!("common-cancel")}</button>
                    <button type="button" class="button danger" data-testid="confirm-bulk" node_ref=confirm_ref
                        on:click=move |_| on_confirm.run(())>
                        {confirm}
                    </button>
                </div>
            </div>
        </div>
    }
}
