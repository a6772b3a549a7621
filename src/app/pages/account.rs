use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::inbox::InboxPanel;
use super::orgs::MyOrgs;
use super::sessions::MySessions;
use super::tokens::TokensPanel;
use crate::app::{
    components::{error_banner, ErrorNotice, Field, FormErrors},
    CurrentUser,
};
use crate::i18n::{self, Language};
use crate::model::{AppError, Me};
use crate::server_fns::account::{my_account, my_language, SetMyLanguage, UpdateMyProfile};
use crate::t;
use leptos::server_fn::ServerFn;

/// Every logged-in user's own page: profile, password, sessions and (when
/// allowed) personal tokens.
#[component]
pub fn AccountPage() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    view! {
        <Title text=t!("nav-account")/>
        <h1>{t!("nav-account")}</h1>
        <Suspense fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => view! { <Account me/> }.into_any(),
                    _ => view! { <ErrorNotice error=AppError::Unauthenticated/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Account(me: Me) -> impl IntoView {
    // Personal tokens: administrators (not from an address the allow-list
    // refuses), and members when the configuration allows it.
    let tokens = match (me.admin, me.admin_refusal.clone(), me.tokens_allowed) {
        (true, Some(reason), _) => Some(
            view! { <p class="notice warning" data-testid="admin-refused">{reason}</p> }.into_any(),
        ),
        (_, _, true) => Some(view! { <TokensPanel user_id=me.id.clone()/> }.into_any()),
        _ => None,
    };
    let query = use_query_map();
    let password_changed = move || {
        (query.read().get("password").as_deref() == Some("changed")).then(|| {
            view! { <div class="notice success" role="status">{t!("account-password-changed")}</div> }
        })
    };
    let self_service = me.self_service;
    view! {
        {password_changed}
        <section class="card">
            <dl class="attributes">
                <dt>{t!("common-username")}</dt><dd data-testid="account-username">{me.username.clone()}</dd>
                <dt>{t!("common-role")}</dt><dd>{if me.roles.is_empty() { t!("account-role-member") } else { super::user_detail::role_names(&me.roles) }}</dd>
                <dt>{t!("account-id")}</dt><dd><code>{me.id.clone()}</code></dd>
            </dl>
            {self_service.then(|| view! { <a class="button" href="/account/password">{t!("password-title")}</a> })}
            <a class="button" href="/account/security" data-testid="security-link">{t!("security-title")}</a>
        </section>
        {(!self_service).then(|| view! {
            <p class="notice warning" role="status" data-testid="self-service-off">
                {t!("account-self-service-off")}
            </p>
        })}
        <InboxPanel/>
        {self_service.then(|| view! {
            <MyOrgs/>
            <ProfileForm/>
            <super::email::MailNotices/>
            <LanguageForm/>
            <MySessions/>
            <section class="card" aria-labelledby="my-apps-heading">
                <h2 id="my-apps-heading">{t!("account-apps")}</h2>
                <p class="hint">{t!("account-apps-hint")}</p>
                <super::applications::GrantsList user_id=String::new()/>
            </section>
            {tokens}
        })}
    }
}

/// Display name and email, validated as in the admin's edit.
#[component]
fn ProfileForm() -> impl IntoView {
    let update = ServerAction::<UpdateMyProfile>::new();
    let errors = FormErrors::of(update);
    let account = Resource::new(move || update.version().get(), |_| my_account());
    let saved = move || {
        update
            .value()
            .with(|v| matches!(v, Some(Ok(_))))
            .then(|| view! { <div class="notice success" role="status">{t!("account-profile-saved")}</div> })
    };
    view! {
        <section class="card" aria-labelledby="my-profile-heading">
            <h2 id="my-profile-heading">{t!("account-profile")}</h2>
            {saved}
            {move || error_banner(errors.general())}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match account.await {
                        Ok(user) => view! {
                            <ActionForm action=update attr:class="stack">
                                <Field label=t!("common-display-name") name="display_name"
                                    value=user.display_name.clone().unwrap_or_default()
                                    hint=t!("account-empty-clears") autocomplete="name"
                                    error=errors.field("display_name")/>
                                <Field label=t!("common-email") name="email" kind="email"
                                    value=user.email.clone().unwrap_or_default()
                                    autocomplete="email" error=errors.field("email")/>
                                <button type="submit" class="button primary">{t!("account-save-profile")}</button>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The panel's language for this account: stored, and followed on every
/// browser the user signs in from. A plain form post (works without
/// JavaScript); the page comes back in the new language.
#[component]
fn LanguageForm() -> impl IntoView {
    let stored = Resource::new(|| (), |_| my_language());
    let query = use_query_map();
    let saved = move || {
        (query.read().get("language").as_deref() == Some("saved")).then(|| {
            view! { <div class="notice success" role="status">{t!("account-language-saved")}</div> }
        })
    };
    let now = i18n::current();
    view! {
        <section class="card" aria-labelledby="my-language-heading">
            <h2 id="my-language-heading">{t!("language-menu")}</h2>
            {saved}
            <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    let stored = stored.await.ok().flatten();
                    view! {
                        <form method="post" action=SetMyLanguage::url() class="stack" data-testid="language-form">
                            <div class="field">
                                <label for="field-language">{t!("language-menu")}</label>
                                <select id="field-language" name="language" aria-describedby="field-language-hint">
                                    <option value="" selected=stored.is_none()>
                                        {t!("account-language-browser", language = now.endonym())}
                                    </option>
                                    {Language::ALL.into_iter().map(|language| view! {
                                        <option value=language.code() lang=language.code()
                                            selected=stored == Some(language)>{language.endonym()}</option>
                                    }).collect_view()}
                                </select>
                                <p class="hint" id="field-language-hint">{t!("account-language-hint")}</p>
                            </div>
                            <button type="submit" class="button primary">{t!("account-language-save")}</button>
                        </form>
                    }
                })}
            </Transition>
        </section>
    }
}
