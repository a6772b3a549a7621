//! The IP allow-list for admin access: who may reach admin pages and the
//! admin API. Changes that would shut out the caller's own address need an
//! explicit confirmation (the server answers 409 `would_lock_out` first).

use std::{net::IpAddr, sync::Arc};

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::components::{
    alert, last_error, time_or, AdminOnly, Confirmed, ErrorNotice, Field, FormErrors,
};
use crate::app::format::{pieces, Piece};
use crate::app::table::{Column, DataTable};
use crate::model::{AllowEntry, AllowList, AppError};
use crate::server_fns::access::{get_allowlist, AddAllowEntry, RemoveAllowEntry};
use crate::t;

const LOCK_OUT: &str = "would_lock_out";

#[component]
pub fn AllowListPage() -> impl IntoView {
    view! {
        <Title text=t!("allowlist-title")/>
        <AdminOnly>
            <AllowListView/>
        </AdminOnly>
    }
    .into_any()
}

/// The lock-out message, when that was the last answer.
fn lockout<S>(action: ServerAction<S>) -> Option<String>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    last_error(action)
        .filter(|e| e.code() == LOCK_OUT)
        .map(|e| e.to_string())
}

#[component]
fn AllowListView() -> impl IntoView {
    let add = ServerAction::<AddAllowEntry>::new();
    let remove = ServerAction::<RemoveAllowEntry>::new();
    // The server fn's input is gone once it answers: keep the entry for
    // "remove anyway".
    let removing = RwSignal::new(None::<String>);
    let list = Resource::new(
        move || (add.version().get(), remove.version().get()),
        |_| get_allowlist(),
    );
    view! {
        <div class="page-head">
            <h1>{t!("allowlist-title")}</h1>
        </div>
        <section class="card" aria-labelledby="allow-about-heading">
            <h2 id="allow-about-heading">{t!("allowlist-about")}</h2>
            <p>{t!("allowlist-about-text")}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    list.await.ok().map(|list| view! { <YourAddress list/> })
                })}
            </Transition>
        </section>
        <AddEntryForm add/>
        <section class="card" aria-labelledby="entries-heading">
            <h2 id="entries-heading">{t!("allowlist-entries")}</h2>
            {move || {
                remove.value().with(|v| matches!(v, Some(Ok(())))).then(|| {
                    let text = match removing.get() {
                        Some(entry) => t!("allowlist-removed", entry = entry),
                        None => t!("allowlist-removed-unknown"),
                    };
                    view! { <div class="notice success" role="status">{text}</div> }
                })
            }}
            {move || lockout(remove).map(|message| view! { <RemoveAnyway message removing remove/> })}
            {move || {
                last_error(remove)
                    .filter(|e| e.code() != LOCK_OUT)
                    .map(alert)
            }}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <EntryTable entries=list.entries remove removing/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn YourAddress(list: AllowList) -> impl IntoView {
    let Some(ip) = list.your_ip.clone() else {
        return view! { <p data-testid="your-ip">{t!("allowlist-no-address")}</p> }.into_any();
    };
    let (class, verdict) = if list.entries.is_empty() {
        ("allowed", t!("allowlist-verdict-empty"))
    } else if list.entries.iter().any(|e| entry_contains(&e.entry, &ip)) {
        ("allowed", t!("allowlist-verdict-allowed"))
    } else {
        ("refused", t!("allowlist-verdict-refused"))
    };
    // One sentence, the address as code and the verdict in bold.
    let text = t!(
        "allowlist-your-address",
        ip = ip.clone(),
        verdict = verdict.clone()
    );
    let parts = pieces(&text, &[ip.as_str(), verdict.as_str()])
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Value(0) => view! { <code>{ip.clone()}</code> }.into_any(),
            Piece::Value(_) => {
                view! { <strong class=format!("verdict {class}")>{verdict.clone()}</strong> }
                    .into_any()
            }
        })
        .collect_view();
    view! {
        <p data-testid="your-ip">{parts}</p>
    }
    .into_any()
}

#[component]
fn AddEntryForm(add: ServerAction<AddAllowEntry>) -> impl IntoView {
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
        add.value().get().and_then(Result::ok).map(|e| {
            view! { <div class="notice success" role="status">{t!("allowlist-added", entry = e.entry)}</div> }
        })
    };
    let general = move || {
        last_error(add)
            .filter(|e| e.code() != LOCK_OUT && !e.is_field_error())
            .map(alert)
    };
    view! {
        <section class="card" aria-labelledby="add-entry-heading">
            <h2 id="add-entry-heading">{t!("allowlist-add-heading")}</h2>
            {added}
            {general}
            <ActionForm action=add node_ref=form attr:class="stack">
                <Field label=t!("allowlist-entry-label") name="entry" required=true autocomplete="off"
                    hint=t!("allowlist-entry-hint")
                    error=errors.field("entry")/>
                <Field label=t!("allowlist-note-label") name="note" autocomplete="off"
                    hint=t!("allowlist-note-hint") error=errors.field("note")/>
                {move || lockout(add).map(|message| view! {
                    <div class="notice warning lockout" role="alert" data-testid="lockout-warning">
                        <strong>{t!("allowlist-lockout")}</strong>
                        <p>{message}</p>
                        <div class="field check">
                            <input id="field-add-confirm" type="checkbox" name="confirm" required/>
                            <label for="field-add-confirm">{t!("allowlist-lockout-confirm")}</label>
                        </div>
                        <button type="submit" class="button danger">{t!("allowlist-add-anyway")}</button>
                    </div>
                })}
                // While the warning shows, this button submits a changed entry
                // without the box ticked (the server checks it again).
                <button type="submit" class="button primary"
                    formnovalidate=move || lockout(add).is_some()>{t!("allowlist-add-submit")}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The second step of a removal the server refused as a lock-out.
#[component]
fn RemoveAnyway(
    message: String,
    removing: RwSignal<Option<String>>,
    remove: ServerAction<RemoveAllowEntry>,
) -> impl IntoView {
    view! {
        <div class="notice warning lockout" role="alert" data-testid="lockout-warning">
            <strong>{t!("allowlist-lockout")}</strong>
            <p>{message}</p>
            {move || removing.get().map(|entry| view! {
                <ActionForm action=remove attr:class="stack">
                    <input type="hidden" name="entry" value=entry.clone()/>
                    <div class="field check">
                        <input id="field-remove-confirm" type="checkbox" name="confirm" required/>
                        <label for="field-remove-confirm">{t!("allowlist-lockout-confirm")}</label>
                    </div>
                    <button type="submit" class="button danger">{t!("allowlist-remove-anyway", entry = entry)}</button>
                </ActionForm>
            })}
        </div>
    }
    .into_any()
}

#[component]
fn EntryTable(
    entries: Vec<AllowEntry>,
    remove: ServerAction<RemoveAllowEntry>,
    removing: RwSignal<Option<String>>,
) -> impl IntoView {
    let actions = move |e: &AllowEntry| {
        let explanation = t!("allowlist-remove-explanation", entry = e.entry.clone());
        let (entry, value) = (e.entry.clone(), e.entry.clone());
        let label = t!("allowlist-remove-label", entry = e.entry.clone());
        view! {
            <Confirmed summary=t!("allowlist-remove-summary") explanation>
                <ActionForm action=remove>
                    <input type="hidden" name="entry" value=value/>
                    <button type="submit" class="button danger"
                        on:click=move |_| removing.set(Some(entry.clone()))>
                        {label}
                    </button>
                </ActionForm>
            </Confirmed>
        }
    };
    let columns = vec![
        Column::new(
            t!("allowlist-entry"),
            |e: &AllowEntry| view! { <code>{e.entry.clone()}</code> },
        ),
        Column::new(t!("allowlist-note"), |e: &AllowEntry| {
            e.note
                .clone()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "—".into())
        }),
        Column::new(t!("allowlist-added-col"), |e: &AllowEntry| {
            view! { {e.created_by.clone()}", "{time_or(Some(e.created_at.clone()), "")} }
        }),
        Column::actions(actions),
    ];
    // Keyed: when the list changes, an open confirmation must not pass
    // to the row that takes this one's place.
    view! {
        <DataTable rows=entries columns caption=t!("allowlist-caption") testid="allowlist"
            row_testid="allow-row" key=Arc::new(|e: &AllowEntry| format!("{}\n{:?}", e.entry, e.note))
            empty=t!("allowlist-empty") empty_testid="no-entries"/>
    }
    .into_any()
}

/// Whether `ip` falls in `entry` (an address or a CIDR network), as the
/// server decides it; IPv4-mapped IPv6 addresses count as IPv4. Only for
/// the page's "you are allowed" line: the server enforces the list.
fn entry_contains(entry: &str, ip: &str) -> bool {
    fn unmap(ip: IpAddr) -> IpAddr {
        match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        }
    }
    let Ok(ip) = ip.parse::<IpAddr>().map(unmap) else {
        return false;
    };
    let (net, len) = match entry.split_once('/') {
        Some((net, len)) => (net, len.parse::<u32>().ok()),
        None => (entry, None),
    };
    let Ok(net) = net.parse::<IpAddr>().map(unmap) else {
        return false;
    };
    match (net, ip) {
        (IpAddr::V4(net), IpAddr::V4(ip)) => {
            let len = len.unwrap_or(32).min(32);
            let mask = u32::MAX.checked_shl(32 - len).unwrap_or(0);
            u32::from(net) & mask == u32::from(ip) & mask
        }
        (IpAddr::V6(net), IpAddr::V6(ip)) => {
            let len = len.unwrap_or(128).min(128);
            let mask = u128::MAX.checked_shl(128 - len).unwrap_or(0);
            u128::from(net) & mask == u128::from(ip) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::entry_contains;

    #[test]
    fn addresses_and_networks_match_like_the_server() {
        assert!(entry_contains("127.0.0.1", "127.0.0.1"));
        assert!(!entry_contains("127.0.0.1", "127.0.0.2"));
        assert!(entry_contains("10.0.0.0/8", "10.200.1.1"));
        assert!(!entry_contains("10.0.0.0/8", "11.0.0.1"));
        assert!(entry_contains("0.0.0.0/0", "203.0.113.9"));
        assert!(entry_contains("2001:db8::/32", "2001:db8:1::5"));
        assert!(!entry_contains("2001:db8::/32", "2001:db9::5"));
        assert!(entry_contains("127.0.0.1", "::ffff:127.0.0.1"));
        assert!(!entry_contains("2001:db8::/32", "10.0.0.1"));
    }
}
