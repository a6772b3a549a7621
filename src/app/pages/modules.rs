//! The built-in modules with a switch each. Switching one off hides its
//! pages and endpoints (404) on every instance from their next request, so
//! it asks for confirmation first. Every switch is a plain form post too.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::{
    components::{alert, time_or, AdminOnly, ErrorNotice},
    table::{Column, DataTable},
};
use crate::model::ModuleState;
use crate::server_fns::modules::{list_modules, SetModule};
use crate::t;

#[component]
pub fn ModulesPage() -> impl IntoView {
    view! {
        <Title text=t!("modules-title")/>
        <AdminOnly>
            <ModulesView/>
        </AdminOnly>
    }
    .into_any()
}

#[component]
fn ModulesView() -> impl IntoView {
    let set = ServerAction::<SetModule>::new();
    let list = Resource::new(move || set.version().get(), |_| list_modules());
    let changed = move || {
        set.value().get().and_then(Result::ok).map(|m| {
            let text = if m.enabled {
                t!("modules-enabled-notice", module = m.name)
            } else {
                t!("modules-disabled-notice", module = m.name)
            };
            view! { <div class="notice success" role="status">{text}</div> }
        })
    };
    let failed = move || set.value().get().and_then(Result::err).map(alert);
    view! {
        <div class="page-head">
            <h1>{t!("modules-title")}</h1>
        </div>
        <section class="card" aria-labelledby="modules-heading">
            <h2 id="modules-heading" class="sr-only">{t!("modules-built-in")}</h2>
            <p>{t!("modules-lead")}</p>
            {changed}
            {failed}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(modules) => view! { <ModuleTable modules set/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn ModuleTable(modules: Vec<ModuleState>, set: ServerAction<SetModule>) -> impl IntoView {
    let changed = |m: &ModuleState| {
        match (&m.changed_at, &m.changed_by) {
        (Some(at), Some(by)) => {
            view! { {time_or(Some(at.clone()), "")}" "{t!("modules-changed-by", user = by.clone())} }
                .into_any()
        }
        _ => view! { <span class="muted">{t!("modules-default")}</span> }.into_any(),
    }
    };
    let columns = vec![
        Column::new(
            t!("modules-module"),
            |m: &ModuleState| view! { <code>{m.name.clone()}</code> },
        ),
        Column::new(t!("modules-description"), |m: &ModuleState| {
            m.description.clone()
        }),
        Column::new(
            t!("modules-enabled"),
            move |m: &ModuleState| view! { <ModuleSwitch module=m.clone() set/> },
        ),
        Column::new(t!("modules-last-changed"), changed),
    ];
    view! {
        <DataTable rows=modules columns caption=t!("modules-title") class="modules" testid="modules"
            row_testid="module-row" row_data=Arc::new(|m: &ModuleState| vec![("data-module", m.name.clone())])/>
    }
}

/// Off → on is one click. On → off opens a confirmation (a `<details>`,
/// so it needs no JavaScript) whose button does the switch.
#[component]
fn ModuleSwitch(module: ModuleState, set: ServerAction<SetModule>) -> impl IntoView {
    let name = module.name.clone();
    let label = t!("modules-switch-label", module = name.clone());
    if !module.enabled {
        return view! {
            <ActionForm action=set attr:class="module-switch">
                <input type="hidden" name="name" value=name.clone()/>
                <input type="hidden" name="enabled" value="true"/>
                <button type="submit" class="switch" role="switch" aria-checked="false"
                    aria-label=label data-testid="module-switch">
                    <span class="switch-track" aria-hidden="true"></span>
                    <span class="switch-text">{t!("modules-off")}</span>
                </button>
            </ActionForm>
        }
        .into_any();
    }
    view! {
        <details class="confirm module-switch">
            <summary class="switch" role="switch" aria-checked="true" aria-label=label
                data-testid="module-switch">
                <span class="switch-track" aria-hidden="true"></span>
                <span class="switch-text">{t!("modules-on")}</span>
            </summary>
            <div class="confirm-body" role="group" aria-label=t!("common-confirm")>
                <p>{t!("modules-disable-explanation", module = name.clone())}</p>
                <ActionForm action=set>
                    <input type="hidden" name="name" value=name.clone()/>
                    <input type="hidden" name="enabled" value="false"/>
                    <button type="submit" class="button danger">{t!("modules-disable", module = name.clone())}</button>
                </ActionForm>
            </div>
        </details>
    }
    .into_any()
}
