//! Small building blocks shared by pages.

use leptos::prelude::*;

use super::CurrentUser;
use crate::model::{AppError, UserStatus};

/// A labelled input with its error message, wired for screen readers.
#[component]
pub fn Field(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The current value, for edit forms.
    #[prop(optional, into)]
    value: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(view! { <span aria-hidden="true">" *"</span> })}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

#[component]
pub fn StatusBadge(status: UserStatus) -> impl IntoView {
    view! { <span class=format!("badge status-{}", status.as_str())>{status.as_str()}</span> }
}

/// A friendly explanation of an error from a server call.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let (title, body) = match &error {
        AppError::Unauthenticated => (
            "Your session has ended",
            "Log in again to continue.".to_owned(),
        ),
        AppError::Forbidden(m) => ("Not allowed", m.clone()),
        AppError::NotFound(m) => ("Not found", m.clone()),
        other => ("Something went wrong", other.to_string()),
    };
    let login = matches!(error, AppError::Unauthenticated);
    view! {
        <div class="notice error" role="alert">
            <strong>{title}</strong>
            <p>{body}</p>
            {login.then(|| view! { <a href="/login">"Log in"</a> })}
        </div>
    }
}

/// Renders `children` for administrators and a 403 explanation for others
/// (the page guard also sets the HTTP status on full loads).
#[component]
pub fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if me.admin => children.with_value(|c| c()).into_any(),
                    Ok(Some(_)) => view! { <Forbidden/> }.into_any(),
                    _ => view! { <ErrorNotice error=AppError::Unauthenticated/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    view! {
        <section class="card narrow">
            <h1>"403 — Administrators only"</h1>
            <p>"Your account cannot open this page. You can manage your own account instead."</p>
            <a class="button" href="/account">"Go to my account"</a>
        </section>
    }
}

/// The errors of a form's last submission: per field, and the rest.
#[derive(Clone, Copy)]
pub struct FormErrors(Signal<Option<AppError>>);

impl FormErrors {
    pub fn of<S>(action: ServerAction<S>) -> Self
    where
        S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        Self(Signal::derive(move || {
            action
                .value()
                .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
        }))
    }

    /// The message for one field, shown next to it.
    pub fn field(self, name: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || self.0.get()?.field_message(name))
    }

    /// An error that belongs to no field, for a banner.
    pub fn general(self) -> Option<String> {
        self.0
            .get()
            .filter(|e| !e.is_field_error())
            .map(|e| e.to_string())
    }
}
