//! `/login/second-factor`: the second step of a sign-in (a code from an
//! authenticator app or a recovery code, or a passkey), and `/confirm`:
//! proving one's identity again before a dangerous change (step-up).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::components::{error_banner, Field, FormErrors};
use crate::model::AppError;
use crate::server_fns::second_factor::{second_step_choices, ConfirmIdentity, VerifySecondFactor};
use crate::t;

/// The passkey button of a page: shown only where the browser can use
/// passkeys (`/passkey.js` marks the page), with the message it shows
/// when the ceremony fails.
#[component]
pub fn PasskeyButton(
    /// `sign-in` or `second-step`.
    ceremony: &'static str,
    label: String,
    #[prop(into)] next: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="passkey-only stack">
            <p id="passkey-error" class="notice error" role="alert" hidden>{t!("security-passkey-failed")}</p>
            <button type="button" class="button" data-passkey=ceremony data-passkey-error="passkey-error"
                data-next=move || next.get() data-testid="use-passkey">{label}</button>
        </div>
    }
}

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let step = Resource::new_blocking(|| (), |_| second_step_choices());
    let action = ServerAction::<VerifySecondFactor>::new();
    let errors = FormErrors::of(action);
    let query = use_query_map();
    let next = Signal::derive(move || query.read().get("next").unwrap_or_default());
    view! {
        <Title text=t!("second-step-title")/>
        <main id="main" class="centered">
            <div class="card narrow auth">
                <h1>{t!("second-step-title")}</h1>
                <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match step.await {
                            Ok(step) => view! {
                                <p class="hint">{t!("second-step-lead", username = step.username.clone())}</p>
                                {step.passkey.then(|| view! {
                                    <PasskeyButton ceremony="second-step" label=t!("second-step-passkey") next/>
                                })}
                                {(step.totp || step.recovery_codes).then(|| view! {
                                    {move || error_banner(errors.general())}
                                    <form method="post" action=VerifySecondFactor::url() class="stack">
                                        <Field label=t!("second-step-code") name="code" required=true
                                            autocomplete="one-time-code"
                                            hint=if step.totp { t!("second-step-code-hint") } else { t!("second-step-recovery-hint") }
                                            error=errors.field("code")/>
                                        <input type="hidden" name="next" value=move || next.get()/>
                                        <button type="submit" class="button primary">{t!("second-step-submit")}</button>
                                    </form>
                                })}
                            }
                            .into_any(),
                            Err(AppError::Unauthenticated) => view! {
                                <p class="notice warning" role="status" data-testid="second-step-expired">{t!("second-step-expired")}</p>
                                <a class="button primary" href="/login">{t!("login-heading")}</a>
                            }
                            .into_any(),
                            Err(error) => error_banner(Some(crate::app::components::error_message(&error))).into_any(),
                        }
                    })}
                </Suspense>
                <p class="centered-aside"><a href="/login">{t!("second-step-cancel")}</a></p>
            </div>
        </main>
    }
}

/// Proving one's identity again: the password, or a code.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let action = ServerAction::<ConfirmIdentity>::new();
    let errors = FormErrors::of(action);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <Title text=t!("confirm-title")/>
        <main id="main" class="centered">
            <div class="card narrow auth">
                <h1>{t!("confirm-title")}</h1>
                <p class="hint">{t!("confirm-lead")}</p>
                {move || error_banner(errors.general())}
                <form method="post" action=ConfirmIdentity::url() class="stack" data-testid="confirm-password">
                    <Field label=t!("common-password") name="password" kind="password" required=true
                        autocomplete="current-password" error=errors.field("password")/>
                    <input type="hidden" name="next" value=next/>
                    <button type="submit" class="button primary">{t!("confirm-submit")}</button>
                </form>
                <form method="post" action=ConfirmIdentity::url() class="stack" data-testid="confirm-code">
                    <Field label=t!("second-step-code") name="code" id="confirm-code" required=true
                        autocomplete="one-time-code" hint=t!("confirm-code-hint") error=errors.field("code")/>
                    <input type="hidden" name="next" value=next/>
                    <button type="submit" class="button">{t!("confirm-submit-code")}</button>
                </form>
                <p class="centered-aside"><a href=move || {
                    let n = next();
                    if crate::model::validate::local_path(&n).is_some() { n } else { "/account".to_owned() }
                }>{t!("common-cancel")}</a></p>
            </div>
        </main>
    }
}
