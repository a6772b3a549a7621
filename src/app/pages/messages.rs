//! Sending one user a message from their page.

use leptos::prelude::*;

use super::broadcast::MessageBody;
use crate::app::components::{error_banner, FormErrors};
use crate::model::Delivery;
use crate::server_fns::live::SendMessage;
use crate::t;

#[component]
pub fn SendMessagePanel(user_id: String, username: String) -> impl IntoView {
    let send = ServerAction::<SendMessage>::new();
    let errors = FormErrors::of(send);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if send.value().with(|v| matches!(v, Some(Ok(_)))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let outcome = {
        let username = username.clone();
        move || {
            send.value().get().and_then(Result::ok).map(|sent| {
                let text = match sent.delivery {
                    Delivery::Delivered => {
                        t!("messages-delivered", username = username.clone())
                    }
                    Delivery::Queued => t!("messages-queued", username = username.clone()),
                };
                view! { <div class="notice success" role="status" data-testid="message-result">{text}</div> }
            })
        }
    };
    view! {
        <section class="card" aria-labelledby="send-message-heading">
            <h2 id="send-message-heading">{t!("messages-heading", username = username.clone())}</h2>
            <p class="muted">{t!("messages-intro")}</p>
            {outcome}
            {move || error_banner(errors.general())}
            <ActionForm action=send node_ref=form attr:class="stack">
                <input type="hidden" name="user_id" value=user_id/>
                <MessageBody error=errors.field("body")/>
                <button type="submit" class="button primary">{t!("messages-send")}</button>
            </ActionForm>
        </section>
    }
}
