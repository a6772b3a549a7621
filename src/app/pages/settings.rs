//! The effective configuration, read-only, searchable (`?q=` in the URL).
//! Secrets arrive already redacted from the server.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::api::server::get_server_settings;
use crate::app::components::{AdminOnly, ErrorNotice};
use crate::model::{Setting, Settings};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings"/>
        <AdminOnly>
            <SettingsView/>
        </AdminOnly>
    }
}

fn matches(section: &str, setting: &Setting, needle: &str) -> bool {
    needle.is_empty()
        || [
            section,
            setting.key.as_str(),
            setting.value.as_deref().unwrap_or(""),
            setting.env.as_deref().unwrap_or(""),
        ]
        .iter()
        .any(|field| field.to_lowercase().contains(needle))
        || format!("{section}.{}", setting.key).contains(needle)
}

#[component]
fn SettingsView() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let settings = Resource::new(|| (), |_| get_server_settings());
    view! {
        <div class="page-head">
            <h1>"Settings"</h1>
        </div>
        <p class="muted">
            "The configuration this server runs with, from its configuration file and environment. \
             Change it there and restart. Secrets are never shown."
        </p>
        <Form method="GET" action="/settings" attr:class="filters" attr:role="search" attr:aria-label="Search settings">
            <div class="field">
                <label for="settings-search">"Key, value or variable contains"</label>
                <input id="settings-search" type="search" name="q" autocomplete="off"
                    value=search prop:value=search/>
            </div>
            <button type="submit" class="button">"Search"</button>
        </Form>
        <Transition fallback=|| view! { <p class="loading">"Loading settings…"</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(settings) => view! { <SettingsTree settings needle=Signal::derive(move || search().to_lowercase())/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SettingsTree(settings: Settings, needle: Signal<String>) -> impl IntoView {
    let settings = StoredValue::new(settings);
    move || {
        let needle = needle.get();
        let sections: Vec<_> = settings.with_value(|s| {
            s.sections
                .iter()
                .map(|section| {
                    let rows: Vec<Setting> = section
                        .settings
                        .iter()
                        .filter(|setting| matches(&section.name, setting, &needle))
                        .cloned()
                        .collect();
                    (section.name.clone(), rows)
                })
                .filter(|(_, rows)| !rows.is_empty())
                .collect()
        });
        if sections.is_empty() {
            return view! { <p class="empty">"No setting matches."</p> }.into_any();
        }
        sections
            .into_iter()
            .map(|(name, rows)| {
                let heading_id = format!("settings-{name}");
                let labelled_by = heading_id.clone();
                let rows = rows
                    .into_iter()
                    .map(|s| {
                        let value = match &s.value {
                            Some(v) if s.secret => view! { <span class="secret" title="Secret: never shown">{v.clone()}</span> }.into_any(),
                            Some(v) if v.is_empty() => view! { <span class="muted">"(empty)"</span> }.into_any(),
                            Some(v) => view! { <code>{v.clone()}</code> }.into_any(),
                            None => view! { <span class="muted">"not set"</span> }.into_any(),
                        };
                        view! {
                            <tr data-testid="setting-row">
                                <th scope="row" data-label="Key"><code>{s.key.clone()}</code></th>
                                <td data-label="Value">{value}</td>
                                <td data-label="Environment">{s.env.clone().map(|e| view! { <code class="muted">{e}</code> })}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="settings-section" aria-labelledby=labelled_by>
                        <h2 id=heading_id>"["{name}"]"</h2>
                        <div class="table-wrap">
                            <table class="data">
                                <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th><th scope="col">"Environment variable"</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}
