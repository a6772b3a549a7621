//! The page's live connection: one server-sent-events stream per open page
//! (after hydration), feeding the header's unread and online figures and the
//! message toasts.

use leptos::prelude::*;

use crate::app::format::{around_slot, SLOT};
use crate::model::{LiveEvent, MessageKind};
use crate::t;

/// A message shown for a while in the corner of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub key: u64,
    pub kind: MessageKind,
    pub sender: String,
    pub body: String,
}

/// What the live connection knows, for any component of the page.
#[derive(Clone, Copy)]
pub struct LiveState {
    /// Unread inbox messages (once the connection said hello).
    pub unread: RwSignal<Option<i64>>,
    /// Users connected right now (administrators only).
    pub online: RwSignal<Option<i64>>,
    pub toasts: RwSignal<Vec<Toast>>,
    /// Messages received live so far (lists showing them refresh on change).
    pub received: RwSignal<u64>,
    next_key: StoredValue<u64>,
    started: StoredValue<bool>,
}

/// How long a toast stays unless dismissed.
#[cfg(feature = "hydrate")]
const TOAST_MS: u64 = 15_000;

impl LiveState {
    pub fn new() -> Self {
        Self {
            unread: RwSignal::new(None),
            online: RwSignal::new(None),
            toasts: RwSignal::new(Vec::new()),
            received: RwSignal::new(0),
            next_key: StoredValue::new(0),
            started: StoredValue::new(false),
        }
    }

    pub fn dismiss(self, key: u64) {
        self.toasts.update(|t| t.retain(|toast| toast.key != key));
    }

    /// Applies one event from the server.
    pub fn apply(self, event: LiveEvent) {
        match event {
            LiveEvent::Hello { unread, online, .. } => {
                self.unread.set(Some(unread));
                self.online.set(online);
            }
            LiveEvent::Online { count } => self.online.set(Some(count)),
            LiveEvent::Message {
                kind, body, sender, ..
            } => {
                self.unread.update(|n| *n = Some(n.unwrap_or(0) + 1));
                self.received.update(|n| *n += 1);
                let key = self.next_key.get_value();
                self.next_key.set_value(key + 1);
                self.toasts.update(|t| {
                    t.push(Toast {
                        key,
                        kind,
                        sender,
                        body,
                    })
                });
                #[cfg(feature = "hydrate")]
                set_timeout(
                    move || self.dismiss(key),
                    std::time::Duration::from_millis(TOAST_MS),
                );
            }
            LiveEvent::Revoked =>
            {
                #[cfg(feature = "hydrate")]
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_href("/login");
                }
            }
        }
    }

    /// Opens the live connection once the page runs in the browser (once,
    /// however often the header renders).
    pub fn connect(self) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        #[cfg(feature = "hydrate")]
        Effect::new(move |_| open_event_source(self));
    }
}

impl Default for LiveState {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "hydrate")]
fn open_event_source(live: LiveState) {
    use wasm_bindgen::{closure::Closure, JsCast};

    let Ok(source) = web_sys::EventSource::new("/api/live") else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Ok(event) = serde_json::from_str::<LiveEvent>(&text) {
                live.apply(event);
            }
        });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Both live as long as the page: the stream ends only when it unloads.
    on_message.forget();
    std::mem::forget(source);
}

/// The toasts of live messages, announced politely to screen readers.
#[component]
pub fn Toasts() -> impl IntoView {
    let live = expect_context::<LiveState>();
    view! {
        <div class="toasts" role="status" aria-live="polite" aria-label=t!("live-toasts")>
            <For each=move || live.toasts.get() key=|t| t.key let:toast>
                <div class="toast" data-testid="toast" data-kind=toast.kind.as_str()>
                    <p class="toast-from">{from_line(toast.kind, toast.sender.clone())}</p>
                    <p class="toast-body">{toast.body.clone()}</p>
                    <div class="toast-actions">
                        <a href="/account#inbox">{t!("layout-inbox")}</a>
                        <button type="button" class="button subtle" aria-label=t!("live-dismiss") on:click=move |_| live.dismiss(toast.key)>"×"</button>
                    </div>
                </div>
            </For>
        </div>
    }
}

/// "Message from <strong>sender</strong>": the sentence in the page's
/// language, split around the sender so it can stand anywhere in it.
fn from_line(kind: MessageKind, sender: String) -> impl IntoView {
    let (before, after) = around_slot(match kind {
        MessageKind::Broadcast => t!("live-announcement-from", sender = SLOT),
        _ => t!("live-message-from", sender = SLOT),
    });
    view! { {before}<strong>{sender}</strong>{after} }
}
