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

#[component]
pub fn ModulesPage() -> impl IntoView {
    view! {
        <Title text="Modules"/>
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
            let state = if m.enabled { "enabled" } else { "disabled" };
            view! { <div class="notice success" role="status">{format!("The {} module is {state}.", m.name)}</div> }
        })
    };
    let failed = move || set.value().get().and_then(Result::err).map(alert);
    view! {
        <div class="page-head">
            <h1>"Modules"</h1>
        </div>
        <section class="card" aria-labelledby="modules-heading">
            <h2 id="modules-heading" class="sr-only">"Built-in modules"</h2>
            <p>"A disabled module's pages and endpoints answer “not found” on every instance from their next request; the choice survives restarts."</p>
            {changed}
            {failed}
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
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
    let changed = |m: &ModuleState| match (&m.changed_at, &m.changed_by) {
        (Some(at), Some(by)) => {
            view! { {time_or(Some(at.clone()), "")}" by "{by.clone()} }.into_any()
        }
        _ => view! { <span class="muted">"default"</span> }.into_any(),
    };
    let columns = vec![
        Column::new(
            "Module",
            |m: &ModuleState| view! { <code>{m.name.clone()}</code> },
        ),
        Column::new("Description", |m: &ModuleState| m.description.clone()),
        Column::new(
            "Enabled",
            move |m: &ModuleState| view! { <ModuleSwitch module=m.clone() set/> },
        ),
        Column::new("Last changed", changed),
    ];
    view! {
        <DataTable rows=modules columns caption="Modules" class="modules" testid="modules"
            row_testid="module-row" row_data=Arc::new(|m: &ModuleState| vec![("data-module", m.name.clone())])/>
    }
}

/// Off → on is one click. On → off opens a confirmation (a `<details>`,
/// so it needs no JavaScript) whose button does the switch.
#[component]
fn ModuleSwitch(module: ModuleState, set: ServerAction<SetModule>) -> impl IntoView {
    let name = module.name.clone();
    let label = format!("{name} module");
    if !module.enabled {
        return view! {
            <ActionForm action=set attr:class="module-switch">
                <input type="hidden" name="name" value=name.clone()/>
                <input type="hidden" name="enabled" value="true"/>
                <button type="submit" class="switch" role="switch" aria-checked="false"
                    aria-label=label data-testid="module-switch">
                    <span class="switch-track" aria-hidden="true"></span>
                    <span class="switch-text">"Off"</span>
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
                <span class="switch-text">"On"</span>
            </summary>
            <div class="confirm-body" role="group" aria-label="Confirm">
                <p>{format!("Disable the {name} module? Its pages and endpoints answer “not found” until it is enabled again.")}</p>
                <ActionForm action=set>
                    <input type="hidden" name="name" value=name.clone()/>
                    <input type="hidden" name="enabled" value="false"/>
                    <button type="submit" class="button danger">{format!("Disable {name}")}</button>
                </ActionForm>
            </div>
        </details>
    }
    .into_any()
}
