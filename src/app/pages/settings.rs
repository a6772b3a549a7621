//! The effective configuration, read-only, searchable (`?q=` in the URL).
//! Secrets arrive already redacted from the server.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::app::{
    components::{AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::{
    AppError, ProvisionedItem, ProvisionedOutcome, ProvisioningReport, Setting, Settings,
};
use crate::server_fns::server::{get_server_settings, ReloadProvisioning};

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
        <ProvisioningSection/>
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

fn setting_columns() -> Vec<Column<Setting>> {
    let value = |s: &Setting| match &s.value {
        Some(v) if s.secret => {
            view! { <span class="secret" title="Secret: never shown">{v.clone()}</span> }.into_any()
        }
        Some(v) if v.is_empty() => view! { <span class="muted">"(empty)"</span> }.into_any(),
        Some(v) => view! { <code>{v.clone()}</code> }.into_any(),
        None => view! { <span class="muted">"not set"</span> }.into_any(),
    };
    vec![
        Column::new("Key", |s: &Setting| view! { <code>{s.key.clone()}</code> }).row_header(),
        Column::new("Value", value),
        Column::new("Environment variable", |s: &Setting| {
            s.env
                .clone()
                .map(|e| view! { <code class="muted">{e}</code> })
        }),
    ]
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
                let caption = format!("[{name}] settings");
                view! {
                    <section class="settings-section" aria-labelledby=labelled_by>
                        <h2 id=heading_id>"["{name}"]"</h2>
                        <DataTable rows columns=setting_columns() caption row_testid="setting-row"/>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// "Reload provisioning": applies the provisioning file again and shows what
/// was created, changed or left alone, or the file's problems with their
/// lines. Idempotent, so no confirmation; a plain form post without JavaScript.
#[component]
fn ProvisioningSection() -> impl IntoView {
    let reload = ServerAction::<ReloadProvisioning>::new();
    let pending = reload.pending();
    let outcome = move || {
        reload.value().get().map(|result| match result {
            Ok(report) => view! { <ProvisioningResult report/> }.into_any(),
            Err(AppError::ProvisioningInvalid(problems)) => {
                let items = problems
                    .into_iter()
                    .map(|p| {
                        let place = if p.line > 0 {
                            format!("Line {}: ", p.line)
                        } else {
                            String::new()
                        };
                        view! {
                            <li data-testid="provisioning-problem" data-line=p.line.to_string()>
                                <strong>{place}</strong>{p.message}" "<code class="muted">{p.code}</code>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="notice error" role="alert" data-testid="provisioning-errors">
                        <strong>"The provisioning file cannot be applied; nothing was changed."</strong>
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            }
            Err(error) => view! {
                <div class="notice error" role="alert" data-testid="provisioning-errors">
                    <p>{error.to_string()}</p>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <section class="card" aria-labelledby="provisioning-heading" data-testid="provisioning">
            <h2 id="provisioning-heading">"Provisioning"</h2>
            <p>
                "Applies the provisioning file (" <code>"[provisioning] file"</code>
                ") again: what is missing is created, what differs is changed, the rest is left alone. \
                 Nothing the file does not name is deleted, and a file with problems changes nothing."
            </p>
            <ActionForm action=reload>
                <button type="submit" class="button primary" data-testid="reload-provisioning"
                    disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { "Reloading…" } else { "Reload provisioning" }}
                </button>
            </ActionForm>
            <div aria-live="polite">{outcome}</div>
        </section>
    }
    .into_any()
}

#[component]
fn ProvisioningResult(report: ProvisioningReport) -> impl IntoView {
    let outcome = |item: &ProvisionedItem| {
        // The import report's badges: created, updated, skipped.
        let badge = match item.outcome {
            ProvisionedOutcome::Created => "badge outcome-created",
            ProvisionedOutcome::Changed => "badge outcome-updated",
            ProvisionedOutcome::Unchanged => "badge outcome-skipped",
        };
        view! { <span class=badge>{item.outcome.as_str()}</span> }
    };
    let columns = vec![
        Column::new("Kind", |item: &ProvisionedItem| item.kind.label()),
        Column::new(
            "Name",
            |item: &ProvisionedItem| view! { <code>{item.name.clone()}</code> },
        ),
        Column::new("Outcome", outcome),
        Column::new("Changed fields", |item: &ProvisionedItem| {
            item.changes.join(", ")
        }),
    ];
    let row_data = Arc::new(|item: &ProvisionedItem| {
        vec![
            ("data-kind", item.kind.as_str().to_owned()),
            ("data-outcome", item.outcome.as_str().to_owned()),
        ]
    });
    view! {
        <div class="notice success" role="status" data-testid="provisioning-report">
            "Provisioning applied: "
            <span data-testid="provisioning-created">{report.created}</span>" created, "
            <span data-testid="provisioning-changed">{report.changed}</span>" changed, "
            <span data-testid="provisioning-unchanged">{report.unchanged}</span>" unchanged."
        </div>
        <DataTable rows=report.items columns caption="Provisioned items" testid="provisioning-items"
            row_testid="provisioning-item" row_data/>
    }
    .into_any()
}
