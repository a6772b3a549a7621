//! The logged-in user's inbox: messages from administrators, newest first.

use leptos::prelude::*;

use crate::app::components::{time_or, ErrorNotice};
use crate::app::format::{around_slot, SLOT};
use crate::app::live::LiveState;
use crate::model::{InboxMessage, MessageKind};
use crate::server_fns::live::{my_inbox, MarkRead};
use crate::t;

#[component]
pub fn InboxPanel() -> impl IntoView {
    let mark = ServerAction::<MarkRead>::new();
    let live = use_context::<LiveState>();
    // A message arriving live refreshes the list too.
    let arrived = move || live.map(|l| l.received.get()).unwrap_or(0);
    let inbox = Resource::new(move || (mark.version().get(), arrived()), |_| my_inbox());
    Effect::new(move |_| {
        if let (Some(live), Some(Ok(inbox))) = (live, inbox.get()) {
            live.unread.set(Some(inbox.unread));
        }
    });
    view! {
        <section class="card" id="inbox" aria-labelledby="inbox-heading">
            <div class="section-head">
                <h2 id="inbox-heading">{t!("inbox-title")}</h2>
                <ActionForm action=mark>
                    <input type="hidden" name="id" value=""/>
                    <button type="submit" class="button subtle">{t!("inbox-mark-all")}</button>
                </ActionForm>
            </div>
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match inbox.await {
                        Ok(inbox) if inbox.messages.is_empty() => view! {
                            <p class="empty" data-testid="inbox-empty">{t!("inbox-empty")}</p>
                        }
                        .into_any(),
                        Ok(inbox) => view! {
                            <p data-testid="inbox-unread">{t!("inbox-unread", count = inbox.unread)}</p>
                            <ul class="inbox" data-testid="inbox">
                                {inbox.messages.into_iter().map(|m| view! { <MessageItem message=m mark/> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MessageItem(message: InboxMessage, mark: ServerAction<MarkRead>) -> impl IntoView {
    let unread = message.read_at.is_none();
    // "Announcement from <strong>admin</strong>": one message, split
    // around the sender (translations may put it anywhere).
    let (before, after) = around_slot(match message.kind {
        MessageKind::Broadcast => t!("inbox-announcement-from", sender = SLOT),
        _ => t!("inbox-message-from", sender = SLOT),
    });
    view! {
        <li class="message" class:unread=unread data-testid="inbox-message">
            <p class="message-meta">
                {unread.then(|| view! { <span class="badge unread">{t!("inbox-new")}</span>" " })}
                {before}<strong>{message.sender}</strong>{after}" · "{time_or(Some(message.created_at), "")}
            </p>
            <p class="message-body">{message.body}</p>
            {unread.then(|| view! {
                <ActionForm action=mark>
                    <input type="hidden" name="id" value=message.id.clone()/>
                    <button type="submit" class="button subtle">{t!("inbox-mark-read")}</button>
                </ActionForm>
            })}
        </li>
    }
}
