//! Sending one user a message from their page.

use leptos::prelude::*;

use super::broadcast::MessageBody;
use crate::app::components::{error_banner, FormErrors};
use crate::model::Delivery;
use crate::server_fns::live::SendMessage;

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
                    Delivery::Delivered => format!("Delivered: {username} has a page open and sees it now."),
                    Delivery::Queued => format!(
                        "Stored: {username} is not connected and will see it on their next visit."
                    ),
                };
                view! { <div class="notice success" role="status" data-testid="message-result">{text}</div> }
            })
        }
    };
    view! {
        <section class="card" aria-labelledby="send-message-heading">
            <h2 id="send-message-heading">{format!("Send {username} a message")}</h2>
            <p class="muted">"It appears at once on any page they have open, and stays in their inbox until read."</p>
            {outcome}
            {move || error_banner(errors.general())}
            <ActionForm action=send node_ref=form attr:class="stack">
                <input type="hidden" name="user_id" value=user_id/>
                <MessageBody error=errors.field("body")/>
                <button type="submit" class="button primary">"Send message"</button>
            </ActionForm>
        </section>
    }
}
