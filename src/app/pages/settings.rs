//! The effective configuration, read-only, searchable (`?q=` in the URL).
//! Secrets arrive already redacted from the server.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::app::format::number;
use crate::app::format::{pieces, Piece};
use crate::app::{
    components::{AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::{
    AppError, ProvisionedItem, ProvisionedKind, ProvisionedOutcome, ProvisioningReport, Setting,
    Settings,
};
use crate::server_fns::server::{get_server_settings, ReloadProvisioning};
use crate::t;

/// The configuration key that names the provisioning file.
const FILE_KEY: &str = "[provisioning] file";

fn kind_label(kind: ProvisionedKind) -> String {
    match kind {
        ProvisionedKind::Org => t!("settings-kind-org"),
        ProvisionedKind::User => t!("settings-kind-user"),
        ProvisionedKind::Membership => t!("settings-kind-membership"),
        ProvisionedKind::Oauth2Client => t!("settings-kind-oauth2-client"),
        ProvisionedKind::Application => t!("settings-kind-application"),
        ProvisionedKind::Allowlist => t!("settings-kind-allowlist"),
        ProvisionedKind::Module => t!("settings-kind-module"),
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text=t!("settings-title")/>
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
            <h1>{t!("settings-title")}</h1>
        </div>
        <p class="muted">{t!("settings-lead")}</p>
        <ProvisioningSection/>
        <Form method="GET" action="/settings" attr:class="filters" attr:role="search" attr:aria-label=t!("settings-search")>
            <div class="field">
                <label for="settings-search">{t!("settings-search-label")}</label>
                <input id="settings-search" type="search" name="q" autocomplete="off"
                    value=search prop:value=search/>
            </div>
            <button type="submit" class="button">{t!("common-search")}</button>
        </Form>
        <Transition fallback=|| view! { <p class="loading">{t!("settings-loading")}</p> }>
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
            view! { <span class="secret" title=t!("settings-secret")>{v.clone()}</span> }.into_any()
        }
        Some(v) if v.is_empty() => {
            view! { <span class="muted">{t!("settings-empty-value")}</span> }.into_any()
        }
        Some(v) => view! { <code>{v.clone()}</code> }.into_any(),
        None => view! { <span class="muted">{t!("settings-not-set")}</span> }.into_any(),
    };
    vec![
        Column::new(
            t!("settings-key"),
            |s: &Setting| view! { <code>{s.key.clone()}</code> },
        )
        .row_header(),
        Column::new(t!("settings-value"), value),
        Column::new(t!("settings-env"), |s: &Setting| {
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
            return view! { <p class="empty">{t!("settings-no-match")}</p> }.into_any();
        }
        sections
            .into_iter()
            .map(|(name, rows)| {
                let heading_id = format!("settings-{name}");
                let labelled_by = heading_id.clone();
                let caption = t!("settings-section-caption", section = name.clone());
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
                            // A line number, not a quantity: no digit grouping.
                            format!("{} ", t!("settings-problem-line", line = p.line.to_string()))
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
                        <strong>{t!("settings-provisioning-invalid")}</strong>
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
            <h2 id="provisioning-heading">{t!("settings-provisioning")}</h2>
            <p>
                {pieces(&t!("settings-provisioning-about", key = FILE_KEY), &[FILE_KEY])
                    .into_iter()
                    .map(|piece| match piece {
                        Piece::Text(text) => text.into_any(),
                        Piece::Value(_) => view! { <code>{FILE_KEY}</code> }.into_any(),
                    })
                    .collect_view()}
            </p>
            <ActionForm action=reload>
                <button type="submit" class="button primary" data-testid="reload-provisioning"
                    disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { t!("settings-reloading") } else { t!("settings-reload") }}
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
        let label = match item.outcome {
            ProvisionedOutcome::Created => t!("settings-outcome-created"),
            ProvisionedOutcome::Changed => t!("settings-outcome-changed"),
            ProvisionedOutcome::Unchanged => t!("settings-outcome-unchanged"),
        };
        view! { <span class=badge>{label}</span> }
    };
    let columns = vec![
        Column::new(t!("settings-kind"), |item: &ProvisionedItem| {
            kind_label(item.kind)
        }),
        Column::new(
            t!("common-name"),
            |item: &ProvisionedItem| view! { <code>{item.name.clone()}</code> },
        ),
        Column::new(t!("settings-outcome"), outcome),
        Column::new(t!("settings-changed-fields"), |item: &ProvisionedItem| {
            item.changes.join(", ")
        }),
    ];
    let row_data = Arc::new(|item: &ProvisionedItem| {
        vec![
            ("data-kind", item.kind.as_str().to_owned()),
            ("data-outcome", item.outcome.as_str().to_owned()),
        ]
    });
    // One sentence, its three figures each in a span of its own.
    let text = t!(
        "settings-provisioning-applied",
        created = report.created,
        changed = report.changed,
        unchanged = report.unchanged
    );
    let figures = [
        ("provisioning-created", number(report.created as i64)),
        ("provisioning-changed", number(report.changed as i64)),
        ("provisioning-unchanged", number(report.unchanged as i64)),
    ];
    let marks: Vec<&str> = figures.iter().map(|(_, n)| n.as_str()).collect();
    let summary = pieces(&text, &marks)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Value(i) => {
                let (testid, figure) = figures[i].clone();
                view! { <span data-testid=testid>{figure}</span> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="notice success" role="status" data-testid="provisioning-report">
            {summary}
        </div>
        <DataTable rows=report.items columns caption=t!("settings-provisioned-items") testid="provisioning-items"
            row_testid="provisioning-item" row_data/>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use crate::app::format::{pieces, Piece};
    use crate::i18n::Language;
    use crate::t;

    /// The pieces with the values marked `<…>`.
    fn marked(text: &str, values: &[&str]) -> String {
        pieces(text, values)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => text,
                Piece::Value(i) => format!("<{}>", values[i]),
            })
            .collect()
    }

    #[test]
    fn the_provisioning_summary_keeps_each_figure_in_its_place() {
        for language in Language::ALL {
            let text = t!(language; "settings-provisioning-applied",
                created = 0u64, changed = 10u64, unchanged = 1_200u64);
            let figures = [
                language.number(0),
                language.number(10),
                language.number(1_200),
            ];
            let values: Vec<&str> = figures.iter().map(String::as_str).collect();
            let parts = pieces(&text, &values);
            let found: Vec<usize> = parts
                .iter()
                .filter_map(|p| match p {
                    Piece::Value(i) => Some(*i),
                    Piece::Text(_) => None,
                })
                .collect();
            assert_eq!(found, [0, 1, 2], "{text}");
        }
        let en = t!(Language::En; "settings-provisioning-applied",
            created = 0u64, changed = 10u64, unchanged = 1_200u64);
        assert_eq!(
            marked(&en, &["0", "10", "1,200"]),
            "Provisioning applied: <0> created, <10> changed, <1,200> unchanged."
        );
        assert_eq!(
            t!(Language::En; "settings-section-caption", section = "server"),
            "[server] settings"
        );
    }

    #[test]
    fn a_value_the_sentence_lacks_is_left_out() {
        assert_eq!(
            marked("Applies (x) again", &["[provisioning] file"]),
            "Applies (x) again"
        );
        assert_eq!(
            marked(
                "Applies ([provisioning] file) again",
                &["[provisioning] file"]
            ),
            "Applies (<[provisioning] file>) again"
        );
    }
}
