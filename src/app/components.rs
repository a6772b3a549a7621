//! Small building blocks shared by pages.

use leptos::prelude::*;

pub use super::format::time_or;
use super::CurrentUser;
use crate::model::{AppError, UserStatus};
use crate::t;

/// A labelled input with its error message, wired for screen readers.
#[component]
pub fn Field(
    #[prop(into)] label: String,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The current value, for edit forms.
    #[prop(optional, into)]
    value: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// The element id, when two forms on one page have a field of this name.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let id = id.map_or_else(|| format!("field-{name}"), str::to_owned);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
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
    let label = match status {
        UserStatus::Active => t!("status-active"),
        UserStatus::Locked => t!("status-locked"),
        UserStatus::Deactivated => t!("status-deactivated"),
    };
    view! { <span class=format!("badge status-{}", status.as_str())>{label}</span> }
}

/// A session that ended (logged out elsewhere, revoked by an administrator)
/// sends the browser to the login page, which brings it back here after.
#[cfg(feature = "hydrate")]
pub fn leave_if_logged_out(error: Option<&AppError>) {
    if matches!(error, Some(AppError::Unauthenticated)) {
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let _ = location.assign(&format!("/login?next={}", urlencoding::encode(&here)));
    }
}

/// On the server a page never renders for an ended session (the page guard
/// sends it to the login page first).
#[cfg(not(feature = "hydrate"))]
pub fn leave_if_logged_out(_error: Option<&AppError>) {}

/// A friendly explanation of an error from a server call.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let ended = error.clone();
    Effect::new(move |_| leave_if_logged_out(Some(&ended)));
    let (title, body) = match &error {
        AppError::Unauthenticated => (t!("error-session-ended"), t!("error-log-in-again")),
        AppError::Forbidden(_) => (t!("error-forbidden"), error_message(&error)),
        AppError::NotFound(_) => (t!("error-not-found"), error_message(&error)),
        other => (t!("common-error"), error_message(other)),
    };
    let login = matches!(error, AppError::Unauthenticated);
    view! {
        <div class="notice error" role="alert">
            <strong>{title}</strong>
            <p>{body}</p>
            {login.then(|| view! { <a href="/login">{t!("layout-log-in")}</a> })}
        </div>
    }
}

/// Renders `children` for those whose rights open this page and a 403
/// explanation for others
/// (the page guard also sets the HTTP status on full loads).
#[component]
pub fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    let children = StoredValue::new(children);
    let path = leptos_router::hooks::use_location().pathname;
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if me.may_open(&path.get_untracked()) => {
                        children.with_value(|c| c()).into_any()
                    }
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
            <h1>{t!("error-admins-only")}</h1>
            <p>{t!("error-admins-only-body")}</p>
            <a class="button" href="/account">{t!("error-go-to-account")}</a>
        </section>
    }
}

/// Empties `form` after `action` succeeded: a created item's values are
/// used up (its secret shows once, beside the form).
pub fn reset_on_success<S>(action: ServerAction<S>, form: NodeRef<leptos::html::Form>)
where
    S: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
}

/// The error of a finished call, if it failed.
pub fn error_of<T>(value: &Option<Result<T, AppError>>) -> Option<AppError> {
    value.as_ref().and_then(|r| r.as_ref().err().cloned())
}

/// The error of an action's last run (read reactively).
pub fn last_error<S>(action: ServerAction<S>) -> Option<AppError>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    action.value().with(error_of)
}

/// Sends the browser to the login page when `action` finds the session
/// ended.
pub fn leave_when_logged_out<S>(action: ServerAction<S>)
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| leave_if_logged_out(last_error(action).as_ref()));
}

/// An error's message in the page's language, chosen by its code; the
/// server's English text when there is no translation for it.
pub fn error_message(error: &AppError) -> String {
    crate::i18n::error_text(crate::i18n::current(), error.code(), &error.to_string())
}

/// The messages of `error` about one form field (or a part of it:
/// `redirect_uris/2` belongs to `redirect_uris`) in the page's language, as
/// [`AppError::field_message`] finds them in English.
fn field_message(error: &AppError, field: &str) -> Option<String> {
    let language = crate::i18n::current();
    let about = |f: &str| {
        f == field
            || f.strip_prefix(field)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    match error {
        AppError::Invalid(errors) => {
            let messages: Vec<String> = errors
                .iter()
                .filter(|e| about(&e.field))
                .map(|e| crate::i18n::error_text(language, &e.code, &e.message))
                .collect();
            (!messages.is_empty()).then(|| messages.join(" "))
        }
        AppError::Conflict {
            field: Some(f),
            code,
            message,
        } if f == field => Some(crate::i18n::error_text(language, code, message)),
        AppError::UnknownReference {
            field: f,
            code,
            message,
        }
        | AppError::BadReference {
            field: f,
            code,
            message,
        } if about(f) => Some(crate::i18n::error_text(language, code, message)),
        _ => None,
    }
}

/// An error banner (`role="alert"`). A server error's English text (as
/// pages pass `error` or `error.to_string()`) is shown in the page's
/// language when it is a known message.
pub fn alert(message: impl std::fmt::Display) -> AnyView {
    let message = message.to_string();
    let text = crate::i18n::english_error_text(crate::i18n::current(), &message);
    // A dangerous change that wants the password again: the way there,
    // and back to this page.
    let confirm = (message == crate::model::second_factor::STEP_UP_MESSAGE).then(|| {
        let location = leptos_router::hooks::use_location();
        let here = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        );
        let href = format!("/confirm?next={}", urlencoding::encode(&here));
        view! { " "<a href=href data-testid="step-up-link">{crate::t!("confirm-link")}</a> }
    });
    view! { <div class="notice error" role="alert">{text}{confirm}</div> }.into_any()
}

/// A success notice when the URL says `key=value` (after a plain form post).
pub fn flash(key: &'static str, value: &'static str, text: String) -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    move || {
        let text = text.clone();
        (query.read().get(key).as_deref() == Some(value))
            .then(|| view! { <div class="notice success" role="status">{text}</div> })
    }
}

/// [`alert`], when there is an error.
pub fn error_banner(message: Option<String>) -> Option<AnyView> {
    message.map(alert)
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
        leave_when_logged_out(action);
        Self(Signal::derive(move || last_error(action)))
    }

    /// The message for one field, shown next to it.
    pub fn field(self, name: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || field_message(&self.0.get()?, name))
    }

    /// An error that belongs to no field, for a banner.
    pub fn general(self) -> Option<String> {
        self.0
            .get()
            .filter(|e| !e.is_field_error())
            .map(|e| error_message(&e))
    }
}

/// A destructive action behind a confirmation step that names its effect.
/// A `<details>`: it works before (and without) WebAssembly.
#[component]
pub fn Confirmed(summary: String, explanation: String, children: Children) -> impl IntoView {
    view! {
        <details class="confirm">
            <summary class="button">{summary}</summary>
            <div class="confirm-body" role="group" aria-label=t!("common-confirm")>
                <p>{explanation}</p>
                {children()}
            </div>
        </details>
    }
}

/// Writes `text` to the clipboard; false when the browser refuses (no
/// permission, not a secure context) so the caller can fall back.
#[cfg(feature = "hydrate")]
pub(crate) async fn copy_to_clipboard(text: &str) -> bool {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // `catch`: `navigator.clipboard` is undefined outside secure contexts.
        #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
        fn write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
    }

    match write_text(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

#[cfg(not(feature = "hydrate"))]
pub(crate) async fn copy_to_clipboard(_text: &str) -> bool {
    false
}

/// A value shown once (a new secret, a client id) in a read-only input with
/// a Copy button. When the clipboard is refused, the text is selected
/// instead so a keyboard shortcut copies it.
#[component]
pub fn CopyField(
    #[prop(into)] label: String,
    id: &'static str,
    value: String,
    /// Takes focus when shown, so the value is announced and easy to copy.
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let copied = RwSignal::new(None::<bool>);
    if focus {
        Effect::new(move |_| {
            if let Some(el) = input.get() {
                let _ = el.focus();
                el.select();
            }
        });
    }
    let text = StoredValue::new(value.clone());
    let copy = move |_| {
        let text = text.get_value();
        leptos::task::spawn_local(async move {
            let ok = copy_to_clipboard(&text).await;
            if !ok {
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    let status_id = format!("{id}-status");
    view! {
        <div class="field copy-field">
            <label for=id>{label.clone()}</label>
            <div class="copy-row">
                <input id=id type="text" readonly value=value node_ref=input
                    spellcheck="false" autocomplete="off" aria-describedby=status_id.clone()/>
                <button type="button" class="button" aria-label=t!("copy-label", what = label.to_lowercase())
                    on:click=copy>{t!("common-copy")}</button>
            </div>
            <p class="hint" id=status_id role="status">
                {move || match copied.get() {
                    Some(true) => t!("copy-done"),
                    Some(false) => t!("copy-refused"),
                    None => String::new(),
                }}
            </p>
        </div>
    }
}

/// The pager's labels of a list in no time order.
pub fn previous_next() -> (String, String) {
    (t!("pager-previous"), t!("pager-next"))
}

/// The pager's labels of a list, newest first.
pub fn newer_older() -> (String, String) {
    (t!("pager-newer"), t!("pager-older"))
}

/// `← prev` / `next →` links of a cursor-paged table; `base` is the page URL
/// with its other parameters (ends in `?` or `&`). None on a single page.
pub fn pager<T>(
    base: &str,
    page: &crate::model::Page<T>,
    labels: (String, String),
) -> Option<AnyView> {
    pager_with_keys(base, page, labels, ("after", "before"))
}

/// [`pager`] with other names for the cursor parameters (a page that pages
/// two lists).
pub fn pager_with_keys<T>(
    base: &str,
    page: &crate::model::Page<T>,
    labels: (String, String),
    (after, before): (&str, &str),
) -> Option<AnyView> {
    let link = |key: &str, cursor: &Option<String>| {
        cursor
            .as_ref()
            .map(|c| format!("{base}{key}={}", urlencoding::encode(c)))
    };
    let (prev, next) = (
        link(before, &page.prev_cursor),
        link(after, &page.next_cursor),
    );
    (prev.is_some() || next.is_some()).then(|| pager_links(prev, next, labels))
}

/// The pager's two links (a disabled button where there is no page).
pub fn pager_links(
    prev: Option<String>,
    next: Option<String>,
    labels: (String, String),
) -> AnyView {
    let button = |href: Option<String>, rel: &'static str, label: String| match href {
        Some(href) => view! { <a class="button" rel=rel href=href>{label}</a> }.into_any(),
        None => {
            view! { <span class="button disabled" aria-disabled="true">{label}</span> }.into_any()
        }
    };
    view! {
        <nav class="pager" aria-label=t!("common-pages")>
            {button(prev, "prev", labels.0)}
            {button(next, "next", labels.1)}
        </nav>
    }
    .into_any()
}

/// A username field that suggests matching usernames as one types (a
/// `<datalist>` filled from the server; without JavaScript a plain field).
#[component]
pub fn UsernameInput(
    /// The form field's name; the input's id is `field-{name}`.
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let suggestions = RwSignal::new(Vec::<String>::new());
    // A slow answer to an earlier keystroke must not replace a later one.
    let asked = StoredValue::new(0u64);
    let on_input = move |ev| {
        let term = event_target_value(&ev);
        let n = asked.get_value() + 1;
        asked.set_value(n);
        leptos::task::spawn_local(async move {
            let found = if term.trim().is_empty() {
                Vec::new()
            } else {
                crate::server_fns::contacts::suggest_usernames(term)
                    .await
                    .unwrap_or_default()
            };
            if asked.get_value() == n {
                suggestions.set(found);
            }
        });
    };
    let options = move || {
        suggestions
            .get()
            .into_iter()
            .map(|name| view! { <option value=name/> })
            .collect_view()
    };
    let id = format!("field-{name}");
    let list_id = format!("{name}-suggestions");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}<span aria-hidden="true">" *"</span></label>
            <input id=id name=name required autocomplete="off" spellcheck="false"
                autocapitalize="none" list=list_id.clone()
                on:input=on_input
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by/>
            <datalist id=list_id data-testid=format!("{name}-suggestions")>{options}</datalist>
            <p class="hint" id=hint_id>{hint}</p>
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
