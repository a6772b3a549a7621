//! `/account/security`: the account's second factors (authenticator apps,
//! passkeys), its recovery codes, and `/account/security/totp` to add an
//! app. Also the administrator's view of a user's factors.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::app::components::{
    error_banner, flash, time_or, Confirmed, ErrorNotice, Field, FormErrors,
};
use crate::app::table::{Column, DataTable};
use crate::model::second_factor::{Factor, FactorKind, SecurityOverview};
use crate::server_fns::second_factor::{
    begin_totp, my_security, user_factors, ConfirmTotp, RegenerateRecoveryCodes, RemoveFactor,
    ResetUserFactors,
};
use crate::t;

fn kind_label(kind: FactorKind) -> String {
    match kind {
        FactorKind::Totp => t!("security-kind-totp"),
        FactorKind::Passkey => t!("security-kind-passkey"),
    }
}

/// The columns every list of factors shows.
fn factor_columns() -> Vec<Column<Factor>> {
    vec![
        Column::new(t!("common-name"), |f: &Factor| f.name.clone()),
        Column::new(t!("security-col-kind"), |f: &Factor| kind_label(f.kind)),
        Column::new(t!("common-created"), |f: &Factor| {
            time_or(Some(f.created_at.clone()), "")
        }),
        Column::new(t!("security-col-last-used"), |f: &Factor| {
            time_or(f.last_used_at.clone(), t!("common-never"))
        }),
    ]
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let remove = ServerAction::<RemoveFactor>::new();
    let overview = Resource::new(move || remove.version().get(), |_| my_security());
    view! {
        <Title text=t!("security-title")/>
        <h1>{t!("security-title")}</h1>
        {flash("added", "totp", t!("security-added-totp"))}
        {flash("added", "passkey", t!("security-added-passkey"))}
        {flash("removed", "1", t!("security-removed"))}
        <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Security overview remove/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Security(overview: SecurityOverview, remove: ServerAction<RemoveFactor>) -> impl IntoView {
    let must_enrol = overview.required_by_policy && overview.factors.is_empty();
    let remove_errors = FormErrors::of(remove);
    let actions = move |f: &Factor| {
        let explanation = t!("security-remove-explanation", name = f.name.clone());
        let label = t!("security-remove", name = f.name.clone());
        let id = f.id.clone();
        view! {
            <Confirmed summary=t!("security-remove-summary") explanation>
                <form method="post" action=RemoveFactor::url()>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button danger">{label}</button>
                </form>
            </Confirmed>
        }
    };
    let mut columns = factor_columns();
    columns.push(Column::actions(actions));
    let has_factor = !overview.factors.is_empty();
    view! {
        {must_enrol.then(|| view! {
            <div class="notice warning" role="status" data-testid="enrolment-required">
                {t!("security-enrolment-required")}
            </div>
        })}
        <section class="card" aria-labelledby="factors-heading">
            <h2 id="factors-heading">{t!("security-factors")}</h2>
            <p class="hint">{t!("security-factors-hint")}</p>
            {move || error_banner(remove_errors.general())}
            <DataTable rows=overview.factors columns caption=t!("security-factors") testid="factors"
                row_testid="factor-row" key=Arc::new(|f: &Factor| f.id.clone())
                empty=t!("security-no-factors") empty_testid="no-factors"/>
            <div class="action-row">
                <a class="button primary" href="/account/security/totp" data-testid="add-totp">{t!("security-add-totp")}</a>
            </div>
        </section>
        <PasskeyForm available=overview.passkeys_available/>
        <RecoveryCodes left=overview.recovery_codes_left has_factor new_codes=overview.new_recovery_codes/>
    }
}

/// Adds a passkey: the browser's ceremony runs in `/passkey.js`.
#[component]
fn PasskeyForm(available: bool) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="passkey-heading">
            <h2 id="passkey-heading">{t!("security-passkeys")}</h2>
            <p class="hint">{t!("security-passkeys-hint")}</p>
            {if available {
                view! {
                    <p class="notice warning passkey-unsupported">{t!("security-passkeys-unsupported")}</p>
                    <form class="stack passkey-only" data-passkey="register" data-passkey-error="passkey-error">
                        <div class="field">
                            <label for="field-passkey-name">{t!("common-name")}</label>
                            <input id="field-passkey-name" name="name" required autocomplete="off"
                                aria-describedby="field-passkey-name-hint"/>
                            <p class="hint" id="field-passkey-name-hint">{t!("security-passkey-name-hint")}</p>
                        </div>
                        <p id="passkey-error" class="notice error" role="alert" hidden>{t!("security-passkey-failed")}</p>
                        <button type="submit" class="button primary" data-testid="add-passkey">{t!("security-add-passkey")}</button>
                    </form>
                }
                .into_any()
            } else {
                view! { <p class="notice warning">{t!("security-passkeys-unavailable")}</p> }.into_any()
            }}
        </section>
    }
}

/// The count of unused recovery codes, and new ones shown this once.
#[component]
fn RecoveryCodes(left: i64, has_factor: bool, new_codes: Vec<String>) -> impl IntoView {
    let regenerate = ServerAction::<RegenerateRecoveryCodes>::new();
    let errors = FormErrors::of(regenerate);
    // Made on this page (JavaScript), or by the form post that led here.
    let after_post = (!new_codes.is_empty()).then_some(new_codes);
    let codes = move || {
        regenerate
            .value()
            .get()
            .and_then(Result::ok)
            .or_else(|| after_post.clone())
    };
    view! {
        <section class="card" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">{t!("security-recovery-codes")}</h2>
            <p class="hint">{t!("security-recovery-hint")}</p>
            {move || match codes() {
                Some(codes) => view! {
                    <div class="secret-box" role="region" aria-labelledby="new-codes-heading" data-testid="recovery-codes">
                        <h3 id="new-codes-heading">{t!("security-recovery-new")}</h3>
                        <p><strong>{t!("security-recovery-save-now")}</strong></p>
                        <ol class="recovery-codes">
                            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                        </ol>
                    </div>
                }
                .into_any(),
                None => view! {
                    <p data-testid="recovery-codes-left">{t!("security-recovery-left", count = left)}</p>
                }
                .into_any(),
            }}
            {move || error_banner(errors.general())}
            {if has_factor {
                view! {
                    <ActionForm action=regenerate>
                        <button type="submit" class="button" data-testid="regenerate-codes">{t!("security-recovery-generate")}</button>
                    </ActionForm>
                }
                .into_any()
            } else {
                view! { <p class="muted">{t!("security-recovery-needs-factor")}</p> }.into_any()
            }}
        </section>
    }
}

/// Adds an authenticator app: scan the QR code (or type the secret), then
/// prove it with the first code. A plain form post.
#[component]
pub fn TotpSetupPage() -> impl IntoView {
    let setup = Resource::new_blocking(|| (), |_| begin_totp());
    let confirm = ServerAction::<ConfirmTotp>::new();
    let errors = FormErrors::of(confirm);
    view! {
        <Title text=t!("security-totp-title")/>
        <h1>{t!("security-totp-title")}</h1>
        <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(setup) => view! {
                        <section class="card" aria-labelledby="scan-heading">
                            <h2 id="scan-heading">{t!("security-totp-scan")}</h2>
                            <p class="hint">{t!("security-totp-scan-hint")}</p>
                            <div class="qr" role="img" aria-label=t!("security-totp-qr-label") inner_html=setup.qr_svg data-testid="totp-qr"></div>
                            <p>{t!("security-totp-manual")}</p>
                            <p><code class="secret" data-testid="totp-secret">{setup.secret}</code></p>
                        </section>
                        <section class="card" aria-labelledby="confirm-heading">
                            <h2 id="confirm-heading">{t!("security-totp-confirm")}</h2>
                            {move || error_banner(errors.general())}
                            <form method="post" action=ConfirmTotp::url() class="stack">
                                <Field label=t!("common-name") name="name" required=true autocomplete="off"
                                    value=t!("security-totp-default-name") error=errors.field("name")/>
                                <Field label=t!("security-code") name="code" required=true
                                    autocomplete="one-time-code" hint=t!("security-totp-code-hint")
                                    error=errors.field("code")/>
                                <button type="submit" class="button primary">{t!("security-totp-submit")}</button>
                            </form>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The user page's list of a user's factors, and the reset for a user who
/// lost them.
#[component]
pub fn UserFactorsPanel(user_id: String, username: String) -> impl IntoView {
    let reset = ServerAction::<ResetUserFactors>::new();
    let errors = FormErrors::of(reset);
    let id = user_id.clone();
    let factors = Resource::new(
        move || reset.version().get(),
        move |_| user_factors(id.clone()),
    );
    let done = move || {
        reset.value().get().and_then(Result::ok).map(|n| {
            view! { <div class="notice success" role="status">{t!("security-reset-done", count = n)}</div> }
        })
    };
    let explanation = t!("security-reset-explanation", username = username.clone());
    let label = t!("security-reset", username = username.clone());
    view! {
        <section class="card" aria-labelledby="user-factors-heading">
            <h2 id="user-factors-heading">{t!("security-factors")}</h2>
            {done}
            {move || error_banner(errors.general())}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match factors.await {
                        Ok(rows) => view! {
                            <DataTable rows columns=factor_columns() caption=t!("security-factors")
                                testid="user-factors" row_testid="factor-row"
                                empty=t!("security-user-no-factors") empty_testid="no-factors"/>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
            <Confirmed summary=t!("security-reset-summary") explanation>
                <ActionForm action=reset>
                    <input type="hidden" name="user_id" value=user_id.clone()/>
                    <button type="submit" class="button danger">{label}</button>
                </ActionForm>
            </Confirmed>
        </section>
    }
}
