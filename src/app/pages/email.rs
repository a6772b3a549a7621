//! Mail in the panel: "forgot your password?", the reset link's page, the
//! verification link's page, a user's own notices, the email card of a
//! user's page, invitations and the outbox. The public pages are plain form
//! posts (they work without WebAssembly).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::{
    components::{alert, error_banner, flash, Confirmed, ErrorNotice, Field, FormErrors},
    format::time_or,
    language::LanguageMenu,
    table::{Column, DataTable},
};
use crate::model::{
    email::{Invitation, InvitationStatus, MailSettings, OutboxMessage},
    User,
};
use crate::server_fns::email::*;
use crate::t;

/// `/forgot-password`: asks for the address; the answer is the same
/// whether or not an account has it.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let errors = FormErrors::of(action);
    let available = Resource::new_blocking(|| (), |_| email_available());
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <Title text=t!("email-forgot-title")/>
        <main id="main" class="centered">
            <div class="card narrow auth">
                <h1>{t!("email-forgot-title")}</h1>
                <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                    {move || Suspend::new(async move {
                        if !available.await.unwrap_or(false) {
                            return view! { <p class="notice warning" role="status" data-testid="email-unavailable">{t!("email-forgot-unavailable")}</p> }.into_any();
                        }
                        if sent() {
                            return view! { <p class="notice success" role="status" data-testid="reset-requested">{t!("email-forgot-sent")}</p> }.into_any();
                        }
                        view! {
                            <p class="hint">{t!("email-forgot-lead")}</p>
                            {move || error_banner(errors.general())}
                            <form method="post" action=RequestPasswordReset::url() class="stack">
                                <Field label=t!("common-email") name="email" kind="email" required=true
                                    autocomplete="email" error=errors.field("email")/>
                                <button type="submit" class="button primary">{t!("email-forgot-submit")}</button>
                            </form>
                        }
                        .into_any()
                    })}
                </Suspense>
                <p class="centered-aside"><a href="/login">{t!("email-back-to-login")}</a></p>
            </div>
            <LanguageMenu/>
        </main>
    }
}

/// `/reset-password?token=…`: the new password, for the account the link
/// is for.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let errors = FormErrors::of(action);
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let account = Resource::new_blocking(token, reset_link_account);
    view! {
        <Title text=t!("email-reset-title")/>
        <main id="main" class="centered">
            <div class="card narrow auth">
                <h1>{t!("email-reset-title")}</h1>
                <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match account.await {
                            Ok(username) => view! {
                                <p class="hint">{t!("email-reset-lead", username = username)}</p>
                                {move || error_banner(errors.general())}
                                <form method="post" action=ResetPassword::url() class="stack">
                                    <input type="hidden" name="token" value=token/>
                                    <Field label=t!("password-new") name="new_password" kind="password" required=true
                                        autocomplete="new-password" error=errors.field("new_password")/>
                                    <Field label=t!("auth-repeat-password") name="new_password_confirm" kind="password" required=true
                                        autocomplete="new-password" error=errors.field("new_password_confirm")/>
                                    <button type="submit" class="button primary">{t!("email-reset-submit")}</button>
                                </form>
                            }
                            .into_any(),
                            Err(_) => view! {
                                <p class="notice warning" role="status" data-testid="link-invalid">{t!("email-link-invalid")}</p>
                                <a class="button" href="/forgot-password">{t!("email-reset-again")}</a>
                            }
                            .into_any(),
                        }
                    })}
                </Suspense>
            </div>
            <LanguageMenu/>
        </main>
    }
}

/// `/verify-email?token=…`: one button proves the address (a page, not
/// the link itself, so mail scanners that open links spend nothing).
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let errors = FormErrors::of(action);
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let done = move || query.read().get("done").is_some();
    let failed = move || errors.field("token").get().is_some() || errors.general().is_some();
    view! {
        <Title text=t!("email-verify-title")/>
        <main id="main" class="centered">
            <div class="card narrow auth">
                <h1>{t!("email-verify-title")}</h1>
                {move || if done() {
                    view! {
                        <p class="notice success" role="status" data-testid="email-verified">{t!("email-verify-done")}</p>
                        <a class="button primary" href="/account">{t!("email-to-account")}</a>
                    }
                    .into_any()
                } else if failed() {
                    view! { <p class="notice warning" role="alert" data-testid="link-invalid">{t!("email-link-invalid")}</p> }.into_any()
                } else {
                    view! {
                        <p class="hint">{t!("email-verify-lead")}</p>
                        <form method="post" action=VerifyEmail::url() class="stack">
                            <input type="hidden" name="token" value=token/>
                            <button type="submit" class="button primary">{t!("email-verify-submit")}</button>
                        </form>
                    }
                    .into_any()
                }}
            </div>
            <LanguageMenu/>
        </main>
    }
}

/// `/account`: the address's state and the security notices.
#[component]
pub fn MailNotices() -> impl IntoView {
    let update = ServerAction::<UpdateMailNotices>::new();
    let resend = ServerAction::<ResendMyVerification>::new();
    let settings = Resource::new(move || update.version().get(), |_| my_mail_settings());
    let saved = move || {
        update
            .value()
            .with(|v| matches!(v, Some(Ok(_))))
            .then(|| view! { <div class="notice success" role="status">{t!("email-notices-saved")}</div> }.into_any())
    };
    let resent = move || {
        resend.value().get().map(|r| match r {
            Ok(()) => view! { <div class="notice success" role="status">{t!("email-verification-sent")}</div> }.into_any(),
            Err(e) => alert(e),
        })
    };
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(s) if s.configured => view! { <NoticesCard settings=s update resend saved resent/> }.into_any(),
                    Ok(_) => ().into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn NoticesCard(
    settings: MailSettings,
    update: ServerAction<UpdateMailNotices>,
    resend: ServerAction<ResendMyVerification>,
    saved: impl Fn() -> Option<AnyView> + Send + 'static,
    resent: impl Fn() -> Option<AnyView> + Send + 'static,
) -> impl IntoView {
    let address = match (&settings.email, settings.verified) {
        (None, _) => view! { <p class="hint" data-testid="email-state">{t!("email-none")}</p> }.into_any(),
        (Some(email), true) => view! {
            <p data-testid="email-state">{email.clone()}" "<span class="badge verified">{t!("email-verified")}</span></p>
        }
        .into_any(),
        (Some(email), false) => view! {
            <p data-testid="email-state">{email.clone()}" "<span class="badge">{t!("email-unverified")}</span></p>
            <ActionForm action=resend>
                <button type="submit" class="button" data-testid="resend-verification">{t!("email-send-verification")}</button>
            </ActionForm>
        }
        .into_any(),
    };
    let on = |k: &str| settings.notices.iter().any(|n| n == k);
    let (password_on, factors_on, sign_in_on) = (on("password"), on("factors"), on("sign_in"));
    let check = |name: &'static str, label: String, checked: bool| {
        let id = format!("notice-{name}");
        view! {
            <div class="field check">
                <input id=id.clone() type="checkbox" name=name checked=checked/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <section class="card" id="notices" aria-labelledby="notices-heading">
            <h2 id="notices-heading">{t!("email-notices-title")}</h2>
            {flash("notices", "saved", t!("email-notices-saved"))}
            {flash("verification", "sent", t!("email-verification-sent"))}
            {saved}
            {resent}
            {address}
            <p class="hint">{t!("email-notices-hint")}</p>
            <ActionForm action=update attr:class="stack">
                <fieldset>
                    <legend>{t!("email-notices-legend")}</legend>
                    {check("password", t!("email-notice-password"), password_on)}
                    {check("factors", t!("email-notice-factors"), factors_on)}
                    {check("sign_in", t!("email-notice-sign-in"), sign_in_on)}
                </fieldset>
                <button type="submit" class="button primary">{t!("common-save")}</button>
            </ActionForm>
        </section>
    }
}

/// The email card of a user's page: verified or not, and plain forms (no
/// JavaScript needed) to mail a verification or reset link and to mark the
/// address verified; each comes back here with a notice.
#[component]
pub fn UserEmailPanel(user: User) -> impl IntoView {
    let Some(email) = user.email.clone() else {
        return view! {
            <section class="card" aria-labelledby="email-heading">
                <h2 id="email-heading">{t!("common-email")}</h2>
                <p class="hint" data-testid="email-state">{t!("email-user-none")}</p>
            </section>
        }
        .into_any();
    };
    let badge = if user.email_verified {
        view! { <span class="badge verified">{t!("email-verified")}</span> }.into_any()
    } else {
        view! { <span class="badge">{t!("email-unverified")}</span> }.into_any()
    };
    let id = user.id.clone();
    let form = move |action: String,
                     extra: Option<(&'static str, String)>,
                     label: String,
                     testid: &'static str| {
        view! {
            <form method="post" action=action>
                <input type="hidden" name="user_id" value=id.clone()/>
                {extra.map(|(name, value)| view! { <input type="hidden" name=name value=value/> })}
                <button type="submit" class="button" data-testid=testid>{label}</button>
            </form>
        }
    };
    let mark = if user.email_verified {
        form(
            SetUserEmailVerified::url().to_owned(),
            Some(("verified", "false".into())),
            t!("email-mark-unverified"),
            "mark-verified",
        )
    } else {
        form(
            SetUserEmailVerified::url().to_owned(),
            Some(("verified", "true".into())),
            t!("email-mark-verified"),
            "mark-verified",
        )
    };
    let verify = (!user.email_verified).then(|| {
        form(
            SendUserVerification::url().to_owned(),
            None,
            t!("email-send-verification"),
            "send-verification",
        )
    });
    let reset = form(
        SendUserPasswordReset::url().to_owned(),
        None,
        t!("email-send-reset"),
        "send-reset",
    );
    let reset_explanation = t!("email-reset-explanation", username = user.username.clone());
    view! {
        <section class="card" aria-labelledby="email-heading">
            <h2 id="email-heading">{t!("common-email")}</h2>
            {flash("mail", "verification-sent", t!("email-verification-sent"))}
            {flash("mail", "reset-sent", t!("email-reset-sent"))}
            <p data-testid="email-state">{email}" "{badge}</p>
            <div class="actions">
                {mark}
                {verify}
                <Confirmed summary=t!("email-reset-summary") explanation=reset_explanation>{reset}</Confirmed>
            </div>
        </section>
    }
    .into_any()
}

fn invitation_columns() -> Vec<Column<Invitation>> {
    vec![
        Column::new(
            t!("common-email"),
            |i: &Invitation| view! { {i.email.clone()} },
        )
        .row_header(),
        Column::new(t!("email-invitation-status"), |i: &Invitation| {
            let status = i.status.as_str();
            let label = match i.status {
                InvitationStatus::Invited => t!("email-invitation-invited"),
                InvitationStatus::Registered => t!("email-invitation-registered-status"),
                InvitationStatus::Expired => t!("email-invitation-expired"),
            };
            view! { <span class=format!("badge {status}") data-status=status>{label}</span> }
        }),
        Column::new(
            t!("email-invitation-by"),
            |i: &Invitation| view! { {i.invited_by.clone().unwrap_or_default()} },
        ),
        Column::new(t!("email-invitation-sent"), |i: &Invitation| {
            time_or(Some(i.created_at.clone()), "")
        }),
        Column::new(t!("email-invitation-expires"), |i: &Invitation| {
            time_or(Some(i.expires_at.clone()), "")
        }),
        Column::new(t!("email-invitation-registered"), |i: &Invitation| {
            time_or(i.registered_at.clone(), "—")
        }),
    ]
}

/// The registration tokens page's invitations: the form and the list
/// (filtered by `?invitations=invited|registered|expired`).
#[component]
pub fn InvitationsPanel() -> impl IntoView {
    let invite = ServerAction::<Invite>::new();
    let errors = FormErrors::of(invite);
    let available = Resource::new(|| (), |_| email_available());
    let query = use_query_map();
    let status = move || query.read().get("invitations").filter(|s| !s.is_empty());
    let list = Resource::new(
        move || (invite.version().get(), status()),
        |(_, status)| list_invitations(status, None),
    );
    let sent = move || {
        invite.value().get().and_then(Result::ok).map(|i| {
            view! { <div class="notice success" role="status" data-testid="invitation-sent">{t!("email-invitation-sent-notice", email = i.email)}</div> }
        })
    };
    let filter_link = move |value: &'static str, label: String| {
        let href = if value.is_empty() {
            "/registration-tokens#invitations".to_owned()
        } else {
            format!("/registration-tokens?invitations={value}#invitations")
        };
        let current = status().unwrap_or_default() == value;
        view! { <a href=href aria-current=current.then_some("page")>{label}</a> }
    };
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                if !available.await.unwrap_or(false) {
                    return ().into_any();
                }
                view! {
                    <section class="card" id="invitations" aria-labelledby="invitations-heading">
                        <h2 id="invitations-heading">{t!("email-invitations-title")}</h2>
                        <p class="hint">{t!("email-invitations-hint")}</p>
                        {sent}
                        {move || error_banner(errors.general())}
                        <ActionForm action=invite attr:class="stack" attr:data-testid="invite-form">
                            <Field label=t!("common-email") name="email" kind="email" required=true
                                autocomplete="off" error=errors.field("email")/>
                            <Field label=t!("email-invitation-valid-days") name="valid_days" kind="number"
                                value="7" error=errors.field("valid_days")/>
                            <Field label=t!("email-invitation-org") name="org_id" hint=t!("email-invitation-org-hint")
                                error=errors.field("org_id")/>
                            <div class="field">
                                <label for="field-role">{t!("common-role")}</label>
                                <select id="field-role" name="role">
                                    <option value="viewer">{t!("orgs-role-viewer")}</option>
                                    <option value="editor">{t!("orgs-role-editor")}</option>
                                    <option value="admin">{t!("orgs-role-admin")}</option>
                                </select>
                            </div>
                            <button type="submit" class="button primary">{t!("email-invite-submit")}</button>
                        </ActionForm>
                        <nav class="filters" aria-label=t!("email-invitation-status")>
                            {filter_link("", t!("registration-tokens-filter-all"))}" "
                            {filter_link("invited", t!("email-invitation-invited"))}" "
                            {filter_link("registered", t!("email-invitation-registered-status"))}" "
                            {filter_link("expired", t!("email-invitation-expired"))}
                        </nav>
                        {move || Suspend::new(async move {
                            match list.await {
                                Ok(page) => view! {
                                    <DataTable rows=page.items columns=invitation_columns() caption=t!("email-invitations-title")
                                        testid="invitations" row_testid="invitation-row"
                                        empty=t!("email-invitations-none") empty_testid="no-invitations"/>
                                }
                                .into_any(),
                                Err(error) => view! { <ErrorNotice error/> }.into_any(),
                            }
                        })}
                    </section>
                }
                .into_any()
            })}
        </Transition>
    }
}

fn outbox_columns(retry: ServerAction<RetryEmail>) -> Vec<Column<OutboxMessage>> {
    vec![
        Column::new(
            t!("email-outbox-to"),
            |m: &OutboxMessage| view! { {m.to.clone()} },
        )
        .row_header(),
        Column::new(
            t!("email-outbox-subject"),
            |m: &OutboxMessage| view! { {m.subject.clone()} },
        ),
        Column::new(t!("email-outbox-status"), |m: &OutboxMessage| {
            let status = m.status.clone();
            let label = match status.as_str() {
                "queued" => t!("email-outbox-queued"),
                "sent" => t!("email-outbox-sent-status"),
                _ => t!("email-outbox-failed"),
            };
            view! { <span class=format!("badge {status}") data-status=status>{label}</span> }
        }),
        Column::new(
            t!("email-outbox-attempts"),
            |m: &OutboxMessage| view! { {m.attempts} },
        ),
        Column::new(t!("email-outbox-error"), |m: &OutboxMessage| {
            view! { <span class="muted" data-testid="outbox-error">{m.last_error.clone().unwrap_or_default()}</span> }
        }),
        Column::new(t!("email-outbox-created"), |m: &OutboxMessage| {
            time_or(Some(m.created_at.clone()), "")
        }),
        Column::new(t!("email-outbox-sent"), |m: &OutboxMessage| {
            time_or(m.sent_at.clone(), "—")
        }),
        Column::actions(move |m: &OutboxMessage| {
            (m.status == "failed").then(|| {
                let id = m.id.clone();
                view! {
                    <ActionForm action=retry>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button">{t!("email-outbox-retry")}</button>
                    </ActionForm>
                }
            })
        }),
    ]
}

/// The Jobs page's outbox: counts and the latest messages, refreshed while
/// the page is open.
#[component]
pub fn OutboxPanel() -> impl IntoView {
    let retry = ServerAction::<RetryEmail>::new();
    let tick = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(
            move || tick.update(|t| *t += 1),
            std::time::Duration::from_secs(2),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let outbox = Resource::new(
        move || (tick.get(), retry.version().get()),
        |_| email_outbox(None),
    );
    view! {
        <section class="card" aria-labelledby="outbox-heading" data-testid="outbox">
            <h2 id="outbox-heading">{t!("email-outbox-title")}</h2>
            {move || retry.value().get().and_then(|r| r.err()).map(alert)}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match outbox.await {
                        Ok(o) if !o.configured && o.messages.is_empty() => {
                            view! { <p class="hint" data-testid="outbox-off">{t!("email-outbox-off")}</p> }.into_any()
                        }
                        Ok(o) => view! {
                            <p class="summary" data-testid="outbox-counts">
                                {t!("email-outbox-counts", queued = o.queued, sent = o.sent, failed = o.failed)}
                            </p>
                            <DataTable rows=o.messages columns=outbox_columns(retry) caption=t!("email-outbox-title")
                                testid="outbox-messages" row_testid="outbox-row"
                                key=std::sync::Arc::new(|m: &OutboxMessage| format!("{}-{}-{}", m.id, m.status, m.attempts))
                                empty=t!("email-outbox-empty") empty_testid="outbox-empty"/>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
