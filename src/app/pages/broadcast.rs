//! A message to everyone connected right now, with the audience shown
//! (and kept current) before sending.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::components::{error_banner, AdminOnly, FormErrors};
use crate::app::live::LiveState;
use crate::model::MAX_MESSAGE_CHARS;
use crate::server_fns::live::{online_users, BroadcastMessage};
use crate::t;

#[component]
pub fn BroadcastPage() -> impl IntoView {
    view! {
        <Title text=t!("broadcast-title")/>
        <AdminOnly>
            <BroadcastView/>
        </AdminOnly>
    }
}

#[component]
fn BroadcastView() -> impl IntoView {
    let send = ServerAction::<BroadcastMessage>::new();
    let errors = FormErrors::of(send);
    let live = use_context::<LiveState>();
    let initial = Resource::new(move || send.version().get(), |_| online_users());
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if send.value().with(|v| matches!(v, Some(Ok(_)))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    view! {
        <h1>{t!("broadcast-title")}</h1>
        <section class="card" aria-labelledby="broadcast-heading">
            <h2 id="broadcast-heading">{t!("broadcast-heading")}</h2>
            <p data-testid="audience">
                <Transition fallback=|| t!("broadcast-counting")>
                    {move || Suspend::new(async move {
                        let counted = initial.await.ok();
                        move || {
                            // The live figure wins once the connection has one.
                            let n = live.and_then(|l| l.online.get()).or(counted).unwrap_or(0);
                            t!("broadcast-audience", count = n)
                        }
                    })}
                </Transition>
            </p>
            {move || send.value().get().and_then(Result::ok).map(|n| view! {
                <div class="notice success" role="status" data-testid="broadcast-result">
                    {t!("broadcast-sent", count = n)}
                </div>
            })}
            {move || error_banner(errors.general())}
            <ActionForm action=send node_ref=form attr:class="stack">
                <MessageBody error=errors.field("body")/>
                <button type="submit" class="button primary">{t!("broadcast-send")}</button>
            </ActionForm>
        </section>
    }
}

/// The labelled message textarea with its error, shared by the message forms.
#[component]
pub fn MessageBody(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for="field-body">{t!("broadcast-message")}<span aria-hidden="true">" *"</span></label>
            <textarea id="field-body" name="body" rows="4" required=true maxlength=MAX_MESSAGE_CHARS.to_string()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || if error.get().is_some() { "field-body-hint field-body-error" } else { "field-body-hint" }></textarea>
            <p class="hint" id="field-body-hint">{t!("broadcast-message-hint", max = MAX_MESSAGE_CHARS)}</p>
            {move || error.get().map(|e| view! { <p class="field-error" id="field-body-error">{e}</p> })}
        </div>
    }
}
